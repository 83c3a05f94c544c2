# Session-20 probe: singular values of the 2000×2000 layers of an ffanalog checkpoint.
# Usage: python3 svd.py MODEL.ffmodel   (needs numpy)
import json, struct, sys
import numpy as np

data = open(sys.argv[1], "rb").read()
# Layout: 8-byte magic, UInt32 version, UInt64 header length, JSON header, Float32 tensors.
header_length = struct.unpack("<Q", data[12:20])[0]
header = json.loads(data[20:20 + header_length])
offset = 20 + header_length
for index, shape in enumerate(header["shapes"]):
    count = int(np.prod(shape))
    tensor = np.frombuffer(data[offset:offset + 4 * count], dtype="<f4").reshape(shape)
    offset += 4 * count
    if tensor.ndim == 2 and tensor.shape[0] == tensor.shape[1]:
        sv = np.linalg.svd(tensor.astype(np.float64), compute_uv=False)
        print(f"layer {index + 1}: " + ", ".join(f"σ{k}={sv[k - 1]:.2f}" for k in (1, 2, 5, 10, 51, 101, 201, 501, 1001)))

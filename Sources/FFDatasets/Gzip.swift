import CZlib
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// In-memory gzip decompression through zlib's `inflate`.
enum Gzip {
    /// Whether `bytes` start with the gzip magic `0x1f 0x8b`.
    /// - Parameter bytes: The file contents.
    static func isGzip(_ bytes: [UInt8]) -> Bool {
        bytes.count >= 2 && bytes[0] == 0x1f && bytes[1] == 0x8b
    }

    /// Decompresses a gzip file held in memory, checking each member's CRC-32
    /// and length trailer.
    ///
    /// Concatenated gzip members are decoded one after another, as `gunzip`
    /// does. A stream that ends early, fails its checks, or is followed by
    /// bytes that are not another gzip member is an error, never a crash.
    /// - Parameters:
    ///   - bytes: The compressed file contents.
    ///   - path: The file's path, for error messages.
    /// - Returns: The decompressed bytes.
    /// - Throws: ``DatasetError/gzipCorrupt(path:reason:)``.
    static func decompress(_ bytes: [UInt8], path: String) throws(DatasetError) -> [UInt8] {
        var output = OutputBuffer(capacity: initialCapacity(for: bytes))
        defer { output.release() }
        let failure: String? = bytes.withUnsafeBufferPointer { input in
            inflateAll(input, into: &output)
        }
        if let failure { throw .gzipCorrupt(path: path, reason: failure) }
        return output.array()
    }

    /// Runs `inflate` over all of `input`; returns a failure reason or `nil`.
    private static func inflateAll(_ input: UnsafeBufferPointer<UInt8>, into output: inout OutputBuffer) -> String? {
        guard let base = input.baseAddress else { return "the file is empty" }
        var stream = z_stream()
        // 15 window bits + 16: expect a gzip header and trailer, not zlib's.
        guard inflateInit2_(&stream, 15 + 16, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            return "zlib could not be initialised"
        }
        defer { inflateEnd(&stream) }
        stream.next_in = UnsafeMutablePointer(mutating: base)
        stream.avail_in = UInt32(input.count)   // IDX files are far below 4 GiB
        while true {
            output.ensureRoom(1 << 20)
            let room = min(output.room, Int(UInt32.max))
            stream.next_out = output.end
            stream.avail_out = UInt32(room)
            let status = inflate(&stream, Z_NO_FLUSH)
            output.count += room - Int(stream.avail_out)
            let consumed = input.count - Int(stream.avail_in)
            switch status {
            case Z_OK:
                continue
            case Z_STREAM_END:
                let remaining = input.count - consumed
                if remaining == 0 { return nil }
                // Another member may follow; anything else is garbage.
                if remaining >= 2 && base[consumed] == 0x1f && base[consumed + 1] == 0x8b {
                    inflateReset(&stream)
                    continue
                }
                return "\(remaining) unexpected bytes after the end of the gzip stream"
            case Z_BUF_ERROR:
                if stream.avail_in == 0 {
                    return "the compressed stream ends early after \(input.count) bytes (truncated download?)"
                }
                continue   // no room was left; the loop makes more
            case Z_DATA_ERROR:
                let message = stream.msg.map { String(cString: $0) } ?? "invalid data"
                return "\(message) at compressed byte \(consumed)"
            case Z_MEM_ERROR:
                return "out of memory while decompressing"
            default:
                return stream.msg.map { String(cString: $0) } ?? "zlib error \(status)"
            }
        }
    }

    /// A capacity guess from the gzip trailer, which stores the uncompressed
    /// size modulo 2³² in its last four bytes (little-endian).
    private static func initialCapacity(for bytes: [UInt8]) -> Int {
        guard bytes.count >= 18 else { return 1 << 16 }
        let n = bytes.count
        let size = Int(bytes[n - 4]) | Int(bytes[n - 3]) << 8 | Int(bytes[n - 2]) << 16 | Int(bytes[n - 1]) << 24
        // A damaged trailer must not cause a huge allocation: cap at 1 GiB.
        return min(max(size, 1 << 16), 1 << 30) + 64
    }

    /// A growable byte buffer that zlib writes into directly, without the
    /// element-wise initialisation an `Array` would need.
    private struct OutputBuffer {
        var base: UnsafeMutablePointer<UInt8>
        var capacity: Int
        var count = 0

        init(capacity: Int) {
            self.capacity = capacity
            base = .allocate(capacity: capacity)
        }

        var room: Int { capacity - count }
        var end: UnsafeMutablePointer<UInt8> { base + count }

        mutating func ensureRoom(_ needed: Int) {
            guard room < needed else { return }
            let newCapacity = max(capacity * 3 / 2, count + needed)
            let newBase = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
            newBase.update(from: base, count: count)
            base.deallocate()
            base = newBase
            capacity = newCapacity
        }

        func array() -> [UInt8] {
            [UInt8](unsafeUninitializedCapacity: count) { target, initialized in
                if let destination = target.baseAddress, count > 0 {
                    memcpy(destination, base, count)
                }
                initialized = count
            }
        }

        func release() {
            base.deallocate()
        }
    }
}

import Foundation
import FFDatasets
import FFNumerics
import FFTraining

/// A trained model on disk: configuration, every layer's parameters, the FF
/// readout, and a CRC-32 over all of it.
///
/// Layout (little-endian): the 8-byte magic `FFANCKPT`, a UInt32 format
/// version, a UInt64 header length, the JSON header (configuration and
/// tensor shapes), the Float32 tensors in header order, and a UInt32 CRC-32 of
/// everything before it. Truncation or any flipped byte is detected.
public struct Checkpoint: Sendable {
    /// `ff` or `bp`.
    public var algorithm: String
    /// Dataset the model was trained on.
    public var dataset: String
    /// Number of input pixels.
    public var inputSize: Int
    /// The seed of the run.
    public var seed: UInt64
    /// FF configuration (FF models).
    public var ffConfiguration: FFConfiguration?
    /// Backprop configuration (BP models).
    public var bpConfiguration: BPConfiguration?
    /// Every layer's parameters.
    public var layers: [LayerParameters]
    /// The FF readout's parameters, if trained.
    public var readout: LayerParameters?

    static let magic = Array("FFANCKPT".utf8)
    static let version: UInt32 = 1

    /// Creates a checkpoint from a trained FF network.
    public init(network: FFNetwork, dataset: String, seed: UInt64) {
        algorithm = "ff"
        self.dataset = dataset
        inputSize = network.inputSize
        self.seed = seed
        ffConfiguration = network.configuration
        bpConfiguration = nil
        layers = network.parameters
        readout = network.readout?.parameters
    }

    /// Creates a checkpoint from a trained backprop network.
    public init(network: BPNetwork, dataset: String, seed: UInt64) {
        algorithm = "bp"
        self.dataset = dataset
        inputSize = network.inputSize
        self.seed = seed
        ffConfiguration = nil
        bpConfiguration = network.configuration
        layers = network.parameters
        readout = nil
    }

    private struct Header: Codable {
        var algorithm: String
        var dataset: String
        var inputSize: Int
        var seed: UInt64
        var ffConfiguration: FFConfiguration?
        var bpConfiguration: BPConfiguration?
        var shapes: [[Int]]          // [outputs, inputs] per tensor pair
        var hasReadout: Bool
    }

    /// Writes the checkpoint atomically.
    /// - Parameter path: Destination file.
    public func write(to path: String) throws {
        let tensors = layers + (readout.map { [$0] } ?? [])
        let header = Header(algorithm: algorithm, dataset: dataset, inputSize: inputSize, seed: seed,
                            ffConfiguration: ffConfiguration, bpConfiguration: bpConfiguration,
                            shapes: tensors.map { [$0.outputSize, $0.inputSize] }, hasReadout: readout != nil)
        var archive = BinaryArchive(magic: Self.magic, version: Self.version,
                                    header: try JSONFile.encoder().encode(header))
        for t in tensors {
            archive.append(contentsOf: t.weights.storage)
            archive.append(contentsOf: t.bias)
        }
        let bytes = archive.finished()
        try AtomicFile.write(bytes, to: path)
    }

    /// Reads and validates a checkpoint.
    /// - Parameter path: The file.
    /// - Throws: ``CheckpointError`` naming the file and what is wrong.
    public static func read(from path: String) throws(CheckpointError) -> Checkpoint {
        let opened = try BinaryArchive.read(path, magic: magic, version: Self.version, header: Header.self,
                                            wrongKind: .notACheckpoint(path: path))
        let (header, bytes, payload) = (opened.header, opened.bytes, opened.payload)
        var offset = payload.lowerBound
        var tensors = [LayerParameters]()
        for shape in header.shapes {
            guard shape.count == 2, shape[0] > 0, shape[1] > 0 else { throw .corrupt(path: path, why: "bad tensor shape \(shape)") }
            let count = shape[0] * shape[1] + shape[0]
            guard offset + 4 * count <= bytes.count - 4 else { throw .corrupt(path: path, why: "tensor data ends early") }
            let values = BinaryArchive.loadArray(bytes, at: offset, count: count, of: Float.self)
            offset += 4 * count
            let w = Matrix(rows: shape[0], columns: shape[1], storage: Array(values[0..<(shape[0] * shape[1])]))
            tensors.append(LayerParameters(weights: w, bias: Array(values[(shape[0] * shape[1])...])))
        }
        guard offset == bytes.count - 4 else { throw .corrupt(path: path, why: "\(bytes.count - 4 - offset) unexpected trailing bytes") }
        var c = Checkpoint(algorithm: header.algorithm, dataset: header.dataset, inputSize: header.inputSize, seed: header.seed,
                           ffConfiguration: header.ffConfiguration, bpConfiguration: header.bpConfiguration,
                           layers: tensors, readout: nil)
        if header.hasReadout, let last = c.layers.popLast() { c.readout = last }
        guard c.layers.first?.inputSize == c.inputSize else { throw .corrupt(path: path, why: "first layer does not take \(c.inputSize) inputs") }
        switch c.algorithm {
        case "ff" where c.ffConfiguration != nil, "bp" where c.bpConfiguration != nil: return c
        default: throw .corrupt(path: path, why: "algorithm '\(c.algorithm)' without its configuration")
        }
    }

    private init(algorithm: String, dataset: String, inputSize: Int, seed: UInt64, ffConfiguration: FFConfiguration?,
                 bpConfiguration: BPConfiguration?, layers: [LayerParameters], readout: LayerParameters?) {
        self.algorithm = algorithm
        self.dataset = dataset
        self.inputSize = inputSize
        self.seed = seed
        self.ffConfiguration = ffConfiguration
        self.bpConfiguration = bpConfiguration
        self.layers = layers
        self.readout = readout
    }

    /// The FF network this checkpoint holds, on digital executors.
    public func makeFFNetwork() -> FFNetwork? {
        guard let ffConfiguration else { return nil }
        return FFNetwork(configuration: ffConfiguration, inputSize: inputSize, parameters: layers, readout: readout)
    }

    /// The backprop network this checkpoint holds, on digital executors.
    public func makeBPNetwork() -> BPNetwork? {
        guard let bpConfiguration else { return nil }
        return BPNetwork(configuration: bpConfiguration, inputSize: inputSize, parameters: layers)
    }
}

/// Why a checkpoint could not be read.
public enum CheckpointError: Error, CustomStringConvertible, Equatable {
    /// The file is missing or unreadable.
    case unreadable(path: String)
    /// The file does not start with the checkpoint magic.
    case notACheckpoint(path: String)
    /// The file is an ffanalog binary file of another kind (not a resumable training state).
    case notATrainingState(path: String)
    /// Written by a newer ffanalog.
    case unsupportedVersion(path: String, version: UInt32)
    /// Damaged or truncated.
    case corrupt(path: String, why: String)

    public var description: String {
        switch self {
        case let .unreadable(path):
            return "cannot read checkpoint \(path): no such file or no permission; pass the path given to --save"
        case let .notACheckpoint(path):
            return "\(path) is not an ffanalog checkpoint (wrong magic bytes); pass a file written by `ffanalog train --save`"
        case let .notATrainingState(path):
            return "\(path) is not an ffanalog training state (wrong magic bytes); pass a file written by `ffanalog train --state`"
        case let .unsupportedVersion(path, version):
            return "checkpoint \(path) has format version \(version), this ffanalog reads version \(Checkpoint.version); upgrade ffanalog"
        case let .corrupt(path, why):
            return "checkpoint \(path) is corrupt (\(why)); it was damaged or truncated, retrain with --save"
        }
    }
}

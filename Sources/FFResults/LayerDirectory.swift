import CZlib
import Foundation
import FFDatasets
import FFNumerics
import FFTraining

/// A ``LayerStore`` on disk: the model of a streaming Forward-Forward run,
/// one file per layer.
///
/// The directory holds `manifest.json` (configuration, input size, dataset,
/// seed), `layer-000.fflayer`, `layer-001.fflayer`, …, `readout.fflayer` when
/// a readout was trained, and `scratch/` for the layer inputs during a run.
/// A layer file is the 8-byte magic `FFANLAYR`, a UInt32 format version, the
/// UInt64 output and input counts, the Float32 weights (row-major) and bias,
/// and a UInt32 CRC-32 of everything before it, all little-endian. Every file
/// is written atomically, so a killed run leaves whole layers or none.
public final class LayerDirectory: LayerStore {
    /// What a layer directory is.
    public struct Manifest: Codable, Sendable, Equatable {
        /// The run's configuration.
        public var configuration: FFConfiguration
        /// Number of input pixels.
        public var inputSize: Int
        /// Dataset the layers were trained on.
        public var dataset: String
        /// The seed of the run.
        public var seed: UInt64
    }

    /// The directory.
    public let path: String
    /// Its manifest.
    public let manifest: Manifest

    static let magic = Array("FFANLAYR".utf8)
    static let version: UInt32 = 1
    static let headerSize = 8 + 4 + 8 + 8

    private init(path: String, manifest: Manifest) {
        self.path = path
        self.manifest = manifest
    }

    /// Creates (or reuses) a directory for a new run and writes its manifest.
    /// - Parameters:
    ///   - path: The directory; created with its parents if missing. Layer
    ///     files of an earlier run there are overwritten as layers finish.
    ///   - configuration: The run's configuration.
    ///   - inputSize: Number of input pixels.
    ///   - dataset: Dataset name, for the checkpoint.
    ///   - seed: The run's seed.
    /// - Throws: ``StreamingError/io(path:operation:reason:)``.
    public static func create(at path: String, configuration: FFConfiguration, inputSize: Int,
                              dataset: String, seed: UInt64) throws -> LayerDirectory {
        let directory = LayerDirectory(path: path, manifest: Manifest(configuration: configuration, inputSize: inputSize,
                                                                      dataset: dataset, seed: seed))
        do {
            try FileManager.default.createDirectory(atPath: directory.scratchDirectory, withIntermediateDirectories: true)
        } catch {
            throw StreamingError.io(path: directory.scratchDirectory, operation: "create directory", reason: error.localizedDescription)
        }
        try JSONFile.write(directory.manifest, to: directory.manifestPath)
        return directory
    }

    /// Opens a directory written by a streaming run.
    /// - Parameter path: The directory.
    /// - Throws: ``StreamingError`` when the manifest is missing or unreadable.
    public static func open(_ path: String) throws(StreamingError) -> LayerDirectory {
        let manifestPath = path + "/manifest.json"
        guard let data = FileManager.default.contents(atPath: manifestPath) else {
            throw .io(path: manifestPath, operation: "read", reason: "no such file; is \(path) a directory written by ff-stream?")
        }
        do {
            return LayerDirectory(path: path, manifest: try JSONFile.decoder().decode(Manifest.self, from: data))
        } catch {
            throw .corrupt(path: manifestPath, why: "unreadable manifest (\(error))")
        }
    }

    private var manifestPath: String { path + "/manifest.json" }

    /// The file of layer `index`.
    public func layerPath(_ index: Int) -> String {
        path + "/layer-" + String(repeating: "0", count: max(0, 3 - String(index).count)) + String(index) + ".fflayer"
    }

    private var readoutPath: String { path + "/readout.fflayer" }

    public var scratchDirectory: String { path + "/scratch" }

    public func writeLayer(_ parameters: LayerParameters, index: Int) throws {
        try Self.write(parameters, to: layerPath(index))
    }

    public func readLayer(_ index: Int) throws -> LayerParameters {
        guard FileManager.default.fileExists(atPath: layerPath(index)) else {
            throw StreamingError.missingLayer(directory: path, index: index)
        }
        return try Self.read(from: layerPath(index))
    }

    public func writeReadout(_ parameters: LayerParameters) throws {
        try Self.write(parameters, to: readoutPath)
    }

    public func readReadout() throws -> LayerParameters? {
        guard FileManager.default.fileExists(atPath: readoutPath) else { return nil }
        return try Self.read(from: readoutPath)
    }

    /// Every layer (and the readout) as one ``Checkpoint``, for `ffanalog
    /// evaluate`; this holds all layers in memory at once.
    /// - Throws: ``StreamingError`` when a layer is missing or corrupt.
    public func checkpoint() throws -> Checkpoint {
        let layers = try (0..<manifest.configuration.hiddenSizes.count).map { try readLayer($0) }
        let network = FFNetwork(configuration: manifest.configuration, inputSize: manifest.inputSize,
                                parameters: layers, readout: try readReadout())
        return Checkpoint(network: network, dataset: manifest.dataset, seed: manifest.seed)
    }

    /// Removes the scratch directory (layer inputs of a finished run).
    public func removeScratch() {
        try? FileManager.default.removeItem(atPath: scratchDirectory)
    }

    // MARK: Layer files

    static func write(_ parameters: LayerParameters, to path: String) throws {
        let floats = parameters.parameterCount
        var data = Data(count: headerSize + 4 * floats + 4)
        data.withUnsafeMutableBytes { raw in
            let bytes = raw.bindMemory(to: UInt8.self)
            var offset = 0
            for b in magic { bytes[offset] = b; offset += 1 }
            func put<T: FixedWidthInteger>(_ value: T) {
                withUnsafeBytes(of: value.littleEndian) { for b in $0 { bytes[offset] = b; offset += 1 } }
            }
            put(version)
            put(UInt64(parameters.outputSize))
            put(UInt64(parameters.inputSize))
            parameters.weights.withUnsafeBufferPointer { w in for v in w { put(v.bitPattern) } }
            for v in parameters.bias { put(v.bitPattern) }
            put(UInt32(CZlib.crc32(0, bytes.baseAddress, uInt(offset))))
        }
        try AtomicFile.write(data, to: path)
    }

    static func read(from path: String) throws -> LayerParameters {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw StreamingError.io(path: path, operation: "read", reason: "no such file or no permission")
        }
        return try data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) throws(StreamingError) -> LayerParameters in
            let bytes = raw.bindMemory(to: UInt8.self)
            func load<T: FixedWidthInteger>(_ offset: Int) -> T {
                var value = T.zero
                withUnsafeMutableBytes(of: &value) { v in for i in 0..<MemoryLayout<T>.size { v[i] = bytes[offset + i] } }
                return T(littleEndian: value)
            }
            guard bytes.count >= headerSize + 4, Array(bytes[0..<8]) == magic else {
                throw .corrupt(path: path, why: "not an ffanalog layer file (wrong magic bytes)")
            }
            guard load(8) as UInt32 == version else { throw .corrupt(path: path, why: "unsupported format version") }
            let stored: UInt32 = load(bytes.count - 4)
            guard stored == UInt32(CZlib.crc32(0, bytes.baseAddress, uInt(bytes.count - 4))) else {
                throw .corrupt(path: path, why: "CRC-32 mismatch")
            }
            let rows = Int(truncatingIfNeeded: load(12) as UInt64)
            let columns = Int(truncatingIfNeeded: load(20) as UInt64)
            guard rows > 0, columns > 0, headerSize + 4 * (rows * columns + rows) + 4 == bytes.count else {
                throw .corrupt(path: path, why: "size does not match a \(rows)×\(columns) layer")
            }
            var weights = Matrix(rows: rows, columns: columns)
            weights.withUnsafeMutableBufferPointer { w in
                for i in 0..<w.count { w[i] = Float(bitPattern: load(headerSize + 4 * i)) }
            }
            let biasStart = headerSize + 4 * rows * columns
            let bias = (0..<rows).map { Float(bitPattern: load(biasStart + 4 * $0)) }
            return LayerParameters(weights: weights, bias: bias)
        }
    }
}

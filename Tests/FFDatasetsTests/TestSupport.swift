import CZlib
import FFDatasets
import Foundation
import Testing

/// A fresh directory under the system temporary directory, removed by `remove()`.
struct TemporaryDirectory {
    let path: String

    init(_ label: String = "ffdatasets") {
        let base = FileManager.default.temporaryDirectory.path
        path = (base as NSString).appendingPathComponent("\(label)-\(UUID().uuidString)")
        try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    func file(_ name: String) -> String {
        (path as NSString).appendingPathComponent(name)
    }

    func subdirectory(_ name: String) -> String {
        let result = file(name)
        try! FileManager.default.createDirectory(atPath: result, withIntermediateDirectories: true)
        return result
    }

    func remove() {
        try? FileManager.default.removeItem(atPath: path)
    }
}

/// Small synthetic IDX content.
enum Synthetic {
    /// Deterministic pseudo-random bytes (a 32-bit LCG), values below `bound`.
    static func bytes(count: Int, seed: UInt32, bound: Int = 256) -> [UInt8] {
        var state = seed &* 747_796_405 &+ 2_891_336_453
        return (0..<count).map { _ in
            state = state &* 1_664_525 &+ 1_013_904_223
            return UInt8(Int(state >> 24) % bound)
        }
    }

    static func images(count: Int, rows: Int = 28, columns: Int = 28, seed: UInt32 = 1) -> IDXArray {
        IDXArray(dimensions: [count, rows, columns], bytes: bytes(count: count * rows * columns, seed: seed))
    }

    static func labels(count: Int, seed: UInt32 = 2) -> IDXArray {
        IDXArray(dimensions: [count], bytes: bytes(count: count, seed: seed, bound: 10))
    }

    /// Writes `bytes` to `path` as is.
    static func writePlain(_ bytes: [UInt8], to path: String) {
        precondition(FileManager.default.createFile(atPath: path, contents: Data(bytes)), "cannot create \(path)")
    }

    /// Writes `bytes` gzip-compressed to `path` with zlib's gzip file API,
    /// independently of the library's own decompressor.
    static func writeGzip(_ bytes: [UInt8], to path: String) {
        guard let file = gzopen(path, "wb9") else { fatalError("gzopen \(path) failed") }
        let written = bytes.withUnsafeBytes { buffer in
            gzwrite(file, buffer.baseAddress, UInt32(buffer.count))
        }
        precondition(Int(written) == bytes.count, "gzwrite wrote \(written) of \(bytes.count) bytes")
        precondition(gzclose(file) == Z_OK, "gzclose failed")
    }

    /// Gzip bytes of `bytes`, through a temporary file.
    static func gzipped(_ bytes: [UInt8]) -> [UInt8] {
        let directory = TemporaryDirectory("gz")
        defer { directory.remove() }
        let path = directory.file("data.gz")
        writeGzip(bytes, to: path)
        return [UInt8](FileManager.default.contents(atPath: path)!)
    }

    /// Writes a complete synthetic data set (all four files) into `directory`.
    static func writeDataset(in directory: String, train: Int = 12, test: Int = 5, gzip: Bool = true) {
        let contents: [(DatasetFile, IDXArray)] = [
            (.trainImages, images(count: train, seed: 11)), (.trainLabels, labels(count: train, seed: 12)),
            (.testImages, images(count: test, seed: 13)), (.testLabels, labels(count: test, seed: 14)),
        ]
        for (file, array) in contents {
            let encoded = IDXFile.encode(array)
            if gzip {
                writeGzip(encoded, to: (directory as NSString).appendingPathComponent(file.gzipName))
            } else {
                writePlain(encoded, to: (directory as NSString).appendingPathComponent(file.plainName))
            }
        }
    }
}

/// Catches a ``DatasetError`` from `body`, or `nil` if it does not throw.
func datasetError<T>(_ body: () throws(DatasetError) -> T) -> DatasetError? {
    do {
        _ = try body()
        return nil
    } catch {
        return error
    }
}

/// Where this test file's package lives, with symlinks resolved, so that
/// `../shared` is found beside the real checkout.
func packageRoot(filePath: String = #filePath) -> URL {
    URL(fileURLWithPath: filePath).resolvingSymlinksInPath()
        .deletingLastPathComponent()   // FFDatasetsTests
        .deletingLastPathComponent()   // Tests
        .deletingLastPathComponent()   // package root
}

/// Whether this process runs under CI (`CI` set to anything but `false`/`0`).
var runningUnderCI: Bool {
    guard let value = ProcessInfo.processInfo.environment["CI"]?.lowercased() else { return false }
    return !value.isEmpty && value != "false" && value != "0"
}

/// Ends the current test as skipped where the toolchain supports it
/// (`Test.cancel`, Swift 6.3); on older toolchains the caller just returns.
func skipTest(_ reason: String) throws {
    #if compiler(>=6.3)
    try Test.cancel(Comment(rawValue: reason))
    #endif
}

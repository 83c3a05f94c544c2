import Foundation

/// Runs the built `ffanalog` binary as a user would.
enum CLI {
    struct Output {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// The package's root directory.
    static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The `ffanalog` binary next to the running test bundle (SwiftPM builds
    /// it because this test target depends on it).
    static var binary: URL {
        let exe = URL(fileURLWithPath: (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
                      ?? CommandLine.arguments[0])
        let sibling = exe.deletingLastPathComponent().appendingPathComponent("ffanalog")
        if FileManager.default.isExecutableFile(atPath: sibling.path) { return sibling }
        return packageRoot.appendingPathComponent(".build/debug/ffanalog")
    }

    /// MNIST: `$FFANALOG_DATA/mnist`, else `shared/data/mnist` beside the checkout.
    static var mnistDirectory: String? {
        var candidates = [String]()
        if let root = ProcessInfo.processInfo.environment["FFANALOG_DATA"] { candidates.append(root + "/mnist") }
        candidates.append(packageRoot.deletingLastPathComponent().appendingPathComponent("shared/data/mnist").path)
        return candidates.first { FileManager.default.fileExists(atPath: $0 + "/t10k-labels-idx1-ubyte.gz") }
    }

    static let fashionDirectory = "/usr/share/datasets/fashion-mnist"

    /// Runs `ffanalog` with `arguments` and waits.
    static func run(_ arguments: [String], environment: [String: String] = [:]) throws -> Output {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        env["OPENBLAS_NUM_THREADS"] = env["OPENBLAS_NUM_THREADS"] ?? "2"
        for (k, v) in environment { env[k] = v }
        process.environment = env
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Output(status: process.terminationStatus,
                      stdout: String(decoding: outData, as: UTF8.self),
                      stderr: String(decoding: errData, as: UTF8.self))
    }

    /// A fresh temporary directory.
    static func temporaryDirectory() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("ffanalog-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    /// Removes a directory made by ``temporaryDirectory()``, with everything in it.
    static func remove(_ directory: URL) {
        try? FileManager.default.removeItem(at: directory)
    }
}

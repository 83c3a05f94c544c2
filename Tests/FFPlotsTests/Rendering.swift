import Foundation

/// Renders SVG to PNG with Debian's `rsvg-convert`, when it is installed.
enum Rendering {
    static let converter = "/usr/bin/rsvg-convert"

    static var isAvailable: Bool { FileManager.default.isExecutableFile(atPath: converter) }

    /// Renders `svg` and returns the PNG bytes, the exit status and stderr.
    static func renderPNG(_ svg: String, name: String) throws -> (status: Int32, png: Data, stderr: String) {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("ffplots-tests-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let input = directory.appendingPathComponent("\(name).svg")
        let output = directory.appendingPathComponent("\(name).png")
        let errors = directory.appendingPathComponent("stderr.txt")
        try Data(svg.utf8).write(to: input)
        guard FileManager.default.createFile(atPath: errors.path, contents: nil) else {
            throw CocoaError(.fileWriteUnknown)
        }

        let process = Process()
        process.executableURL = URL(fileURLWithPath: converter)
        process.arguments = ["--format", "png", "--output", output.path, input.path]
        let errorHandle = try FileHandle(forWritingTo: errors)
        defer { try? errorHandle.close() }
        process.standardError = errorHandle
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        // Only wait: on Linux the child inherits blocked signals, so terminate() may not work.
        process.waitUntilExit()
        let png = (try? Data(contentsOf: output)) ?? Data()
        let stderr = (try? String(contentsOf: errors, encoding: .utf8)) ?? ""
        return (process.terminationStatus, png, stderr)
    }
}

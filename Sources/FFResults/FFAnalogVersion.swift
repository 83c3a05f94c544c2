import Foundation

/// The version of ffanalog recorded in every result.
public enum FFAnalogVersion {
    /// Semantic version of this build.
    public static let current = "0.1.0"

    /// The git commit results were produced from, when known: the
    /// `FFANALOG_GIT_COMMIT` environment variable, else `git rev-parse HEAD` in
    /// the current directory (with `+dirty` when the work tree has changes).
    public static let gitCommit: String? = {
        if let fromEnvironment = ProcessInfo.processInfo.environment["FFANALOG_GIT_COMMIT"], !fromEnvironment.isEmpty {
            return fromEnvironment
        }
        guard let head = git(["rev-parse", "HEAD"]), !head.isEmpty else { return nil }
        let dirty = git(["status", "--porcelain", "--untracked-files=no"]).map { !$0.isEmpty } ?? false
        return dirty ? head + "+dirty" : head
    }()

    private static func git(_ arguments: [String]) -> String? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git"] + arguments
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { return nil }
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { return nil }
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}

import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Runs a program as a child process and waits for it, with a time limit.
///
/// Used to measure each benchmark configuration in a fresh process, so its
/// peak resident memory is its own. Children may inherit blocked signals
/// (SIGTERM can be ignored), so a child past its limit is killed with SIGKILL.
public enum ChildProcess {
    /// How a child ended.
    public struct Outcome: Sendable {
        /// Exit status (or the signal number when killed).
        public var status: Int32
        /// Whether it was killed for running past the limit.
        public var timedOut: Bool
        /// What it printed on standard error.
        public var standardError: String
        /// Wall-clock seconds from start to exit.
        public var seconds: Double
    }

    /// This program's own executable, for re-running it as a child.
    public static var currentExecutable: String {
        (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
    }

    /// Runs `executable` with `arguments` until it exits or `timeout` seconds pass.
    /// - Parameters:
    ///   - executable: Path of the program.
    ///   - arguments: Its arguments.
    ///   - timeout: Seconds before it is killed with SIGKILL.
    ///   - standardErrorPath: A file that receives the child's standard error
    ///     (read back into ``Outcome/standardError``).
    /// - Returns: How it ended.
    /// - Throws: When it cannot be started.
    public static func run(_ executable: String, arguments: [String], timeout: Double,
                           standardErrorPath: String) throws -> Outcome {
        _ = FileManager.default.createFile(atPath: standardErrorPath, contents: nil)
        let errorHandle = try FileHandle(forWritingTo: URL(fileURLWithPath: standardErrorPath))
        defer { try? errorHandle.close() }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        process.standardError = errorHandle
        let start = Date()
        try process.run()
        var timedOut = false
        while process.isRunning {
            if Date().timeIntervalSince(start) > timeout {
                kill(process.processIdentifier, SIGKILL)
                timedOut = true
                break
            }
            usleep(20_000)
        }
        process.waitUntilExit()
        let seconds = Date().timeIntervalSince(start)
        let stderr = (try? String(contentsOfFile: standardErrorPath, encoding: .utf8)) ?? ""
        return Outcome(status: process.terminationStatus, timedOut: timedOut, standardError: stderr, seconds: seconds)
    }
}

import FFAnalog
import Foundation

/// Restarts `ffanalog` with OpenBLAS kernels that match the CPU when
/// OpenBLAS fell back to pre-AVX ones (see ``BLAS/betterCoreType(coreName:cpuFlags:)``).
///
/// OpenBLAS reads `OPENBLAS_CORETYPE` once, when it is loaded, so the only way
/// to change its kernels is to start the process again with the variable set.
/// Nothing happens when `OPENBLAS_CORETYPE` is already set (set it to keep any
/// choice, including OpenBLAS's own), off Linux, or when the exec fails.
/// The restart is announced on a terminal only (error output stays one
/// line for scripts); results record the kernels in their `blas` field.
enum NativeKernels {
    /// Re-executes the current command line with `OPENBLAS_CORETYPE` set, if needed.
    static func restartIfNeeded() {
        #if os(Linux)
        guard ProcessInfo.processInfo.environment["OPENBLAS_CORETYPE"] == nil,
              let core = BLAS.betterCoreType(coreName: BLAS.coreName, cpuFlags: cpuFlags()) else { return }
        if isatty(STDERR_FILENO) != 0 {
            FileHandle.standardError.write(Data((
                "ffanalog: OpenBLAS chose its \(BLAS.coreName) kernels, which predate this CPU; restarting with " +
                "OPENBLAS_CORETYPE=\(core) (about 3× faster products; set OPENBLAS_CORETYPE yourself to choose)\n").utf8))
        }
        setenv("OPENBLAS_CORETYPE", core, 1)
        execv("/proc/self/exe", CommandLine.unsafeArgv)
        unsetenv("OPENBLAS_CORETYPE")
        #endif
    }

    /// The feature flags of the first CPU in `/proc/cpuinfo` (empty if unreadable).
    static func cpuFlags() -> Set<String> {
        guard let text = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8),
              let line = text.split(separator: "\n").first(where: { $0.hasPrefix("flags") }),
              let colon = line.firstIndex(of: ":") else { return [] }
        return Set(line[line.index(after: colon)...].split(separator: " ").map(String.init))
    }
}

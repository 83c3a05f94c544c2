import COpenBLAS

extension BLAS {
    /// The kernel set OpenBLAS chose for this CPU at load time, e.g.
    /// `"Haswell"` or `"SkylakeX"` (`OPENBLAS_CORETYPE` overrides its choice).
    public static var coreName: String {
        guard let c = openblas_get_corename() else { return "unknown" }
        return String(cString: c)
    }

    /// OpenBLAS's kernel sets for CPUs without AVX. A runtime-dispatching
    /// OpenBLAS falls back to one of these when it does not recognise a newer
    /// CPU model (OpenBLAS 0.3.21 picks `Prescott` on Intel's Emerald Rapids
    /// Xeons), which makes every product 3–4× slower than the CPU allows.
    static let kernelsWithoutAVX: Set<String> = [
        "katmai", "coppermine", "northwood", "prescott", "banias", "core2", "penryn", "dunnington",
        "nehalem", "atom", "athlon", "opteron", "opteron_sse3", "barcelona", "bobcat", "nano", "generic",
    ]

    /// The `OPENBLAS_CORETYPE` to ask for when OpenBLAS chose kernels below
    /// what the CPU can run, or `nil` when its choice is fine.
    ///
    /// Only a fallback to a pre-AVX kernel set is corrected; any other choice
    /// (a Zen, Skylake or Haswell kernel set) is OpenBLAS's own and is kept.
    /// - Parameters:
    ///   - coreName: The kernel set OpenBLAS chose (``coreName``).
    ///   - cpuFlags: The CPU's feature flags as Linux lists them in
    ///     `/proc/cpuinfo` (the kernel lists only features the OS enables).
    /// - Returns: `"SkylakeX"` for AVX-512 (F, BW, DQ, VL), `"Haswell"` for
    ///   AVX2 with FMA, `"Sandybridge"` for AVX, otherwise `nil`.
    public static func betterCoreType(coreName: String, cpuFlags: Set<String>) -> String? {
        guard kernelsWithoutAVX.contains(coreName.lowercased()) else { return nil }
        if cpuFlags.isSuperset(of: ["avx512f", "avx512bw", "avx512dq", "avx512vl"]) { return "SkylakeX" }
        if cpuFlags.isSuperset(of: ["avx2", "fma"]) { return "Haswell" }
        if cpuFlags.contains("avx") { return "Sandybridge" }
        return nil
    }
}

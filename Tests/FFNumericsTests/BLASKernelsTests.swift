import Testing
@testable import FFNumerics

@Suite("OpenBLAS kernel choice")
struct BLASKernelsTests {
    let avx512: Set<String> = ["sse2", "avx", "avx2", "fma", "avx512f", "avx512bw", "avx512dq", "avx512vl"]

    @Test("a pre-AVX fallback on an AVX-512 CPU asks for SkylakeX")
    func fallbackOnAVX512() {
        #expect(BLAS.betterCoreType(coreName: "Prescott", cpuFlags: avx512) == "SkylakeX")
        #expect(BLAS.betterCoreType(coreName: "NEHALEM", cpuFlags: avx512) == "SkylakeX")
    }

    @Test("AVX2 with FMA asks for Haswell, AVX alone for Sandybridge, no AVX for nothing")
    func smallerFeatureSets() {
        #expect(BLAS.betterCoreType(coreName: "Prescott", cpuFlags: ["avx", "avx2", "fma", "avx512f"]) == "Haswell")
        #expect(BLAS.betterCoreType(coreName: "Prescott", cpuFlags: ["avx", "avx2"]) == "Sandybridge")
        #expect(BLAS.betterCoreType(coreName: "Prescott", cpuFlags: ["sse2", "sse3"]) == nil)
        #expect(BLAS.betterCoreType(coreName: "Prescott", cpuFlags: []) == nil)
    }

    @Test("OpenBLAS's own AVX choices are kept")
    func nativeChoicesKept() {
        for core in ["Haswell", "SkylakeX", "Zen", "Cooperlake", "Sandybridge", "neoversen1"] {
            #expect(BLAS.betterCoreType(coreName: core, cpuFlags: avx512) == nil)
        }
    }

    @Test("this process's OpenBLAS names its kernels")
    func coreNameIsReported() {
        #expect(!BLAS.coreName.isEmpty)
        #expect(BLAS.coreName != "unknown")
    }
}

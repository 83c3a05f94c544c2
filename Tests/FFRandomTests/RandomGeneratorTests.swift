import Testing
import FFNumerics
@testable import FFRandom

@Suite("Seeded GSL random numbers")
struct RandomGeneratorTests {
    @Test("the same seed gives the same stream; different seeds differ")
    func reproducible() {
        let a = RandomGenerator(seed: 42), b = RandomGenerator(seed: 42), c = RandomGenerator(seed: 43)
        let xa = (0..<100).map { _ in a.uniform() }
        let xb = (0..<100).map { _ in b.uniform() }
        let xc = (0..<100).map { _ in c.uniform() }
        #expect(xa == xb)
        #expect(xa != xc)
    }

    @Test("derived streams do not depend on draws from the parent")
    func derivedStreams() {
        let a = RandomGenerator(seed: 7)
        let first = a.derived(stream: "init").uniform()
        _ = (0..<10).map { _ in a.uniform() }
        #expect(a.derived(stream: "init").uniform() == first)
        #expect(a.derived(stream: "shuffle").uniform() != first)
    }

    @Test("Gaussian draws have the configured mean and deviation")
    func gaussianMoments() {
        let r = RandomGenerator(seed: 1)
        var m = Matrix(rows: 200, columns: 500)
        r.fillGaussian(&m, mean: 0.5, sigma: 2)
        let n = Double(m.count)
        let mean = m.storage.reduce(0.0) { $0 + Double($1) } / n
        let variance = m.storage.reduce(0.0) { $0 + (Double($1) - mean) * (Double($1) - mean) } / (n - 1)
        // Standard errors: σ/√n ≈ 0.0063 for the mean, σ/√(2n) ≈ 0.0045 for σ. Allow 5 of each.
        #expect(abs(mean - 0.5) < 5 * 2 / n.squareRoot())
        #expect(abs(variance.squareRoot() - 2) < 5 * 2 / (2 * n).squareRoot())
    }

    @Test("permutations contain every index once and uniform ints stay in range")
    func permutation() {
        let r = RandomGenerator(seed: 3)
        let p = r.permutation(1000)
        #expect(Set(p).count == 1000 && p.min() == 0 && p.max() == 999)
        #expect(p != Array(0..<1000))
        for _ in 0..<1000 { #expect((0..<7).contains(r.uniformInt(below: 7))) }
    }

    @Test("seed mixing is stable across processes")
    func stableHash() {
        #expect(SplitMix64.hash("init") == SplitMix64.hash("init"))
        #expect(SplitMix64.mix(0) == 0xE220_A839_7B1D_CDAF)
    }
}

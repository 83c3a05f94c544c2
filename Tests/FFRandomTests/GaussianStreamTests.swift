#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Testing
import FFNumerics
@testable import FFRandom

@Suite("Fast Gaussian stream (xoshiro256++ and ziggurat)")
struct GaussianStreamTests {
    /// One million standard normal draws from a fixed seed.
    static func draws(seed: UInt64 = 2024, count: Int = 1_000_000) -> [Float] {
        var values = [Float](repeating: 0, count: count)
        let stream = GaussianStream(seed: seed)
        values.withUnsafeMutableBufferPointer { stream.fill($0, sigma: 1) }
        return values
    }

    @Test("xoshiro256++ matches the reference implementation")
    func referenceVector() {
        // From state (1, 2, 3, 4): first output rotl(1 + 4, 23) + 1.
        var g = Xoshiro256PlusPlus(state: (1, 2, 3, 4))
        #expect(g.next() == 41_943_041)
        // One step turns the state into (7, 0, 2 ^ (2 << 17), rotl(6, 45)) = (7, 0, 262146, 6 << 45),
        // so the second output is rotl(7 + (6 << 45), 23) + 7.
        let s3: UInt64 = 211_106_232_532_992
        let expected = ((7 &+ s3) << 23 | (7 &+ s3) >> 41) &+ 7
        #expect(g.next() == expected)
    }

    @Test("the same seed reproduces the stream bit for bit; other seeds and derived streams differ")
    func reproducible() {
        let a = Self.draws(seed: 7, count: 10_000), b = Self.draws(seed: 7, count: 10_000)
        let c = Self.draws(seed: 8, count: 10_000)
        #expect(a.map(\.bitPattern) == b.map(\.bitPattern))
        #expect(a != c)
        let parent = GaussianStream(seed: 7)
        let first = parent.derived(stream: "read").next()
        _ = parent.next()
        #expect(parent.derived(stream: "read").next() == first)
        #expect(parent.derived(stream: "program").next() != first)
        // Chunked fills continue the same sequence as one long fill.
        let chunked = GaussianStream(seed: 7)
        var parts = [Float](repeating: 0, count: 10_000)
        parts.withUnsafeMutableBufferPointer { p in
            chunked.fill(UnsafeMutableBufferPointer(rebasing: p[0..<3_333]))
            chunked.fill(UnsafeMutableBufferPointer(rebasing: p[3_333...]))
        }
        #expect(parts == a)
    }

    @Test("mean, deviation, skewness and kurtosis match N(0, 1) within 5 standard errors")
    func moments() {
        let x = Self.draws()
        let n = Double(x.count)
        let mean = x.reduce(0.0) { $0 + Double($1) } / n
        var m2 = 0.0, m3 = 0.0, m4 = 0.0
        for v in x {
            let d = Double(v) - mean
            m2 += d * d; m3 += d * d * d; m4 += d * d * d * d
        }
        m2 /= n; m3 /= n; m4 /= n
        let sd = m2.squareRoot()
        let skew = m3 / (m2 * sd)
        let excessKurtosis = m4 / (m2 * m2) - 3
        // Standard errors for n normal draws: 1/√n, 1/√(2n), √(6/n), √(24/n).
        #expect(abs(mean) < 5 / n.squareRoot())
        #expect(abs(sd - 1) < 5 / (2 * n).squareRoot())
        #expect(abs(skew) < 5 * (6 / n).squareRoot())
        #expect(abs(excessKurtosis) < 5 * (24 / n).squareRoot())
    }

    @Test("tail frequencies, the ziggurat's tail beyond r and the histogram match the normal law")
    func tails() {
        let x = Self.draws(seed: 99)
        let n = Double(x.count)
        // P(|Z| > t) for t = 1, 2, 3, 3.6541528853610088 (the ziggurat's tail start), 4.
        let cases: [(Float, Double)] = [(1, 0.317_310_507_862_914), (2, 0.045_500_263_896_358),
                                        (3, 0.002_699_796_063_260), (3.654_152_9, 0.000_258_1), (4, 0.000_063_342_483_666)]
        for (t, p) in cases {
            let k = Double(x.reduce(0) { $0 + (abs($1) > t ? 1 : 0) })
            let se = (p * (1 - p) / n).squareRoot()
            #expect(abs(k / n - p) < 5 * se, "P(|Z| > \(t)) = \(k / n), expected \(p)")
        }
        #expect(x.allSatisfy { $0.isFinite })
        #expect(x.max()! > 4 && x.min()! < -4)
        // χ² over 40 equiprobable-ish bins of width 0.2 on [−4, 4]: within mean + 5 sd of χ²(41).
        var bins = [Double](repeating: 0, count: 42)
        for v in x {
            let b = v < -4 ? 0 : (v >= 4 ? 41 : 1 + Int((v + 4) / 0.2))
            bins[min(b, 41)] += 1
        }
        func cdf(_ z: Double) -> Double { 0.5 * erfc(-z / 2.0.squareRoot()) }
        var chi2 = 0.0
        for b in 0..<42 {
            let lo = b == 0 ? -Double.infinity : -4 + Double(b - 1) * 0.2
            let hi = b == 41 ? Double.infinity : -4 + Double(b) * 0.2
            let expected = n * (cdf(hi) - cdf(lo))
            chi2 += (bins[b] - expected) * (bins[b] - expected) / expected
        }
        #expect(chi2 < 41 + 5 * (2 * 41.0).squareRoot(), "χ² = \(chi2)")
    }

    @Test("sigma scales the draws and addNoise adds to what is there")
    func scalingAndAdding() {
        let base = Self.draws(seed: 5, count: 1000)
        var scaled = [Float](repeating: 0, count: 1000)
        scaled.withUnsafeMutableBufferPointer { GaussianStream(seed: 5).fill($0, sigma: 3) }
        #expect(zip(base, scaled).allSatisfy { abs(3 * $0 - $1) <= 1e-6 * abs($1) })
        var added = [Float](repeating: 10, count: 1000)
        added.withUnsafeMutableBufferPointer { GaussianStream(seed: 5).addNoise(to: $0, sigma: 2) }
        #expect(zip(base, added).allSatisfy { abs(10 + 2 * $0 - $1) < 1e-5 })
        var untouched = [Float](repeating: 1, count: 10)
        untouched.withUnsafeMutableBufferPointer { GaussianStream(seed: 5).addNoise(to: $0, sigma: 0) }
        #expect(untouched == [Float](repeating: 1, count: 10))
        var m = Matrix(rows: 2, columns: 3)
        GaussianStream(seed: 5).fill(&m, sigma: 1)
        #expect(m.storage == Array(base[0..<6]))
    }

    @Test("uniform draws lie in [0, 1) with mean 1/2")
    func uniform() {
        let g = GaussianStream(seed: 11)
        let u = (0..<100_000).map { _ in g.uniform() }
        #expect(u.allSatisfy { $0 >= 0 && $0 < 1 })
        let mean = u.reduce(0, +) / 100_000
        #expect(abs(mean - 0.5) < 5 * (1.0 / 12 / 100_000).squareRoot())
    }
}

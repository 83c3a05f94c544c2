import CGSL
import FFNumerics

/// A seeded random-number generator backed by GSL's Mersenne Twister
/// (`gsl_rng_mt19937`), with the GSL distributions ffanalog needs.
///
/// One seed reproduces every draw. Independent streams for separate purposes
/// (weight initialisation, shuffling, negative labels, device instances) are
/// derived with ``derived(stream:)`` so that adding draws to one purpose never
/// shifts another's.
public final class RandomGenerator {
    let rng: UnsafeMutablePointer<gsl_rng>
    /// The seed this generator started from.
    public let seed: UInt64

    /// Creates a generator.
    /// - Parameter seed: Any 64-bit value; it is folded to GSL's `unsigned long`.
    public init(seed: UInt64) {
        guard let r = gsl_rng_alloc(ffanalog_gsl_rng_mt19937()) else {
            fatalError("gsl_rng_alloc failed: out of memory")
        }
        rng = r
        self.seed = seed
        // mt19937 treats seed 0 as its default seed 4357; mix so that every
        // distinct 64-bit seed gives a distinct 32-bit state seed.
        gsl_rng_set(rng, UInt(truncatingIfNeeded: SplitMix64.mix(seed) & 0xFFFF_FFFF))
    }

    deinit { gsl_rng_free(rng) }

    /// A new generator whose seed is derived from this one's seed and `stream`,
    /// independent of how many numbers this generator has drawn.
    /// - Parameter stream: A label for the purpose, e.g. `"init"` or `"shuffle"`.
    public func derived(stream: String) -> RandomGenerator {
        RandomGenerator(seed: SplitMix64.mix(seed ^ SplitMix64.hash(stream)))
    }

    /// Uniform double in [0, 1).
    public func uniform() -> Double { gsl_rng_uniform(rng) }

    /// Uniform integer in `0..<bound`.
    /// - Parameter bound: Exclusive upper limit, 1 ... 2³².
    public func uniformInt(below bound: Int) -> Int {
        precondition(bound > 0, "uniformInt(below:) needs a positive bound")
        return Int(gsl_rng_uniform_int(rng, UInt(bound)))
    }

    /// Uniform double in [a, b).
    public func flat(_ a: Double, _ b: Double) -> Double { gsl_ran_flat(rng, a, b) }

    /// Gaussian with mean 0 and standard deviation `sigma` (GSL's ziggurat).
    public func gaussian(sigma: Double = 1) -> Double { gsl_ran_gaussian_ziggurat(rng, sigma) }

    /// Lognormal: `exp(N(zeta, sigma²))`.
    public func lognormal(zeta: Double, sigma: Double) -> Double { gsl_ran_lognormal(rng, zeta, sigma) }

    /// Bernoulli trial: true with probability `p`.
    public func bernoulli(_ p: Double) -> Bool { gsl_ran_bernoulli(rng, p) == 1 }

    /// Shuffles `values` in place (Fisher–Yates via GSL).
    public func shuffle(_ values: inout [Int]) {
        values.withUnsafeMutableBytes { raw in
            gsl_ran_shuffle(rng, raw.baseAddress, raw.count / MemoryLayout<Int>.stride, MemoryLayout<Int>.stride)
        }
    }

    /// A random permutation of `0..<count`.
    public func permutation(_ count: Int) -> [Int] {
        var p = Array(0..<count)
        shuffle(&p)
        return p
    }

    /// Fills `matrix` with Gaussian values of mean `mean` and deviation `sigma`.
    public func fillGaussian(_ matrix: inout Matrix, mean: Float = 0, sigma: Float) {
        matrix.withUnsafeMutableBufferPointer { b in
            for i in b.indices { b[i] = mean + Float(gsl_ran_gaussian_ziggurat(rng, Double(sigma))) }
        }
    }

    /// Fills `matrix` with values uniform in [a, b).
    public func fillUniform(_ matrix: inout Matrix, from a: Float, to b: Float) {
        matrix.withUnsafeMutableBufferPointer { buffer in
            for i in buffer.indices { buffer[i] = Float(gsl_ran_flat(rng, Double(a), Double(b))) }
        }
    }
}

/// SplitMix64 (Steele, Lea & Flood 2014): a tiny mixer used to derive seeds.
public enum SplitMix64 {
    /// One SplitMix64 output step applied to `x`.
    @inlinable public static func mix(_ x: UInt64) -> UInt64 {
        var z = x &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A stable 64-bit hash of a string (FNV-1a then mixed); unlike
    /// `Hasher`, it is the same in every process.
    public static func hash(_ s: String) -> UInt64 {
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in s.utf8 {
            h ^= UInt64(byte)
            h = h &* 0x0000_0100_0000_01B3
        }
        return mix(h)
    }
}

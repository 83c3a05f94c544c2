#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import FFNumerics

/// A fast, seeded stream of Gaussian `Float`s for per-element noise.
///
/// The bits come from xoshiro256++ (Blackman & Vigna, "Scrambled linear
/// pseudorandom number generators", ACM TOMS 2021), seeded through
/// ``SplitMix64`` as its authors recommend. Gaussians are made by the
/// 256-layer ziggurat of Marsaglia & Tsang ("The ziggurat method for
/// generating random variables", J. Stat. Softw. 2000) in the formulation of
/// Doornik (2005): one 64-bit draw per sample on the fast path (≈ 99 % of
/// draws), an exact rejection step on the layer edges and Marsaglia's
/// exponential method for the tail beyond r ≈ 3.654.
///
/// Use it where millions of draws are needed per call (read noise on every
/// analog product, programming noise on every device write). Device
/// parameters that are drawn once per instance keep using GSL through
/// ``RandomGenerator``.
///
/// The same seed gives the same sequence on every platform: only integer
/// arithmetic, IEEE `Float`/`Double` operations and `log`/`exp` of the
/// C library on the rare slow path are involved.
public final class GaussianStream {
    /// The seed this stream started from.
    public let seed: UInt64
    @exclusivity(unchecked) var state: Xoshiro256PlusPlus

    /// Creates a stream.
    /// - Parameter seed: Any 64-bit value.
    public init(seed: UInt64) {
        self.seed = seed
        state = Xoshiro256PlusPlus(seed: seed)
    }

    /// A new stream whose seed is derived from this one's seed and `stream`,
    /// independent of how many numbers this stream has produced.
    /// - Parameter stream: A label for the purpose, e.g. `"read-noise"`.
    public func derived(stream: String) -> GaussianStream {
        GaussianStream(seed: SplitMix64.mix(seed ^ SplitMix64.hash(stream)))
    }

    /// Where the stream is in its sequence, to save and later restore (for
    /// example to measure one device state in several ways).
    public struct Position: Equatable {
        let state: Xoshiro256PlusPlus
    }

    /// The current position; setting it rewinds or advances the stream.
    public var position: Position {
        get { Position(state: state) }
        set { state = newValue.state }
    }

    /// The next 64 raw bits.
    @inline(__always) public func nextBits() -> UInt64 { state.next() }

    /// A uniform `Double` in [0, 1) with 53 random bits.
    public func uniform() -> Double { Double(state.next() >> 11) * 0x1.0p-53 }

    /// One standard Gaussian value (mean 0, deviation 1).
    public func next() -> Float {
        Ziggurat.table.withUnsafeBufferPointer { table in
            Ziggurat.sample(&state, table.baseAddress!)
        }
    }

    /// Overwrites `buffer` with Gaussian values of mean 0 and deviation `sigma`.
    /// - Parameters:
    ///   - buffer: The values to overwrite.
    ///   - sigma: Standard deviation (≥ 0).
    public func fill(_ buffer: UnsafeMutableBufferPointer<Float>, sigma: Float = 1) {
        guard let base = buffer.baseAddress, buffer.count > 0 else { return }
        var s = state
        Ziggurat.table.withUnsafeBufferPointer { table in
            let t = table.baseAddress!
            for i in 0..<buffer.count { base[i] = sigma * Ziggurat.sample(&s, t) }
        }
        state = s
    }

    /// Adds Gaussian values of mean 0 and deviation `sigma` to `buffer`.
    /// - Parameters:
    ///   - buffer: The values to perturb in place.
    ///   - sigma: Standard deviation (≥ 0); 0 leaves `buffer` unchanged and draws nothing.
    public func addNoise(to buffer: UnsafeMutableBufferPointer<Float>, sigma: Float) {
        guard sigma != 0, let base = buffer.baseAddress, buffer.count > 0 else { return }
        var s = state
        Ziggurat.table.withUnsafeBufferPointer { table in
            let t = table.baseAddress!
            for i in 0..<buffer.count { base[i] += sigma * Ziggurat.sample(&s, t) }
        }
        state = s
    }

    /// Overwrites every element of `matrix` with Gaussian values.
    /// - Parameters:
    ///   - matrix: The matrix to overwrite (its shape is kept).
    ///   - sigma: Standard deviation (≥ 0).
    public func fill(_ matrix: inout Matrix, sigma: Float = 1) {
        matrix.withUnsafeMutableBufferPointer { fill($0, sigma: sigma) }
    }

    /// Adds Gaussian values to every element of `matrix`.
    /// - Parameters:
    ///   - matrix: The matrix to perturb in place.
    ///   - sigma: Standard deviation (≥ 0).
    public func addNoise(to matrix: inout Matrix, sigma: Float) {
        matrix.withUnsafeMutableBufferPointer { addNoise(to: $0, sigma: sigma) }
    }
}

/// xoshiro256++ 1.0 (Blackman & Vigna): 256 bits of state, period 2²⁵⁶ − 1.
struct Xoshiro256PlusPlus: Sendable, Equatable {
    var s0: UInt64, s1: UInt64, s2: UInt64, s3: UInt64

    /// Seeds the four words from consecutive SplitMix64 outputs, so the
    /// state is never all zero.
    init(seed: UInt64) {
        var x = seed
        func nextSplitMix() -> UInt64 {
            x &+= 0x9E37_79B9_7F4A_7C15
            return SplitMix64.mix(x &- 0x9E37_79B9_7F4A_7C15)
        }
        s0 = nextSplitMix()
        s1 = nextSplitMix()
        s2 = nextSplitMix()
        s3 = nextSplitMix()
    }

    /// Sets the state words directly (for the reference test vectors).
    init(state: (UInt64, UInt64, UInt64, UInt64)) {
        (s0, s1, s2, s3) = state
    }

    @inline(__always) mutating func next() -> UInt64 {
        let result = ((s0 &+ s3) << 23 | (s0 &+ s3) >> 41) &+ s0
        let t = s1 << 17
        s2 ^= s0
        s3 ^= s1
        s1 ^= s2
        s0 ^= s3
        s2 ^= t
        s3 = s3 << 45 | s3 >> 19
        return result
    }
}

/// The 256-layer ziggurat for the standard normal density f(x) = exp(−x²/2).
enum Ziggurat {
    /// Start of the tail, and the common area of every layer (base strip
    /// plus tail included), for 256 layers (Marsaglia & Tsang 2000).
    static let r = 3.6541528853610088
    static let area = 0.00492867323399

    /// Per layer `i` (0...255), four `Double`s: the layer's right edge `x[i]`
    /// scaled by 2⁻³¹, the acceptance bound ⌊x[i+1]/x[i] · 2³¹⌋, f(x[i]) and
    /// f(x[i+1]). `x[0] = area / f(r)` is the pseudo-width of the base strip.
    static let table: [Double] = {
        let n = 256
        var x = [Double](repeating: 0, count: n + 1)
        x[0] = area / exp(-0.5 * r * r)
        x[1] = r
        for i in 2..<n { x[i] = (-2 * log(area / x[i - 1] + exp(-0.5 * x[i - 1] * x[i - 1]))).squareRoot() }
        x[n] = 0
        var t = [Double](repeating: 0, count: 4 * n)
        for i in 0..<n {
            t[4 * i] = x[i] * 0x1.0p-31
            t[4 * i + 1] = (x[i + 1] / x[i] * 0x1.0p31).rounded(.down)
            t[4 * i + 2] = exp(-0.5 * x[i] * x[i])
            t[4 * i + 3] = exp(-0.5 * x[i + 1] * x[i + 1])
        }
        return t
    }()

    /// One standard normal sample.
    @inline(__always)
    static func sample(_ s: inout Xoshiro256PlusPlus, _ t: UnsafePointer<Double>) -> Float {
        while true {
            let bits = s.next()
            let layer = Int(truncatingIfNeeded: bits & 0xFF)
            let j = Int32(truncatingIfNeeded: Int64(bitPattern: bits) >> 32)
            let row = t + 4 * layer
            // Fast path: inside the rectangle that lies wholly under the curve.
            if Double(j.magnitude) < row[1] { return Float(Double(j) * row[0]) }
            if let value = slowPath(&s, row: row, layer: layer, j: j) { return value }
        }
    }

    /// The wedge test for layers 1…255 and the tail for the base strip;
    /// `nil` means "rejected, draw again".
    @inline(never)
    static func slowPath(_ s: inout Xoshiro256PlusPlus, row: UnsafePointer<Double>, layer: Int, j: Int32) -> Float? {
        if layer == 0 {
            // Tail beyond r (Marsaglia 1964): accept r + a with a = −ln(U₁)/r
            // when −2 ln(U₂) > a².
            while true {
                let u1 = Double((s.next() >> 11) + 1) * 0x1.0p-53
                let u2 = Double((s.next() >> 11) + 1) * 0x1.0p-53
                let a = -log(u1) / r
                if -2 * log(u2) > a * a { return Float(j < 0 ? -(r + a) : r + a) }
            }
        }
        let z = Double(j) * row[0]
        let u = Double(s.next() >> 11) * 0x1.0p-53
        if row[3] + u * (row[2] - row[3]) < exp(-0.5 * z * z) { return Float(z) }
        return nil
    }
}

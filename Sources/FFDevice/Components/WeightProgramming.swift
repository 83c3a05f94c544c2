/// Writing intended weights into differential conductance pairs.
///
/// A weight w becomes the normalised targets g̃⁺ = max(w̃, 0) and
/// g̃⁻ = max(−w̃, 0) with w̃ = clip(w / w_max, −1, 1), each rounded to one of
/// 2^bits levels over [0, 1] when the device has finite resolution. Writing
/// a device adds Gaussian programming noise and clips the result to [0, 1]
/// (conductances cannot be negative or exceed g_max). The read-out weight of
/// a pair is w_max · (g⁺ − g⁻).
///
/// Noise models: absolute, σ = programming_noise (relative to g_max); or the
/// PCM polynomial of Nandakumar et al. (ICECS 2019) as implemented by
/// aihwkit's `PCMLikeNoiseModel.apply_programming_noise_to_conductance`:
/// σ = scale · (0.26348 + 1.9650 g̃_T − 1.1731 g̃_T²) · g_max / 25 µS, i.e.
/// σ/g_max = scale · (…) / 25 for the aihwkit reference g_max = 25 µS.
///
/// Without w_max the mapping is the identity in weight units (g_max ≙ 1):
/// no clip, no levels, and without noise w_eff = g⁺ − g⁻ = w exactly (the
/// ideal preset); programming noise is then absolute, in weight units, and
/// written conductances are only kept non-negative.
struct WeightProgramming: Sendable {
    /// PCM programming-noise polynomial coefficients c₀, c₁, c₂ (µS at g_max = 25 µS).
    static let pcmCoefficients: (Float, Float, Float) = (0.26348, 1.9650, -1.1731)
    /// The g_max (µS) the PCM coefficients were fitted for.
    static let pcmReferenceGMax: Float = 25

    /// w_max (1 when unbounded).
    let scale: Float
    /// Whether weights are clipped to [−w_max, w_max] and conductances to [0, g_max].
    let bounded: Bool
    /// 2^bits − 1 steps over [0, 1], or `nil` when continuous.
    let steps: Float?
    /// Programming-noise level (σ or the PCM scale).
    let noise: Float
    /// Programming-noise model.
    let model: ProgrammingNoiseModel

    /// - Parameter settings: The preset's weight section.
    init(_ settings: DevicePreset.WeightSettings) {
        scale = settings.maxWeight ?? 1
        bounded = settings.maxWeight != nil
        steps = settings.bits.map { Float((1 << $0) - 1) }
        noise = settings.programmingNoise
        model = settings.noiseModel
    }

    /// Whether writes are noisy.
    var isNoisy: Bool { noise > 0 }

    /// Number of conductance levels per device, or `nil` when continuous.
    var levelCount: Int? { steps.map { Int($0) + 1 } }

    /// The normalised target conductances of the pair that stores `w`.
    @inline(__always) func targets(_ w: Float) -> (plus: Float, minus: Float) {
        var g = w / scale
        if bounded { g = Swift.min(Swift.max(g, -1), 1) }
        var plus = Swift.max(g, 0), minus = Swift.max(-g, 0)
        if let steps {
            plus = Quantizer.roundToInteger(plus * steps) / steps
            minus = Quantizer.roundToInteger(minus * steps) / steps
        }
        return (plus, minus)
    }

    /// σ of the programmed conductance around target `g` (relative to g_max).
    @inline(__always) func sigma(target g: Float) -> Float {
        switch model {
        case .absolute:
            return noise
        case .pcm:
            let (c0, c1, c2) = Self.pcmCoefficients
            return Swift.max(0, noise * (c0 + c1 * g + c2 * g * g) / Self.pcmReferenceGMax)
        }
    }

    /// The conductance a write of `target` leaves, given a standard normal `xi`.
    @inline(__always) func write(target: Float, xi: Float) -> Float {
        guard isNoisy else { return target }
        let g = Swift.max(target + sigma(target: target) * xi, 0)
        return bounded ? Swift.min(g, 1) : g
    }
}

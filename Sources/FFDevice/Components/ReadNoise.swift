#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Read noise, in three parts.
///
/// 1. Output noise on every analog product: Gaussian, σ = output · R on
///    each output (aihwkit `out_noise`, here relative to the ADC range).
/// 2. Output-referred weight read noise on every product (aihwkit
///    `w_noise` with `WeightNoiseType.PCM_READ` or `ADDITIVE_CONSTANT`):
///    σᵢ = ρ · √(w_max Σⱼ |w_eff,ij| xⱼ²) or σᵢ = ρ · w_max · ‖x‖ (the bias
///    column's constant input 1 included). It needs a second product with
///    |W| and x², made only when ρ > 0.
/// 3. PCM's accumulated 1/f noise (aihwkit `PCMLikeNoiseModel.apply_drift_noise_to_conductance`,
///    after Nandakumar et al. 2019): at read time t = t_read + t₀ each
///    device's drifted conductance gets g ← g + |g| · σ₁f · ξ with
///    σ₁f = scale · Q_s · √(ln((t + t_r) / (2 t_r))), Q_s = min(0.0088 / max(g̃_prog^0.65, 10⁻³), 0.2),
///    t_r = 250 ns, and is clipped at 0. It is drawn once per device whenever
///    the read time changes or devices are written (not per product), as
///    aihwkit draws it once per `drift_analog_weights` call. g̃_prog is the
///    programmed conductance normalised by g_max, as current aihwkit does.
struct ReadNoise: Sendable {
    /// aihwkit's t_read of the 1/f fit, in seconds.
    static let tRead = 250e-9

    /// Absolute σ of the output noise (output · R).
    let outputSigma: Float
    /// ρ of the weight read noise.
    let weight: Float
    /// How the weight read noise scales.
    let weightModel: WeightReadNoiseModel
    /// w_max, the unit that turns normalised into weight units.
    let weightScale: Float
    /// Scale of the 1/f noise (0 = off).
    let oneOverF: Float

    /// - Parameters:
    ///   - settings: The preset's read-noise section.
    ///   - outputRange: The ADC range R (1 when unbounded).
    ///   - weightScale: w_max (1 when unbounded).
    init(_ settings: DevicePreset.ReadNoiseSettings, outputRange: Float?, weightScale: Float) {
        outputSigma = settings.output * (outputRange ?? 1)
        weight = settings.weight
        weightModel = settings.weightModel
        self.weightScale = weightScale
        oneOverF = settings.oneOverF
    }

    /// Whether any noise is drawn on each product.
    var perRead: Bool { outputSigma > 0 || weight > 0 }

    /// Q_s of the 1/f model at normalised programmed conductance `g`.
    @inline(__always) static func qs(_ g: Float) -> Float {
        Swift.min(0.0088 / Swift.max(powf(abs(g), 0.65), 1e-3), 0.2)
    }

    /// Q_s sampled at g̃ = k / 4096 (k = 0…4096) and, where it is steep, at
    /// g̃ = k / 262 144 (k = 0…4096, i.e. g̃ < 1/64), for ``tabulatedQs(_:)``.
    static let qsTable: [Float] = (0...4096).map { qs(Float($0) / 4096) }
    static let qsFineTable: [Float] = (0...4096).map { qs(Float($0) / 262_144) }

    /// Q_s by linear interpolation for g̃ in [0, 1] (exact outside); within
    /// 10⁻³ relative of ``qs(_:)`` and free of `powf`, so that rewriting every
    /// device after each training step stays cheap.
    @inline(__always) static func tabulatedQs(_ g: Float) -> Float {
        guard g >= 0 && g < 1 else { return qs(g) }
        let fine = g < 1.0 / 64
        let x = g * (fine ? 262_144 : 4096)
        let i = Int(x)
        let f = x - Float(i)
        return (fine ? qsFineTable : qsTable).withUnsafeBufferPointer { t in t[i] + f * (t[i + 1] - t[i]) }
    }

    /// scale · √(ln((t + t_r) / (2 t_r))) at absolute time t = t_read + t₀ (seconds).
    func oneOverFFactor(time t: Double) -> Float {
        guard oneOverF > 0, t > 0 else { return 0 }
        return oneOverF * Float(log((t + Self.tRead) / (2 * Self.tRead)).squareRoot())
    }
}

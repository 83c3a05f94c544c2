#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import FFRandom

/// Power-law conductance drift, g(t) = g_prog · ((t_read + t₀) / t₀)^(−ν),
/// with t_read the time since programming, as aihwkit's
/// `PCMLikeNoiseModel.apply_drift_noise_to_conductance` (t = t_inference + t₀).
///
/// Each device has a fixed standard normal ξ drawn once per instance; its
/// exponent is ν = |μ + σ ξ|, where μ and σ are constants (constant model)
/// or follow aihwkit's PCM fit of the *target* conductance
/// (`generate_drift_coefficients`, Nandakumar et al. 2019):
/// μ_ν = clamp(−0.0155 ln g̃ + 0.0244, 0.049, 0.1),
/// σ_ν = clamp(−0.0125 ln g̃ − 0.0059, 0.008, 0.045), g̃ = max(g_T / g_max, 10⁻⁷).
/// As in aihwkit, g̃ is the conductance normalised by g_max (the fit is
/// stated for normalised conductances), so the result does not depend on
/// the absolute g_max. ν is recomputed whenever a device is written.
struct ConductanceDrift: Sendable {
    /// How ν is drawn.
    let model: DriftModel
    /// Constant-model mean and spread of ν.
    let nuMean: Float, nuSigma: Float
    /// Reference time t₀ in seconds.
    let t0: Double
    /// The fixed standard normal of each positive and negative device; empty without drift.
    let xiPlus: [Float], xiMinus: [Float]

    /// Draws an instance.
    /// - Parameters:
    ///   - settings: The preset's drift section.
    ///   - devices: Devices per polarity.
    ///   - random: Source of the per-device normals.
    init(_ settings: DevicePreset.DriftSettings, devices: Int, random: RandomGenerator) {
        model = settings.model
        nuMean = settings.nuMean
        nuSigma = settings.nuSigma
        t0 = settings.t0
        if settings.model == .none {
            xiPlus = []
            xiMinus = []
        } else {
            xiPlus = (0..<devices).map { _ in Float(random.gaussian()) }
            xiMinus = (0..<devices).map { _ in Float(random.gaussian()) }
        }
    }

    /// Whether conductances drift at all.
    var isActive: Bool { model != .none }

    /// μ_ν of aihwkit's PCM fit at normalised target conductance `g`.
    @inline(__always) static func pcmMean(_ g: Float) -> Float {
        Swift.min(Swift.max(-0.0155 * logf(Swift.max(g, 1e-7)) + 0.0244, 0.049), 0.1)
    }

    /// σ_ν of aihwkit's PCM fit at normalised target conductance `g`.
    @inline(__always) static func pcmSigma(_ g: Float) -> Float {
        Swift.min(Swift.max(-0.0125 * logf(Swift.max(g, 1e-7)) - 0.0059, 0.008), 0.045)
    }

    /// The drift exponent of a device with target `g` and fixed normal `xi`.
    @inline(__always) func nu(target g: Float, xi: Float) -> Float {
        switch model {
        case .none: return 0
        case .constant: return abs(nuMean + nuSigma * xi)
        case .pcm:
            let l = logf(Swift.max(g, 1e-7))
            let mean = Swift.min(Swift.max(-0.0155 * l + 0.0244, 0.049), 0.1)
            let sigma = Swift.min(Swift.max(-0.0125 * l - 0.0059, 0.008), 0.045)
            return abs(mean + sigma * xi)
        }
    }

    /// ln((t_read + t₀) / t₀): the drift factor of a device is exp(−ν · this).
    func logTimeRatio(readTime: Double) -> Float {
        guard isActive, readTime > 0 else { return 0 }
        return Float(log((readTime + t0) / t0))
    }
}

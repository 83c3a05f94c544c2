/// How the drift exponent ν of each device is drawn.
public enum DriftModel: String, Sendable, Codable, CaseIterable {
    /// No drift.
    case none
    /// ν = |N(nu_mean, nu_sigma²)| per device, whatever its conductance.
    case constant
    /// aihwkit's PCM model (`PCMLikeNoiseModel.generate_drift_coefficients`):
    /// ν = |N(μ_ν, σ_ν²)| with μ_ν = clamp(−0.0155 ln g̃ + 0.0244, 0.049, 0.1) and
    /// σ_ν = clamp(−0.0125 ln g̃ − 0.0059, 0.008, 0.045), g̃ = g_T / g_max.
    case pcm
}

/// How a layer corrects the average decay of its outputs under drift.
public enum DriftCompensation: String, Sendable, Codable, CaseIterable {
    /// No correction.
    case none
    /// aihwkit's `GlobalDriftCompensation`: one factor per layer, the ratio
    /// of a reference read of a fixed probe input (all ones) just after
    /// programming to the same read now, applied to the column outputs.
    case global
}

extension DevicePreset {
    /// Power-law conductance drift: g(t) = g(t₀) · ((t_read + t₀) / t₀)^(−ν),
    /// where t_read is the time since programming (aihwkit's `t_inference`).
    public struct DriftSettings: Sendable, Equatable {
        /// How ν is drawn.
        public var model: DriftModel
        /// Mean ν (``DriftModel/constant`` only).
        public var nuMean: Float
        /// Spread of ν (``DriftModel/constant`` only).
        public var nuSigma: Float
        /// t₀ in seconds: the first read after programming (aihwkit: 20 s).
        public var t0: Double
        /// The compensation a new layer starts with.
        public var compensation: DriftCompensation

        /// Creates the settings; the defaults are ideal.
        /// - Parameters:
        ///   - model: How ν is drawn.
        ///   - nuMean: Mean ν for the constant model.
        ///   - nuSigma: Spread of ν for the constant model.
        ///   - t0: Reference time in seconds.
        ///   - compensation: Initial drift compensation.
        public init(model: DriftModel = .none, nuMean: Float = 0, nuSigma: Float = 0, t0: Double = 20,
                    compensation: DriftCompensation = .none) {
            self.model = model
            self.nuMean = nuMean
            self.nuSigma = nuSigma
            self.t0 = t0
            self.compensation = compensation
        }
    }
}

extension DevicePreset.DriftSettings: PresetSection {
    static let keys = ["model", "nu_mean", "nu_sigma", "t0", "compensation"]

    var fields: [(key: String, value: PresetValue)] {
        [("model", .string(model.rawValue)), ("nu_mean", .float(nuMean)), ("nu_sigma", .float(nuSigma)),
         ("t0", .double(t0)), ("compensation", .string(compensation.rawValue))]
    }

    public init(from decoder: any Decoder) throws {
        let r = try StrictReader(decoder, known: Self.keys)
        let d = Self()
        self.init(model: try r.choice("model", default: d.model), nuMean: try r.value("nu_mean", default: d.nuMean),
                  nuSigma: try r.value("nu_sigma", default: d.nuSigma), t0: try r.value("t0", default: d.t0),
                  compensation: try r.choice("compensation", default: d.compensation))
    }

    public func encode(to encoder: any Encoder) throws { try encodeFields(to: encoder) }
}

/// How the output-referred weight read noise scales with the signal.
public enum WeightReadNoiseModel: String, Sendable, Codable, CaseIterable {
    /// aihwkit's `WeightNoiseType.PCM_READ`: σᵢ = ρ · √(w_max · Σⱼ |wᵢⱼ| xⱼ²),
    /// i.e. ρ · √(Σⱼ |w̃ᵢⱼ| x̃ⱼ²) in units of w_max · r with w̃ = w / w_max and
    /// x̃ = x / r; it grows with the current each column carries.
    case pcmRead = "pcm-read"
    /// aihwkit's `WeightNoiseType.ADDITIVE_CONSTANT`: every weight read with
    /// independent noise of σ = ρ · w_max, so σᵢ = ρ · w_max · ‖x‖.
    case additive
}

extension DevicePreset {
    /// Noise drawn on every analog product, plus PCM's accumulated 1/f noise.
    public struct ReadNoiseSettings: Sendable, Equatable {
        /// σ of Gaussian noise on each output, relative to the output (ADC)
        /// range R (σ = output · R; absolute when R is `nil`).
        public var output: Float
        /// ρ of the output-referred weight read noise (see ``weightModel``);
        /// computed only when > 0 (w_max = 1 when `max_weight` is `nil`).
        public var weight: Float
        /// How the weight read noise scales.
        public var weightModel: WeightReadNoiseModel
        /// Scale of PCM's accumulated 1/f read noise (aihwkit `read_noise_scale`;
        /// 1 = the measured model, 0 = off), redrawn per device whenever the
        /// read time changes or devices are programmed.
        public var oneOverF: Float

        /// Creates the settings; the defaults are ideal.
        /// - Parameters:
        ///   - output: Relative output noise.
        ///   - weight: Weight read noise level ρ.
        ///   - weightModel: How the weight read noise scales.
        ///   - oneOverF: Scale of the accumulated 1/f noise.
        public init(output: Float = 0, weight: Float = 0, weightModel: WeightReadNoiseModel = .pcmRead,
                    oneOverF: Float = 0) {
            self.output = output
            self.weight = weight
            self.weightModel = weightModel
            self.oneOverF = oneOverF
        }
    }
}

extension DevicePreset.ReadNoiseSettings: PresetSection {
    static let keys = ["output", "weight", "weight_model", "one_over_f"]

    var fields: [(key: String, value: PresetValue)] {
        [("output", .float(output)), ("weight", .float(weight)), ("weight_model", .string(weightModel.rawValue)),
         ("one_over_f", .float(oneOverF))]
    }

    public init(from decoder: any Decoder) throws {
        let r = try StrictReader(decoder, known: Self.keys)
        let d = Self()
        self.init(output: try r.value("output", default: d.output), weight: try r.value("weight", default: d.weight),
                  weightModel: try r.choice("weight_model", default: d.weightModel),
                  oneOverF: try r.value("one_over_f", default: d.oneOverF))
    }

    public func encode(to encoder: any Encoder) throws { try encodeFields(to: encoder) }
}

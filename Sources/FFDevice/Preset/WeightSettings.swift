/// How the spread of programmed conductances around their targets is modelled.
public enum ProgrammingNoiseModel: String, Sendable, Codable, CaseIterable {
    /// Gaussian with σ = `programming_noise` · g_max, the same at every level.
    case absolute
    /// The PCM model of Nandakumar et al. (ICECS 2019) as in aihwkit's
    /// `PCMLikeNoiseModel`: σ = (0.26348 + 1.9650 g̃ − 1.1731 g̃²) · g_max / 25
    /// with g̃ = g_T / g_max, scaled by `programming_noise` (1 = the measured model).
    case pcm
}

extension DevicePreset {
    /// How intended weights become conductances of a differential pair
    /// (w ∝ g⁺ − g⁻, each g in [0, g_max]) and how precisely they are written.
    ///
    /// Conductances are handled relative to g_max (g̃ = g / g_max ∈ [0, 1]);
    /// every model used here is stated in that form (aihwkit's PCM polynomial
    /// is fitted in µS for g_max = 25 µS and rescaled by g_max / 25, which
    /// makes it a function of g̃ alone), so the absolute g_max never matters.
    public struct WeightSettings: Sendable, Equatable {
        /// w_max: targets are clipped to [−w_max, w_max] and w_max maps to
        /// g_max; `nil` = unbounded and unquantized, with g_max ≙ weight 1
        /// (noise settings relative to g_max are then in weight units).
        public var maxWeight: Float?
        /// Conductance levels per device: 2^bits − 1 equal steps over
        /// [0, g_max] (2^bits levels, 0 and g_max included); `nil` = continuous.
        public var bits: Int?
        /// Programming noise: σ relative to g_max (``ProgrammingNoiseModel/absolute``)
        /// or the scale of the PCM polynomial (``ProgrammingNoiseModel/pcm``).
        public var programmingNoise: Float
        /// Which programming-noise model applies.
        public var noiseModel: ProgrammingNoiseModel

        /// Creates the settings; the defaults are ideal.
        /// - Parameters:
        ///   - maxWeight: w_max, or `nil`.
        ///   - bits: Conductance resolution in bits, or `nil`.
        ///   - programmingNoise: Noise level (see ``noiseModel``).
        ///   - noiseModel: Programming-noise model.
        public init(maxWeight: Float? = nil, bits: Int? = nil, programmingNoise: Float = 0,
                    noiseModel: ProgrammingNoiseModel = .absolute) {
            self.maxWeight = maxWeight
            self.bits = bits
            self.programmingNoise = programmingNoise
            self.noiseModel = noiseModel
        }
    }
}

extension DevicePreset.WeightSettings: PresetSection {
    static let keys = ["max_weight", "bits", "programming_noise", "noise_model"]

    var fields: [(key: String, value: PresetValue)] {
        [("max_weight", .float(maxWeight)), ("bits", .int(bits)), ("programming_noise", .float(programmingNoise)),
         ("noise_model", .string(noiseModel.rawValue))]
    }

    public init(from decoder: any Decoder) throws {
        let r = try StrictReader(decoder, known: Self.keys)
        let d = Self()
        self.init(maxWeight: try r.optional("max_weight", default: d.maxWeight),
                  bits: try r.optional("bits", default: d.bits),
                  programmingNoise: try r.value("programming_noise", default: d.programmingNoise),
                  noiseModel: try r.choice("noise_model", default: d.noiseModel))
    }

    public func encode(to encoder: any Encoder) throws { try encodeFields(to: encoder) }
}

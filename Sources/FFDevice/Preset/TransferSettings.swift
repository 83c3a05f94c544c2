extension DevicePreset {
    /// Hidden: the real neuron circuit of a ReLU layer. Unit i computes
    /// fᵢ(z) = Sᵢ · tanh(max(z + oᵢ, 0) · sᵢ / Sᵢ) + λᵢ · min(z + oᵢ, 0),
    /// with slope sᵢ = 1 + eᵢ (without saturation: max(z + oᵢ, 0) · sᵢ + λᵢ · min(z + oᵢ, 0)).
    /// Per unit, drawn once per instance (ξ ~ N(0, 1), independent):
    /// Sᵢ = S · exp(σ_S ξ), sᵢ = (1 + e) · exp(σ_e ξ), oᵢ = o + σ_o ξ,
    /// λᵢ = max(0, λ + σ_λ ξ). Scale-like quantities spread relatively,
    /// additive ones absolutely. Identity (classifier) layers skip it.
    public struct TransferSettings: Sendable, Equatable {
        /// Saturation level S in output units; `nil` = no saturation.
        public var saturation: Float?
        /// σ_S: relative (log-normal) spread of S.
        public var saturationSpread: Float
        /// e: mean slope error (slope 1 + e; must be > −1).
        public var slopeError: Float
        /// σ_e: relative (log-normal) spread of the slope.
        public var slopeErrorSpread: Float
        /// o: mean input offset, in output units.
        public var offset: Float
        /// σ_o: absolute spread of the offset.
        public var offsetSpread: Float
        /// λ: mean leak (slope for negative inputs, ≥ 0).
        public var leak: Float
        /// σ_λ: absolute spread of the leak.
        public var leakSpread: Float

        /// Creates the settings; the defaults are the ideal ReLU.
        /// - Parameters:
        ///   - saturation: S, or `nil`.
        ///   - saturationSpread: σ_S.
        ///   - slopeError: e.
        ///   - slopeErrorSpread: σ_e.
        ///   - offset: o.
        ///   - offsetSpread: σ_o.
        ///   - leak: λ.
        ///   - leakSpread: σ_λ.
        public init(saturation: Float? = nil, saturationSpread: Float = 0, slopeError: Float = 0,
                    slopeErrorSpread: Float = 0, offset: Float = 0, offsetSpread: Float = 0,
                    leak: Float = 0, leakSpread: Float = 0) {
            self.saturation = saturation
            self.saturationSpread = saturationSpread
            self.slopeError = slopeError
            self.slopeErrorSpread = slopeErrorSpread
            self.offset = offset
            self.offsetSpread = offsetSpread
            self.leak = leak
            self.leakSpread = leakSpread
        }

        /// Whether every unit computes exactly max(z, 0).
        public var isIdeal: Bool { self == TransferSettings() }
    }
}

extension DevicePreset.TransferSettings: PresetSection {
    static let keys = ["saturation", "saturation_spread", "slope_error", "slope_error_spread", "offset",
                       "offset_spread", "leak", "leak_spread"]

    var fields: [(key: String, value: PresetValue)] {
        [("saturation", .float(saturation)), ("saturation_spread", .float(saturationSpread)),
         ("slope_error", .float(slopeError)), ("slope_error_spread", .float(slopeErrorSpread)),
         ("offset", .float(offset)), ("offset_spread", .float(offsetSpread)),
         ("leak", .float(leak)), ("leak_spread", .float(leakSpread))]
    }

    public init(from decoder: any Decoder) throws {
        let r = try StrictReader(decoder, known: Self.keys)
        let d = Self()
        self.init(saturation: try r.optional("saturation", default: d.saturation),
                  saturationSpread: try r.value("saturation_spread", default: d.saturationSpread),
                  slopeError: try r.value("slope_error", default: d.slopeError),
                  slopeErrorSpread: try r.value("slope_error_spread", default: d.slopeErrorSpread),
                  offset: try r.value("offset", default: d.offset),
                  offsetSpread: try r.value("offset_spread", default: d.offsetSpread),
                  leak: try r.value("leak", default: d.leak), leakSpread: try r.value("leak_spread", default: d.leakSpread))
    }

    public func encode(to encoder: any Encoder) throws { try encodeFields(to: encoder) }
}

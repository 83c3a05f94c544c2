/// The kind of unknown transform between two layers.
public enum BlackBoxKind: String, Sendable, Codable, CaseIterable {
    /// Nothing between the layers.
    case none
    /// x′ = h(M · x) with M = (I + strength · R / √n) / √(1 + strength²),
    /// R Gaussian and fixed per instance, and h(u) = u / (1 + |u| / saturation)
    /// (a scaled softsign; linear when `saturation` is null). The
    /// normalisation keeps E‖M x‖² = ‖x‖².
    case mixing
    /// Per channel xᵢ′ = aᵢ · xᵢ / (1 + kᵢ |xᵢ|) with aᵢ = exp(gain_spread · ξ)
    /// and kᵢ = curvature · exp(curvature_spread · ξ′), drawn per instance.
    case gainCurve = "gain-curve"
}

extension DevicePreset {
    /// Hidden: a fixed random transform applied to what a layer sends to the
    /// next (``AnalogLayer/transmit(_:into:)``). Trainers can neither see nor program it.
    public struct BlackBoxSettings: Sendable, Equatable {
        /// Which transform.
        public var kind: BlackBoxKind
        /// Mixing strength (``BlackBoxKind/mixing``).
        public var strength: Float
        /// Scale of the softsign after mixing; `nil` = linear (``BlackBoxKind/mixing``).
        public var saturation: Float?
        /// σ of ln aᵢ (``BlackBoxKind/gainCurve``).
        public var gainSpread: Float
        /// Median kᵢ (``BlackBoxKind/gainCurve``).
        public var curvature: Float
        /// σ of ln kᵢ (``BlackBoxKind/gainCurve``).
        public var curvatureSpread: Float

        /// Creates the settings; the default is no transform.
        /// - Parameters:
        ///   - kind: Which transform.
        ///   - strength: Mixing strength.
        ///   - saturation: Softsign scale, or `nil`.
        ///   - gainSpread: Spread of the per-channel gains.
        ///   - curvature: Median per-channel curvature.
        ///   - curvatureSpread: Spread of the curvatures.
        public init(kind: BlackBoxKind = .none, strength: Float = 0, saturation: Float? = nil, gainSpread: Float = 0,
                    curvature: Float = 0, curvatureSpread: Float = 0) {
            self.kind = kind
            self.strength = strength
            self.saturation = saturation
            self.gainSpread = gainSpread
            self.curvature = curvature
            self.curvatureSpread = curvatureSpread
        }
    }
}

extension DevicePreset.BlackBoxSettings: PresetSection {
    static let keys = ["kind", "strength", "saturation", "gain_spread", "curvature", "curvature_spread"]

    var fields: [(key: String, value: PresetValue)] {
        [("kind", .string(kind.rawValue)), ("strength", .float(strength)), ("saturation", .float(saturation)),
         ("gain_spread", .float(gainSpread)), ("curvature", .float(curvature)),
         ("curvature_spread", .float(curvatureSpread))]
    }

    public init(from decoder: any Decoder) throws {
        let r = try StrictReader(decoder, known: Self.keys)
        let d = Self()
        self.init(kind: try r.choice("kind", default: d.kind), strength: try r.value("strength", default: d.strength),
                  saturation: try r.optional("saturation", default: d.saturation),
                  gainSpread: try r.value("gain_spread", default: d.gainSpread),
                  curvature: try r.value("curvature", default: d.curvature),
                  curvatureSpread: try r.value("curvature_spread", default: d.curvatureSpread))
    }

    public func encode(to encoder: any Encoder) throws { try encodeFields(to: encoder) }
}

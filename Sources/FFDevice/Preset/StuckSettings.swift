extension DevicePreset {
    /// Defective devices at random positions fixed per instance; a stuck
    /// device keeps its conductance whatever is programmed. Both devices of
    /// a differential pair can stick.
    public struct StuckSettings: Sendable, Equatable {
        /// Fraction of devices stuck at conductance 0 (stuck-at-OFF / high resistance).
        public var atZero: Float
        /// Fraction of devices stuck at g_max (stuck-at-ON / low resistance); g_max ≙ w_max (1 when `max_weight` is `nil`).
        public var atMax: Float

        /// Creates the settings; the defaults are ideal.
        /// - Parameters:
        ///   - atZero: Fraction stuck at 0.
        ///   - atMax: Fraction stuck at g_max.
        public init(atZero: Float = 0, atMax: Float = 0) {
            self.atZero = atZero
            self.atMax = atMax
        }
    }
}

extension DevicePreset.StuckSettings: PresetSection {
    static let keys = ["at_zero", "at_max"]

    var fields: [(key: String, value: PresetValue)] {
        [("at_zero", .float(atZero)), ("at_max", .float(atMax))]
    }

    public init(from decoder: any Decoder) throws {
        let r = try StrictReader(decoder, known: Self.keys)
        let d = Self()
        self.init(atZero: try r.value("at_zero", default: d.atZero), atMax: try r.value("at_max", default: d.atMax))
    }

    public func encode(to encoder: any Encoder) throws { try encodeFields(to: encoder) }
}

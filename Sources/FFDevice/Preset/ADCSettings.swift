extension DevicePreset {
    /// The output analog-to-digital converter: each output is clipped to
    /// [−range, range] (saturation) and quantized. The range is also the
    /// unit of the output noise and of the column offsets (1 when unbounded).
    public struct ADCSettings: Sendable, Equatable {
        /// Half-width R of the output range [−R, R]; `nil` = unbounded (ideal).
        public var range: Float?
        /// Resolution: 2^bits − 1 levels, symmetric around and including 0,
        /// with step R / (2^(bits−1) − 1); `nil` = continuous (ideal). Needs ``range``.
        public var bits: Int?

        /// Creates the settings; the defaults are ideal.
        /// - Parameters:
        ///   - range: Half-width of the output range, or `nil`.
        ///   - bits: Resolution in bits, or `nil`.
        public init(range: Float? = nil, bits: Int? = nil) {
            self.range = range
            self.bits = bits
        }
    }
}

extension DevicePreset.ADCSettings: PresetSection {
    static let keys = ["range", "bits"]

    var fields: [(key: String, value: PresetValue)] {
        [("range", .float(range)), ("bits", .int(bits))]
    }

    public init(from decoder: any Decoder) throws {
        let r = try StrictReader(decoder, known: Self.keys)
        let d = Self()
        self.init(range: try r.optional("range", default: d.range), bits: try r.optional("bits", default: d.bits))
    }

    public func encode(to encoder: any Encoder) throws { try encodeFields(to: encoder) }
}

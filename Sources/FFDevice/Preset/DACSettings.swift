extension DevicePreset {
    /// The input digital-to-analog converter: each input is clipped to
    /// [−range, range], quantized, and optionally perturbed by Gaussian noise.
    public struct DACSettings: Sendable, Equatable {
        /// Half-width r of the input range [−r, r]; `nil` = unbounded (ideal).
        public var range: Float?
        /// Resolution: 2^bits − 1 levels, symmetric around and including 0,
        /// with step r / (2^(bits−1) − 1); `nil` = continuous (ideal). Needs ``range``.
        public var bits: Int?
        /// Standard deviation of Gaussian input noise added after conversion,
        /// relative to r (σ = noise · r; absolute when r is `nil`), drawn anew on every read.
        public var noise: Float

        /// Creates the settings; the defaults are ideal.
        /// - Parameters:
        ///   - range: Half-width of the input range, or `nil`.
        ///   - bits: Resolution in bits, or `nil`.
        ///   - noise: Relative input noise.
        public init(range: Float? = nil, bits: Int? = nil, noise: Float = 0) {
            self.range = range
            self.bits = bits
            self.noise = noise
        }
    }
}

extension DevicePreset.DACSettings: PresetSection {
    static let keys = ["range", "bits", "noise"]

    var fields: [(key: String, value: PresetValue)] {
        [("range", .float(range)), ("bits", .int(bits)), ("noise", .float(noise))]
    }

    public init(from decoder: any Decoder) throws {
        let r = try StrictReader(decoder, known: Self.keys)
        let d = Self()
        self.init(range: try r.optional("range", default: d.range), bits: try r.optional("bits", default: d.bits),
                  noise: try r.value("noise", default: d.noise))
    }

    public func encode(to encoder: any Encoder) throws { try encodeFields(to: encoder) }
}

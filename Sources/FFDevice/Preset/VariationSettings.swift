extension DevicePreset {
    /// Fixed variation drawn once per instance: a gain on every device's
    /// conductance and a gain and an offset on every column (output unit).
    public struct VariationSettings: Sendable, Equatable {
        /// σ of ln(gain) of each device's conductance (lognormal, median 1).
        public var deviceGainSigma: Float
        /// σ of ln(gain) of each column's output (lognormal, median 1).
        public var columnGainSigma: Float
        /// σ of each column's additive output offset, relative to the output
        /// (ADC) range R, or absolute when R is `nil` (Gaussian, mean 0).
        public var columnOffsetSigma: Float

        /// Creates the settings; the defaults are ideal.
        /// - Parameters:
        ///   - deviceGainSigma: Device gain spread.
        ///   - columnGainSigma: Column gain spread.
        ///   - columnOffsetSigma: Column offset spread relative to the output range.
        public init(deviceGainSigma: Float = 0, columnGainSigma: Float = 0, columnOffsetSigma: Float = 0) {
            self.deviceGainSigma = deviceGainSigma
            self.columnGainSigma = columnGainSigma
            self.columnOffsetSigma = columnOffsetSigma
        }
    }
}

extension DevicePreset.VariationSettings: PresetSection {
    static let keys = ["device_gain_sigma", "column_gain_sigma", "column_offset_sigma"]

    var fields: [(key: String, value: PresetValue)] {
        [("device_gain_sigma", .float(deviceGainSigma)), ("column_gain_sigma", .float(columnGainSigma)),
         ("column_offset_sigma", .float(columnOffsetSigma))]
    }

    public init(from decoder: any Decoder) throws {
        let r = try StrictReader(decoder, known: Self.keys)
        let d = Self()
        self.init(deviceGainSigma: try r.value("device_gain_sigma", default: d.deviceGainSigma),
                  columnGainSigma: try r.value("column_gain_sigma", default: d.columnGainSigma),
                  columnOffsetSigma: try r.value("column_offset_sigma", default: d.columnOffsetSigma))
    }

    public func encode(to encoder: any Encoder) throws { try encodeFields(to: encoder) }
}

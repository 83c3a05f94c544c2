extension DevicePreset {
    /// Checks every value: finite numbers, non-negative noise and spreads,
    /// positive ranges, bit widths in range, fractions in [0, 1] summing to
    /// at most 1, and quantization only where there is a range to quantize.
    /// (Noise relative to a range that is null is taken relative to 1, i.e.
    /// in absolute units.)
    /// - Throws: ``DevicePresetError`` (kind ``DevicePresetError/Kind/invalidValue``)
    ///   naming the first offending key.
    public func validate() throws(DevicePresetError) {
        func fail(_ key: String, _ problem: String, _ fix: String) -> DevicePresetError {
            DevicePresetError(.invalidValue, keyPath: key, problem: problem, fix: fix)
        }
        // Every number finite.
        for (section, fields) in sections {
            for (key, value) in fields {
                let finite: Bool
                switch value {
                case .float(let v): finite = v.map(\.isFinite) ?? true
                case .double(let v): finite = v.map(\.isFinite) ?? true
                default: finite = true
                }
                if !finite {
                    throw fail("\(section).\(key)", "\(value.text) is not a finite number", "give a finite value")
                }
            }
        }
        if name.isEmpty { throw fail("name", "the name is empty", "give the preset a short name") }

        func positiveRange(_ key: String, _ v: Float?, _ what: String) throws(DevicePresetError) {
            if let v, !(v > 0) {
                throw fail(key, "range \(v) gives an empty or inverted interval [\(-v), \(v)]",
                           "give the half-width of the \(what) range as a positive number, or null for unbounded")
            }
        }
        func nonNegative(_ key: String, _ v: Float, _ what: String) throws(DevicePresetError) {
            if v < 0 { throw fail(key, "\(what) \(v) is negative", "use a value ≥ 0 (0 turns it off)") }
        }
        func bitsInRange(_ key: String, _ v: Int?, _ lower: Int) throws(DevicePresetError) {
            if let v, !(lower...16).contains(v) {
                throw fail(key, "\(v) bits is outside \(lower)...16",
                           "use \(lower) to 16 bits, or null for an ideal (continuous) converter")
            }
        }
        func needs(_ key: String, _ active: Bool, _ present: Bool, _ other: String) throws(DevicePresetError) {
            if active && !present {
                throw fail(key, "this setting needs \(other), which is null", "set \(other) or turn this setting off")
            }
        }
        func fraction(_ key: String, _ v: Float) throws(DevicePresetError) {
            if !(0...1).contains(v) { throw fail(key, "fraction \(v) is outside [0, 1]", "use a fraction between 0 and 1") }
        }

        // Converters.
        try positiveRange("dac.range", dac.range, "input")
        try bitsInRange("dac.bits", dac.bits, 2)
        try needs("dac.bits", dac.bits != nil, dac.range != nil, "dac.range")
        try nonNegative("dac.noise", dac.noise, "input noise")
        try positiveRange("adc.range", adc.range, "output")
        try bitsInRange("adc.bits", adc.bits, 2)
        try needs("adc.bits", adc.bits != nil, adc.range != nil, "adc.range")

        // Weights.
        let hasWMax = weights.maxWeight != nil
        if let w = weights.maxWeight, !(w > 0) {
            throw fail("weights.max_weight", "w_max \(w) gives an empty or inverted weight range",
                       "give a positive w_max, or null for unbounded ideal weights")
        }
        try bitsInRange("weights.bits", weights.bits, 1)
        try needs("weights.bits", weights.bits != nil, hasWMax, "weights.max_weight")
        try nonNegative("weights.programming_noise", weights.programmingNoise, "programming noise")

        // Variation and stuck devices.
        try nonNegative("variation.device_gain_sigma", variation.deviceGainSigma, "device gain spread")
        try nonNegative("variation.column_gain_sigma", variation.columnGainSigma, "column gain spread")
        try nonNegative("variation.column_offset_sigma", variation.columnOffsetSigma, "column offset spread")
        try fraction("stuck.at_zero", stuck.atZero)
        try fraction("stuck.at_max", stuck.atMax)
        if stuck.atZero + stuck.atMax > 1 {
            throw fail("stuck", "stuck fractions sum to \(stuck.atZero + stuck.atMax) > 1",
                       "make at_zero + at_max at most 1")
        }

        // Read noise.
        try nonNegative("read_noise.output", readNoise.output, "output noise")
        try nonNegative("read_noise.weight", readNoise.weight, "weight read noise")
        try nonNegative("read_noise.one_over_f", readNoise.oneOverF, "1/f noise scale")

        // Drift.
        try nonNegative("drift.nu_mean", drift.nuMean, "drift exponent")
        try nonNegative("drift.nu_sigma", drift.nuSigma, "drift exponent spread")
        if !(drift.t0 > 0) { throw fail("drift.t0", "t0 = \(drift.t0) s is not positive", "use a positive time in seconds (aihwkit: 20)") }
        if drift.model != .constant && (drift.nuMean != 0 || drift.nuSigma != 0) {
            let key = drift.nuMean != 0 ? "drift.nu_mean" : "drift.nu_sigma"
            throw fail(key, "ν statistics are only used by model \"constant\", not \"\(drift.model.rawValue)\"",
                       "remove the key or set drift.model to \"constant\"")
        }

        // Transfer.
        if let s = transfer.saturation, !(s > 0) {
            throw fail("transfer.saturation", "saturation level \(s) is not positive", "use a positive level, or null for none")
        }
        try nonNegative("transfer.saturation_spread", transfer.saturationSpread, "saturation spread")
        if !(transfer.slopeError > -1) {
            throw fail("transfer.slope_error", "slope error \(transfer.slopeError) makes the slope 1 + e ≤ 0",
                       "use a value > −1")
        }
        try nonNegative("transfer.slope_error_spread", transfer.slopeErrorSpread, "slope spread")
        try nonNegative("transfer.offset_spread", transfer.offsetSpread, "offset spread")
        try nonNegative("transfer.leak", transfer.leak, "leak")
        try nonNegative("transfer.leak_spread", transfer.leakSpread, "leak spread")

        // Black box.
        try nonNegative("black_box.strength", blackBox.strength, "mixing strength")
        if let s = blackBox.saturation, !(s > 0) {
            throw fail("black_box.saturation", "saturation \(s) is not positive", "use a positive scale, or null for linear")
        }
        try nonNegative("black_box.gain_spread", blackBox.gainSpread, "gain spread")
        try nonNegative("black_box.curvature", blackBox.curvature, "curvature")
        try nonNegative("black_box.curvature_spread", blackBox.curvatureSpread, "curvature spread")

        // Energy per operation.
        for (key, value) in energy.fields {
            if case .double(let v?) = value, v < 0 {
                throw fail("energy.\(key)", "energy \(v) pJ is negative",
                           "give the energy per operation in picojoules as a number ≥ 0 (see models/README.md for sources)")
            }
        }
    }
}

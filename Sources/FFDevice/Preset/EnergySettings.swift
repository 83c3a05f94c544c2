extension DevicePreset {
    /// Energy per operation, in picojoules, for the energy estimate
    /// (``EnergyModel``): what one counted operation of
    /// ``DeviceOperationCounts`` costs.
    ///
    /// Every default comes from a published figure; `models/README.md`
    /// cites each one and says which are derived or assumed. The converter
    /// costs depend on the preset's bit widths (``DACSettings/bits``,
    /// ``ADCSettings/bits``); a preset without converters (bits `null`)
    /// pays nothing for them, and the estimate says so.
    public struct EnergySettings: Sendable, Equatable {
        /// One analog multiply-accumulate in the array, converters excluded
        /// (the chip-sustained 12.4 TOPS/W of Ambrogio et al., Nature 2023,
        /// less this model's converter share at that chip's tile size).
        public var analogMACPJ: Double
        /// One input DAC conversion costs `bits` × this (bit-serial 1-bit
        /// DACs, as in ISAAC, Shafiee et al., ISCA 2016).
        public var dacPJPerBit: Double
        /// One output ADC conversion costs 2^`bits` × this (Walden scaling,
        /// anchored at the 8-bit SAR ADC of Kull et al., ISSCC 2013).
        public var adcPJPerLevel: Double
        /// One programming event (a device write), taken as one pulse.
        public var programmingPulsePJ: Double
        /// One fp32 multiply-accumulate (Horowitz, ISSCC 2014, 45 nm: 3.7 + 0.9 pJ).
        public var digitalMACFP32PJ: Double
        /// One int8 multiply-accumulate (Horowitz, ISSCC 2014, 45 nm: 0.2 + 0.03 pJ).
        public var digitalMACInt8PJ: Double
        /// One byte read from or written to on-chip SRAM (Horowitz: 10 pJ per 64-bit access to an 8 KB SRAM).
        public var sramPJPerByte: Double
        /// One byte read from or written to DRAM (Horowitz: 1.3–2.6 nJ per 64-bit access; the midpoint).
        public var dramPJPerByte: Double

        /// Creates the settings; the defaults are the sourced values of `models/README.md`.
        /// - Parameters:
        ///   - analogMACPJ: Analog multiply-accumulate, array only.
        ///   - dacPJPerBit: DAC energy per conversion per input bit.
        ///   - adcPJPerLevel: ADC energy per conversion per output level (2^bits levels).
        ///   - programmingPulsePJ: Energy of one device write.
        ///   - digitalMACFP32PJ: fp32 multiply-accumulate.
        ///   - digitalMACInt8PJ: int8 multiply-accumulate.
        ///   - sramPJPerByte: SRAM traffic per byte.
        ///   - dramPJPerByte: DRAM traffic per byte.
        public init(analogMACPJ: Double = 0.151, dacPJPerBit: Double = 0.326, adcPJPerLevel: Double = 0.0101,
                    programmingPulsePJ: Double = 1.96, digitalMACFP32PJ: Double = 4.6, digitalMACInt8PJ: Double = 0.23,
                    sramPJPerByte: Double = 1.25, dramPJPerByte: Double = 243.75) {
            self.analogMACPJ = analogMACPJ
            self.dacPJPerBit = dacPJPerBit
            self.adcPJPerLevel = adcPJPerLevel
            self.programmingPulsePJ = programmingPulsePJ
            self.digitalMACFP32PJ = digitalMACFP32PJ
            self.digitalMACInt8PJ = digitalMACInt8PJ
            self.sramPJPerByte = sramPJPerByte
            self.dramPJPerByte = dramPJPerByte
        }
    }
}

extension DevicePreset.EnergySettings: PresetSection {
    static let keys = ["analog_mac_pj", "dac_pj_per_bit", "adc_pj_per_level", "programming_pulse_pj",
                       "digital_mac_fp32_pj", "digital_mac_int8_pj", "sram_pj_per_byte", "dram_pj_per_byte"]

    var fields: [(key: String, value: PresetValue)] {
        [("analog_mac_pj", .double(analogMACPJ)), ("dac_pj_per_bit", .double(dacPJPerBit)),
         ("adc_pj_per_level", .double(adcPJPerLevel)), ("programming_pulse_pj", .double(programmingPulsePJ)),
         ("digital_mac_fp32_pj", .double(digitalMACFP32PJ)), ("digital_mac_int8_pj", .double(digitalMACInt8PJ)),
         ("sram_pj_per_byte", .double(sramPJPerByte)), ("dram_pj_per_byte", .double(dramPJPerByte))]
    }

    public init(from decoder: any Decoder) throws {
        let r = try StrictReader(decoder, known: Self.keys)
        let d = Self()
        self.init(analogMACPJ: try r.value("analog_mac_pj", default: d.analogMACPJ),
                  dacPJPerBit: try r.value("dac_pj_per_bit", default: d.dacPJPerBit),
                  adcPJPerLevel: try r.value("adc_pj_per_level", default: d.adcPJPerLevel),
                  programmingPulsePJ: try r.value("programming_pulse_pj", default: d.programmingPulsePJ),
                  digitalMACFP32PJ: try r.value("digital_mac_fp32_pj", default: d.digitalMACFP32PJ),
                  digitalMACInt8PJ: try r.value("digital_mac_int8_pj", default: d.digitalMACInt8PJ),
                  sramPJPerByte: try r.value("sram_pj_per_byte", default: d.sramPJPerByte),
                  dramPJPerByte: try r.value("dram_pj_per_byte", default: d.dramPJPerByte))
    }

    public func encode(to encoder: any Encoder) throws { try encodeFields(to: encoder) }
}

import FFDevice

extension DeviceOperationCounts {
    /// The counts divided by `n` (rounded down), e.g. per test example.
    /// - Parameter n: The divisor; values are returned unchanged for n ≤ 1.
    public func perSample(_ n: Int) -> DeviceOperationCounts {
        guard n > 1 else { return self }
        var c = DeviceOperationCounts()
        c.analogMVMs = analogMVMs / n
        c.analogMACs = analogMACs / n
        c.transposedMVMs = transposedMVMs / n
        c.transposedMACs = transposedMACs / n
        c.dacConversions = dacConversions / n
        c.adcConversions = adcConversions / n
        c.programmingEvents = programmingEvents / n
        c.digitalMACs = digitalMACs / n
        c.sramBytes = sramBytes / n
        c.dramBytes = dramBytes / n
        return c
    }

    /// snake_case name → value, for CSV columns and tables.
    public var fields: [(String, String)] {
        [("analog_mvms", "\(analogMVMs)"), ("analog_macs", "\(analogMACs)"), ("transposed_mvms", "\(transposedMVMs)"),
         ("transposed_macs", "\(transposedMACs)"), ("dac_conversions", "\(dacConversions)"),
         ("adc_conversions", "\(adcConversions)"), ("programming_events", "\(programmingEvents)"),
         ("digital_macs", "\(digitalMACs)"), ("sram_bytes", "\(sramBytes)"), ("dram_bytes", "\(dramBytes)")]
    }
}

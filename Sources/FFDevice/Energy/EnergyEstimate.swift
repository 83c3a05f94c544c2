/// An energy estimate in joules, split by the kind of operation that spends
/// it: counted operations × per-operation costs (``EnergyModel``). It is an
/// estimate built from counts, not a measurement.
public struct EnergyEstimate: Codable, Sendable, Equatable {
    /// Analog multiply-accumulates in the arrays (forward and transposed).
    public var analogMACs: Double
    /// Input DAC conversions; `nil` when the preset has no DAC (`dac.bits` null), so none is costed.
    public var dac: Double?
    /// Output ADC conversions; `nil` when the preset has no ADC (`adc.bits` null), so none is costed.
    public var adc: Double?
    /// Device writes (programming pulses).
    public var programming: Double
    /// Digital fp32 multiply-accumulates.
    public var digitalMACs: Double
    /// On-chip SRAM traffic.
    public var sram: Double
    /// DRAM traffic.
    public var dram: Double
    /// The sum of every component.
    public private(set) var total: Double

    /// Creates an estimate; ``total`` is the sum of the components.
    /// - Parameters:
    ///   - analogMACs: Joules of analog multiply-accumulates.
    ///   - dac: Joules of DAC conversions, or `nil` without a DAC.
    ///   - adc: Joules of ADC conversions, or `nil` without an ADC.
    ///   - programming: Joules of device writes.
    ///   - digitalMACs: Joules of digital multiply-accumulates.
    ///   - sram: Joules of SRAM traffic.
    ///   - dram: Joules of DRAM traffic.
    public init(analogMACs: Double = 0, dac: Double? = nil, adc: Double? = nil, programming: Double = 0,
                digitalMACs: Double = 0, sram: Double = 0, dram: Double = 0) {
        self.analogMACs = analogMACs
        self.dac = dac
        self.adc = adc
        self.programming = programming
        self.digitalMACs = digitalMACs
        self.sram = sram
        self.dram = dram
        total = analogMACs + (dac ?? 0) + (adc ?? 0) + programming + digitalMACs + sram + dram
    }

    /// JSON keys: `analog_mac` and `digital_mac` under a snake_case strategy (not `analog_ma_cs`).
    private enum CodingKeys: String, CodingKey {
        case analogMACs = "analogMac", dac, adc, programming, digitalMACs = "digitalMac", sram, dram, total
    }

    /// Encodes every component; a converter the preset does not have is written as `null`.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(analogMACs, forKey: .analogMACs)
        try c.encode(dac, forKey: .dac)
        try c.encode(adc, forKey: .adc)
        try c.encode(programming, forKey: .programming)
        try c.encode(digitalMACs, forKey: .digitalMACs)
        try c.encode(sram, forKey: .sram)
        try c.encode(dram, forKey: .dram)
        try c.encode(total, forKey: .total)
    }

    /// The components with their snake_case names, in a fixed order; `nil`
    /// for a converter the preset does not have.
    public var components: [(name: String, joules: Double?)] {
        [("analog_mac", analogMACs), ("dac", dac), ("adc", adc), ("programming", programming),
         ("digital_mac", digitalMACs), ("sram", sram), ("dram", dram)]
    }

    /// Every component divided by `n`, e.g. per sample.
    /// - Parameter n: The divisor; the estimate is returned unchanged for n ≤ 1.
    public func divided(by n: Int) -> EnergyEstimate {
        guard n > 1 else { return self }
        let d = Double(n)
        return EnergyEstimate(analogMACs: analogMACs / d, dac: dac.map { $0 / d }, adc: adc.map { $0 / d },
                              programming: programming / d, digitalMACs: digitalMACs / d, sram: sram / d, dram: dram / d)
    }

    /// Componentwise sum; a converter is `nil` only when it is `nil` in both.
    public static func + (a: EnergyEstimate, b: EnergyEstimate) -> EnergyEstimate {
        func add(_ x: Double?, _ y: Double?) -> Double? { x == nil && y == nil ? nil : (x ?? 0) + (y ?? 0) }
        return EnergyEstimate(analogMACs: a.analogMACs + b.analogMACs, dac: add(a.dac, b.dac), adc: add(a.adc, b.adc),
                              programming: a.programming + b.programming, digitalMACs: a.digitalMACs + b.digitalMACs,
                              sram: a.sram + b.sram, dram: a.dram + b.dram)
    }

    /// The componentwise mean of `estimates` (zero for none).
    /// - Parameter estimates: Estimates to average, e.g. one per seed.
    public static func mean(_ estimates: [EnergyEstimate]) -> EnergyEstimate {
        guard let first = estimates.first else { return EnergyEstimate() }
        return estimates.dropFirst().reduce(first, +).divided(by: estimates.count)
    }
}

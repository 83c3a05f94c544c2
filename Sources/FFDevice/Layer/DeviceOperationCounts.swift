/// What a simulated device and the digital logic around it did, for energy
/// and latency estimates (``EnergyModel``).
///
/// The layer counts its own analog operations; trainers add the digital
/// work they do around it (``add(digitalMACs:)``, ``add(sramBytes:)``,
/// ``add(dramBytes:)``) and, for backprop run on the device, the transposed
/// products (``AnalogLayer/recordTransposedMVMs(_:)``).
public struct DeviceOperationCounts: Codable, Sendable, Equatable {
    /// Analog matrix-vector products: one per input vector per forward.
    public var analogMVMs: Int
    /// Analog multiply-accumulates of those products: inputs × outputs per
    /// vector, the bias column (a device column driven by a constant 1) included.
    public var analogMACs: Int
    /// Analog products with the transposed array (backward passes on the device).
    public var transposedMVMs: Int
    /// Analog multiply-accumulates of the transposed products (inputs × outputs per vector).
    public var transposedMACs: Int
    /// Digital-to-analog conversions: one per input element of a forward (the
    /// bias input is constant) and one per output line driven by a transposed product.
    public var dacConversions: Int
    /// Analog-to-digital conversions: one per output element of a forward and
    /// one per input line read by a transposed product.
    public var adcConversions: Int
    /// Device writes: every device on a full programming, and on an
    /// increment every device whose target conductance changed.
    public var programmingEvents: Int
    /// Digital fp32 multiply-accumulates done around the device (by trainers).
    public var digitalMACs: Int
    /// Bytes written to or read from on-chip SRAM by the digital side
    /// (activations kept within a training step, gradients, buffers between layers).
    public var sramBytes: Int
    /// Bytes written to or read from DRAM by the digital side (state kept
    /// across training steps: digital weight copies and optimizer state).
    public var dramBytes: Int

    /// Creates counts; all zero by default.
    /// - Parameters:
    ///   - analogMVMs: Analog products.
    ///   - analogMACs: Their multiply-accumulates.
    ///   - transposedMVMs: Transposed analog products.
    ///   - transposedMACs: Their multiply-accumulates.
    ///   - dacConversions: Input conversions.
    ///   - adcConversions: Output conversions.
    ///   - programmingEvents: Device writes.
    ///   - digitalMACs: Digital fp32 multiply-accumulates.
    ///   - sramBytes: SRAM traffic in bytes.
    ///   - dramBytes: DRAM traffic in bytes.
    public init(analogMVMs: Int = 0, analogMACs: Int = 0, transposedMVMs: Int = 0, transposedMACs: Int = 0,
                dacConversions: Int = 0, adcConversions: Int = 0, programmingEvents: Int = 0, digitalMACs: Int = 0,
                sramBytes: Int = 0, dramBytes: Int = 0) {
        self.analogMVMs = analogMVMs
        self.analogMACs = analogMACs
        self.transposedMVMs = transposedMVMs
        self.transposedMACs = transposedMACs
        self.dacConversions = dacConversions
        self.adcConversions = adcConversions
        self.programmingEvents = programmingEvents
        self.digitalMACs = digitalMACs
        self.sramBytes = sramBytes
        self.dramBytes = dramBytes
    }

    /// Adds transposed analog products, without their MACs or conversions
    /// (``AnalogLayer/recordTransposedMVMs(_:)`` adds those, knowing the array's size).
    /// - Parameter transposedMVMs: How many (one per vector).
    public mutating func add(transposedMVMs: Int) { self.transposedMVMs += transposedMVMs }

    /// Adds digital multiply-accumulates.
    /// - Parameter digitalMACs: How many.
    public mutating func add(digitalMACs: Int) { self.digitalMACs += digitalMACs }

    /// Adds SRAM traffic.
    /// - Parameter sramBytes: Bytes written or read.
    public mutating func add(sramBytes: Int) { self.sramBytes += sramBytes }

    /// Adds DRAM traffic.
    /// - Parameter dramBytes: Bytes written or read.
    public mutating func add(dramBytes: Int) { self.dramBytes += dramBytes }

    /// Elementwise sum.
    public static func + (a: DeviceOperationCounts, b: DeviceOperationCounts) -> DeviceOperationCounts {
        DeviceOperationCounts(
            analogMVMs: a.analogMVMs + b.analogMVMs, analogMACs: a.analogMACs + b.analogMACs,
            transposedMVMs: a.transposedMVMs + b.transposedMVMs, transposedMACs: a.transposedMACs + b.transposedMACs,
            dacConversions: a.dacConversions + b.dacConversions, adcConversions: a.adcConversions + b.adcConversions,
            programmingEvents: a.programmingEvents + b.programmingEvents, digitalMACs: a.digitalMACs + b.digitalMACs,
            sramBytes: a.sramBytes + b.sramBytes, dramBytes: a.dramBytes + b.dramBytes)
    }

    /// Elementwise accumulation.
    public static func += (a: inout DeviceOperationCounts, b: DeviceOperationCounts) { a = a + b }
}

extension DeviceOperationCounts {
    private enum CodingKeys: String, CodingKey {
        case analogMVMs, analogMACs, transposedMVMs, transposedMACs, dacConversions, adcConversions,
             programmingEvents, digitalMACs, sramBytes, dramBytes
    }

    /// Decodes counts; the fields added with the energy model (`analogMACs`,
    /// `transposedMACs`, `sramBytes`, `dramBytes`) read as 0 from older files.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(analogMVMs: try c.decode(Int.self, forKey: .analogMVMs),
                  analogMACs: try c.decodeIfPresent(Int.self, forKey: .analogMACs) ?? 0,
                  transposedMVMs: try c.decode(Int.self, forKey: .transposedMVMs),
                  transposedMACs: try c.decodeIfPresent(Int.self, forKey: .transposedMACs) ?? 0,
                  dacConversions: try c.decode(Int.self, forKey: .dacConversions),
                  adcConversions: try c.decode(Int.self, forKey: .adcConversions),
                  programmingEvents: try c.decode(Int.self, forKey: .programmingEvents),
                  digitalMACs: try c.decode(Int.self, forKey: .digitalMACs),
                  sramBytes: try c.decodeIfPresent(Int.self, forKey: .sramBytes) ?? 0,
                  dramBytes: try c.decodeIfPresent(Int.self, forKey: .dramBytes) ?? 0)
    }
}

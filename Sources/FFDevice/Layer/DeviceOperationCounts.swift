/// What a simulated device did, for energy and latency estimates.
///
/// The layer counts its own analog operations; trainers add the digital
/// work they do around it (``add(digitalMACs:)``) and, for backprop run on
/// the device, the transposed products (``add(transposedMVMs:)``).
public struct DeviceOperationCounts: Codable, Sendable, Equatable {
    /// Analog matrix-vector products: one per input vector per forward.
    public var analogMVMs: Int
    /// Analog products with the transposed array (backward passes on the device).
    public var transposedMVMs: Int
    /// Input digital-to-analog conversions (one per input element; the bias input is constant).
    public var dacConversions: Int
    /// Output analog-to-digital conversions (one per output element).
    public var adcConversions: Int
    /// Device writes: every device on a full programming, and on an
    /// increment every device whose target conductance changed.
    public var programmingEvents: Int
    /// Digital multiply-accumulates done around the device (by trainers).
    public var digitalMACs: Int

    /// Creates counts; all zero by default.
    /// - Parameters:
    ///   - analogMVMs: Analog products.
    ///   - transposedMVMs: Transposed analog products.
    ///   - dacConversions: Input conversions.
    ///   - adcConversions: Output conversions.
    ///   - programmingEvents: Device writes.
    ///   - digitalMACs: Digital multiply-accumulates.
    public init(analogMVMs: Int = 0, transposedMVMs: Int = 0, dacConversions: Int = 0, adcConversions: Int = 0,
                programmingEvents: Int = 0, digitalMACs: Int = 0) {
        self.analogMVMs = analogMVMs
        self.transposedMVMs = transposedMVMs
        self.dacConversions = dacConversions
        self.adcConversions = adcConversions
        self.programmingEvents = programmingEvents
        self.digitalMACs = digitalMACs
    }

    /// Adds transposed analog products.
    /// - Parameter transposedMVMs: How many (one per vector).
    public mutating func add(transposedMVMs: Int) { self.transposedMVMs += transposedMVMs }

    /// Adds digital multiply-accumulates.
    /// - Parameter digitalMACs: How many.
    public mutating func add(digitalMACs: Int) { self.digitalMACs += digitalMACs }

    /// Elementwise sum.
    public static func + (a: DeviceOperationCounts, b: DeviceOperationCounts) -> DeviceOperationCounts {
        DeviceOperationCounts(
            analogMVMs: a.analogMVMs + b.analogMVMs, transposedMVMs: a.transposedMVMs + b.transposedMVMs,
            dacConversions: a.dacConversions + b.dacConversions, adcConversions: a.adcConversions + b.adcConversions,
            programmingEvents: a.programmingEvents + b.programmingEvents, digitalMACs: a.digitalMACs + b.digitalMACs)
    }

    /// Elementwise accumulation.
    public static func += (a: inout DeviceOperationCounts, b: DeviceOperationCounts) { a = a + b }
}

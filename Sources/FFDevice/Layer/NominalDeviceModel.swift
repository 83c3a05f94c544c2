import FFTraining

/// What a datasheet says about one analog layer, and all a trainer may
/// know: sizes, the nominal nonlinearity, and the nominal preset (ranges,
/// bit widths and noise statistics, without the hidden transfer deviations
/// and black box). It carries no property of the particular instance.
public struct NominalDeviceModel: Codable, Sendable, Equatable {
    /// Number of inputs.
    public var inputSize: Int
    /// Number of outputs.
    public var outputSize: Int
    /// The nominal nonlinearity.
    public var activation: Activation
    /// The nominal preset (``DevicePreset/nominal``).
    public var device: DevicePreset

    /// Creates a nominal model.
    /// - Parameters:
    ///   - inputSize: Number of inputs.
    ///   - outputSize: Number of outputs.
    ///   - activation: The nominal nonlinearity.
    ///   - device: A preset; its hidden parts are removed.
    public init(inputSize: Int, outputSize: Int, activation: Activation, device: DevicePreset) {
        self.inputSize = inputSize
        self.outputSize = outputSize
        self.activation = activation
        self.device = device.nominal
    }

    /// Half-width of the input range, or `nil` when unbounded.
    public var inputRange: Float? { device.dac.range }
    /// Input resolution in bits, or `nil` when continuous.
    public var inputBits: Int? { device.dac.bits }
    /// Half-width of the output range, or `nil` when unbounded.
    public var outputRange: Float? { device.adc.range }
    /// Output resolution in bits, or `nil` when continuous.
    public var outputBits: Int? { device.adc.bits }
    /// Largest representable |weight|, or `nil` when unbounded.
    public var weightRange: Float? { device.weights.maxWeight }
    /// Conductance resolution in bits, or `nil` when continuous.
    public var weightBits: Int? { device.weights.bits }
}

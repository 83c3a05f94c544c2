import FFNumerics
import FFRandom
import FFTraining

/// One simulated analog crossbar tile computing y = f(G · x): the weights
/// W (`outputSize × inputSize`) and the bias b, stored as an extra column
/// driven by a constant input 1 so that the bias suffers the same
/// non-idealities, in differential conductance pairs.
///
/// A forward pass converts the inputs (DAC: clip, quantize, input noise),
/// multiplies by the effective weights in one sgemm, adds per-read noise
/// (output noise and output-referred weight noise), applies the real neuron
/// transfer of ReLU layers, and converts the outputs (ADC: clip, quantize).
/// Everything static (quantized and noisy programmed conductances, device
/// and column gains, stuck devices, drift and 1/f noise at the current read
/// time, drift compensation) is folded into the effective weights whenever
/// the layer is programmed or its time changes. ``transmit(_:into:)`` applies
/// the preset's hidden black box between this layer and the next.
///
/// The instance (conductances, stuck positions, gains, drift exponents,
/// neuron parameters, black-box transform) is drawn from the seed and is
/// not visible outside this module: trainers see ``nominal``, the counts
/// and the outputs. ``makeOracleModel()`` is the one explicit door to the
/// exact instance, for the backprop-oracle baseline.
///
/// Give every layer of a network its own seed.
public final class AnalogLayer: LayerExecutor {
    public let inputSize: Int
    public let outputSize: Int
    public let activation: Activation

    /// What the layer did so far.
    public internal(set) var counters = DeviceOperationCounts()

    /// Seconds since the layer was last programmed (aihwkit's `t_inference`);
    /// set by ``advanceTime(to:)``, reset to 0 by every write.
    public internal(set) var readTime: Double = 0

    /// How the layer corrects drift; changing it takes effect at once.
    public var driftCompensation: DriftCompensation {
        didSet { if driftCompensation != oldValue { refreshEffectiveWeights(newBaseline: false) } }
    }

    // MARK: The hidden instance (internal to FFDevice).

    /// The full preset, hidden parts included.
    let preset: DevicePreset
    /// Input and output converters.
    let dac: Quantizer, adc: Quantizer
    /// Absolute σ of the input noise (noise · r).
    let inputNoiseSigma: Float
    /// Weight-to-conductance mapping and programming.
    let programming: WeightProgramming
    /// Device and column variation of this instance.
    let variation: DeviceVariation
    /// Stuck devices of this instance.
    let stuck: StuckDevices
    /// Drift exponents' fixed normals of this instance.
    let drift: ConductanceDrift
    /// Per-read and 1/f noise.
    let readNoise: ReadNoise
    /// The real neuron circuit (ReLU layers with a non-ideal transfer only).
    let transfer: NeuronTransfer?
    /// The transform between this layer and the next.
    var blackBox: BlackBoxTransform?
    /// Programming noise and per-read noise.
    let programmingStream: GaussianStream, readStream: GaussianStream
    /// Seed of the 1/f draws; `oneOverFEpoch` counts time changes and writes.
    let oneOverFSeed: UInt64
    var oneOverFEpoch: UInt64 = 0

    /// Intended weights with the bias as last column: `outputSize × (inputSize + 1)`.
    var intended: Matrix
    /// Programmed normalised conductances of the positive and negative devices (same layout).
    var programmedPlus: [Float], programmedMinus: [Float]
    /// Drift exponent of each device (empty without drift).
    var nuPlus: [Float], nuMinus: [Float]
    /// 1/f amplitude Q_s of each device's programmed conductance (empty without 1/f noise).
    var qsPlus: [Float], qsMinus: [Float]
    /// Effective weights read now, bias column last: `outputSize × (inputSize + 1)`.
    var effective: Matrix
    /// |effective| (only with PCM-read weight noise).
    var absoluteEffective = Matrix(rows: 0, columns: 0)
    /// Effective bias plus column offset of each output.
    var outputShift: [Float]
    /// The global drift-compensation factor in use, and the reference read it compares with.
    var compensationFactor: Float = 1
    var baselineReadout: Double = 0
    /// Whether to keep ``sensitivityPlus``/``sensitivityMinus`` for the oracle.
    var tracksSensitivity = false
    /// ∂(read conductance)/∂(programmed conductance) of each device, 0 when stuck (oracle only).
    var sensitivityPlus: [Float] = [], sensitivityMinus: [Float] = []

    // Scratch buffers.
    var dacBuffer = Matrix(rows: 0, columns: 0)
    var squareBuffer = Matrix(rows: 0, columns: 0)
    var sigmaBuffer = Matrix(rows: 0, columns: 0)
    var noiseBuffer = Matrix(rows: 0, columns: 0)

    /// Creates a layer instance; all its devices hold conductance 0 (or their stuck value) until programmed.
    /// - Parameters:
    ///   - inputSize: Number of inputs (≥ 1).
    ///   - outputSize: Number of outputs (≥ 1).
    ///   - activation: The nominal nonlinearity.
    ///   - preset: A valid preset (as ``DevicePreset/load(path:)`` returns; call
    ///     ``DevicePreset/validate()`` on presets built in code).
    ///   - seed: Seed of this instance and of its noise.
    public init(inputSize: Int, outputSize: Int, activation: Activation, preset: DevicePreset, seed: UInt64) {
        precondition(inputSize > 0 && outputSize > 0, "AnalogLayer needs at least one input and one output")
        do {
            try preset.validate()
        } catch {
            preconditionFailure("AnalogLayer: invalid preset: \(error)")
        }
        self.inputSize = inputSize
        self.outputSize = outputSize
        self.activation = activation
        self.preset = preset
        driftCompensation = preset.drift.compensation
        dac = Quantizer(range: preset.dac.range, bits: preset.dac.bits)
        adc = Quantizer(range: preset.adc.range, bits: preset.adc.bits)
        inputNoiseSigma = preset.dac.noise * (preset.dac.range ?? 0)
        programming = WeightProgramming(preset.weights)

        let devices = outputSize * (inputSize + 1)
        let root = RandomGenerator(seed: seed)
        variation = DeviceVariation(preset.variation, outputRange: preset.adc.range, devices: devices,
                                    columns: outputSize, random: root.derived(stream: "variation"))
        stuck = StuckDevices(preset.stuck, devices: devices, random: root.derived(stream: "stuck"))
        drift = ConductanceDrift(preset.drift, devices: devices, random: root.derived(stream: "drift"))
        readNoise = ReadNoise(preset.readNoise, outputRange: preset.adc.range, weightScale: programming.scale)
        transfer = activation == .relu && !preset.transfer.isIdeal
            ? NeuronTransfer(preset.transfer, units: outputSize, random: root.derived(stream: "transfer")) : nil
        blackBox = BlackBoxTransform(preset.blackBox, size: outputSize, random: root.derived(stream: "black-box"))
        programmingStream = GaussianStream(seed: SplitMix64.mix(seed ^ SplitMix64.hash("programming")))
        readStream = GaussianStream(seed: SplitMix64.mix(seed ^ SplitMix64.hash("read")))
        oneOverFSeed = SplitMix64.mix(seed ^ SplitMix64.hash("one-over-f"))

        intended = Matrix(rows: outputSize, columns: inputSize + 1)
        programmedPlus = stuck.plus.isEmpty ? [Float](repeating: 0, count: devices)
            : stuck.plus.map { StuckDevices.value($0) ?? 0 }
        programmedMinus = stuck.minus.isEmpty ? [Float](repeating: 0, count: devices)
            : stuck.minus.map { StuckDevices.value($0) ?? 0 }
        let nuCount = drift.isActive ? devices : 0
        nuPlus = [Float](repeating: 0, count: nuCount)
        nuMinus = [Float](repeating: 0, count: nuCount)
        qsPlus = readNoise.oneOverF > 0 ? programmedPlus.map { ReadNoise.qs($0) } : []
        qsMinus = readNoise.oneOverF > 0 ? programmedMinus.map { ReadNoise.qs($0) } : []
        effective = Matrix(rows: outputSize, columns: inputSize + 1)
        outputShift = [Float](repeating: 0, count: outputSize)
        refreshEffectiveWeights(newBaseline: true)
    }

    /// Creates a layer instance and programs it.
    /// - Parameters:
    ///   - parameters: The intended weights and bias.
    ///   - activation: The nominal nonlinearity.
    ///   - preset: A valid preset.
    ///   - seed: Seed of this instance and of its noise.
    public convenience init(parameters: LayerParameters, activation: Activation, preset: DevicePreset, seed: UInt64) {
        self.init(inputSize: parameters.inputSize, outputSize: parameters.outputSize, activation: activation,
                  preset: preset, seed: seed)
        program(parameters)
    }

    /// What a datasheet states about this layer (no property of the instance).
    public var nominal: NominalDeviceModel {
        NominalDeviceModel(inputSize: inputSize, outputSize: outputSize, activation: activation, device: preset)
    }

    /// Sets the counts to zero.
    public func resetCounters() { counters = DeviceOperationCounts() }

    /// Records transposed analog products made with this array (backprop on
    /// the device): each drives the `outputSize` lines through DACs, does
    /// `inputSize × outputSize` multiply-accumulates and reads the
    /// `inputSize` lines through ADCs.
    /// - Parameter count: Number of vectors multiplied.
    public func recordTransposedMVMs(_ count: Int) {
        counters.add(transposedMVMs: count)
        counters.transposedMACs += count * inputSize * outputSize
        counters.dacConversions += count * outputSize
        counters.adcConversions += count * inputSize
    }

    /// Records digital multiply-accumulates done for this layer.
    /// - Parameter count: Number of MACs.
    public func recordDigitalMACs(_ count: Int) { counters.add(digitalMACs: count) }

    /// Sets the read time: the conductances drift and accumulate 1/f noise
    /// as they would `seconds` after programming (a fresh 1/f draw each call).
    /// - Parameter seconds: Time since programming (≥ 0).
    public func advanceTime(to seconds: Double) {
        precondition(seconds >= 0 && seconds.isFinite, "advanceTime: time must be finite and ≥ 0")
        readTime = seconds
        guard drift.isActive || readNoise.oneOverF > 0 else { return }
        oneOverFEpoch &+= 1
        refreshEffectiveWeights(newBaseline: false)
    }

    /// The model of this exact instance for backprop: the only way to
    /// differentiate through the hidden device. For the bp-oracle baseline.
    public func makeOracleModel() -> OracleLayerModel {
        if !tracksSensitivity {
            tracksSensitivity = true
            refreshEffectiveWeights(newBaseline: false)
        }
        return OracleLayerModel(layer: self)
    }
}

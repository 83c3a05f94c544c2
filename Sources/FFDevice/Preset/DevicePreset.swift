/// Everything that describes one kind of simulated analog crossbar: its
/// converters, how weights become conductances, and every non-ideality.
///
/// Presets live as JSON files in `models/` (snake_case keys, one section per
/// non-ideality; see `models/README.md`). A section or key that is absent
/// takes its ideal default, so ``ideal`` is simply the all-default preset;
/// the ``energy`` costs, which describe no behaviour, default to their sourced values.
/// Loading is strict: unknown keys and out-of-range values are errors
/// (``DevicePresetError``).
///
/// Some sections describe what a datasheet states (ranges, bit widths, noise
/// statistics); ``transfer`` and ``blackBox`` describe hidden behaviour that
/// a user of the chip cannot know. ``nominal`` removes the hidden parts.
public struct DevicePreset: Sendable, Equatable {
    /// Short name, e.g. `"pcm"`; the file name without `.json` for shipped presets.
    public var name: String
    /// One sentence on what the preset models and where its numbers come from.
    public var description: String
    /// Input digital-to-analog conversion.
    public var dac: DACSettings
    /// Mapping of weights to conductances and their programming.
    public var weights: WeightSettings
    /// Fixed device-to-device and column-to-column variation.
    public var variation: VariationSettings
    /// Devices stuck at zero or at full conductance.
    public var stuck: StuckSettings
    /// Noise on every read (every analog product).
    public var readNoise: ReadNoiseSettings
    /// Conductance drift after programming.
    public var drift: DriftSettings
    /// Output analog-to-digital conversion.
    public var adc: ADCSettings
    /// Hidden: how the real neuron circuit deviates from the nominal ReLU.
    public var transfer: TransferSettings
    /// Hidden: an unknown fixed transform between this layer and the next.
    public var blackBox: BlackBoxSettings
    /// Energy per operation, for the energy estimate (not part of the device's behaviour).
    public var energy: EnergySettings

    /// Creates a preset; every section defaults to its ideal setting.
    /// - Parameters:
    ///   - name: Short name.
    ///   - description: What the preset models.
    ///   - dac: Input converter.
    ///   - weights: Weight-to-conductance mapping and programming.
    ///   - variation: Device and column variation.
    ///   - stuck: Stuck devices.
    ///   - readNoise: Per-read noise.
    ///   - drift: Conductance drift.
    ///   - adc: Output converter.
    ///   - transfer: Hidden neuron transfer deviations.
    ///   - blackBox: Hidden transform between layers.
    ///   - energy: Energy per operation; the default is the sourced set of `models/README.md`.
    public init(name: String = "custom", description: String = "",
                dac: DACSettings = DACSettings(), weights: WeightSettings = WeightSettings(),
                variation: VariationSettings = VariationSettings(), stuck: StuckSettings = StuckSettings(),
                readNoise: ReadNoiseSettings = ReadNoiseSettings(), drift: DriftSettings = DriftSettings(),
                adc: ADCSettings = ADCSettings(), transfer: TransferSettings = TransferSettings(),
                blackBox: BlackBoxSettings = BlackBoxSettings(), energy: EnergySettings = EnergySettings()) {
        self.name = name
        self.description = description
        self.dac = dac
        self.weights = weights
        self.variation = variation
        self.stuck = stuck
        self.readNoise = readNoise
        self.drift = drift
        self.adc = adc
        self.transfer = transfer
        self.blackBox = blackBox
        self.energy = energy
    }

    /// Exact hardware: no converters, no noise, nothing hidden. An
    /// ``AnalogLayer`` with it computes what ``FFTraining/DigitalLayer`` computes.
    public static let ideal = DevicePreset(
        name: "ideal", description: "Exact: unbounded ranges, no quantization, no noise, nothing hidden.")

    /// The preset a datasheet would give: the same ranges, bit widths and
    /// noise statistics, with the hidden parts (``transfer`` deviations and
    /// the ``blackBox``) removed. Noise-aware training draws its own random
    /// instances from it.
    public var nominal: DevicePreset {
        var p = self
        p.transfer = TransferSettings()
        p.blackBox = BlackBoxSettings()
        return p
    }

    /// Whether the preset has behaviour that ``nominal`` removes.
    public var hasHiddenParts: Bool { self != nominal }

    /// The preset behind `--noise σ`: this preset with programming noise
    /// σ·g_max (σ·w_max in weight units, ``ProgrammingNoiseModel/absolute``),
    /// output read noise σ × the output (ADC) range, and a device-to-device
    /// conductance gain spread σ (lognormal, median 1). Nothing else changes.
    /// On a preset without w_max or output range (e.g. ``ideal``) the first
    /// two are absolute: σ in weight units and σ in output units.
    /// - Parameter sigma: The relative noise level (≥ 0).
    /// - Returns: The modified preset; call ``validate()`` before use if it was built in code.
    public func withNoise(_ sigma: Float) -> DevicePreset {
        var p = self
        p.weights.noiseModel = .absolute
        p.weights.programmingNoise = sigma
        p.readNoise.output = sigma
        p.variation.deviceGainSigma = sigma
        return p
    }
}

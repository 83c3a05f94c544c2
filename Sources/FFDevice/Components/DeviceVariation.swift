import FFRandom

/// Fixed variation of one crossbar instance, drawn once from GSL:
/// a lognormal gain (median 1) on every device's conductance, and a
/// lognormal gain and a Gaussian offset on every column (output unit).
///
/// Device gains model device-to-device differences of the read conductance
/// (the conductance actually read is gain · programmed conductance, so
/// write-verify cannot remove it); column gains and offsets model the
/// periphery of each output line (sense amplifier, integrator).
struct DeviceVariation: Sendable {
    /// Gain of each positive device (row-major over outputs × (inputs + 1)); empty when σ = 0.
    let gainPlus: [Float]
    /// Gain of each negative device; empty when σ = 0.
    let gainMinus: [Float]
    /// Gain of each column; empty when σ = 0.
    let columnGain: [Float]
    /// Offset of each column in output units; empty when σ = 0.
    let columnOffset: [Float]

    /// Draws an instance.
    /// - Parameters:
    ///   - settings: The preset's variation section.
    ///   - outputRange: The ADC range R, the unit of the offsets (1 when unbounded).
    ///   - devices: Devices per polarity (outputs × (inputs + 1)).
    ///   - columns: Number of output units.
    ///   - random: Source of the draws.
    init(_ settings: DevicePreset.VariationSettings, outputRange: Float?, devices: Int, columns: Int,
         random: RandomGenerator) {
        func lognormal(_ n: Int, _ sigma: Float, _ r: RandomGenerator) -> [Float] {
            guard sigma > 0 else { return [] }
            return (0..<n).map { _ in Float(r.lognormal(zeta: 0, sigma: Double(sigma))) }
        }
        let deviceRandom = random.derived(stream: "device-gain")
        gainPlus = lognormal(devices, settings.deviceGainSigma, deviceRandom)
        gainMinus = lognormal(devices, settings.deviceGainSigma, deviceRandom)
        columnGain = lognormal(columns, settings.columnGainSigma, random.derived(stream: "column-gain"))
        if settings.columnOffsetSigma > 0 {
            let r = random.derived(stream: "column-offset")
            let sigma = Double(settings.columnOffsetSigma * (outputRange ?? 1))
            columnOffset = (0..<columns).map { _ in Float(r.gaussian(sigma: sigma)) }
        } else {
            columnOffset = []
        }
    }
}

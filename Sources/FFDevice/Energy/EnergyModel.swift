#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Turns operation counts into an energy estimate: each counted operation
/// times its cost from the preset's ``DevicePreset/EnergySettings``.
///
/// | count | cost per operation |
/// | --- | --- |
/// | ``DeviceOperationCounts/analogMACs`` + ``DeviceOperationCounts/transposedMACs`` | `analog_mac_pj` |
/// | ``DeviceOperationCounts/dacConversions`` | `dac.bits` × `dac_pj_per_bit` |
/// | ``DeviceOperationCounts/adcConversions`` | 2^`adc.bits` × `adc_pj_per_level` |
/// | ``DeviceOperationCounts/programmingEvents`` | `programming_pulse_pj` |
/// | ``DeviceOperationCounts/digitalMACs`` | `digital_mac_fp32_pj` |
/// | ``DeviceOperationCounts/sramBytes`` | `sram_pj_per_byte` |
/// | ``DeviceOperationCounts/dramBytes`` | `dram_pj_per_byte` |
///
/// A preset without a converter (bits `null`) gets no cost for it: the
/// estimate's ``EnergyEstimate/dac`` or ``EnergyEstimate/adc`` is `nil`.
/// No counted operation is an int8 MAC, so `digital_mac_int8_pj` is listed
/// with the costs but not used.
public struct EnergyModel: Sendable, Equatable {
    /// Cost per operation.
    public var costs: DevicePreset.EnergySettings
    /// Input resolution, or `nil` without a DAC.
    public var dacBits: Int?
    /// Output resolution, or `nil` without an ADC.
    public var adcBits: Int?

    /// The model of a preset: its energy costs and its converters' bit widths.
    /// - Parameter preset: The device preset.
    public init(preset: DevicePreset) {
        self.init(costs: preset.energy, dacBits: preset.dac.bits, adcBits: preset.adc.bits)
    }

    /// Creates a model.
    /// - Parameters:
    ///   - costs: Cost per operation.
    ///   - dacBits: Input resolution, or `nil` without a DAC.
    ///   - adcBits: Output resolution, or `nil` without an ADC.
    public init(costs: DevicePreset.EnergySettings, dacBits: Int?, adcBits: Int?) {
        self.costs = costs
        self.dacBits = dacBits
        self.adcBits = adcBits
    }

    /// Picojoules of one DAC conversion (`bits` × `dac_pj_per_bit`), or `nil` without a DAC.
    public var dacConversionPJ: Double? { dacBits.map { Double($0) * costs.dacPJPerBit } }

    /// Picojoules of one ADC conversion (2^`bits` × `adc_pj_per_level`), or `nil` without an ADC.
    public var adcConversionPJ: Double? { adcBits.map { pow(2, Double($0)) * costs.adcPJPerLevel } }

    /// The estimate of `counts`.
    /// - Parameter counts: Operations done.
    /// - Returns: Joules per kind of operation.
    public func estimate(_ counts: DeviceOperationCounts) -> EnergyEstimate {
        let joules = 1e-12
        return EnergyEstimate(
            analogMACs: Double(counts.analogMACs + counts.transposedMACs) * costs.analogMACPJ * joules,
            dac: dacConversionPJ.map { Double(counts.dacConversions) * $0 * joules },
            adc: adcConversionPJ.map { Double(counts.adcConversions) * $0 * joules },
            programming: Double(counts.programmingEvents) * costs.programmingPulsePJ * joules,
            digitalMACs: Double(counts.digitalMACs) * costs.digitalMACFP32PJ * joules,
            sram: Double(counts.sramBytes) * costs.sramPJPerByte * joules,
            dram: Double(counts.dramBytes) * costs.dramPJPerByte * joules)
    }

    /// The per-operation costs in use, on one line.
    public var costSummary: String {
        func pj(_ x: Double) -> String { "\(x) pJ" }
        let dac = dacConversionPJ.map { "DAC \(dacBits!) bit \(pj(rounded($0)))" } ?? "no DAC (dac.bits null): not costed"
        let adc = adcConversionPJ.map { "ADC \(adcBits!) bit \(pj(rounded($0)))" } ?? "no ADC (adc.bits null): not costed"
        return "analog MAC \(pj(costs.analogMACPJ)), \(dac), \(adc), device write \(pj(costs.programmingPulsePJ)), "
            + "fp32 MAC \(pj(costs.digitalMACFP32PJ)), SRAM \(costs.sramPJPerByte) pJ/B, DRAM \(costs.dramPJPerByte) pJ/B"
    }

    private func rounded(_ x: Double) -> Double { (x * 1000).rounded() / 1000 }
}

import Foundation
import Testing
import FFNumerics
@testable import FFDevice

@Suite("Energy model: counts × per-operation costs")
struct EnergyModelTests {
    @Test("each component is its count times its cost, converters by bit width")
    func componentsByHand() throws {
        let preset = try Support.shipped("generic")
        let model = EnergyModel(preset: preset)
        #expect(model.dacBits == 8 && model.adcBits == 8)
        #expect(abs(model.dacConversionPJ! - 8 * 0.326) < 1e-12)
        #expect(abs(model.adcConversionPJ! - 256 * 0.0101) < 1e-12)
        let counts = DeviceOperationCounts(analogMVMs: 2, analogMACs: 1000, transposedMVMs: 1, transposedMACs: 500,
                                           dacConversions: 20, adcConversions: 10, programmingEvents: 7,
                                           digitalMACs: 300, sramBytes: 4096, dramBytes: 64)
        let e = model.estimate(counts)
        let pJ = 1e-12
        #expect(abs(e.analogMACs - 1500 * 0.151 * pJ) < 1e-20)
        #expect(abs(e.dac! - 20 * 8 * 0.326 * pJ) < 1e-20)
        #expect(abs(e.adc! - 10 * 256 * 0.0101 * pJ) < 1e-20)
        #expect(abs(e.programming - 7 * 1.96 * pJ) < 1e-20)
        #expect(abs(e.digitalMACs - 300 * 4.6 * pJ) < 1e-20)
        #expect(abs(e.sram - 4096 * 1.25 * pJ) < 1e-20)
        #expect(abs(e.dram - 64 * 243.75 * pJ) < 1e-20)
        let sum = e.components.reduce(0) { $0 + ($1.joules ?? 0) }
        #expect(abs(e.total - sum) < 1e-20)
        #expect(e.components.map(\.name) == ["analog_mac", "dac", "adc", "programming", "digital_mac", "sram", "dram"])
    }

    @Test("a preset without converters costs none and says so")
    func idealHasNoConverters() {
        let model = EnergyModel(preset: .ideal)
        #expect(model.dacConversionPJ == nil && model.adcConversionPJ == nil)
        let e = model.estimate(DeviceOperationCounts(analogMVMs: 1, analogMACs: 12, dacConversions: 3, adcConversions: 4))
        #expect(e.dac == nil && e.adc == nil)
        #expect(abs(e.total - 12 * 0.151e-12) < 1e-20)
        #expect(model.costSummary.contains("no DAC (dac.bits null): not costed"))
        #expect(model.costSummary.contains("no ADC (adc.bits null): not costed"))
    }

    @Test("a layer's own counts give the estimate of its forward pass")
    func layerForward() throws {
        let preset = try Support.shipped("generic")
        let layer = AnalogLayer(parameters: Support.random(inputs: 7, outputs: 3), activation: .relu, preset: preset, seed: 2)
        let writes = layer.counters.programmingEvents
        #expect(writes == 2 * 8 * 3)
        layer.resetCounters()
        _ = Support.forward(layer, Support.gaussian(rows: 5, columns: 7))
        let e = EnergyModel(preset: preset).estimate(layer.counters)
        // 5 vectors × (7 + bias) × 3 MACs, 35 DAC and 15 ADC conversions at 8 bits.
        let expected = (120 * 0.151 + 35 * 8 * 0.326 + 15 * 256 * 0.0101) * 1e-12
        #expect(abs(e.total - expected) < 1e-20)
        #expect(e.programming == 0 && e.digitalMACs == 0)
    }

    @Test("per-sample division and the mean over seeds keep components apart")
    func arithmetic() throws {
        let a = EnergyEstimate(analogMACs: 2, dac: 4, adc: nil, programming: 6, digitalMACs: 8, sram: 10, dram: 12)
        let half = a.divided(by: 2)
        #expect(half == EnergyEstimate(analogMACs: 1, dac: 2, adc: nil, programming: 3, digitalMACs: 4, sram: 5, dram: 6))
        #expect(half.total == a.total / 2)
        #expect(a.divided(by: 1) == a)
        let b = EnergyEstimate(analogMACs: 4, dac: nil, adc: nil)
        let m = EnergyEstimate.mean([a, b])
        #expect(m.analogMACs == 3 && m.dac == 2 && m.adc == nil && m.dram == 6)
        #expect(EnergyEstimate.mean([]) == EnergyEstimate())
        // Result files use snake_case keys: one per component, the total, null for a missing converter.
        let e = JSONEncoder()
        e.keyEncodingStrategy = .convertToSnakeCase
        let text = String(decoding: try e.encode(a), as: UTF8.self)
        for key in ["analog_mac", "dac", "adc", "programming", "digital_mac", "sram", "dram", "total"] {
            #expect(text.contains("\"\(key)\":"), "\(key)")
        }
        let d = JSONDecoder()
        d.keyDecodingStrategy = .convertFromSnakeCase
        #expect(try d.decode(EnergyEstimate.self, from: e.encode(a)) == a)
    }
}

import Testing
import FFNumerics
import FFTraining
@testable import FFDevice

@Suite("Converters and weight levels: clipping and the number of distinct levels")
struct ConverterTests {
    /// n values evenly spread over [a, b].
    static func ramp(_ n: Int, from a: Float, to b: Float) -> Matrix {
        Matrix(rows: n, columns: 1, storage: (0..<n).map { a + (b - a) * Float($0) / Float(n - 1) })
    }

    /// A 1-input, 1-output identity layer with weight 1 and bias 0.
    static func passThrough(_ preset: DevicePreset) -> AnalogLayer {
        AnalogLayer(parameters: LayerParameters(weights: Matrix(rows: 1, columns: 1, repeating: 1), bias: [0]),
                    activation: .identity, preset: preset, seed: 1)
    }

    @Test("the DAC clips to [−r, r] and has 2^bits − 1 levels including 0", arguments: [2, 4, 8])
    func dacLevels(bits: Int) {
        let layer = Self.passThrough(Support.preset {
            $0.dac = .init(range: 2, bits: bits)
            $0.weights.maxWeight = 1
        })
        let y = Support.forward(layer, Self.ramp(20_001, from: -4, to: 4))
        let levels = Set(y.storage)
        #expect(levels.count == (1 << bits) - 1)
        #expect(levels.contains(0))
        #expect(abs(levels.max()! - 2) < 1e-6 && abs(levels.min()! + 2) < 1e-6)
        #expect(layer.dac.levelCount == (1 << bits) - 1)
    }

    @Test("the ADC saturates at ±R and has 2^bits − 1 levels", arguments: [3, 5, 8])
    func adcLevels(bits: Int) {
        let layer = Self.passThrough(Support.preset {
            $0.adc = .init(range: 1.5, bits: bits)
            $0.weights.maxWeight = 1
        })
        let y = Support.forward(layer, Self.ramp(20_001, from: -3, to: 3))
        let levels = Set(y.storage)
        #expect(levels.count == (1 << bits) - 1)
        #expect(abs(levels.max()! - 1.5) < 1e-6 && abs(levels.min()! + 1.5) < 1e-6)
        // Rounding error of an unsaturated value is at most half a step.
        let step = 1.5 / Float((1 << (bits - 1)) - 1)
        for (x, v) in zip(Self.ramp(20_001, from: -3, to: 3).storage, y.storage) where abs(x) < 1.5 {
            #expect(abs(x - v) <= step / 2 + 1e-6)
        }
    }

    @Test("unbounded converters pass values unchanged; a range alone only clips")
    func clippingOnly() {
        let x = Self.ramp(101, from: -3, to: 3)
        let clipped = Support.forward(Self.passThrough(Support.preset { $0.dac.range = 1; $0.weights.maxWeight = 1 }), x)
        for (a, b) in zip(x.storage, clipped.storage) { #expect(b == min(max(a, -1), 1)) }
        #expect(Quantizer(range: nil, bits: nil).isIdentity)
    }

    @Test("weights map to 2^bits conductance levels per device and 2^(bits+1) − 1 effective levels",
          arguments: [1, 3, 4])
    func weightLevels(bits: Int) {
        let n = 4000
        let w = Self.ramp(n, from: -1.5, to: 1.5)
        let layer = AnalogLayer(
            parameters: LayerParameters(weights: Matrix(rows: 1, columns: n, storage: w.storage), bias: [0]),
            activation: .identity, preset: Support.preset { $0.weights = .init(maxWeight: 0.5, bits: bits) }, seed: 1)
        let plus = Set(layer.programmedPlus)
        #expect(plus.count == 1 << bits)
        #expect(plus.min() == 0 && plus.max() == 1)
        let effective = Set(layer.effective.storage)
        #expect(effective.count == (1 << (bits + 1)) - 1)
        #expect(abs(effective.max()! - 0.5) < 1e-6 && abs(effective.min()! + 0.5) < 1e-6)
    }
}

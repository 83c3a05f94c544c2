import Testing
import FFNumerics
import FFTraining
@testable import FFDevice

@Suite("Noise on every read: input, output and output-referred weight noise")
struct ReadNoiseTests {
    static let rows = 20_000

    @Test("input noise has σ = noise · r after the DAC")
    func inputNoise() {
        let layer = AnalogLayer(parameters: LayerParameters(weights: Matrix(rows: 1, columns: 1, repeating: 1), bias: [0]),
                                activation: .identity,
                                preset: Support.preset { $0.dac = .init(range: 2, noise: 0.1); $0.weights.maxWeight = 1 },
                                seed: 20)
        let y = Support.forward(layer, Matrix(rows: Self.rows, columns: 1, repeating: 0.5))
        #expect(Support.matchesNormal(Support.moments(y.storage), mean: 0.5, sigma: 0.2))
    }

    @Test("output noise has σ = output · R and is fresh on every read")
    func outputNoise() {
        let layer = AnalogLayer(parameters: Support.constant(0, inputs: 3, outputs: 2), activation: .identity,
                                preset: Support.preset { $0.adc.range = 4; $0.readNoise.output = 0.05 }, seed: 21)
        let x = Matrix(rows: Self.rows / 2, columns: 3, repeating: 1)
        let a = Support.forward(layer, x), b = Support.forward(layer, x)
        #expect(Support.matchesNormal(Support.moments(a.storage), mean: 0, sigma: 0.2))
        #expect(a != b)
    }

    @Test("without ranges the noise of withNoise(σ) is absolute: σ on outputs, σ on written weights")
    func absoluteWithoutRanges() {
        let layer = AnalogLayer(parameters: Support.constant(0.3, inputs: 99, outputs: 200), activation: .identity,
                                preset: DevicePreset.ideal.withNoise(0.05), seed: 24)
        let written = (0..<layer.programmedPlus.count).map { layer.programmedPlus[$0] }
        #expect(Support.matchesNormal(Support.moments(written), mean: 0.3, sigma: 0.05))
        // Zero input: outputs are the read biases plus output noise of σ = 0.05.
        let y = Support.forward(layer, Matrix(rows: 100, columns: 99))
        let noise = (0..<y.count).map { y.storage[$0] - layer.outputShift[$0 % 200] }
        #expect(Support.matchesNormal(Support.moments(noise), mean: 0, sigma: 0.05))
    }

    @Test("PCM-read weight noise has σ = ρ · √(w_max Σ |w| x²) (bias column included)")
    func pcmReadNoise() {
        let layer = AnalogLayer(parameters: Support.constant(0.25, inputs: 10, outputs: 1), activation: .identity,
                                preset: Support.preset {
                                    $0.weights.maxWeight = 0.5
                                    $0.readNoise = .init(weight: 0.1, weightModel: .pcmRead)
                                }, seed: 22)
        let x = Matrix(rows: Self.rows, columns: 10, repeating: 0.8)
        let y = Support.forward(layer, x)
        let sigma = 0.1 * (0.5 * (10 * 0.25 * 0.64 + 0.25)).squareRoot()
        #expect(Support.matchesNormal(Support.moments(y.storage), mean: 10 * 0.25 * 0.8 + 0.25, sigma: sigma))
    }

    @Test("additive weight noise has σ = ρ · w_max · ‖(x, 1)‖, combined with output noise in quadrature")
    func additiveNoise() {
        let layer = AnalogLayer(parameters: Support.constant(0.1, inputs: 10, outputs: 2), activation: .identity,
                                preset: Support.preset {
                                    $0.weights.maxWeight = 0.5
                                    $0.adc.range = 2
                                    $0.readNoise = .init(output: 0.02, weight: 0.1, weightModel: .additive)
                                }, seed: 23)
        let y = Support.forward(layer, Matrix(rows: Self.rows / 2, columns: 10, repeating: 1))
        let weightSigma = 0.1 * 0.5 * 11.0.squareRoot(), outputSigma = 0.04
        let sigma = (weightSigma * weightSigma + outputSigma * outputSigma).squareRoot()
        #expect(Support.matchesNormal(Support.moments(y.storage), mean: 1.1, sigma: sigma))
    }
}

import Testing
import FFNumerics
import FFTraining
@testable import FFDevice

@Suite("The ideal preset is exact; seeds reproduce instances bit for bit")
struct ExactnessTests {
    @Test("an ideal analog layer computes what DigitalLayer computes, also after updates",
          arguments: [Activation.relu, .identity])
    func idealMatchesDigital(activation: Activation) throws {
        let p = Support.random(inputs: 50, outputs: 30)
        let x = Support.gaussian(rows: 20, columns: 50)
        let digital = DigitalLayer(parameters: p, activation: activation)
        let analog = AnalogLayer(parameters: p, activation: activation, preset: try Support.shipped("ideal"), seed: 1)
        #expect(Support.maxRelativeDifference(Support.forward(analog, x), Support.forward(digital, x), floor: 1e-6) < 1e-5)
        let delta = Support.random(inputs: 50, outputs: 30, sigma: 0.01, seed: 9)
        digital.update(by: delta)
        analog.update(by: delta)
        #expect(Support.maxRelativeDifference(Support.forward(analog, x), Support.forward(digital, x), floor: 1e-6) < 1e-5)
        analog.advanceTime(to: 1e6)
        var sent = Matrix(rows: 0, columns: 0)
        analog.transmit(x, into: &sent)
        #expect(sent == x)
    }

    @Test("the same seed gives bit-identical outputs; another seed another instance", arguments: ["rram", "pcm"])
    func reproducible(name: String) throws {
        let preset = try Support.shipped(name)
        let p = Support.random(inputs: 40, outputs: 25, sigma: 0.1)
        let x = Support.gaussian(rows: 8, columns: 40)
        func run(_ seed: UInt64) -> [Matrix] {
            let layer = AnalogLayer(parameters: p, activation: .relu, preset: preset, seed: seed)
            var outputs = [Support.forward(layer, x), Support.forward(layer, x)]
            layer.update(by: Support.random(inputs: 40, outputs: 25, sigma: 0.02, seed: 5))
            layer.advanceTime(to: 3600)
            outputs.append(Support.forward(layer, x))
            return outputs
        }
        let a = run(7), b = run(7), c = run(8)
        #expect(a.map { $0.storage.map(\.bitPattern) } == b.map { $0.storage.map(\.bitPattern) })
        #expect(a[0] != a[1])  // fresh read noise on every read
        #expect(a[0] != c[0])
    }
}

import Testing
import FFNumerics
import FFRandom
import FFTraining
@testable import FFDevice

@Suite("Saving and restoring a layer's state")
struct SnapshotTests {
    @Test("a restored layer reads exactly as it did when saved", arguments: ["pcm", "rram", "black-box"])
    func restoreIsExact(name: String) throws {
        let preset = try DevicePreset.named(name)
        let random = RandomGenerator(seed: 3)
        let parameters = LayerParameters(inputSize: 12, outputSize: 7, initialization: .heNormal, random: random)
        let layer = AnalogLayer(parameters: parameters, activation: .relu, preset: preset, seed: 5)
        var x = Matrix(rows: 4, columns: 12)
        random.fillUniform(&x, from: -1, to: 1)
        layer.advanceTime(to: 3600)
        let saved = layer.saveState()
        var before = Matrix(rows: 0, columns: 0)
        layer.forward(x, into: &before)
        var transmittedBefore = Matrix(rows: 0, columns: 0)
        layer.transmit(before, into: &transmittedBefore)

        // Change everything: a write, another time, more reads.
        var delta = LayerParameters(inputSize: 12, outputSize: 7)
        delta.weights.fill(0.01)
        layer.update(by: delta)
        layer.advanceTime(to: 86_400)
        var scratch = Matrix(rows: 0, columns: 0)
        layer.forward(x, into: &scratch)
        #expect(scratch != before)

        layer.restoreState(saved)
        var after = Matrix(rows: 0, columns: 0)
        layer.forward(x, into: &after)
        var transmittedAfter = Matrix(rows: 0, columns: 0)
        layer.transmit(after, into: &transmittedAfter)
        #expect(after == before)
        #expect(transmittedAfter == transmittedBefore)
        #expect(layer.readTime == 3600)
    }
}

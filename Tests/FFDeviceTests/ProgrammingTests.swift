import Foundation
import Testing
import FFNumerics
import FFTraining
@testable import FFDevice

@Suite("Weight programming: noise statistics, reprogramming and counts")
struct ProgrammingTests {
    @Test("absolute programming noise has σ = programming_noise · g_max around the target")
    func absoluteNoise() {
        let layer = AnalogLayer(parameters: Support.constant(0.25, inputs: 199, outputs: 100), activation: .identity,
                                preset: Support.preset { $0.weights = .init(maxWeight: 0.5, programmingNoise: 0.04) },
                                seed: 3)
        // Target g̃ = 0.25 / 0.5 = 0.5 on every positive device; 20 000 devices.
        let m = Support.moments(layer.programmedPlus)
        #expect(Support.matchesNormal(m, mean: 0.5, sigma: 0.04), "\(m)")
        // The negative devices (target 0) are clipped at 0: a half-normal.
        #expect(layer.programmedMinus.allSatisfy { $0 >= 0 })
        let zeros = Double(layer.programmedMinus.filter { $0 == 0 }.count) / Double(layer.programmedMinus.count)
        #expect(abs(zeros - 0.5) < 5 * (0.25 / Double(layer.programmedMinus.count)).squareRoot())
    }

    @Test("PCM programming noise follows the Nandakumar polynomial at several conductance levels")
    func pcmNoise() {
        let levels: [Float] = [0.2, 0.5, 0.9]
        let n = 4999
        var w = Matrix(rows: levels.count, columns: n)
        for (i, g) in levels.enumerated() { for j in 0..<n { w[i, j] = g } }
        let layer = AnalogLayer(parameters: LayerParameters(weights: w, bias: levels), activation: .identity,
                                preset: Support.preset { $0.weights = .init(maxWeight: 1, programmingNoise: 1, noiseModel: .pcm) },
                                seed: 4)
        for (i, g) in levels.enumerated() {
            let row = layer.programmedPlus[(i * (n + 1))..<((i + 1) * (n + 1))]
            let sigma = (0.26348 + 1.9650 * Double(g) - 1.1731 * Double(g * g)) / 25
            let m = Support.moments(row)
            #expect(Support.matchesNormal(m, mean: Double(g), sigma: sigma), "g = \(g): \(m), σ = \(sigma)")
        }
    }

    @Test("a full programming counts every device; an update rewrites only devices whose target changed")
    func reprogramming() {
        let preset = Support.preset { $0.weights = .init(maxWeight: 1, bits: 4, programmingNoise: 0.02) }
        let p = Support.random(inputs: 6, outputs: 5, sigma: 0.3)
        let layer = AnalogLayer(parameters: p, activation: .relu, preset: preset, seed: 5)
        #expect(layer.counters.programmingEvents == 2 * 5 * 7)
        let before = layer.programmedPlus + layer.programmedMinus
        // A change far below one level (1/15) rewrites nothing.
        var tiny = LayerParameters(inputSize: 6, outputSize: 5)
        tiny.weights[0, 0] = 1e-4
        layer.update(by: tiny)
        #expect(layer.counters.programmingEvents == 70)
        #expect(layer.programmedPlus + layer.programmedMinus == before)
        // One weight moved by a level on its own side rewrites one device; the others keep their values.
        var delta = LayerParameters(inputSize: 6, outputSize: 5)
        let w = layer.intended[2, 3]
        delta.weights[2, 3] = w >= 0 ? 0.2 : -0.2
        layer.update(by: delta)
        #expect(layer.counters.programmingEvents == 71)
        let after = layer.programmedPlus + layer.programmedMinus
        #expect(zip(before, after).filter { $0 != $1 }.count <= 1)
        // The intended parameters accumulate the increments.
        #expect(abs(layer.intended[2, 3] - (w + delta.weights[2, 3])) < 1e-6)
        #expect(layer.intended[0, 0] == p.weights[0, 0] + 1e-4)
        // A full reprogramming draws fresh noise everywhere.
        layer.program(p)
        #expect(layer.counters.programmingEvents == 141)
        #expect(layer.programmedPlus != Array(before[0..<35]))
    }

    @Test("counters: one analog product per row, one conversion per element, and the trainer's additions")
    func counters() throws {
        let layer = AnalogLayer(parameters: Support.random(inputs: 7, outputs: 3), activation: .relu,
                                preset: .ideal, seed: 1)
        layer.resetCounters()
        _ = Support.forward(layer, Support.gaussian(rows: 11, columns: 7))
        _ = Support.forward(layer, Support.gaussian(rows: 4, columns: 7))
        layer.recordTransposedMVMs(5)
        layer.recordDigitalMACs(100)
        let c = layer.counters
        // 15 rows × (7 inputs + bias) × 3 outputs forward; 5 transposed vectors drive 3 lines and read 7.
        #expect(c == DeviceOperationCounts(analogMVMs: 15, analogMACs: 360, transposedMVMs: 5, transposedMACs: 105,
                                           dacConversions: 105 + 15, adcConversions: 45 + 35,
                                           programmingEvents: 0, digitalMACs: 100))
        var sum = c + c
        #expect(sum.analogMVMs == 30 && sum.digitalMACs == 200)
        sum.add(digitalMACs: 1)
        sum.add(transposedMVMs: 2)
        sum += DeviceOperationCounts(programmingEvents: 3)
        sum.add(sramBytes: 8)
        sum.add(dramBytes: 16)
        #expect(sum.digitalMACs == 201 && sum.transposedMVMs == 12 && sum.programmingEvents == 3)
        #expect(sum.analogMACs == 720 && sum.transposedMACs == 210 && sum.sramBytes == 8 && sum.dramBytes == 16)
        layer.resetCounters()
        #expect(layer.counters == DeviceOperationCounts())
        // Counts written before the energy model decode with the new fields at 0.
        let old = #"{"analogMVMs": 2, "transposedMVMs": 0, "dacConversions": 14, "adcConversions": 6, "programmingEvents": 1, "digitalMACs": 3}"#
        let decoded = try JSONDecoder().decode(DeviceOperationCounts.self, from: Data(old.utf8))
        #expect(decoded == DeviceOperationCounts(analogMVMs: 2, dacConversions: 14, adcConversions: 6, programmingEvents: 1,
                                                 digitalMACs: 3))
        #expect(try JSONDecoder().decode(DeviceOperationCounts.self, from: JSONEncoder().encode(c)) == c)
    }
}

import Foundation
import Testing
import FFNumerics
import FFRandom
@testable import FFTraining

@Suite("Recurrent FF: the iterations before the label reaches a layer")
struct LabelFreeIterationsTests {
    static func configuration(layers: Int = 3, iterations: Int = 5, trainsLabelFree: Bool = true,
                              epochs: Int = 2) -> RecurrentFFConfiguration {
        var ff = FFConfiguration(hiddenSizes: Array(repeating: 32, count: layers), epochs: epochs, batchSize: 20,
                                 learningRate: 0.01, initialization: .heNormal)
        ff.readout = false
        ff.negatives = .random
        return RecurrentFFConfiguration(ff: ff, dynamics: RecurrentDynamics(iterations: iterations, firstScoredIteration: min(3, iterations),
                                                                            lastScoredIteration: min(5, iterations),
                                                                            trainsLabelFreeIterations: trainsLabelFree))
    }

    @Test("the label reaches the top layer at iteration 1 and each layer below one iteration later")
    func arrival() {
        #expect((0..<3).map { RecurrentDynamics.labelArrival(layer: $0, of: 3) } == [3, 2, 1])
        let every = RecurrentDynamics(), skipping = RecurrentDynamics(trainsLabelFreeIterations: false)
        for l in 0..<3 {
            for t in 1...8 {
                #expect(every.trains(layer: l, of: 3, at: t))
                #expect(skipping.trains(layer: l, of: 3, at: t) == (t >= 3 - l), "layer \(l), iteration \(t)")
            }
        }
    }

    /// The premise of the option: before the label arrives, a layer's input
    /// is the same in the positive and the negative run, row for row.
    @Test("before the label arrives, positive and negative runs give a layer the same input; afterwards they differ")
    func sameInputBeforeArrival() {
        let data = syntheticExamples(count: 12, seed: 31)
        let network = RecurrentFFNetwork(configuration: Self.configuration(), inputSize: data.images.columns,
                                         random: RandomGenerator(seed: 2))
        let n = data.count
        var bottomUp = RecurrentState(layers: 3), runs = RecurrentState(layers: 3)
        network.start(&bottomUp, images: data.images)
        runs.tile(bottomUp, copies: 2)
        network.setLabels(&runs, .labels(data.labels + data.labels.map { ($0 + 1) % 10 }))
        for t in 1...5 {
            network.step(&runs)
            for l in 0..<3 {
                let input = runs.inputs[l]
                var identical = true
                for i in 0..<n {
                    for j in 0..<input.columns where input[i, j] != input[n + i, j] { identical = false }
                }
                #expect(identical == (t < RecurrentDynamics.labelArrival(layer: l, of: 3)), "layer \(l), iteration \(t)")
            }
        }
    }

    @Test("skipping them still learns, changes the run, and is reproducible")
    func training() throws {
        let train = syntheticExamples(count: 400, seed: 21), test = syntheticExamples(count: 200, seed: 22)
        func run(trainsLabelFree: Bool) throws -> (accuracy: Double, parameters: [LayerParameters]) {
            let network = RecurrentFFNetwork(configuration: Self.configuration(trainsLabelFree: trainsLabelFree, epochs: 6),
                                             inputSize: train.images.columns, random: RandomGenerator(seed: 4))
            let history = try RecurrentFFTrainer(network: network, seed: 8).fit(train: train, test: test)
            return (try #require(history.last?.testAccuracy), network.parameters)
        }
        let skipping = try run(trainsLabelFree: false), every = try run(trainsLabelFree: true)
        // Chance is 10%.
        #expect(skipping.accuracy > 0.4, "test accuracy \(skipping.accuracy), training every iteration \(every.accuracy)")
        #expect(every.parameters != skipping.parameters)
        #expect(try run(trainsLabelFree: false).parameters == skipping.parameters)
    }

    @Test("a bottom layer the label could never reach is refused")
    func tooFewIterations() {
        let train = syntheticExamples(count: 20, seed: 3)
        let network = RecurrentFFNetwork(configuration: Self.configuration(layers: 3, iterations: 2, trainsLabelFree: false),
                                         inputSize: train.images.columns, random: RandomGenerator(seed: 4))
        #expect {
            try RecurrentFFTrainer(network: network, seed: 5).fit(train: train, test: nil)
        } throws: { error in
            "\(error)".contains("first trains at iteration 3") && "\(error)".contains("only 2")
        }
    }

    @Test("the default encodes as before; skipping round-trips; older results read as training every iteration")
    func coding() throws {
        let plain = String(decoding: try JSONEncoder().encode(RecurrentDynamics()), as: UTF8.self)
        #expect(!plain.contains("trainsLabelFreeIterations"))
        let skipping = RecurrentDynamics(trainsLabelFreeIterations: false)
        #expect(try JSONDecoder().decode(RecurrentDynamics.self, from: JSONEncoder().encode(skipping)) == skipping)
        #expect(try JSONDecoder().decode(RecurrentDynamics.self, from: Data(plain.utf8)).trainsLabelFreeIterations)
    }
}

import Testing
import FFNumerics
import FFRandom
@testable import FFTraining

@Suite("Forward-Forward")
struct ForwardForwardTests {
    static func smallConfig(_ edit: (inout FFConfiguration) -> Void = { _ in }) -> FFConfiguration {
        var c = FFConfiguration(hiddenSizes: [24, 16], epochs: 3, batchSize: 30, learningRate: 0.01)
        edit(&c)
        return c
    }

    @Test("a layer's local gradient matches finite differences of its own loss")
    func localGradient() {
        let config = Self.smallConfig { $0.hiddenSizes = [6] }
        let net = FFNetwork(configuration: config, inputSize: 8, random: RandomGenerator(seed: 2))
        let trainer = FFTrainer(network: net, seed: 1)
        trainer.xPos = randomMatrix(5, 8, seed: 3)
        trainer.xNeg = randomMatrix(5, 8, seed: 4)
        _ = trainer.localGradient(0)
        let analytic = trainer.gradients[0]
        let objective = net.objectives[0]
        var w = net.parameters[0].weights.storage
        let f: ([Float]) -> Double = { values in
            var p = net.parameters[0]
            p.weights = Matrix(rows: 6, columns: 8, storage: values)
            var yp = Matrix(rows: 0, columns: 0), yn = Matrix(rows: 0, columns: 0)
            DigitalLayer.linear(trainer.xPos, p, into: &yp); yp.applyReLU()
            DigitalLayer.linear(trainer.xNeg, p, into: &yn); yn.applyReLU()
            var a = Matrix(rows: 0, columns: 0), b = Matrix(rows: 0, columns: 0)
            return objective.loss(positive: yp, negative: yn, positiveGradient: &a, negativeGradient: &b)
        }
        for i in 0..<w.count {
            let numeric = finiteDifference(&w, i, step: 1e-3, f)
            #expect(abs(numeric - Double(analytic.weights.storage[i])) < 2e-3 + 2e-2 * abs(numeric),
                    "weight \(i)")
        }
    }

    @Test("changing a later layer's loss leaves earlier layers' updates unchanged")
    func noDerivativeCrossesLayers() throws {
        let data = syntheticExamples(count: 120, seed: 7)
        func train(secondObjective: any GoodnessFunction) throws -> FFNetwork {
            let net = FFNetwork(configuration: Self.smallConfig(), inputSize: data.images.columns,
                                random: RandomGenerator(seed: 3))
            net.objectives[1] = secondObjective
            _ = try FFTrainer(network: net, seed: 4).fit(train: data, test: nil)
            return net
        }
        let a = try train(secondObjective: LogisticGoodness())
        let b = try train(secondObjective: SymBaGoodness(alpha: 9, reduction: .mean))
        #expect(a.parameters[0] == b.parameters[0])
        #expect(a.parameters[1] != b.parameters[1])
    }

    @Test("the same seed reproduces a run bit for bit")
    func deterministic() throws {
        let data = syntheticExamples(count: 90, seed: 8)
        func run() throws -> (FFNetwork, [EpochRecord]) {
            let net = FFNetwork(configuration: Self.smallConfig { $0.negatives = .hard },
                                inputSize: data.images.columns, random: RandomGenerator(seed: 5))
            let h = try FFTrainer(network: net, seed: 6).fit(train: data, test: data)
            return (net, h)
        }
        let (n1, h1) = try run()
        let (n2, h2) = try run()
        #expect(n1.parameters == n2.parameters)
        #expect(h1.map(\.loss) == h2.map(\.loss))
        #expect(h1.map(\.testAccuracy) == h2.map(\.testAccuracy))
    }

    @Test("supervised FF learns a synthetic problem in both prediction modes",
          arguments: [LayerSchedule.simultaneous, .layerwise])
    func learns(schedule: LayerSchedule) throws {
        let train = syntheticExamples(count: 1000, seed: 1)
        let test = syntheticExamples(count: 300, seed: 2)
        let config = Self.smallConfig {
            $0.schedule = schedule; $0.epochs = 8; $0.hiddenSizes = [64, 64]; $0.batchSize = 20
            $0.initialization = .normalFanOut; $0.negatives = .hard; $0.learningRate = 0.003; $0.readoutLearningRate = 0.01
        }
        let net = FFNetwork(configuration: config, inputSize: train.images.columns, random: RandomGenerator(seed: 1))
        let history = try FFTrainer(network: net, seed: 1).fit(train: train, test: test)
        let last = try #require(history.last)
        #expect(try #require(last.testAccuracy) > 0.8)
        #expect(try #require(last.testAccuracyReadout) > 0.8)
    }

    @Test("layerwise training with negatives fixed for the run (cached frozen inputs)")
    func fixedNegativesLayerwise() throws {
        let train = syntheticExamples(count: 400, seed: 3)
        let config = Self.smallConfig {
            $0.schedule = .layerwise; $0.fixedNegatives = true; $0.negatives = .random
            $0.batchSize = 50; $0.epochs = 12; $0.learningRate = 0.01; $0.initialization = .normalFanOut
            $0.learningRateSchedule = .constant; $0.hiddenSizes = [64, 64]; $0.readoutLearningRate = 0.01
        }
        let net = FFNetwork(configuration: config, inputSize: train.images.columns, random: RandomGenerator(seed: 2))
        let history = try FFTrainer(network: net, seed: 2).fit(train: train, test: train)
        #expect(history.count == 24)
        #expect(history.map(\.layer) == Array(repeating: 0, count: 12) + Array(repeating: 1, count: 12))
        #expect(history[11].loss < history[0].loss && history[23].loss < history[12].loss)
        #expect(try #require(history.last?.testAccuracy) > 0.8)
        #expect(try #require(history.last?.testAccuracyReadout) > 0.8)
    }

    @Test("hard negatives take the most positive wrong label; random ones are never the true label")
    func negativeSamplers() {
        let scores = Matrix(rows: 2, columns: 3, storage: [9, 5, 7, 1, 8, 2])
        let r = RandomGenerator(seed: 1)
        #expect(HardWrongLabel().negativeLabels(for: [0, 1], scores: scores, classes: 3, random: r) == [2, 2])
        let labels = (0..<500).map { Int32($0 % 10) }
        let neg = RandomWrongLabel().negativeLabels(for: labels, scores: nil, classes: 10, random: r)
        #expect(zip(labels, neg).allSatisfy { $0 != $1 })
        #expect(Set(neg).count == 10)
        let prop = ProportionalWrongLabel().negativeLabels(for: [0, 1], scores: scores, classes: 3, random: r)
        #expect(prop[0] != 0 && prop[1] != 1)
    }

    @Test("the label overlay writes one-hot, neutral and custom values")
    func overlay() {
        var m = Matrix(rows: 2, columns: 12, repeating: 0.5)
        LabelOverlay().apply(to: &m, labels: [3, 0])
        #expect(Array(m.row(0)[0..<10]) == [0, 0, 0, 1, 0, 0, 0, 0, 0, 0])
        #expect(m[1, 0] == 1 && m[1, 10] == 0.5)
        LabelOverlay().applyNeutral(to: &m)
        #expect(m.row(1)[0..<10].allSatisfy { abs($0 - 0.1) < 1e-7 })
    }
}

import Testing
import FFNumerics
import FFRandom
@testable import FFTraining

@Suite("K negatives per positive")
struct NegativesPerPositiveTests {
    @Test("every wrong label is enumerated k-major")
    func everyWrongLabelEnumerates() {
        let labels: [Int32] = [0, 2]
        #expect(everyWrongLabel(for: labels, classes: 3) == [1, 0, 2, 1])
        let ten = (0..<10).map(Int32.init)
        let all = everyWrongLabel(for: ten, classes: 10)
        for i in 0..<10 {
            let mine = (0..<9).map { all[$0 * 10 + i] }
            #expect(Set(mine).count == 9 && !mine.contains(Int32(i)))
        }
    }

    @Test("hard negatives take the K most positive wrong labels, hardest first")
    func hardTopK() {
        let scores = Matrix(rows: 2, columns: 4, storage: [9, 5, 7, 6, 1, 8, 2, 3])
        let r = RandomGenerator(seed: 1)
        let k2 = HardWrongLabel().negativeLabels(for: [0, 1], scores: scores, classes: 4, perPositive: 2, random: r)
        #expect(k2 == [2, 3, 3, 2])
        // K = 1 agrees with the one-label sampler.
        let k1 = HardWrongLabel().negativeLabels(for: [0, 1], scores: scores, classes: 4, perPositive: 1, random: r)
        #expect(k1 == HardWrongLabel().negativeLabels(for: [0, 1], scores: scores, classes: 4, random: r))
        // The default for other samplers: K independent draws, never the true label.
        let random = RandomWrongLabel().negativeLabels(for: [0, 1, 2], scores: nil, classes: 4, perPositive: 3, random: r)
        #expect(random.count == 9)
        for (j, y) in random.enumerated() { #expect(Int(y) != j % 3) }
    }

    static func config(_ goodness: GoodnessChoice, _ edit: (inout FFConfiguration) -> Void = { _ in }) -> FFConfiguration {
        var c = FFConfiguration(hiddenSizes: [64, 64], epochs: 6, batchSize: 20, learningRate: 0.003,
                                goodness: goodness, negatives: .hard, initialization: .normalFanOut,
                                readoutLearningRate: 0.01)
        edit(&c)
        return c
    }

    @Test("the trainer stacks K negative batches; softmax and min ssq objectives learn",
          arguments: [GoodnessChoice.softmax(alpha: 4, negatives: nil), .softmax(alpha: 4, negatives: 3),
                      .minSquares(reduction: .sum, threshold: nil)])
    func learns(goodness: GoodnessChoice) throws {
        let train = syntheticExamples(count: 600, seed: 1)
        let test = syntheticExamples(count: 300, seed: 2)
        let net = FFNetwork(configuration: Self.config(goodness), inputSize: train.images.columns,
                            random: RandomGenerator(seed: 1))
        let trainer = FFTrainer(network: net, seed: 1)
        let history = try trainer.fit(train: train, test: test)
        #expect(trainer.negativesPerPositive == goodness.negativesPerPositive(classes: 10))
        #expect(trainer.xNeg.rows == trainer.negativesPerPositive * trainer.xPos.rows)
        // Six short epochs: well above chance (10%); sum-squares reaches 0.85 here, min ssq 0.73.
        #expect(try #require(history.last?.testAccuracy) > 0.6, "\(goodness.cliName)")
        #expect(history.last!.loss < history.first!.loss)
    }

    @Test("layerwise training with K negatives fixed for the run gathers k-major rows and is reproducible")
    func fixedLayerwise() throws {
        let train = syntheticExamples(count: 200, seed: 3)
        func run() throws -> (FFNetwork, [EpochRecord]) {
            let config = Self.config(.softmax(alpha: 2, negatives: 3)) {
                $0.schedule = .layerwise; $0.fixedNegatives = true; $0.negatives = .random; $0.epochs = 3
            }
            let net = FFNetwork(configuration: config, inputSize: train.images.columns, random: RandomGenerator(seed: 2))
            return (net, try FFTrainer(network: net, seed: 2).fit(train: train, test: train))
        }
        let (a, ha) = try run()
        let (b, hb) = try run()
        #expect(a.parameters == b.parameters && ha.map(\.loss) == hb.map(\.loss))
        #expect(ha.allSatisfy { $0.loss.isFinite })
    }

    @Test("a K the labels cannot supply is refused before training")
    func tooManyNegatives() {
        let train = syntheticExamples(count: 40, seed: 3)
        let net = FFNetwork(configuration: Self.config(.softmax(alpha: 4, negatives: 10)),
                            inputSize: train.images.columns, random: RandomGenerator(seed: 2))
        #expect(throws: TrainingError.invalidConfiguration(
            "10 negatives per positive, but 10 classes offer only 9 wrong labels")) {
            _ = try FFTrainer(network: net, seed: 1).fit(train: train, test: nil)
        }
    }
}

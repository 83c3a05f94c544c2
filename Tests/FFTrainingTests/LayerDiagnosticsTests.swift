import Testing
import FFNumerics
import FFRandom
@testable import FFTraining

@Suite("Per-layer diagnostics")
struct LayerDiagnosticsTests {
    /// A one-layer network of 3 units on 4 pixels (2 label pixels, 2 image
    /// pixels); unit 2 has zero weights and a negative bias, so it is dead.
    static func tinyNetwork(goodness: GoodnessChoice = .hinton) -> FFNetwork {
        var config = FFConfiguration(hiddenSizes: [3], goodness: goodness, normalizeInput: false,
                                     overlay: LabelOverlay(classes: 2), readout: false)
        config.predictionLayers = .all
        let weights = Matrix(rows: 3, columns: 4, storage: [1, 0, 1, 0,
                                                            0, 1, 0, 1,
                                                            0, 0, 0, 0])
        let p = LayerParameters(weights: weights, bias: [0, 0, -1])
        return FFNetwork(configuration: config, inputSize: 4, parameters: [p], readout: nil)
    }

    @Test("by hand: accuracy, positive and negative goodness, and the dead unit of a tiny network")
    func byHand() {
        let net = Self.tinyNetwork()
        // Image a = (2, 0) favours label 0, image b = (0, 3) favours label 1.
        let images = Matrix(rows: 2, columns: 4, storage: [0, 0, 2, 0,
                                                           0, 0, 0, 3])
        let examples = Examples(images: images, labels: [0, 0])
        // Unit outputs: label 0 on a → (3, 0, 0), G = 9; label 1 on a → (2, 1, 0), G = 5;
        // label 0 on b → (1, 3, 0), G = 10; label 1 on b → (0, 4, 0), G = 16.
        let scores = net.layerGoodnessScores(images)
        #expect(scores.count == 1 && scores[0].storage == [9, 5, 10, 16])
        let d = net.layerDiagnostics(examples, negativeLabels: [1, 1])
        #expect(d.count == 1)
        #expect(d[0].examples == 2 && d[0].accuracy == 0.5)            // a → 0 right, b → 1 wrong
        #expect(d[0].positiveGoodnessMean == 9.5 && d[0].positiveGoodnessStd == 0.5)  // 9, 10
        #expect(d[0].negativeGoodnessMean == 10.5 && d[0].negativeGoodnessStd == 5.5) // 5, 16
        #expect(abs(d[0].deadFraction - 1.0 / 3) < 1e-12)
    }

    @Test("by hand: the participation ratio is taken on the outputs under the true labels")
    func participationRatioByHand() {
        let net = Self.tinyNetwork()
        // a = (2, 0) under label 0 → (3, 0, 0); b = (0, 3) under label 1 → (0, 4, 0);
        // c = (1, 1) under label 0 → (2, 1, 0). Covariance of the first two units
        // [[14/9, −19/9], [−19/9, 26/9]], the dead one 0: PR = (40/9)² / (1594/81) = 1600/1594.
        let images = Matrix(rows: 3, columns: 4, storage: [0, 0, 2, 0, 0, 0, 0, 3, 0, 0, 1, 1])
        let d = net.layerDiagnostics(Examples(images: images, labels: [0, 1, 0]), negativeLabels: [1, 0, 1], chunkSize: 2)
        #expect(abs((d[0].participationRatio ?? 0) - 1600.0 / 1594) < 1e-5)
    }

    @Test("min ssq reports G = −Σy², so its layer accuracy picks the quietest label")
    func minSumSquares() {
        let net = Self.tinyNetwork(goodness: .minSquares(reduction: .sum, threshold: nil))
        let images = Matrix(rows: 2, columns: 4, storage: [0, 0, 2, 0, 0, 0, 0, 3])
        let d = net.layerDiagnostics(Examples(images: images, labels: [1, 0]), negativeLabels: [0, 1])
        #expect(d[0].accuracy == 1 && d[0].positiveGoodnessMean == -7.5 && d[0].negativeGoodnessMean == -12.5)
    }

    @Test("a one-layer net's layer accuracy is its goodness prediction; layer scores sum to goodnessScores")
    func agreesWithPrediction() throws {
        let data = syntheticExamples(count: 150, seed: 11)
        for hidden in [[20], [20, 12]] {
            var config = FFConfiguration(hiddenSizes: hidden, epochs: 1, batchSize: 30, learningRate: 0.01)
            config.predictionLayers = .all
            let net = FFNetwork(configuration: config, inputSize: data.images.columns, random: RandomGenerator(seed: 3))
            _ = try FFTrainer(network: net, seed: 3).fit(train: data, test: nil)
            let layers = net.layerGoodnessScores(data.images, chunkSize: 64)
            var sum = Matrix(rows: data.count, columns: 10)
            for m in layers {
                for i in 0..<data.count { for c in 0..<10 { sum[i, c] += m[i, c] } }
            }
            #expect(sum == net.goodnessScores(data.images, chunkSize: 64))
            let d = net.layerDiagnostics(data, negativeLabels: LayerDiagnostics.negativeLabels(for: data.labels, classes: 10))
            if hidden.count == 1 {
                #expect(d[0].accuracy == data.accuracy(of: net.predictByGoodness(data.images)))
            }
        }
    }

    @Test("the diagnostics' wrong labels are fixed, and never the true label")
    func fixedNegatives() {
        let labels = (0..<300).map { Int32($0 % 10) }
        let a = LayerDiagnostics.negativeLabels(for: labels, classes: 10)
        #expect(a == LayerDiagnostics.negativeLabels(for: labels, classes: 10))
        #expect(zip(a, labels).allSatisfy { $0 != $1 } && Set(a).count == 10)
    }

    @Test("recording diagnostics leaves training bit-identical and fills every epoch", arguments: [LayerSchedule.simultaneous, .layerwise])
    func trainingUnchanged(schedule: LayerSchedule) throws {
        let train = syntheticExamples(count: 120, seed: 4)
        let test = syntheticExamples(count: 50, seed: 5)
        func run(_ diagnostics: Bool) throws -> (FFNetwork, [EpochRecord]) {
            let config = FFConfiguration(hiddenSizes: [16, 8], epochs: 2, batchSize: 30, learningRate: 0.01,
                                         schedule: schedule, negatives: .hard)
            let net = FFNetwork(configuration: config, inputSize: train.images.columns, random: RandomGenerator(seed: 9))
            let trainer = FFTrainer(network: net, seed: 9)
            trainer.recordsDiagnostics = diagnostics
            return (net, try trainer.fit(train: train, test: test))
        }
        let (plain, h0) = try run(false)
        let (measured, h1) = try run(true)
        #expect(plain.parameters == measured.parameters)
        #expect(h0.map(\.loss) == h1.map(\.loss) && h0.map(\.testAccuracy) == h1.map(\.testAccuracy))
        #expect(h0.allSatisfy { $0.diagnostics == nil })
        #expect(h1.count == (schedule == .layerwise ? 4 : 2))
        for record in h1 {
            let d = try #require(record.diagnostics)
            #expect(d.count == 2 && d.allSatisfy { $0.examples == 50 && (0...1).contains($0.deadFraction) })
        }
    }
}

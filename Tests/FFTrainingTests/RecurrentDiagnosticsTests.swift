import Testing
import FFNumerics
import FFRandom
@testable import FFTraining

@Suite("Recurrent FF diagnostics")
struct RecurrentDiagnosticsTests {
    @Test("with the top layer as the only prediction layer, its record is goodness prediction's own")
    func topLayerIsPrediction() throws {
        let train = syntheticExamples(count: 200, seed: 31), test = syntheticExamples(count: 60, seed: 32)
        var config = RecurrentFFTests.smallConfiguration { $0.epochs = 2 }
        config.dynamics.predictionLayers = .skipFirst
        let net = RecurrentFFNetwork(configuration: config, inputSize: train.images.columns, random: RandomGenerator(seed: 1))
        _ = try RecurrentFFTrainer(network: net, seed: 2).fit(train: train, test: nil)
        let negatives = LayerDiagnostics.negativeLabels(for: test.labels, classes: net.classes)
        let d = net.layerDiagnostics(test, negativeLabels: negatives, chunkSize: 25)
        #expect(d.count == 2)
        let scores = net.goodnessScores(test.images)
        #expect(d[1].accuracy == test.accuracy(of: net.predictByGoodness(test.images)))
        let positive = (0..<test.count).map { Double(scores[$0, Int(test.labels[$0])]) }.reduce(0, +) / Double(test.count)
        let negative = (0..<test.count).map { Double(scores[$0, Int(negatives[$0])]) }.reduce(0, +) / Double(test.count)
        #expect(abs(d[1].positiveGoodnessMean - positive) < 1e-4 * max(1, abs(positive)))
        #expect(abs(d[1].negativeGoodnessMean - negative) < 1e-4 * max(1, abs(negative)))
        for layer in d {
            #expect(layer.examples == 60 && (0...1).contains(layer.deadFraction))
            #expect((layer.participationRatio ?? 0) >= 1 && (layer.participationRatio ?? .infinity) <= 32)
        }
        // The chunk size does not change the record beyond Float rounding.
        let whole = net.layerDiagnostics(test, negativeLabels: negatives, chunkSize: 60)
        #expect(whole.map(\.accuracy) == d.map(\.accuracy) && whole.map(\.deadFraction) == d.map(\.deadFraction))
    }

    @Test("recording diagnostics leaves training bit-identical and fills every epoch")
    func trainingUnchanged() throws {
        let train = syntheticExamples(count: 100, seed: 33), test = syntheticExamples(count: 30, seed: 34)
        func run(_ diagnostics: Bool) throws -> ([LayerParameters], [EpochRecord]) {
            let config = RecurrentFFTests.smallConfiguration { $0.epochs = 2 }
            let net = RecurrentFFNetwork(configuration: config, inputSize: train.images.columns, random: RandomGenerator(seed: 3))
            let trainer = RecurrentFFTrainer(network: net, seed: 4)
            trainer.recordsDiagnostics = diagnostics
            let history = try trainer.fit(train: train, test: test)
            return (net.parameters, history)
        }
        let (plain, h0) = try run(false)
        let (measured, h1) = try run(true)
        #expect(plain == measured)
        #expect(h0.allSatisfy { $0.diagnostics == nil })
        #expect(h1.count == 2 && h1.allSatisfy { $0.diagnostics?.count == 2 })
        #expect(h0.map(\.testAccuracy) == h1.map(\.testAccuracy))
    }
}

import Foundation
import Testing
import FFNumerics
import FFRandom
@testable import FFTraining

@Suite("Recurrent FF: scoring the candidate negative labels")
struct NegativeScoringTests {
    static func configuration(scoring: NegativeScoring = .singlePass, negatives: NegativeChoice = .proportional,
                              epochs: Int = 2) -> RecurrentFFConfiguration {
        var ff = FFConfiguration(hiddenSizes: [32, 32, 32], epochs: epochs, batchSize: 20,
                                 learningRate: 0.01, initialization: .heNormal)
        ff.readout = false
        ff.negatives = negatives
        return RecurrentFFConfiguration(ff: ff, dynamics: RecurrentDynamics(iterations: 5, negativeScoring: scoring))
    }

    /// The trainer's scoring call reuses buffers between batches; it must give
    /// the bits of the public prediction scores, batch after batch.
    @Test("scores with reused buffers equal the prediction's scores, call after call")
    func reusedBuffers() {
        let data = syntheticExamples(count: 60, seed: 41)
        let network = RecurrentFFNetwork(configuration: Self.configuration(scoring: .prediction),
                                         inputSize: data.images.columns, random: RandomGenerator(seed: 3))
        var workspace = PredictionWorkspace(layers: network.layerCount)
        var scores = Matrix(rows: 0, columns: 0)
        for (lo, hi) in [(0, 20), (20, 60), (40, 50)] {
            var batch = Matrix(rows: 0, columns: 0)
            batch.copyRows(from: data.images, range: lo..<hi)
            network.goodnessScores(batch, chunkSize: batch.rows, workspace: &workspace, into: &scores)
            #expect(scores == network.goodnessScores(batch, chunkSize: batch.rows), "rows \(lo)..<\(hi)")
        }
    }

    @Test("scoring by prediction learns, changes the run, and is reproducible")
    func training() throws {
        let train = syntheticExamples(count: 400, seed: 21), test = syntheticExamples(count: 200, seed: 22)
        func run(_ scoring: NegativeScoring) throws -> (accuracy: Double, parameters: [LayerParameters]) {
            let network = RecurrentFFNetwork(configuration: Self.configuration(scoring: scoring, epochs: 6),
                                             inputSize: train.images.columns, random: RandomGenerator(seed: 4))
            let history = try RecurrentFFTrainer(network: network, seed: 8).fit(train: train, test: test)
            return (try #require(history.last?.testAccuracy), network.parameters)
        }
        let prediction = try run(.prediction), single = try run(.singlePass)
        // Chance is 10%.
        #expect(prediction.accuracy > 0.4, "test accuracy \(prediction.accuracy), single pass \(single.accuracy)")
        #expect(prediction.parameters != single.parameters)
        #expect(try run(.prediction).parameters == prediction.parameters)
    }

    @Test("scoring by prediction is refused for negatives that are not drawn from scores")
    func refusedForRandomNegatives() {
        let train = syntheticExamples(count: 20, seed: 3)
        let network = RecurrentFFNetwork(configuration: Self.configuration(scoring: .prediction, negatives: .random),
                                         inputSize: train.images.columns, random: RandomGenerator(seed: 4))
        #expect {
            try RecurrentFFTrainer(network: network, seed: 5).fit(train: train, test: nil)
        } throws: { error in
            "\(error)".contains("proportional or hard negatives") && "\(error)".contains("random")
        }
    }

    @Test("the default encodes as before; prediction round-trips; older results read as the single pass")
    func coding() throws {
        let plain = String(decoding: try JSONEncoder().encode(RecurrentDynamics()), as: UTF8.self)
        #expect(!plain.contains("negativeScoring"))
        let prediction = RecurrentDynamics(negativeScoring: .prediction)
        #expect(try JSONDecoder().decode(RecurrentDynamics.self, from: JSONEncoder().encode(prediction)) == prediction)
        #expect(try JSONDecoder().decode(RecurrentDynamics.self, from: Data(plain.utf8)).negativeScoring == .singlePass)
    }
}

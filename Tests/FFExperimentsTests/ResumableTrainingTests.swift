import Foundation
import Testing
import FFDatasets
import FFNumerics
import FFRandom
import FFResults
import FFTraining
@testable import FFExperiments

@Suite("Resumable training")
struct ResumableTrainingTests {
    struct Stop: Error {}

    /// Small unsupervised FF with peer normalisation, SGD momentum for the
    /// layers and a readout with readout-only epochs, so that every kind of
    /// saved state matters.
    static func configuration(optimizer: OptimizerConfiguration.Kind) -> UnsupervisedFFConfiguration {
        var ff = Recipe.ffanalog.ffConfiguration
        ff.hiddenSizes = [32, 32, 32]
        ff.epochs = 3
        ff.batchSize = 25
        ff.learningRate = 0.003
        ff.optimizer = .init(kind: optimizer)
        ff.peerNormalization = PeerNormalization(strength: 0.03, momentum: 0.9)
        ff.readout = true
        ff.evaluateEvery = 1
        return UnsupervisedFFConfiguration(ff: ff, settings: UnsupervisedSettings(blurPasses: 2, readoutLayerCount: 2, readoutEpochs: 1))
    }

    /// Runs `body` with a fresh directory, removed afterwards.
    static func withScratchDirectory(_ body: (URL) throws -> Void) throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("ffanalog-state-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try body(dir)
    }

    static func network(_ c: UnsupervisedFFConfiguration) -> UnsupervisedFFNetwork {
        UnsupervisedFFNetwork(configuration: c, inputSize: 64, random: RandomGenerator(seed: 5))
    }

    @Test("a run stopped after any epoch and resumed from its snapshot gives the same bits",
          arguments: [OptimizerConfiguration.Kind.adam, .sgd])
    func resumedEqualsUninterrupted(optimizer: OptimizerConfiguration.Kind) throws {
        let data = TrainingRunTests.dataset()
        let (train, test) = (Examples(data.train), Examples(data.test))
        let c = Self.configuration(optimizer: optimizer)
        let straight = Self.network(c)
        let expected = try UnsupervisedFFTrainer(network: straight, seed: 9).fit(train: train, test: test)
        #expect(expected.count == 4)
        for stop in 1...3 {
            var saved: TrainerSnapshot?
            let first = Self.network(c)
            #expect(throws: Stop.self) {
                try UnsupervisedFFTrainer(network: first, seed: 9).fit(
                    train: train, test: test, checkpointWhen: { $0 == stop },
                    checkpoint: { saved = $0; throw Stop() })
            }
            let snapshot = try #require(saved)
            #expect(snapshot.completedEpochs == stop)
            let resumed = Self.network(c)
            let history = try UnsupervisedFFTrainer(network: resumed, seed: 9).fit(train: train, test: test, resumingFrom: snapshot)
            #expect(history.map(\.loss) == expected.map(\.loss), "stopped after epoch \(stop)")
            #expect(history.map(\.testAccuracy) == expected.map(\.testAccuracy))
            let sameLayers = resumed.layers.parameters.map(\.weights.storage) == straight.layers.parameters.map(\.weights.storage)
                && resumed.layers.parameters.map(\.bias) == straight.layers.parameters.map(\.bias)
            let sameReadout = resumed.readout?.parameters.weights.storage == straight.readout?.parameters.weights.storage
            #expect(sameLayers, "layer parameters differ after stopping at epoch \(stop)")
            #expect(sameReadout, "readout parameters differ after stopping at epoch \(stop)")
        }
    }

    /// Trains `fresh()` straight, then stopped after every epoch and resumed,
    /// and compares the histories and final parameters bit for bit.
    func checkResume(epochs: Int, fresh: () -> (fit: (TrainerSnapshot?, (Int) -> Bool, (TrainerSnapshot) throws -> Void) throws -> [EpochRecord],
                                                 parameters: () -> [[Float]])) throws {
        let straight = fresh()
        let expected = try straight.fit(nil, { _ in false }, { _ in })
        #expect(expected.count == epochs)
        for stop in 1..<epochs {
            var saved: TrainerSnapshot?
            let first = fresh()
            #expect(throws: Stop.self) { try first.fit(nil, { $0 == stop }, { saved = $0; throw Stop() }) }
            let snapshot = try #require(saved)
            let resumed = fresh()
            let history = try resumed.fit(snapshot, { _ in false }, { _ in })
            #expect(history.map(\.loss) == expected.map(\.loss), "stopped after epoch \(stop)")
            #expect(history.map(\.testAccuracy) == expected.map(\.testAccuracy))
            #expect(history.map(\.testAccuracyReadout) == expected.map(\.testAccuracyReadout))
            let same = resumed.parameters() == straight.parameters()
            #expect(same, "parameters differ after stopping at epoch \(stop)")
        }
    }

    @Test("supervised FF resumes bit for bit (hard and fixed negatives, peer normalisation, readout)",
          arguments: [(NegativeChoice.hard, false, OptimizerConfiguration.Kind.adam), (.random, true, .sgd)])
    func supervisedResume(negatives: NegativeChoice, fixed: Bool, optimizer: OptimizerConfiguration.Kind) throws {
        let data = TrainingRunTests.dataset()
        let (train, test) = (Examples(data.train), Examples(data.test))
        var ff = Self.configuration(optimizer: optimizer).ff
        ff.hiddenSizes = [32, 32]
        ff.negatives = negatives
        ff.fixedNegatives = fixed
        ff.readout = true
        try checkResume(epochs: 3) {
            let network = FFNetwork(configuration: ff, inputSize: 64, random: RandomGenerator(seed: 5))
            let trainer = FFTrainer(network: network, seed: 9)
            return ({ try trainer.fit(train: train, test: test, resumingFrom: $0, checkpointWhen: $1, checkpoint: $2) },
                    { network.parameters.map(\.weights.storage) + [network.readout?.parameters.weights.storage ?? []] })
        }
    }

    @Test("recurrent FF resumes bit for bit, with and without jittered images", arguments: [0, 1])
    func recurrentResume(jitter: Int) throws {
        let data = TrainingRunTests.dataset()
        let (train, test) = (Examples(data.train), Examples(data.test))
        var ff = Self.configuration(optimizer: .adam).ff
        ff.hiddenSizes = [24, 24]
        ff.negatives = .proportional
        let c = RecurrentFFConfiguration(ff: ff, dynamics: RecurrentDynamics(iterations: 3, firstScoredIteration: 2, lastScoredIteration: 3,
                                                                             jitter: jitter))
        try checkResume(epochs: 3) {
            let network = RecurrentFFNetwork(configuration: c, inputSize: 64, random: RandomGenerator(seed: 5))
            let trainer = RecurrentFFTrainer(network: network, seed: 9)
            return ({ try trainer.fit(train: train, test: test, resumingFrom: $0, checkpointWhen: $1, checkpoint: $2) },
                    { network.parameters.map(\.weights.storage) })
        }
    }

    @Test("a snapshot survives its file byte for byte; a damaged file or a foreign run is refused")
    func stateFileRoundTrip() throws {
        let dataset = TrainingRunTests.dataset()
        try Self.withScratchDirectory { dir in
            let path = dir.appendingPathComponent("run.state").path
            let c = Self.configuration(optimizer: .adam)
            var run = TrainingRun(algorithm: .ffUnsupervised, ff: c.ff, bp: Recipe.ffanalog.bpConfiguration,
                                  recipe: nil, seed: 9, trainAccuracyExamples: 100)
            run.unsupervised = c.settings
            run.state = .init(path: path, every: 2)
            let (whole, _) = try run.run(on: dataset)

            // The last write came after the final epoch; resuming from it trains nothing and reports the same run.
            let saved = try TrainingStateFile.read(from: path)
            #expect(saved.snapshot.completedEpochs == 4)
            #expect(saved.snapshot.history == whole.history)
            run.state?.resume = true
            let (again, _) = try run.run(on: dataset)
            #expect(again.history == whole.history && again.testAccuracy == whole.testAccuracy)
            #expect(whole.resumedAfterEpoch == nil && again.resumedAfterEpoch == 4)

            // Written and read back, every array is unchanged.
            let copy = dir.appendingPathComponent("copy.state").path
            try saved.write(to: copy)
            let reread = try TrainingStateFile.read(from: copy)
            #expect(reread.snapshot == saved.snapshot)

            var other = run
            other.seed = 10
            #expect(throws: TrainingError.self) { try other.run(on: dataset) }
            do { _ = try other.run(on: dataset) } catch {
                #expect("\(error)".contains("seed (saved 9, now 10)"), "\(error)")
            }

            var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
            bytes[bytes.count / 2] ^= 0x40
            try Data(bytes).write(to: URL(fileURLWithPath: path))
            #expect(throws: CheckpointError.corrupt(path: path, why: "CRC-32 mismatch")) { try run.run(on: dataset) }

            var bp = run
            bp.algorithm = .bp
            #expect(throws: TrainingError.self) { try bp.run(on: dataset) }
        }
    }

    @Test("a recurrent state trained with another label scale is refused with the option that continues it")
    func labelScaleMismatch() throws {
        let dataset = TrainingRunTests.dataset()
        try Self.withScratchDirectory { dir in
            var ff = Self.configuration(optimizer: .adam).ff
            ff.hiddenSizes = [16, 16]
            ff.epochs = 1
            ff.readout = false
            ff.peerNormalization = nil
            ff.negatives = .random
            var run = TrainingRun(algorithm: .ffRecurrent, ff: ff, bp: Recipe.ffanalog.bpConfiguration,
                                  recipe: nil, seed: 9, trainAccuracyExamples: 50)
            run.recurrent = RecurrentDynamics(iterations: 2, firstScoredIteration: 1, lastScoredIteration: 2, labelScale: .normalized)
            run.state = .init(path: dir.appendingPathComponent("run.state").path, every: 1)
            _ = try run.run(on: dataset)
            run.state?.resume = true
            run.recurrent.labelScale = .stateLength
            do {
                _ = try run.run(on: dataset)
                Issue.record("a state with another label scale was resumed")
            } catch {
                #expect("\(error)".contains("--label-scale (saved normalized, now state; add --label-scale normalized"), "\(error)")
                #expect(!"\(error)".contains("recurrent dynamics"), "\(error)")
            }
            run.recurrent.labelScale = .normalized
            _ = try run.run(on: dataset)
        }
    }
}

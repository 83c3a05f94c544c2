import Testing
import FFDatasets
import FFDevice
import FFNumerics
import FFRandom
import FFTraining
@testable import FFExperiments

@Suite("FF variants through devices", .serialized)
struct VariantMethodTests {
    static func context(_ preset: DevicePreset) -> MethodContext {
        var context = SimulationTests.context(preset)
        context.recurrent = RecurrentDynamics(iterations: 4, firstScoredIteration: 2, lastScoredIteration: 3)
        context.unsupervised = UnsupervisedSettings(blurPasses: 2, readoutLayerCount: 2)
        return context
    }

    @Test("on the ideal preset, ff-recurrent in situ matches digital recurrent FF")
    func recurrentIdealMatchesDigital() throws {
        let context = Self.context(.ideal)
        let onDevice = try FFRecurrentInSitu().run(context, progress: { _ in })
        let digital = RecurrentFFNetwork(configuration: RecurrentFFConfiguration(ff: context.ff, dynamics: context.recurrent),
                                         inputSize: 64, random: RandomGenerator(seed: context.seed))
        _ = try RecurrentFFTrainer(network: digital, seed: context.seed).fit(train: context.train, test: nil)
        let digitalAccuracy = context.test.accuracy(of: digital.predictByGoodness(context.test.images))
        #expect(abs(onDevice.testAccuracy - digitalAccuracy) <= 0.001)
        #expect(onDevice.testAccuracy > 0.5, "learning happens: \(onDevice.testAccuracy)")
        // Each prediction measures both layers for 10 labels at iterations 1–3, after one bottom-up pass.
        #expect(onDevice.inferenceCountsPerSample.analogMVMs == 2 + 10 * 2 * 3)
        #expect(onDevice.trainingCounts.programmingEvents > 0 && onDevice.trainingCounts.digitalMACs > 0)
    }

    @Test("on the ideal preset, ff-unsupervised in situ matches digital unsupervised FF")
    func unsupervisedIdealMatchesDigital() throws {
        let context = Self.context(.ideal)
        let onDevice = try FFUnsupervisedInSitu().run(context, progress: { _ in })
        let configuration = UnsupervisedFFConfiguration(ff: context.ff, settings: context.unsupervised)
        let digital = UnsupervisedFFNetwork(configuration: configuration, inputSize: 64, random: RandomGenerator(seed: context.seed))
        _ = try UnsupervisedFFTrainer(network: digital, seed: context.seed).fit(train: context.train, test: nil)
        let digitalAccuracy = context.test.accuracy(of: digital.predict(context.test.images)!)
        #expect(abs(onDevice.testAccuracy - digitalAccuracy) <= 0.001)
        #expect(onDevice.testAccuracy > 0.5, "learning happens: \(onDevice.testAccuracy)")
        #expect(onDevice.testAccuracyReadout == onDevice.testAccuracy)
    }

    @Test("a recalibration on a noisy device can be undone exactly", arguments: [MethodName.ffRecurrent, .ffUnsupervised])
    func recalibrateAndRestore(method: MethodName) throws {
        let context = Self.context(DevicePreset.ideal.withNoise(0.02))
        let outcome = try method.method.run(context, progress: { _ in })
        let deployed = try #require(outcome.deployed)
        #expect(deployed.canRecalibrate && deployed.analogLayers.count == 2)
        func intended() -> [LayerParameters] {
            let network = (deployed as! DeployedFFVariant).network
            return (network as? RecurrentFFNetwork)?.parameters ?? (network as! UnsupervisedFFNetwork).layers.parameters
        }
        let saved = deployed.saveState()
        let before = intended()
        let work = try deployed.recalibrate(on: context.train.prefix(100), epochs: 1)
        #expect(work.digitalMACs > 0 && work.sramBytes > 0)
        #expect(intended() != before)
        deployed.restoreState(saved)
        #expect(intended() == before)
    }

    @Test("simulate runs the variants only when they are listed")
    func standardMethods() throws {
        #expect(!MethodName.standard.contains(.ffRecurrent) && !MethodName.standard.contains(.ffUnsupervised))
        #expect(try MethodName.list(parsing: "ff,ff-recurrent,ff-unsupervised") == [.ff, .ffRecurrent, .ffUnsupervised])
        #expect(MethodName.ffRecurrent.isFF && !MethodName.bpPAT.isFF)
    }

    @Test("a training run of each variant records its settings", arguments: [TrainingRun.Algorithm.ffRecurrent, .ffUnsupervised])
    func trainingRun(algorithm: TrainingRun.Algorithm) throws {
        let (ff, bp) = SimulationTests.configurations()
        var run = TrainingRun(algorithm: algorithm, ff: ff, bp: bp, recipe: nil, seed: 3, trainAccuracyExamples: 100)
        run.recurrent = RecurrentDynamics(iterations: 3, firstScoredIteration: 1, lastScoredIteration: 2)
        run.unsupervised = UnsupervisedSettings(blurPasses: 1, readoutLayerCount: 1)
        let (result, checkpoint) = try run.run(on: TrainingRunTests.dataset())
        #expect(checkpoint == nil)
        #expect(result.algorithm == algorithm.rawValue)
        #expect(result.testAccuracy > 0.3)
        #expect((result.recurrentDynamics != nil) == (algorithm == .ffRecurrent))
        #expect((result.unsupervisedSettings != nil) == (algorithm == .ffUnsupervised))
    }
}

import Testing
import FFDatasets
import FFDevice
import FFNumerics
import FFRandom
import FFTraining
@testable import FFExperiments

@Suite("Simulation through devices", .serialized)
struct SimulationTests {
    static let data = TrainingRunTests.dataset()
    static var train: Examples { Examples(data.train) }
    static var test: Examples { Examples(data.test) }

    static func configurations() -> (FFConfiguration, BPConfiguration) {
        var ff = Recipe.ffanalog.ffConfiguration
        ff.hiddenSizes = [64, 64]; ff.epochs = 4; ff.batchSize = 10; ff.learningRate = 0.003; ff.readoutLearningRate = 0.01
        var bp = Recipe.ffanalog.bpConfiguration
        bp.hiddenSizes = [32, 32]; bp.epochs = 4; bp.batchSize = 20; bp.learningRate = 0.01
        return (ff, bp)
    }

    static func context(_ preset: DevicePreset, seed: UInt64 = 4) -> MethodContext {
        let (ff, bp) = configurations()
        return MethodContext(train: train, test: test, ff: ff, bp: bp,
                             device: DeviceSpec(preset: preset, instanceSeed: 11), seed: seed)
    }

    @Test("on the ideal preset, FF in situ matches digital FF within 0.1 point")
    func idealFFMatchesDigital() throws {
        let context = Self.context(.ideal)
        let onDevice = try FFInSitu().run(context, progress: { _ in })
        let digital = FFNetwork(configuration: context.ff, inputSize: context.train.images.columns,
                                random: RandomGenerator(seed: context.seed))
        _ = try FFTrainer(network: digital, seed: context.seed).fit(train: context.train, test: nil)
        let digitalAccuracy = context.test.accuracy(of: digital.predictByGoodness(context.test.images))
        #expect(abs(onDevice.testAccuracy - digitalAccuracy) <= 0.001)
        #expect(onDevice.testAccuracy > 0.5)
    }

    @Test("on the ideal preset, bp-offline equals bp-ideal within 0.1 point")
    func idealOfflineMatchesDigital() throws {
        let context = Self.context(.ideal)
        let offline = try BackpropOffline().run(context, progress: { _ in })
        let ideal = try BackpropIdeal().run(context, progress: { _ in })
        #expect(abs(offline.testAccuracy - ideal.testAccuracy) <= 0.001)
    }

    @Test("every method runs on a noisy device and counts what it used")
    func everyMethodCounts() throws {
        var preset = DevicePreset.ideal.withNoise(0.05)
        preset.name = "noisy-test"
        let simulation = Simulation(train: Self.train, test: Self.test, datasetName: "synthetic", preset: preset, noise: 0.05,
                                    methods: MethodName.standard, ff: Self.configurations().0, bp: Self.configurations().1,
                                    seeds: [1])
        let records = try simulation.run()
        #expect(records.map(\.method) == MethodName.standard)
        let byMethod = Dictionary(uniqueKeysWithValues: records.map { ($0.method, $0) })
        // The digital ceiling never touches the device.
        #expect(byMethod[.bpIdeal]!.trainingCounts.analogMVMs == 0)
        #expect(byMethod[.bpIdeal]!.inferenceCountsPerSample.analogMVMs == 0)
        // In-situ methods read and write the device while training.
        for m in [MethodName.ff, .bpPAT, .bpOracle] {
            #expect(byMethod[m]!.trainingCounts.analogMVMs > 0, "\(m)")
            #expect(byMethod[m]!.trainingCounts.programmingEvents > 0, "\(m)")
        }
        // Offline methods program the device once, at deployment.
        for m in [MethodName.bpOffline, .bpHWA] {
            #expect(byMethod[m]!.trainingCounts.analogMVMs == 0, "\(m)")
            #expect(byMethod[m]!.trainingCounts.programmingEvents > 0, "\(m)")
        }
        // FF predicts with 10 label passes through 2 layers; backprop with one pass through 3.
        #expect(byMethod[.ff]!.inferenceCountsPerSample.analogMVMs == 20)
        #expect(byMethod[.bpPAT]!.inferenceCountsPerSample.analogMVMs == 3)
        for r in records { #expect(r.testAccuracy > 0.3, "\(r.method)") }
        let summaries = MethodSummary.summarize(records)
        #expect(summaries.count == MethodName.standard.count)
        let csv = SimulationReport.csv(records)
        #expect(Array(csv.columns.prefix(11)) == SimulationReport.tidyColumns)
        #expect(csv.columns.contains { $0.hasPrefix("device.") } && csv.columns.contains("ff.learning_rate"))
        // Tidy: one row per observation — accuracy, FF readout, time, and one loss per epoch.
        let metric = csv.columns.firstIndex(of: "metric")!
        let accuracyRows = csv.rows.filter { $0[metric] == "test_accuracy" }
        #expect(accuracyRows.count == records.count)
        #expect(csv.rows.filter { $0[metric] == "train_loss" }.count == records.reduce(0) { $0 + $1.history.count })
    }

    @Test("mean and sample standard deviation")
    func statistics() {
        let (m, s) = meanAndStd([1, 2, 3, 4])
        #expect(m == 2.5)
        #expect(abs(s - 1.2909944) < 1e-6)
        #expect(meanAndStd([5]).std == 0)
    }
}

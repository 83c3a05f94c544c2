import ArgumentParser
import Foundation
import FFAnalog

/// What `simulate`, `compare` and `sweep` share: which methods, how many
/// seeds, how many test examples, where results go.
struct ExperimentOptions: ParsableArguments {
    @Option(name: .long, help: "Comma-separated methods (default: FF and the five backprop baselines; ff-recurrent and ff-unsupervised run when listed).")
    var methods: String = MethodName.standard.map(\.rawValue).joined(separator: ",")

    @Option(name: .long, help: "Number of seeds; seed s draws device instance s.")
    var seeds: Int = 3

    @Option(name: .long, help: "Test examples evaluated on the device (default: all).")
    var testExamples: Int?

    @Option(name: .long, help: "Directory for the results (default: notebooks-export; for sweep, notebooks-export/sweep-<hash of the configuration>).")
    var output: String?

    /// Where `simulate` and `compare` write.
    var outputDirectory: String { output ?? "notebooks-export" }

    /// Training examples and epochs when not given: small, so a comparison
    /// takes minutes; every method gets the same budget.
    static let defaultTrainExamples = 10_000
    static let defaultEpochs = 3

    func validate() throws {
        _ = try methodNames()
        guard seeds >= 1 else { throw ValidationError("--seeds must be at least 1") }
        if let testExamples, testExamples < 1 { throw ValidationError("--test-examples must be at least 1") }
    }

    func methodNames() throws -> [MethodName] {
        try MethodName.list(parsing: methods)
    }

    /// The training options' configurations with the experiment defaults
    /// (``defaultTrainExamples``, ``defaultEpochs``) where those were not given.
    func configurations(_ training: TrainingOptions) throws -> (ff: FFConfiguration, bp: BPConfiguration) {
        var ff = try training.ffConfiguration()
        var bp = try training.bpConfiguration()
        if training.trainExamples == nil {
            ff.trainingExamples = Self.defaultTrainExamples
            bp.trainingExamples = Self.defaultTrainExamples
        }
        if training.epochs == nil {
            ff.epochs = Self.defaultEpochs
            bp.epochs = Self.defaultEpochs
        }
        return (ff, bp)
    }

    /// The simulation these options, the training options and the data describe.
    func simulation(dataset: LabeledDataset, preset: DevicePreset, noise: Float?, training: TrainingOptions,
                    firstSeed: UInt64) throws -> Simulation {
        let (ff, bp) = try configurations(training)
        let train = Examples(dataset.train).prefix(ff.trainingExamples).standardized(ff.pixelStandardization)
        let test = Examples(dataset.test).prefix(testExamples).standardized(ff.pixelStandardization)
        return Simulation(train: train, test: test, datasetName: dataset.name.rawValue, preset: preset, noise: noise,
                          methods: try methodNames(), ff: ff, bp: bp, seeds: (0..<seeds).map { firstSeed + UInt64($0) })
    }
}

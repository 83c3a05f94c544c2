import FFDatasets
import FFDevice
import FFNumerics
import FFRandom
import FFResults
import FFTraining

/// `ffanalog simulate`: every method trained and evaluated on freshly drawn
/// device instances, one instance per seed, the same instance for every
/// method of that seed.
public struct Simulation: Sendable {
    /// Training examples.
    public var train: Examples
    /// Test examples.
    public var test: Examples
    /// Dataset name, for the records.
    public var datasetName: String
    /// The fully resolved preset.
    public var preset: DevicePreset
    /// The `--noise` value that resolved it, if any.
    public var noise: Float?
    /// Methods to run, in order.
    public var methods: [MethodName]
    /// FF hyper-parameters.
    public var ff: FFConfiguration
    /// Backprop hyper-parameters.
    public var bp: BPConfiguration
    /// Seeds; each draws its own device instance.
    public var seeds: [UInt64]
    /// Dynamics of `ff-recurrent`.
    public var recurrent = RecurrentDynamics()
    /// Settings of `ff-unsupervised`.
    public var unsupervised = UnsupervisedSettings()

    /// Creates a simulation.
    public init(train: Examples, test: Examples, datasetName: String, preset: DevicePreset, noise: Float?,
                methods: [MethodName], ff: FFConfiguration, bp: BPConfiguration, seeds: [UInt64]) {
        self.train = train
        self.test = test
        self.datasetName = datasetName
        self.preset = preset
        self.noise = noise
        self.methods = methods
        self.ff = ff
        self.bp = bp
        self.seeds = seeds
    }

    /// What the simulation reports while it runs.
    public enum Event {
        /// A method starts on a seed.
        case methodStarted(method: MethodName, seed: UInt64, index: Int, of: Int)
        /// Training progress of the current method.
        case training(TrainingEvent)
        /// A method finished on a seed.
        case methodFinished(SimulationRecord)
    }

    /// Runs every method on every seed.
    /// - Parameter progress: Receives events.
    /// - Returns: One record per method and seed.
    public func run(progress: (Event) -> Void = { _ in }) throws -> [SimulationRecord] {
        var records = [SimulationRecord]()
        let total = seeds.count * methods.count
        for seed in seeds {
            let context = self.context(seed: seed)
            for method in methods {
                progress(.methodStarted(method: method, seed: seed, index: records.count + 1, of: total))
                let outcome = try method.method.run(context) { progress(.training($0)) }
                let record = self.record(method: method, seed: seed, outcome: outcome, command: "simulate")
                records.append(record)
                progress(.methodFinished(record))
            }
        }
        return records
    }

    /// What every method of seed `seed` gets: the data, the configurations,
    /// and device instance `seed` of the preset.
    public func context(seed: UInt64) -> MethodContext {
        let device = DeviceSpec(preset: preset, instanceSeed: SplitMix64.mix(seed ^ SplitMix64.hash("device:" + preset.name)))
        var context = MethodContext(train: train, test: test, ff: ff, bp: bp, device: device, seed: seed)
        context.recurrent = recurrent
        context.unsupervised = unsupervised
        return context
    }

    /// The record of one method's outcome on seed `seed`.
    public func record(method: MethodName, seed: UInt64, outcome: MethodOutcome, command: String) -> SimulationRecord {
        SimulationRecord(
            command: command, dataset: datasetName, method: method, seed: seed, device: preset.name,
            noise: noise, hidden: method.isFF ? ff.hiddenSizes : bp.hiddenSizes,
            epochs: method.isFF ? ff.epochs : bp.epochs, batchSize: method.isFF ? ff.batchSize : bp.batchSize,
            trainExamples: train.count, testExamples: test.count, outcome: outcome, energy: EnergyModel(preset: preset),
            threads: BLAS.threadCount, deviceParameters: preset.flattened(),
            hyperParameters: Self.hyperParameters(ff: ff, bp: bp))
    }

    /// The training hyper-parameters as dotted key → value, for CSV columns.
    static func hyperParameters(ff: FFConfiguration, bp: BPConfiguration) -> [(String, String)] {
        [("ff.learning_rate", "\(ff.learningRate)"), ("ff.optimizer", ff.optimizer.kind.rawValue),
         ("ff.goodness", ff.goodness.cliName), ("ff.negatives", ff.negatives.rawValue),
         ("ff.normalization", ff.normalization.rawValue), ("ff.initialization", ff.initialization.rawValue),
         ("ff.schedule", ff.schedule.rawValue), ("ff.lr_schedule", ff.learningRateSchedule.rawValue),
         ("bp.learning_rate", "\(bp.learningRate)"), ("bp.optimizer", bp.optimizer.kind.rawValue),
         ("bp.lr_schedule", bp.learningRateSchedule.rawValue), ("bp.initialization", bp.initialization.rawValue)]
    }
}

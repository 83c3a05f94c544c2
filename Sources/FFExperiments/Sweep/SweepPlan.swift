import FFDatasets
import FFDevice
import FFTraining

/// A checked sweep: its configuration, every preset it uses loaded and
/// validated, and its jobs. Building one does all the checking, so a
/// malformed sweep fails before any data is loaded or file written.
public struct SweepPlan: Sendable {
    /// The configuration.
    public let configuration: SweepConfiguration
    /// Each device value (grid value, or the fixed device) → its preset as loaded, before any noise.
    public let presets: [String: DevicePreset]
    /// Every job, sorted by id.
    public let jobs: [SweepJob]

    /// What one job trains with: its configuration with the grid values applied.
    public struct JobSettings: Sendable {
        /// The resolved preset (with the job's noise applied).
        public var preset: DevicePreset
        /// The noise applied, if any.
        public var noise: Float?
        /// FF hyper-parameters.
        public var ff: FFConfiguration
        /// Backprop hyper-parameters.
        public var bp: BPConfiguration
    }

    /// Checks a configuration and loads its presets.
    /// - Parameters:
    ///   - configuration: The sweep.
    ///   - modelsDirectory: The presets directory (`nil`: the usual search, see ``FFDevice/DevicePreset/named(_:directory:)``).
    /// - Throws: ``SweepError``: no methods or seeds, or a device that cannot be loaded.
    public init(configuration: SweepConfiguration, modelsDirectory: String? = nil) throws(SweepError) {
        guard !configuration.methods.isEmpty else { throw .noMethods }
        guard !configuration.seeds.isEmpty else { throw .invalidSeedCount(0) }
        var presets = [String: DevicePreset]()
        let devices = configuration.grid.values(of: .device) ?? [configuration.device]
        let noises = configuration.grid.values(of: .noise)?.map { Float($0)! } ?? [configuration.noise].compactMap { $0 }
        for device in devices {
            do throws(DevicePresetError) {
                let preset = try DevicePreset.named(device, directory: modelsDirectory)
                for sigma in noises { try preset.withNoise(sigma).validate() }
                presets[device] = preset
            } catch {
                throw .unknownDevice(value: device, reason: error.description)
            }
        }
        self.configuration = configuration
        self.presets = presets
        jobs = SweepJob.all(grid: configuration.grid, methods: configuration.methods, seeds: configuration.seeds)
    }

    /// The settings of `job`: the fixed configuration with the job's grid values applied.
    /// - Parameter job: One of ``jobs``.
    public func settings(for job: SweepJob) -> JobSettings {
        let point = job.point
        var ff = configuration.ff, bp = configuration.bp
        if let v = point[.epochs].flatMap(Int.init) { ff.epochs = v; bp.epochs = v }
        if let v = point[.trainExamples].flatMap(Int.init) { ff.trainingExamples = v; bp.trainingExamples = v }
        if let v = point[.learningRate].flatMap(Float.init) { ff.learningRate = v; bp.learningRate = v }
        if let v = point[.hidden] {
            let sizes = v.split(separator: "x").map { Int($0)! }
            ff.hiddenSizes = sizes
            bp.hiddenSizes = sizes
        }
        var preset = presets[point[.device] ?? configuration.device]!
        let noise = point[.noise].flatMap(Float.init) ?? configuration.noise
        if let noise { preset = preset.withNoise(noise) }
        return JobSettings(preset: preset, noise: noise, ff: ff, bp: bp)
    }

    /// The most training examples any job uses (`nil`: all).
    public var maxTrainExamples: Int? {
        guard let values = configuration.grid.values(of: .trainExamples) else { return configuration.ff.trainingExamples }
        return values.compactMap(Int.init).max()
    }

    /// The examples the jobs draw from, prepared as `simulate` prepares them:
    /// the first ``maxTrainExamples`` training examples and the first
    /// ``SweepConfiguration/testExamples`` test examples, standardised as the FF configuration says.
    /// - Parameter dataset: The loaded dataset.
    public func examples(from dataset: LabeledDataset) -> (train: Examples, test: Examples) {
        let standardization = configuration.ff.pixelStandardization
        return (Examples(dataset.train).prefix(maxTrainExamples).standardized(standardization),
                Examples(dataset.test).prefix(configuration.testExamples).standardized(standardization))
    }
}

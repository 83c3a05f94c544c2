import FFTraining

/// Everything that determines a sweep's results: the data, the grid, the
/// methods, the seeds and the fixed settings of every job.
///
/// Two runs into one directory must have equal configurations (shards of one
/// sweep do); the thread count and the ffanalog version are recorded in the
/// manifest but are not part of it.
public struct SweepConfiguration: Sendable, Codable, Equatable {
    /// Dataset name, e.g. `fashion-mnist`.
    public var dataset: String
    /// Test examples evaluated on the device (`nil`: all).
    public var testExamples: Int?
    /// The varied settings.
    public var grid: SweepGrid
    /// The methods, in the order given.
    public var methods: [MethodName]
    /// The seeds: `--seed`, `--seed`+1, ...
    public var seeds: [UInt64]
    /// FF hyper-parameters of every job before the grid values are applied.
    public var ff: FFConfiguration
    /// Backprop hyper-parameters of every job before the grid values are applied.
    public var bp: BPConfiguration
    /// The device of every job when the grid has no `device` axis.
    public var device: String
    /// The noise of every job when the grid has no `noise` axis (`nil`: presets as shipped).
    public var noise: Float?

    /// Creates a configuration.
    /// - Parameters:
    ///   - dataset: Dataset name.
    ///   - testExamples: Test examples (`nil`: all).
    ///   - grid: The varied settings.
    ///   - methods: The methods.
    ///   - seeds: The seeds.
    ///   - ff: FF hyper-parameters before the grid values.
    ///   - bp: Backprop hyper-parameters before the grid values.
    ///   - device: The device when not varied (a preset name or `.json` file).
    ///   - noise: The noise when not varied (`nil`: presets as shipped).
    public init(dataset: String, testExamples: Int?, grid: SweepGrid, methods: [MethodName], seeds: [UInt64],
                ff: FFConfiguration, bp: BPConfiguration, device: String = "generic", noise: Float? = nil) {
        self.dataset = dataset
        self.testExamples = testExamples
        self.grid = grid
        self.methods = methods
        self.seeds = seeds
        self.ff = ff
        self.bp = bp
        self.device = device
        self.noise = noise
    }

    /// The seeds `first`, `first`+1, ..., `count` of them.
    /// - Parameters:
    ///   - first: The first seed (`--seed`).
    ///   - count: How many (`--seeds`, ≥ 1).
    /// - Throws: ``SweepError/invalidSeedCount(_:)`` when `count` < 1.
    public static func seeds(from first: UInt64, count: Int) throws(SweepError) -> [UInt64] {
        guard count >= 1 else { throw .invalidSeedCount(count) }
        return (0..<count).map { first &+ UInt64($0) }
    }
}

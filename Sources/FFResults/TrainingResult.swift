import FFTraining

/// The JSON record of one `ffanalog train` run.
///
/// Keys are written in snake_case. Everything needed to reproduce the run is
/// here: the resolved configuration, seed, BLAS thread count and data checks.
public struct TrainingResult: Codable, Sendable {
    /// ffanalog's version.
    public var ffanalogVersion: String
    /// The git commit, when known.
    public var gitCommit: String? = FFAnalogVersion.gitCommit
    /// `ff`, `bp`, `ff-recurrent` or `ff-unsupervised`.
    public var algorithm: String
    /// The recipe that set the configuration, if any.
    public var recipe: String?
    /// Dataset name.
    public var dataset: String
    /// Where the dataset was read from.
    public var dataDirectory: String
    /// Whether every data file matched a known SHA-256.
    public var dataVerified: Bool
    /// Verification warnings (mismatched or unknown checksums).
    public var dataWarnings: [String]
    /// Hidden layer sizes.
    public var hidden: [Int]
    /// Epochs (per layer when layerwise).
    public var epochs: Int
    /// Minibatch size.
    public var batchSize: Int
    /// Base learning rate.
    public var learningRate: Float
    /// Optimizer name.
    public var optimizer: String
    /// The seed.
    public var seed: UInt64
    /// OpenBLAS threads (results are bit-reproducible at a fixed count).
    public var threads: Int
    /// OpenBLAS build description.
    public var blas: String
    /// Training examples used.
    public var trainExamples: Int
    /// Test examples evaluated.
    public var testExamples: Int
    /// What the `test_*` figures measure: `test`, or `validation (last N
    /// training examples)` when `--validation N` held examples out.
    public var evaluationSet: String = "test"
    /// Test accuracy (FF: goodness prediction; unsupervised FF: its readout).
    public var testAccuracy: Double
    /// Test accuracy of the FF readout.
    public var testAccuracyReadout: Double?
    /// Accuracy on the first ``trainAccuracyExamples`` training examples.
    public var trainAccuracy: Double
    /// The same for the FF readout.
    public var trainAccuracyReadout: Double?
    /// How many training examples the train accuracy was measured on.
    public var trainAccuracyExamples: Int
    /// Wall seconds spent training (evaluation during training excluded).
    public var trainSeconds: Double
    /// Wall seconds of the whole run, data loading and evaluation included.
    public var totalSeconds: Double
    /// The epochs a resumed run took from its saved state (`--resume`); `nil`
    /// for a run that started afresh. ``trainSeconds`` and ``history`` include
    /// those epochs, ``totalSeconds`` only this process's work.
    public var resumedAfterEpoch: Int? = nil
    /// Per-epoch history.
    public var history: [EpochRecord]
    /// The full FF configuration, for FF runs.
    public var ffConfiguration: FFConfiguration?
    /// The full backprop configuration, for BP runs.
    public var bpConfiguration: BPConfiguration?
    /// The recurrent dynamics, for `ff-recurrent` runs.
    public var recurrentDynamics: RecurrentDynamics? = nil
    /// The unsupervised settings, for `ff-unsupervised` runs.
    public var unsupervisedSettings: UnsupervisedSettings? = nil
    /// The share of the dense arithmetic done, for `ff-recurrent` runs (which skip zeros).
    public var zeroSkipping: ZeroSkippingStatistics? = nil

    /// Creates a result; see the properties for the meaning of each field.
    public init(ffanalogVersion: String, algorithm: String, recipe: String?, dataset: String, dataDirectory: String,
                dataVerified: Bool, dataWarnings: [String], hidden: [Int], epochs: Int, batchSize: Int,
                learningRate: Float, optimizer: String, seed: UInt64, threads: Int, blas: String,
                trainExamples: Int, testExamples: Int, testAccuracy: Double, testAccuracyReadout: Double?,
                trainAccuracy: Double, trainAccuracyReadout: Double?, trainAccuracyExamples: Int,
                trainSeconds: Double, totalSeconds: Double, history: [EpochRecord],
                ffConfiguration: FFConfiguration?, bpConfiguration: BPConfiguration?) {
        self.ffanalogVersion = ffanalogVersion
        self.algorithm = algorithm
        self.recipe = recipe
        self.dataset = dataset
        self.dataDirectory = dataDirectory
        self.dataVerified = dataVerified
        self.dataWarnings = dataWarnings
        self.hidden = hidden
        self.epochs = epochs
        self.batchSize = batchSize
        self.learningRate = learningRate
        self.optimizer = optimizer
        self.seed = seed
        self.threads = threads
        self.blas = blas
        self.trainExamples = trainExamples
        self.testExamples = testExamples
        self.testAccuracy = testAccuracy
        self.testAccuracyReadout = testAccuracyReadout
        self.trainAccuracy = trainAccuracy
        self.trainAccuracyReadout = trainAccuracyReadout
        self.trainAccuracyExamples = trainAccuracyExamples
        self.trainSeconds = trainSeconds
        self.totalSeconds = totalSeconds
        self.history = history
        self.ffConfiguration = ffConfiguration
        self.bpConfiguration = bpConfiguration
    }
}

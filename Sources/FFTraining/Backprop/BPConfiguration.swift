/// Everything that defines a backprop (MLP) run.
public struct BPConfiguration: Sendable, Codable, Equatable {
    /// Hidden layer sizes; a linear softmax layer follows.
    public var hiddenSizes: [Int]
    /// Epochs.
    public var epochs: Int
    /// Examples per minibatch.
    public var batchSize: Int
    /// Base learning rate.
    public var learningRate: Float
    /// Optimizer.
    public var optimizer: OptimizerConfiguration
    /// Learning-rate schedule over the run.
    public var learningRateSchedule: LearningRateSchedule
    /// Weight initialisation.
    public var initialization: WeightInitialization
    /// Number of classes.
    public var classes: Int
    /// Use only the first N training examples (`nil` = all).
    public var trainingExamples: Int?
    /// Standardise pixels as (x − mean)/std (`nil` = leave in [0, 1]).
    public var pixelStandardization: PixelStandardization?
    /// Evaluate on the test set every this many epochs (and after the last).
    public var evaluateEvery: Int

    /// Creates a configuration; every argument has the ffanalog default.
    public init(
        hiddenSizes: [Int] = [500, 500], epochs: Int = 10, batchSize: Int = 100,
        learningRate: Float = 0.001, optimizer: OptimizerConfiguration = .init(kind: .adam),
        learningRateSchedule: LearningRateSchedule = .linearDecay,
        initialization: WeightInitialization = .pytorchDefault, classes: Int = 10,
        trainingExamples: Int? = nil, pixelStandardization: PixelStandardization? = nil,
        evaluateEvery: Int = 1
    ) {
        self.hiddenSizes = hiddenSizes
        self.epochs = epochs
        self.batchSize = batchSize
        self.learningRate = learningRate
        self.optimizer = optimizer
        self.learningRateSchedule = learningRateSchedule
        self.initialization = initialization
        self.classes = classes
        self.trainingExamples = trainingExamples
        self.pixelStandardization = pixelStandardization
        self.evaluateEvery = evaluateEvery
    }
}

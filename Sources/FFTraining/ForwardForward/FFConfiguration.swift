import FFNumerics

/// Everything that defines a supervised Forward-Forward run.
public struct FFConfiguration: Sendable, Codable, Equatable {
    /// Hidden layer sizes, e.g. `[500, 500]`.
    public var hiddenSizes: [Int]
    /// Epochs (per layer when ``schedule`` is layerwise).
    public var epochs: Int
    /// Examples per minibatch.
    public var batchSize: Int
    /// Base learning rate of the FF layers.
    public var learningRate: Float
    /// Optimizer of the FF layers.
    public var optimizer: OptimizerConfiguration
    /// Learning-rate schedule over the run.
    public var learningRateSchedule: LearningRateSchedule
    /// Layer order.
    public var schedule: LayerSchedule
    /// The FF objective of every layer.
    public var goodness: GoodnessChoice
    /// How negative labels are chosen.
    public var negatives: NegativeChoice
    /// The softmax temperature of ``NegativeChoice/proportional`` negatives
    /// (`nil` = 1; see ``ProportionalWrongLabel``).
    public var negativeLabelTemperature: Float?
    /// Draw negatives once for the whole run instead of every batch (minimal PyTorch FF).
    public var fixedNegatives: Bool
    /// Length normalisation between layers.
    public var normalization: RowNormalization
    /// ε added to the length before dividing.
    public var normalizationEpsilon: Float
    /// Also normalise the (label-overlaid) input of the first layer.
    public var normalizeInput: Bool
    /// The label overlay.
    public var overlay: LabelOverlay
    /// Layers summed for goodness prediction.
    public var predictionLayers: PredictionLayers
    /// Weight initialisation.
    public var initialization: WeightInitialization
    /// Train a linear softmax readout on layers 2..N alongside.
    public var readout: Bool
    /// Learning rate of the readout.
    public var readoutLearningRate: Float
    /// L2 weight decay of the readout.
    public var readoutWeightDecay: Float
    /// Use only the first N training examples (`nil` = all).
    public var trainingExamples: Int?
    /// Standardise pixels as (x − mean)/std after scaling to [0, 1] (`nil` = leave in [0, 1]).
    public var pixelStandardization: PixelStandardization?
    /// Evaluate on the test set every this many epochs (and always after the last).
    public var evaluateEvery: Int
    /// Peer normalisation of every layer (`nil` = off).
    public var peerNormalization: PeerNormalization?
    /// The nonlinearity's derivative in the local update (`nil` = ``ActivationGradient/nominal``).
    public var activationGradient: ActivationGradient?
    /// Decorrelation of every layer's units on positive data (`nil` = off; not in Hinton's FF).
    public var decorrelation: Decorrelation?

    /// Creates a configuration; every argument has the ffanalog default.
    public init(
        hiddenSizes: [Int] = [500, 500], epochs: Int = 10, batchSize: Int = 100,
        learningRate: Float = 0.001,
        optimizer: OptimizerConfiguration = .init(kind: .adam),
        learningRateSchedule: LearningRateSchedule = .linearDecay,
        schedule: LayerSchedule = .simultaneous,
        goodness: GoodnessChoice = .hinton, negatives: NegativeChoice = .random,
        fixedNegatives: Bool = false,
        normalization: RowNormalization = .rms, normalizationEpsilon: Float = 1e-8,
        normalizeInput: Bool = true, overlay: LabelOverlay = LabelOverlay(),
        predictionLayers: PredictionLayers = .skipFirst,
        initialization: WeightInitialization = .pytorchDefault,
        readout: Bool = true, readoutLearningRate: Float = 0.001, readoutWeightDecay: Float = 0,
        trainingExamples: Int? = nil, pixelStandardization: PixelStandardization? = nil,
        evaluateEvery: Int = 1, peerNormalization: PeerNormalization? = nil,
        activationGradient: ActivationGradient? = nil, decorrelation: Decorrelation? = nil,
        negativeLabelTemperature: Float? = nil
    ) {
        self.hiddenSizes = hiddenSizes
        self.epochs = epochs
        self.batchSize = batchSize
        self.learningRate = learningRate
        self.optimizer = optimizer
        self.learningRateSchedule = learningRateSchedule
        self.schedule = schedule
        self.goodness = goodness
        self.negatives = negatives
        self.fixedNegatives = fixedNegatives
        self.normalization = normalization
        self.normalizationEpsilon = normalizationEpsilon
        self.normalizeInput = normalizeInput
        self.overlay = overlay
        self.predictionLayers = predictionLayers
        self.initialization = initialization
        self.readout = readout
        self.readoutLearningRate = readoutLearningRate
        self.readoutWeightDecay = readoutWeightDecay
        self.trainingExamples = trainingExamples
        self.pixelStandardization = pixelStandardization
        self.evaluateEvery = evaluateEvery
        self.peerNormalization = peerNormalization
        self.activationGradient = activationGradient
        self.decorrelation = decorrelation
        self.negativeLabelTemperature = negativeLabelTemperature
    }
}

/// Pixel standardisation `(x − mean) / std`.
public struct PixelStandardization: Sendable, Codable, Equatable {
    /// Subtracted mean.
    public var mean: Float
    /// Divisor.
    public var std: Float
    /// Creates the transform.
    public init(mean: Float, std: Float) {
        self.mean = mean
        self.std = std
    }
    /// MNIST's usual statistics (torchvision examples): mean 0.1307, std 0.3081.
    public static let mnist = PixelStandardization(mean: 0.1307, std: 0.3081)
}


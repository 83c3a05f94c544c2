/// The recipes of the recurrent and unsupervised FF variants.
extension Recipe {
    /// Whether the recipe is meant for an FF variant rather than supervised FF:
    /// `"ff-recurrent"`, `"ff-unsupervised"`, or `nil`.
    public var variantAlgorithm: String? {
        switch self {
        case .hintonRecurrent: "ff-recurrent"
        case .hintonUnsupervised: "ff-unsupervised"
        default: nil
        }
    }

    /// The recurrent dynamics of the recipe (Hinton's for every recipe:
    /// damping 0.3, 8 iterations, goodness averaged over iterations 3–5).
    public var recurrentDynamics: RecurrentDynamics {
        RecurrentDynamics(damping: 0.3, iterations: 8, firstScoredIteration: 3, lastScoredIteration: 5)
    }

    /// The unsupervised settings of the recipe.
    public var unsupervisedSettings: UnsupervisedSettings {
        switch self {
        case .hintonUnsupervised: UnsupervisedSettings(blurPasses: 10, readoutLayerCount: 3, readoutEpochs: 5)
        default: UnsupervisedSettings()
        }
    }

    var variantSummary: String {
        switch self {
        case .hintonRecurrent:
            "ff-recurrent: 784-2000×3 with the label on top, damping 0.3, 8 synchronous iterations, goodness averaged over iterations 3–5; Σy² goodness (θ = units), RMS normalisation, negative labels in proportion to the single-pass scores, peer normalisation 0.03, straight-through ReLU gradient, Adam lr 1e-4, batch 100, 60 epochs, linear decay"
        default:
            "ff-unsupervised: 784-2000×4, hybrid negatives (10 blur passes), Σy² goodness (θ = units), RMS normalisation, peer normalisation 0.03, straight-through ReLU gradient, SGD lr 1e-3 momentum 0.9 wd 3e-4, batch 100, 100 epochs, linear decay; softmax readout of the last 3 layers, SGD lr 1e-2 wd 3e-3, 5 more readout-only epochs"
        }
    }

    var variantConfiguration: FFConfiguration {
        switch self {
        case .hintonRecurrent:
            return FFConfiguration(
                hiddenSizes: [2000, 2000, 2000], epochs: 60, batchSize: 100, learningRate: 1e-4,
                optimizer: .init(kind: .adam), learningRateSchedule: .linearDecay, schedule: .simultaneous,
                goodness: .hinton, negatives: .proportional, normalization: .rms, normalizeInput: true,
                initialization: .heNormal, readout: false, evaluateEvery: 10,
                peerNormalization: PeerNormalization(strength: 0.03, momentum: 0.9),
                activationGradient: .straightThrough)
        default:
            return FFConfiguration(
                hiddenSizes: [2000, 2000, 2000, 2000], epochs: 100, batchSize: 100, learningRate: 1e-3,
                optimizer: .init(kind: .sgd, momentum: 0.9, weightDecay: 3e-4),
                learningRateSchedule: .linearDecay, schedule: .simultaneous,
                goodness: .hinton, negatives: .random, normalization: .rms, normalizeInput: true,
                initialization: .normalFanOut, readout: true, readoutLearningRate: 1e-2, readoutWeightDecay: 3e-3,
                evaluateEvery: 10,
                peerNormalization: PeerNormalization(strength: 0.03, momentum: 0.9),
                activationGradient: .straightThrough)
        }
    }
}

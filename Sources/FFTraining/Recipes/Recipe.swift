/// A named set of hyper-parameters that reproduces a known configuration.
///
/// A recipe sets everything at once; options given explicitly on the command
/// line then override single fields.
public enum Recipe: String, Sendable, Codable, CaseIterable {
    /// ffanalog's default supervised FF: 2×500 ReLU, Adam, hard negatives.
    case ffanalog
    /// Hinton (2022) §3.3 as loeweX's reproduction runs it, at 4×2000 and 60 epochs.
    case hinton
    /// The minimal PyTorch FF (mohammadpz/pytorch_forward_forward).
    case pytorchForwardForward = "pytorch-forward-forward"
    /// Recurrent FF (Hinton 2022 §4) at benchmark size; see ``recurrentDynamics``.
    case hintonRecurrent = "hinton-recurrent"
    /// Recurrent FF with the settings that measured best on a validation
    /// split here: SGD with peer normalisation and one-pixel jitter, at
    /// 3×1000; see ``recurrentDynamics``.
    case ffanalogRecurrent = "ffanalog-recurrent"
    /// Unsupervised FF with hybrid negatives (Hinton 2022 §3.2) at benchmark size; see ``unsupervisedSettings``.
    case hintonUnsupervised = "hinton-unsupervised"
    /// Unsupervised FF with local receptive fields without weight sharing,
    /// the variant Hinton (2022, §3.2) reports as better than fully connected
    /// layers; its geometry and length were chosen here on a validation split.
    case hintonUnsupervisedLocal = "hinton-unsupervised-local"

    /// One line for `--help` and the README.
    public var summary: String {
        switch self {
        case .ffanalog:
            "784-500-500, Σy² goodness (θ = units), RMS normalisation, He-normal weights, hard negatives, Adam lr 0.001 (readout too), batch 100, 10 epochs, linear decay"
        case .hinton:
            "784-2000×4, Σy² goodness (θ = units), RMS normalisation, hard negatives, peer normalisation 0.03 (momentum 0.9), straight-through ReLU gradient, SGD lr 1e-3 momentum 0.9 wd 3e-4, batch 100, 60 epochs, linear decay; readout SGD lr 1e-2 wd 3e-3"
        case .hintonRecurrent, .ffanalogRecurrent, .hintonUnsupervised, .hintonUnsupervisedLocal:
            variantSummary
        case .pytorchForwardForward:
            "784-500-500, mean-y² goodness θ = 2, L2 normalisation of every layer's input, permuted negative labels drawn once, Adam lr 0.03, one full batch of 50,000, 1000 steps per layer, layerwise, goodness summed over all layers; the readout (not part of the original) trains afterwards for 10 epochs of batch 100"
        }
    }

    /// The FF configuration of the recipe.
    public var ffConfiguration: FFConfiguration {
        switch self {
        case .ffanalog:
            return FFConfiguration(
                hiddenSizes: [500, 500], epochs: 10, batchSize: 100, learningRate: 0.001,
                optimizer: .init(kind: .adam), learningRateSchedule: .linearDecay, schedule: .simultaneous,
                goodness: .hinton, negatives: .hard, normalization: .rms, normalizeInput: true,
                predictionLayers: .skipFirst, initialization: .heNormal,
                readout: true, readoutLearningRate: 0.001)
        case .hinton:
            return FFConfiguration(
                hiddenSizes: [2000, 2000, 2000, 2000], epochs: 60, batchSize: 100, learningRate: 1e-3,
                optimizer: .init(kind: .sgd, momentum: 0.9, weightDecay: 3e-4),
                learningRateSchedule: .linearDecay, schedule: .simultaneous,
                goodness: .hinton, negatives: .hard, normalization: .rms, normalizeInput: true,
                predictionLayers: .skipFirst, initialization: .normalFanOut,
                readout: true, readoutLearningRate: 1e-2, readoutWeightDecay: 3e-3, evaluateEvery: 5,
                peerNormalization: PeerNormalization(strength: 0.03, momentum: 0.9),
                activationGradient: .straightThrough)
        case .hintonRecurrent, .ffanalogRecurrent, .hintonUnsupervised, .hintonUnsupervisedLocal:
            return variantConfiguration
        case .pytorchForwardForward:
            // Pixels standardised with MNIST's mean and std, as its torchvision
            // transform; label pixel = the batch maximum ((1 − 0.1307)/0.3081).
            let maxPixel = (1 - PixelStandardization.mnist.mean) / PixelStandardization.mnist.std
            return FFConfiguration(
                hiddenSizes: [500, 500], epochs: 1000, batchSize: 50_000, learningRate: 0.03,
                optimizer: .init(kind: .adam), learningRateSchedule: .constant, schedule: .layerwise,
                goodness: .logistic(reduction: .mean, threshold: 2), negatives: .permutation, fixedNegatives: true,
                normalization: .l2, normalizationEpsilon: 1e-4, normalizeInput: true,
                overlay: LabelOverlay(onValue: maxPixel, offValue: 0),
                predictionLayers: .all, initialization: .pytorchDefault,
                readout: true, readoutLearningRate: 0.03,
                trainingExamples: 50_000, pixelStandardization: .mnist, evaluateEvery: 1000)
        }
    }

    /// The backprop configuration trained beside the recipe: the same
    /// layers, batch, epochs and data budget.
    public var bpConfiguration: BPConfiguration {
        let ff = ffConfiguration
        return BPConfiguration(hiddenSizes: ff.hiddenSizes, epochs: self == .pytorchForwardForward ? 10 : ff.epochs,
                               batchSize: self == .pytorchForwardForward ? 100 : ff.batchSize,
                               learningRate: 0.001, optimizer: .init(kind: .adam),
                               learningRateSchedule: .linearDecay, trainingExamples: ff.trainingExamples,
                               pixelStandardization: ff.pixelStandardization)
    }
}

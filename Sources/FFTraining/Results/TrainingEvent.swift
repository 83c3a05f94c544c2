/// What a trainer reports while it runs, for progress displays.
public enum TrainingEvent: Sendable {
    /// An epoch (of `layer` when training layerwise) begins.
    case epochStarted(epoch: Int, epochs: Int, layer: Int?, steps: Int)
    /// A minibatch step finished with this mean loss.
    case step(step: Int, steps: Int, loss: Double)
    /// An epoch finished.
    case epochFinished(EpochRecord)
}

/// A callback that receives ``TrainingEvent``s.
public typealias ProgressHandler = (TrainingEvent) -> Void

/// One epoch of training history.
public struct EpochRecord: Sendable, Codable, Equatable {
    /// 1-based epoch number (within the layer when layerwise).
    public var epoch: Int
    /// The layer trained (layerwise schedule only, 0-based).
    public var layer: Int?
    /// Mean training loss over the epoch (FF: summed over the layers trained).
    public var loss: Double
    /// Mean loss of each layer trained (FF only).
    public var layerLosses: [Double]?
    /// Mean cross-entropy of the readout (FF only).
    public var readoutLoss: Double?
    /// Test accuracy (FF: goodness prediction), when evaluated.
    public var testAccuracy: Double?
    /// Test accuracy of the FF readout, when evaluated.
    public var testAccuracyReadout: Double?
    /// Seconds spent training this epoch (evaluation excluded).
    public var seconds: Double
    /// Per-layer diagnostics on the test set, first layer first (FF with
    /// `--diagnostics` only; see ``LayerDiagnostics``).
    public var diagnostics: [LayerDiagnostics]?

    /// Creates a record; see the properties for the meaning of each field.
    public init(epoch: Int, layer: Int?, loss: Double, layerLosses: [Double]? = nil, readoutLoss: Double? = nil,
                testAccuracy: Double? = nil, testAccuracyReadout: Double? = nil, seconds: Double,
                diagnostics: [LayerDiagnostics]? = nil) {
        self.epoch = epoch
        self.layer = layer
        self.loss = loss
        self.layerLosses = layerLosses
        self.readoutLoss = readoutLoss
        self.testAccuracy = testAccuracy
        self.testAccuracyReadout = testAccuracyReadout
        self.seconds = seconds
        self.diagnostics = diagnostics
    }
}

/// Errors a training run can end with.
public enum TrainingError: Error, CustomStringConvertible, Equatable {
    /// The loss stopped being a finite number.
    case diverged(epoch: Int, layer: Int?, learningRate: Float)
    /// The configuration cannot be trained.
    case invalidConfiguration(String)
    /// A saved run state does not fit the trainer it is restored into.
    case unresumable(String)

    public var description: String {
        switch self {
        case let .diverged(epoch, layer, lr):
            let at = layer.map { "layer \($0 + 1), " } ?? ""
            return "training diverged: the loss became NaN or infinite at \(at)epoch \(epoch); " +
                "lower --learning-rate (now \(lr)) or add --weight-decay"
        case let .invalidConfiguration(why):
            return "invalid configuration: \(why)"
        case let .unresumable(why):
            return "cannot resume from the saved state: \(why); resume with the build and settings that wrote it, or start afresh"
        }
    }
}

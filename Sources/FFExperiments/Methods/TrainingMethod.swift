import FFDevice
import FFNumerics
import FFTraining

/// A way to obtain a network that runs on a simulated device: train through
/// it, train a model of it, or train digitally and deploy.
///
/// Every method gets the same data, the same epochs and batch size (its
/// ``MethodContext``), and is evaluated on the same freshly drawn device
/// instance.
public protocol TrainingMethod: Sendable {
    /// The method's name in tables and CSV.
    var name: MethodName { get }

    /// Trains and evaluates.
    /// - Parameters:
    ///   - context: Data, configurations, device and seed.
    ///   - progress: Receives training progress.
    /// - Returns: Accuracy on the device, operation counts and timings.
    func run(_ context: MethodContext, progress: ProgressHandler) throws -> MethodOutcome
}

/// The methods `simulate` knows, as spelled on the command line.
public enum MethodName: String, Sendable, Codable, CaseIterable {
    /// FF in situ through the device as a black box.
    case ff
    /// Backprop on exact digital math, evaluated digitally: the ceiling.
    case bpIdeal = "bp-ideal"
    /// Backprop on the nominal model, programmed onto the device once.
    case bpOffline = "bp-offline"
    /// Hardware-aware backprop: noise from the nominal statistics during training, then deployed.
    case bpHWA = "bp-hwa"
    /// Physics-aware training: forward on the device, backward through the nominal model.
    case bpPAT = "bp-pat"
    /// Backprop with the exact hidden instance model.
    case bpOracle = "bp-oracle"
    /// Recurrent FF in situ: top-down input through the same tiles, damped iterations.
    case ffRecurrent = "ff-recurrent"
    /// Unsupervised FF in situ with hybrid negatives; a digital readout of measured activities.
    case ffUnsupervised = "ff-unsupervised"

    /// The implementation.
    public var method: any TrainingMethod {
        switch self {
        case .ff: FFInSitu()
        case .bpIdeal: BackpropIdeal()
        case .bpOffline: BackpropOffline()
        case .bpHWA: BackpropHardwareAware()
        case .bpPAT: BackpropPhysicsAware()
        case .bpOracle: BackpropOracle()
        case .ffRecurrent: FFRecurrentInSitu()
        case .ffUnsupervised: FFUnsupervisedInSitu()
        }
    }

    /// One line on what the method may use.
    public var summary: String {
        switch self {
        case .ff: "FF in situ: programs the device, sees only measured inputs and outputs"
        case .bpIdeal: "backprop on exact digital math, evaluated digitally (ceiling)"
        case .bpOffline: "backprop on the nominal model, programmed once, evaluated on the device"
        case .bpHWA: "backprop through fresh devices drawn from the nominal noise statistics, then deployed"
        case .bpPAT: "forward on the device, backward through the nominal model (physics-aware training)"
        case .bpOracle: "forward on the device, backward through the exact hidden instance model"
        case .ffRecurrent: "recurrent FF in situ: label on top, top-down input through the same tiles, only measured outputs"
        case .ffUnsupervised: "unsupervised FF in situ on hybrid negatives; digital softmax readout of measured activities"
        }
    }
}

/// Everything a method may use: the same for every method of a comparison.
public struct MethodContext: Sendable {
    /// Training examples.
    public var train: Examples
    /// Test examples.
    public var test: Examples
    /// FF hyper-parameters.
    public var ff: FFConfiguration
    /// Backprop hyper-parameters (same layers, epochs, batch size and data).
    public var bp: BPConfiguration
    /// The device every method is evaluated on.
    public var device: DeviceSpec
    /// Seed of initialisation, shuffling and negatives.
    public var seed: UInt64
    /// Dynamics of `ff-recurrent` (its other hyper-parameters are ``ff``'s).
    public var recurrent = RecurrentDynamics()
    /// Settings of `ff-unsupervised` (its other hyper-parameters are ``ff``'s).
    public var unsupervised = UnsupervisedSettings()

    /// Creates a context.
    public init(train: Examples, test: Examples, ff: FFConfiguration, bp: BPConfiguration, device: DeviceSpec, seed: UInt64) {
        self.train = train
        self.test = test
        self.ff = ff
        self.bp = bp
        self.device = device
        self.seed = seed
    }
}

/// What a method produced.
public struct MethodOutcome {
    /// Test accuracy on the device (FF: goodness prediction).
    public var testAccuracy: Double
    /// FF readout accuracy on the device.
    public var testAccuracyReadout: Double?
    /// Device and digital operations spent in training.
    public var trainingCounts: DeviceOperationCounts
    /// Device and digital operations of evaluating the test set, per test example.
    public var inferenceCountsPerSample: DeviceOperationCounts
    /// Seconds of training.
    public var trainSeconds: Double
    /// Per-epoch history.
    public var history: [EpochRecord]
    /// The trained network on its hardware, for later evaluation.
    public var deployed: (any DeployedNetwork)?
}

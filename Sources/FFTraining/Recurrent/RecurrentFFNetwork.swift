import FFNumerics
import FFRandom

/// A recurrent Forward-Forward network (Hinton 2022 §4): a stack of hidden
/// layers that treats a static image as a video.
///
/// Hidden layer `l` has one executor whose input is the concatenation
/// `[below, above]` of the length-normalised states, at the previous time
/// step, of the layer below (the image for the first layer) and of the layer
/// above (the label, one-hot and length-normalised, for the top layer). On a
/// device the top-down input therefore goes through the same tile as the
/// bottom-up input, one crossbar of `(below + above) × units`. What a layer
/// sends on is its normalised state passed through its own
/// ``LayerExecutor/transmit(_:into:)``; the same transmitted copy feeds the
/// layer above and the layer below.
///
/// A new state is damped: `state ← d · state + (1 − d) · f(W · [below, above] + b)`
/// with d = ``RecurrentDynamics/damping``. The trainer never reads weights
/// back; it writes increments and measures outputs.
public final class RecurrentFFNetwork {
    /// The run's configuration.
    public let configuration: RecurrentFFConfiguration
    /// Number of input pixels.
    public let inputSize: Int
    /// Where each hidden layer computes; layer `l` takes `belowSize(l) + aboveSize(l)` inputs.
    public let executors: [any LayerExecutor]
    /// The parameters the trainer intends each layer to hold.
    public internal(set) var parameters: [LayerParameters]
    /// The FF objective of each layer.
    public let objectives: [any GoodnessFunction]
    /// Whether exact digital layers leave out the inputs that are zero for a
    /// whole batch (``ZeroColumnSkippingProduct``): the normalised ReLU states
    /// a layer receives are mostly zero, so most of a dense product multiplies
    /// zeros. Equal to the dense product up to Float rounding order; on by
    /// default. Device executors are never affected.
    public var skipsZeroInputs = true

    /// Creates a network and programs its executors with initial parameters.
    /// - Parameters:
    ///   - configuration: The run's configuration.
    ///   - inputSize: Number of input pixels.
    ///   - random: Source of the initial weights (its `"init"` stream is used).
    ///   - makeExecutor: Makes the executor of layer `index` with the given
    ///     input (below + above) and output sizes; defaults to exact ``DigitalLayer``s.
    public init(
        configuration: RecurrentFFConfiguration, inputSize: Int, random: RandomGenerator,
        makeExecutor: ((_ index: Int, _ inputSize: Int, _ outputSize: Int) -> any LayerExecutor)? = nil
    ) {
        self.configuration = configuration
        self.inputSize = inputSize
        let initRandom = random.derived(stream: "init")
        let sizes = configuration.ff.hiddenSizes
        var params = [LayerParameters]()
        var execs = [any LayerExecutor]()
        for l in sizes.indices {
            let inputs = Self.belowSize(l, sizes: sizes, pixels: inputSize)
                + Self.aboveSize(l, sizes: sizes, classes: configuration.ff.overlay.classes)
            let p = LayerParameters(inputSize: inputs, outputSize: sizes[l],
                                    initialization: configuration.ff.initialization, random: initRandom)
            let e = makeExecutor?(l, inputs, sizes[l]) ?? DigitalLayer(parameters: p, activation: .relu)
            e.program(p)
            params.append(p)
            execs.append(e)
        }
        parameters = params
        executors = execs
        objectives = Array(repeating: configuration.ff.goodness.make(classes: configuration.ff.overlay.classes), count: sizes.count)
    }

    /// Creates a network from saved parameters on exact digital executors.
    /// - Parameters:
    ///   - configuration: The configuration it was trained with.
    ///   - inputSize: Number of input pixels.
    ///   - parameters: Every layer's parameters.
    public init(configuration: RecurrentFFConfiguration, inputSize: Int, parameters: [LayerParameters]) {
        self.configuration = configuration
        self.inputSize = inputSize
        self.parameters = parameters
        executors = parameters.map { DigitalLayer(parameters: $0, activation: .relu) }
        objectives = Array(repeating: configuration.ff.goodness.make(classes: configuration.ff.overlay.classes), count: parameters.count)
    }

    /// Number of hidden layers.
    public var layerCount: Int { executors.count }
    /// Number of classes (units of the label layer on top).
    public var classes: Int { configuration.ff.overlay.classes }

    /// Bottom-up inputs of layer `l`: the pixels for the first layer, else the units below.
    public func belowSize(_ l: Int) -> Int { Self.belowSize(l, sizes: configuration.ff.hiddenSizes, pixels: inputSize) }
    /// Top-down inputs of layer `l`: the classes for the top layer, else the units above.
    public func aboveSize(_ l: Int) -> Int { Self.aboveSize(l, sizes: configuration.ff.hiddenSizes, classes: classes) }

    static func belowSize(_ l: Int, sizes: [Int], pixels: Int) -> Int { l == 0 ? pixels : sizes[l - 1] }
    static func aboveSize(_ l: Int, sizes: [Int], classes: Int) -> Int { l + 1 == sizes.count ? classes : sizes[l + 1] }
}

extension RecurrentFFNetwork {
    /// Saves the trainer-side state (the intended parameters; there is no readout).
    public func saveTrainerState() -> FFNetwork.TrainerState {
        FFNetwork.TrainerState(parameters: parameters, readout: nil)
    }

    /// Restores a state saved by ``saveTrainerState()``; restore the executors separately.
    public func restoreTrainerState(_ state: FFNetwork.TrainerState) {
        precondition(state.parameters.count == parameters.count, "restoreTrainerState: layer count differs")
        parameters = state.parameters
    }
}

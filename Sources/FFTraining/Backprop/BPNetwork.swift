import FFNumerics
import FFRandom

/// A multilayer perceptron (ReLU hidden layers, linear softmax output) whose
/// forward pass runs on ``LayerExecutor``s and whose backward pass uses the
/// trainer's intended parameters and the nominal activation derivative.
///
/// On exact ``DigitalLayer``s that is textbook backprop. On a device whose
/// forward differs from the nominal model it is hardware-in-the-loop
/// ("physics-aware") training.
public final class BPNetwork {
    /// The run's configuration.
    public let configuration: BPConfiguration
    /// Number of input pixels.
    public let inputSize: Int
    /// Where each layer computes; the last is the linear output layer.
    public let executors: [any LayerExecutor]
    /// The parameters the trainer intends each layer to hold.
    public internal(set) var parameters: [LayerParameters]
    /// The models the backward pass differentiates; nominal unless replaced.
    public var models: [any DifferentiableLayerModel]

    /// Creates a network and programs its executors.
    /// - Parameters:
    ///   - configuration: The run's configuration.
    ///   - inputSize: Number of input pixels.
    ///   - random: Source of the initial weights (its `"init"` stream is used).
    ///   - makeExecutor: Makes the executor of layer `index`; defaults to ``DigitalLayer``.
    public init(
        configuration: BPConfiguration, inputSize: Int, random: RandomGenerator,
        makeExecutor: ((_ index: Int, _ inputSize: Int, _ outputSize: Int, _ activation: Activation) -> any LayerExecutor)? = nil
    ) {
        self.configuration = configuration
        self.inputSize = inputSize
        let initRandom = random.derived(stream: "init")
        let sizes = [inputSize] + configuration.hiddenSizes + [configuration.classes]
        var params = [LayerParameters]()
        var execs = [any LayerExecutor]()
        for l in 0..<(sizes.count - 1) {
            let activation: Activation = l == sizes.count - 2 ? .identity : .relu
            let p = LayerParameters(inputSize: sizes[l], outputSize: sizes[l + 1],
                                    initialization: configuration.initialization, random: initRandom)
            let e = makeExecutor?(l, sizes[l], sizes[l + 1], activation)
                ?? DigitalLayer(parameters: p, activation: activation)
            e.program(p)
            params.append(p)
            execs.append(e)
        }
        parameters = params
        executors = execs
        models = execs.map { NominalLayerModel(activation: $0.activation) }
    }

    /// Creates a network from saved parameters on digital executors.
    public init(configuration: BPConfiguration, inputSize: Int, parameters: [LayerParameters]) {
        self.configuration = configuration
        self.inputSize = inputSize
        self.parameters = parameters
        executors = parameters.indices.map {
            DigitalLayer(parameters: parameters[$0], activation: $0 == parameters.count - 1 ? .identity : .relu)
        }
        models = executors.map { NominalLayerModel(activation: $0.activation) }
    }

    /// Programs `parameters` onto the executors and records them as intended.
    /// - Parameter parameters: One set per layer, shapes as the network's.
    public func deploy(_ parameters: [LayerParameters]) {
        precondition(parameters.count == layerCount, "deploy: \(parameters.count) layers for a \(layerCount)-layer network")
        self.parameters = parameters
        for l in 0..<layerCount { executors[l].program(parameters[l]) }
    }

    /// Sets the intended parameters without programming the executors, e.g.
    /// to undo a trial recalibration whose device state is restored separately.
    /// - Parameter parameters: One set per layer, shapes as the network's.
    public func restoreIntended(_ parameters: [LayerParameters]) {
        precondition(parameters.count == layerCount, "restoreIntended: \(parameters.count) layers for a \(layerCount)-layer network")
        self.parameters = parameters
    }

    /// Number of layers, the output layer included.
    public var layerCount: Int { executors.count }

    /// Runs the forward pass, keeping every layer's output and what each
    /// next layer received.
    /// - Parameters:
    ///   - input: `batch × pixels` inputs.
    ///   - workspace: Receives `activations` (the last are the logits) and `received`.
    public func forward(_ input: Matrix, workspace: inout BPWorkspace) {
        if workspace.activations.count != layerCount {
            workspace.activations = Array(repeating: Matrix(rows: 0, columns: 0), count: layerCount)
            workspace.received = Array(repeating: Matrix(rows: 0, columns: 0), count: layerCount)
        }
        for l in 0..<layerCount {
            executors[l].forward(l == 0 ? input : workspace.received[l - 1], into: &workspace.activations[l])
            if l + 1 < layerCount {
                executors[l].transmit(workspace.activations[l], into: &workspace.received[l])
            }
        }
    }

    /// The mean cross-entropy of a batch and the gradient of every layer's parameters.
    /// - Parameters:
    ///   - input: `batch × pixels` inputs.
    ///   - labels: True labels.
    ///   - workspace: Reused buffers.
    ///   - gradients: Receives one gradient per layer.
    /// - Returns: Mean loss and number of correct predictions.
    public func lossAndGradients(_ input: Matrix, labels: [Int32], workspace: inout BPWorkspace,
                                 gradients: inout [LayerParameters]) -> (loss: Double, correct: Int) {
        forward(input, workspace: &workspace)
        let result = SoftmaxCrossEntropy.evaluate(logits: workspace.activations[layerCount - 1], labels: labels,
                                                  gradient: &workspace.delta)
        for l in stride(from: layerCount - 1, through: 0, by: -1) {
            let layerInput = l == 0 ? input : workspace.received[l - 1]
            models[l].backward(input: layerInput, output: workspace.activations[l], outputGradient: workspace.delta,
                               parameters: parameters[l], parameterGradient: &gradients[l],
                               inputGradient: &workspace.previousDelta, needsInputGradient: l > 0)
            if l > 0 {
                // Through the path between layer l − 1 and layer l.
                models[l - 1].backwardTransmit(sent: workspace.activations[l - 1], received: workspace.received[l - 1],
                                               receivedGradient: workspace.previousDelta, sentGradient: &workspace.delta)
            }
        }
        return result
    }

    /// The logits for a batch of inputs.
    public func logits(_ input: Matrix) -> Matrix {
        var workspace = BPWorkspace()
        forward(input, workspace: &workspace)
        return workspace.activations[layerCount - 1]
    }

    /// The predicted class of each input, computed in chunks.
    public func predict(_ images: Matrix, chunkSize: Int = 5000) -> [Int] {
        var result = [Int]()
        var chunk = Matrix(rows: 0, columns: 0)
        var part = [Int]()
        var start = 0
        while start < images.rows {
            let n = min(chunkSize, images.rows - start)
            chunk.copyRows(from: images, range: start..<(start + n))
            logits(chunk).argmaxRows(into: &part)
            result.append(contentsOf: part)
            start += n
        }
        return result
    }
}

/// Buffers reused across backprop steps.
public struct BPWorkspace {
    var activations = [Matrix]()
    var received = [Matrix]()
    var delta = Matrix(rows: 0, columns: 0)
    var previousDelta = Matrix(rows: 0, columns: 0)
    /// Creates empty buffers; they grow on first use.
    public init() {}
}

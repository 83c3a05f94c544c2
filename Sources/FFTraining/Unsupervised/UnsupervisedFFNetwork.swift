import FFNumerics
import FFRandom

/// A network trained by unsupervised Forward-Forward (Hinton 2022 §3.2): FF
/// layers that see images only, and a linear softmax readout of the
/// normalised activities of the last few layers.
///
/// The layers are an ``FFNetwork`` without its own readout, used for its
/// executors, intended parameters and objectives; no label is ever overlaid.
/// The readout is digital and learns from measured activities only.
public final class UnsupervisedFFNetwork {
    /// The run's configuration.
    public let configuration: UnsupervisedFFConfiguration
    /// The FF layers.
    public let layers: FFNetwork
    /// The readout classifier (`nil` when ``FFConfiguration/readout`` is off).
    public internal(set) var readout: LinearReadout?
    /// Each layer's 0/1 connectivity when ``UnsupervisedSettings/receptiveFields``
    /// is set (`nil`: fully connected); the trainer masks the weight gradients with it.
    public let connectivity: [Matrix]?

    /// Creates a network and programs its executors with initial parameters.
    /// - Parameters:
    ///   - configuration: The run's configuration.
    ///   - inputSize: Number of input pixels.
    ///   - random: Source of the initial weights (its `"init"` and `"readout"` streams are used).
    ///   - makeExecutor: Makes the executor of layer `index`; defaults to exact ``DigitalLayer``s.
    public init(
        configuration: UnsupervisedFFConfiguration, inputSize: Int, random: RandomGenerator,
        makeExecutor: ((_ index: Int, _ inputSize: Int, _ outputSize: Int) -> any LayerExecutor)? = nil
    ) {
        self.configuration = configuration
        connectivity = Self.connectivity(configuration, inputSize: inputSize)
        layers = FFNetwork(configuration: Self.layerConfiguration(configuration), inputSize: inputSize,
                           random: random, connectivity: connectivity, makeExecutor: makeExecutor)
        if configuration.ff.readout {
            readout = LinearReadout(features: readoutFeatureCount, classes: configuration.ff.overlay.classes,
                                    optimizer: readoutOptimizer, random: random.derived(stream: "readout"))
        }
    }

    /// Creates a network from saved parameters on exact digital executors.
    /// - Parameters:
    ///   - configuration: The configuration it was trained with.
    ///   - inputSize: Number of input pixels.
    ///   - parameters: Every layer's parameters.
    ///   - readout: The readout's parameters, if any.
    public init(configuration: UnsupervisedFFConfiguration, inputSize: Int, parameters: [LayerParameters],
                readout: LayerParameters?) {
        self.configuration = configuration
        connectivity = Self.connectivity(configuration, inputSize: inputSize)
        layers = FFNetwork(configuration: Self.layerConfiguration(configuration), inputSize: inputSize,
                           parameters: parameters, readout: nil)
        self.readout = readout.map { LinearReadout(parameters: $0, optimizer: readoutOptimizer) }
    }

    /// The FF layers' configuration: the shared one without the supervised readout.
    private static func layerConfiguration(_ c: UnsupervisedFFConfiguration) -> FFConfiguration {
        var ff = c.ff
        ff.readout = false
        return ff
    }

    /// The layers' masks for the configured receptive fields (`nil` when the
    /// layers are fully connected, or when the image shape or the sizes do not
    /// fit, which ``UnsupervisedFFTrainer/fit(train:test:epochs:resumingFrom:checkpointWhen:checkpoint:progress:)``
    /// reports before it trains).
    private static func connectivity(_ c: UnsupervisedFFConfiguration, inputSize: Int) -> [Matrix]? {
        guard let fields = c.settings.receptiveFields, let shape = try? c.imageShape(pixels: inputSize),
              (try? fields.validate(hiddenSizes: c.ff.hiddenSizes, imageWidth: shape.width, imageHeight: shape.height)) != nil
        else { return nil }
        return fields.masks(hiddenSizes: c.ff.hiddenSizes, imageWidth: shape.width, imageHeight: shape.height)
    }

    /// Number of hidden layers.
    public var layerCount: Int { layers.layerCount }

    /// The layers read out: the last ``UnsupervisedSettings/readoutLayerCount`` (all when there are fewer).
    public var readoutLayers: Range<Int> { max(0, layerCount - configuration.settings.readoutLayerCount)..<layerCount }

    var readoutFeatureCount: Int { readoutLayers.reduce(0) { $0 + configuration.ff.hiddenSizes[$1] } }

    /// Column of the readout features where layer `l`'s activities start.
    func featureOffset(of l: Int) -> Int {
        readoutLayers.prefix { $0 < l }.reduce(0) { $0 + configuration.ff.hiddenSizes[$1] }
    }

    var readoutOptimizer: OptimizerConfiguration {
        var o = configuration.ff.optimizer
        o.weightDecay = configuration.ff.readoutWeightDecay
        return o
    }

    /// Copies `images` into `input`, normalised when the configuration says so.
    func prepareInput(_ images: Matrix, into input: inout Matrix) {
        input.copyRows(from: images, range: 0..<images.rows)
        if configuration.ff.normalizeInput { layers.normalizeForNextLayer(&input) }
    }

    /// The readout features: the normalised activities of ``readoutLayers``, side by side.
    /// - Parameter images: `n × pixels` images.
    public func readoutFeatures(_ images: Matrix) -> Matrix {
        var x = Matrix(rows: 0, columns: 0)
        prepareInput(images, into: &x)
        var features = Matrix(rows: images.rows, columns: readoutFeatureCount)
        var output = Matrix(rows: 0, columns: 0)
        for l in 0..<layerCount {
            layers.executors[l].forward(x, into: &output)
            layers.normalizeForNextLayer(&output)
            if readoutLayers.contains(l) { features.setColumns(featureOffset(of: l), from: output) }
            layers.executors[l].transmit(output, into: &x)
        }
        return features
    }

    /// The readout's prediction for each image, or `nil` without a readout.
    /// - Parameters:
    ///   - images: `n × pixels` images.
    ///   - chunkSize: Images processed at once.
    public func predict(_ images: Matrix, chunkSize: Int = 5000) -> [Int]? {
        guard let readout else { return nil }
        var result = [Int]()
        result.reserveCapacity(images.rows)
        images.forEachRowChunk(chunkSize) { chunk, _ in
            result.append(contentsOf: readout.predict(features: readoutFeatures(chunk)))
        }
        return result
    }

    /// The trainer-side state: intended parameters and the readout.
    public func saveTrainerState() -> FFNetwork.TrainerState {
        FFNetwork.TrainerState(parameters: layers.parameters, readout: readout)
    }

    /// Restores a state saved by ``saveTrainerState()``; restore the executors separately.
    public func restoreTrainerState(_ state: FFNetwork.TrainerState) {
        layers.parameters = state.parameters
        readout = state.readout
    }
}

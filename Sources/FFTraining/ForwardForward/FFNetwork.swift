import FFNumerics
import FFRandom

/// A stack of Forward-Forward layers running on ``LayerExecutor``s, with the
/// trainer's own record of the parameters it has written to them.
///
/// The network predicts in two ways: by goodness (the label whose overlay
/// makes the summed goodness largest) and by a linear readout of the
/// normalised activities for the neutral label.
public final class FFNetwork {
    /// The run's configuration.
    public let configuration: FFConfiguration
    /// Number of input pixels.
    public let inputSize: Int
    /// Where each layer computes.
    public let executors: [any LayerExecutor]
    /// The parameters the trainer intends each layer to hold: everything it
    /// has programmed, plus every increment it has written.
    public internal(set) var parameters: [LayerParameters]
    /// The FF objective of each layer.
    public internal(set) var objectives: [any GoodnessFunction]
    /// The readout classifier, if trained.
    public internal(set) var readout: LinearReadout?
    /// Buffers reused by ``goodnessScores(_:chunkSize:)``.
    private var scratch = ScoreWorkspace()
    /// For each layer, the fraction of its input columns that the last
    /// ``goodnessScores(_:chunkSize:)`` call multiplied (see ``skipsZeroInputs``;
    /// 1 where the product was dense).
    public private(set) var lastScoringInputUse = [Double]()
    /// Share the first layer's image product between label overlays when the
    /// first layer is an ``ExactLinearLayer`` (see ``SharedFirstLayer``). The
    /// results are the same up to Float rounding order; turn it off to run
    /// every overlay as its own product (the naive path, for tests and benchmarks).
    public var sharesFirstLayerProduct = true
    /// Skip, in the goodness-scoring pass, the inputs of layers 2..N that are
    /// zero for a whole block of rows (``ZeroColumnSkippingProduct``) when the
    /// layer is an ``ExactLinearLayer``. Same results up to Float rounding
    /// order; turn it off for the naive path.
    public var skipsZeroInputs = true

    /// Creates a network and programs its executors with initial parameters.
    /// - Parameters:
    ///   - configuration: The run's configuration.
    ///   - inputSize: Number of input pixels.
    ///   - random: Source of the initial weights (its `"init"` stream is used).
    ///   - connectivity: Optional 0/1 masks, one per layer in the layout of its
    ///     weights: the initial weights outside them are zero
    ///     (``LocalReceptiveFields/restrict(_:to:initialization:)``) before
    ///     the executors are programmed. Only the initial weights are
    ///     restricted here: ``UnsupervisedFFTrainer`` keeps them restricted by
    ///     masking the gradient; the supervised trainers do not.
    ///   - makeExecutor: Makes the executor of layer `index` with the given
    ///     input and output sizes; defaults to exact ``DigitalLayer``s.
    public init(
        configuration: FFConfiguration, inputSize: Int, random: RandomGenerator, connectivity: [Matrix]? = nil,
        makeExecutor: ((_ index: Int, _ inputSize: Int, _ outputSize: Int) -> any LayerExecutor)? = nil
    ) {
        self.configuration = configuration
        self.inputSize = inputSize
        let initRandom = random.derived(stream: "init")
        var sizes = [inputSize]
        sizes.append(contentsOf: configuration.hiddenSizes)
        var params = [LayerParameters]()
        var execs = [any LayerExecutor]()
        for l in 0..<configuration.hiddenSizes.count {
            var p = LayerParameters(inputSize: sizes[l], outputSize: sizes[l + 1],
                                    initialization: configuration.initialization, random: initRandom)
            if let connectivity {
                LocalReceptiveFields.restrict(&p, to: connectivity[l], initialization: configuration.initialization)
            }
            let e = makeExecutor?(l, sizes[l], sizes[l + 1])
                ?? DigitalLayer(parameters: p, activation: .relu)
            e.program(p)
            params.append(p)
            execs.append(e)
        }
        parameters = params
        executors = execs
        let objective = configuration.goodness.make(classes: configuration.overlay.classes)
        objectives = Array(repeating: objective, count: params.count)
        if configuration.readout {
            readout = LinearReadout(features: readoutFeatureCount, classes: configuration.overlay.classes,
                                    optimizer: readoutOptimizer, random: random.derived(stream: "readout"))
        }
    }

    /// Creates a network from saved parameters on exact digital executors.
    /// - Parameters:
    ///   - configuration: The configuration it was trained with.
    ///   - inputSize: Number of input pixels.
    ///   - parameters: Every layer's parameters.
    ///   - readout: The readout's parameters, if any.
    public init(configuration: FFConfiguration, inputSize: Int, parameters: [LayerParameters], readout: LayerParameters?) {
        self.configuration = configuration
        self.inputSize = inputSize
        self.parameters = parameters
        executors = parameters.map { DigitalLayer(parameters: $0, activation: .relu) }
        objectives = Array(repeating: configuration.goodness.make(classes: configuration.overlay.classes), count: parameters.count)
        self.readout = nil
        if let readout {
            self.readout = LinearReadout(parameters: readout, optimizer: readoutOptimizer)
        }
    }

    /// Number of layers.
    public var layerCount: Int { executors.count }

    /// What the trainer keeps besides the hardware: the intended parameters
    /// and the readout (with its optimizer state).
    public struct TrainerState {
        let parameters: [LayerParameters]
        let readout: LinearReadout?
    }

    /// Saves the trainer-side state (not the executors').
    public func saveTrainerState() -> TrainerState { TrainerState(parameters: parameters, readout: readout) }

    /// Restores a state saved by ``saveTrainerState()``; restore the
    /// executors' own state separately.
    public func restoreTrainerState(_ state: TrainerState) {
        parameters = state.parameters
        readout = state.readout
    }

    /// The layers whose normalised activities feed the readout: 2..N, or the
    /// only layer of a one-layer network.
    public var readoutLayers: Range<Int> { configuration.readoutLayers }

    var readoutFeatureCount: Int { configuration.readoutFeatureCount }

    var readoutOptimizer: OptimizerConfiguration { configuration.readoutOptimizer }

    // MARK: Building inputs

    /// Copies `images`, overlays labels and applies the input normalisation.
    /// - Parameters:
    ///   - images: `batch × pixels` images.
    ///   - label: What to overlay.
    ///   - result: Receives the layer-1 input.
    func makeInput(_ images: Matrix, label: OverlayLabel, into result: inout Matrix) {
        configuration.makeInput(images, label: label, into: &result)
    }

    /// Normalises a layer's output in place so only its direction passes on.
    func normalizeForNextLayer(_ activations: inout Matrix) {
        configuration.normalizeForNextLayer(&activations)
    }

    // MARK: Prediction

    /// Goodness summed over the prediction layers for every candidate label.
    /// - Parameters:
    ///   - images: `n × pixels` images (label pixels are overwritten).
    ///   - chunkSize: Images processed at once (memory is 10 × chunk × width).
    /// - Returns: `n × classes` scores.
    public func goodnessScores(_ images: Matrix, chunkSize: Int = 1000) -> Matrix {
        var scores = Matrix(rows: images.rows, columns: configuration.overlay.classes)
        // Buffers live in `scratch` so that per-batch calls (hard negatives) reuse them.
        var w = scratch
        scratch = ScoreWorkspace()
        w.usedInputs.removeAll(keepingCapacity: true)
        w.totalInputs.removeAll(keepingCapacity: true)
        defer {
            lastScoringInputUse = w.inputUse(layers: layerCount)
            scratch = w
        }
        scoreEveryLabel(images, chunkSize: chunkSize, workspace: &w) { l, output, start, goodness in
            guard configuration.predictionLayers.includes(l, of: layerCount) else { return }
            let n = goodness.count / scores.columns
            for c in 0..<scores.columns {
                for i in 0..<n { scores[start + i, c] += goodness[c * n + i] }
            }
        }
        return scores
    }

    /// Runs every image of `images` with every label through the network, in
    /// chunks, and hands each layer's output and goodness to `body`.
    ///
    /// The labels of a chunk of n images form one tall batch: rows
    /// c·n ..< (c+1)·n carry label c. On an ``ExactLinearLayer`` first layer
    /// the image product is shared between labels (``SharedFirstLayer``).
    /// - Parameters:
    ///   - images: `n × pixels` images (label pixels are overwritten).
    ///   - chunkSize: Images per chunk.
    ///   - w: Reused buffers.
    ///   - body: Called per chunk and layer with the layer index, its
    ///     `(classes · n) × units` output, the chunk's first image and the
    ///     layer's goodness per row.
    func scoreEveryLabel(_ images: Matrix, chunkSize: Int, workspace w: inout ScoreWorkspace,
                         _ body: (_ layer: Int, _ output: Matrix, _ start: Int, _ goodness: [Float]) -> Void) {
        let classes = configuration.overlay.classes
        var start = 0
        while start < images.rows {
            let n = min(chunkSize, images.rows - start)
            w.chunk.copyRows(from: images, range: start..<(start + n))
            let shared = SharedFirstLayer.applies(to: self)
            if shared {
                // One product for the images; each label adds its own column term.
                w.shared.prepare(w.chunk, network: self)
                w.output.reshape(rows: classes * n, columns: configuration.hiddenSizes[0])
                for c in 0..<classes { w.shared.output(.single(c), network: self, into: &w.output, rowOffset: c * n) }
                executors[0].activation.apply(&w.output)
            } else {
                w.stacked.reshape(rows: classes * n, columns: images.columns)
                for c in 0..<classes {
                    makeInput(w.chunk, label: .single(c), into: &w.input)
                    w.stacked.setRows(c * n, from: w.input)
                }
            }
            for l in 0..<layerCount {
                if l > 0, skipsZeroInputs, let exact = executors[l] as? any ExactLinearLayer {
                    w.sparse.resetStatistics()
                    exact.forward(w.x, into: &w.output, skippingZeroColumns: &w.sparse)
                    w.recordInputUse(layer: l, used: w.sparse.usedColumns, total: w.sparse.totalColumns)
                } else if l > 0 || !shared {
                    executors[l].forward(l == 0 ? w.stacked : w.x, into: &w.output)
                }
                objectives[l].goodness(w.output, into: &w.goodness)
                body(l, w.output, start, w.goodness)
                if l + 1 < layerCount {
                    normalizeForNextLayer(&w.output)
                    executors[l].transmit(w.output, into: &w.x)
                }
            }
            start += n
        }
    }

    /// The label with the highest summed goodness for each image.
    public func predictByGoodness(_ images: Matrix) -> [Int] {
        var result = [Int]()
        goodnessScores(images).argmaxRows(into: &result)
        return result
    }

    /// The readout features (normalised activities of ``readoutLayers``, side
    /// by side) for the neutral label.
    /// - Parameter images: `n × pixels` images.
    public func readoutFeatures(_ images: Matrix) -> Matrix {
        var x = Matrix(rows: 0, columns: 0)
        makeInput(images, label: .neutral, into: &x)
        var features = Matrix(rows: images.rows, columns: readoutFeatureCount)
        var output = Matrix(rows: 0, columns: 0)
        var column = 0
        for l in 0..<layerCount {
            executors[l].forward(x, into: &output)
            normalizeForNextLayer(&output)
            if readoutLayers.contains(l) {
                features.setColumns(column, from: output)
                column += output.columns
            }
            executors[l].transmit(output, into: &x)
        }
        return features
    }

    /// The readout's prediction for each image, or `nil` without a readout.
    public func predictByReadout(_ images: Matrix, chunkSize: Int = 5000) -> [Int]? {
        guard let readout else { return nil }
        var result = [Int]()
        result.reserveCapacity(images.rows)
        var chunk = Matrix(rows: 0, columns: 0)
        var start = 0
        while start < images.rows {
            let n = min(chunkSize, images.rows - start)
            chunk.copyRows(from: images, range: start..<(start + n))
            result.append(contentsOf: readout.predict(features: readoutFeatures(chunk)))
            start += n
        }
        return result
    }
}

/// Buffers of a goodness-scoring pass.
struct ScoreWorkspace {
    var chunk = Matrix(rows: 0, columns: 0)
    var stacked = Matrix(rows: 0, columns: 0)
    var input = Matrix(rows: 0, columns: 0)
    var x = Matrix(rows: 0, columns: 0)
    var output = Matrix(rows: 0, columns: 0)
    var goodness = [Float]()
    var shared = SharedFirstLayer()
    var sparse = ZeroColumnSkippingProduct()
    /// Per layer: input columns the skipping products used, and the columns
    /// dense products would have used, in the current scoring call.
    var usedInputs = [Int]()
    var totalInputs = [Int]()

    mutating func recordInputUse(layer: Int, used: Int, total: Int) {
        if usedInputs.count <= layer {
            usedInputs += repeatElement(0, count: layer + 1 - usedInputs.count)
            totalInputs += repeatElement(0, count: layer + 1 - totalInputs.count)
        }
        usedInputs[layer] += used
        totalInputs[layer] += total
    }

    /// The fraction of each layer's input columns the scoring products used (1: dense).
    func inputUse(layers: Int) -> [Double] {
        (0..<layers).map { l in
            l < totalInputs.count && totalInputs[l] > 0 ? Double(usedInputs[l]) / Double(totalInputs[l]) : 1
        }
    }
}

/// What a network input carries in its label pixels.
enum OverlayLabel {
    case labels([Int32])
    case single(Int)
    case neutral
}


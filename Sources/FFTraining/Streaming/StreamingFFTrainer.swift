import FFNumerics
import FFRandom

/// Layerwise Forward-Forward that keeps only the layer being trained in
/// memory ("ff-stream").
///
/// Layer `l` is trained to completion from its inputs for the whole training
/// set, which are read batch by batch from ``ActivationFile``s in the store's
/// scratch directory. Only layer `l`'s parameters, its gradient, its optimizer
/// state and one batch of activations are resident. When the layer is done it
/// is written to the ``LayerStore``, its normalised outputs for the training
/// set are written chunk by chunk as the next layer's input files, and it is
/// dropped. Memory therefore does not depend on the depth of the network.
///
/// The schedule is ``LayerSchedule/layerwise`` with negatives drawn once for
/// the run (``FFConfiguration/fixedNegatives``): a layer's inputs must not
/// depend on layers no longer in memory. With the same seed this trainer makes
/// the same parameters as ``FFTrainer`` on such a configuration (bit for bit
/// when ``chunkSize`` covers the training set, so every product has the
/// shapes ``FFTrainer`` uses; otherwise BLAS may round differently).
///
/// The readout, if configured, is trained after the last layer as
/// ``FFTrainer`` does, on features gathered from per-layer files. Its weights
/// (`classes ×` the summed widths of the readout layers) and one batch of
/// features are the only memory that grows with depth. Evaluate the result
/// with ``StreamingFFNetwork``.
public final class StreamingFFTrainer {
    /// The run's configuration.
    public let configuration: FFConfiguration
    /// Number of input pixels.
    public let inputSize: Int
    /// Where finished layers go.
    public let store: any LayerStore
    /// Seed of the initial weights, shuffling and negative labels (as the
    /// seed given to both ``FFNetwork`` and ``FFTrainer``).
    public let seed: UInt64
    /// Rows per product when a finished layer's outputs are written.
    public var chunkSize: Int

    // Reused buffers: one set for the whole run.
    private var xPos = Matrix(rows: 0, columns: 0)
    private var xNeg = Matrix(rows: 0, columns: 0)
    private var yPos = Matrix(rows: 0, columns: 0)
    private var yNeg = Matrix(rows: 0, columns: 0)
    private var gPos = Matrix(rows: 0, columns: 0)
    private var gNeg = Matrix(rows: 0, columns: 0)
    private var labels = [Int32]()

    /// Creates a trainer.
    /// - Parameters:
    ///   - configuration: A layerwise configuration with fixed negatives.
    ///   - inputSize: Number of input pixels.
    ///   - store: Where finished layers and scratch files go.
    ///   - seed: Seed of every random stream.
    ///   - chunkSize: Rows per product when layer outputs are written.
    public init(configuration: FFConfiguration, inputSize: Int, store: any LayerStore, seed: UInt64,
                chunkSize: Int = 1000) {
        self.configuration = configuration
        self.inputSize = inputSize
        self.store = store
        self.seed = seed
        self.chunkSize = max(1, chunkSize)
    }

    /// Checks that a configuration can be trained by streaming.
    /// - Throws: ``StreamingError/unsupported(_:)`` naming what to change.
    public static func validate(_ configuration: FFConfiguration) throws(StreamingError) {
        guard !configuration.hiddenSizes.isEmpty else { throw .unsupported("no hidden layers") }
        guard configuration.schedule == .layerwise else {
            throw .unsupported("it trains one layer after the other; set the schedule to layerwise")
        }
        guard configuration.fixedNegatives else {
            throw .unsupported("a layer's inputs are computed once, so negatives must be fixed for the run")
        }
        guard !configuration.negatives.make().needsScores else {
            throw .unsupported("\(configuration.negatives.rawValue) negatives need the whole network's scores; use random or permutation (--negatives random)")
        }
        guard configuration.goodness.negativesPerPositive(classes: configuration.overlay.classes) <= 1 else {
            throw .unsupported("goodness \(configuration.goodness.cliName) needs several negatives per positive; use one with a single negative (e.g. --goodness sum-squares or symba)")
        }
        // Its layer step has none of these extra terms; refuse them rather than ignore them.
        guard configuration.peerNormalization == nil else {
            throw .unsupported("it has no peer normalisation; drop --peer-norm, or pass --peer-norm none to turn a recipe's off")
        }
        guard configuration.decorrelation == nil else {
            throw .unsupported("it has no decorrelation term; drop --decorrelation or pass --decorrelation none")
        }
        guard (configuration.activationGradient ?? .nominal) == .nominal else {
            throw .unsupported("it uses the nominal ReLU derivative only; pass --activation-gradient nominal")
        }
    }

    /// Trains every layer in turn, then the readout if configured.
    /// - Parameters:
    ///   - train: Training examples (pixels already prepared).
    ///   - progress: Receives progress events.
    /// - Returns: The per-epoch history, as ``FFTrainer`` reports it for the layerwise schedule.
    /// - Throws: ``StreamingError`` for an unsupported configuration or failed file access,
    ///   ``TrainingError`` when the data does not fit or training diverges.
    public func fit(train: Examples, progress: ProgressHandler = { _ in }) throws -> [EpochRecord] {
        try Self.validate(configuration)
        guard train.count > 0 else { throw TrainingError.invalidConfiguration("no training examples") }
        guard train.images.columns == inputSize else {
            throw TrainingError.invalidConfiguration(
                "network expects \(inputSize) pixels per image, data has \(train.images.columns)")
        }
        let config = configuration
        let layerCount = config.hiddenSizes.count
        let sizes = [inputSize] + config.hiddenSizes
        let random = RandomGenerator(seed: seed)
        let initRandom = random.derived(stream: "init")
        let shuffle = random.derived(stream: "shuffle")
        let negatives = config.negatives.make().negativeLabels(
            for: train.labels, scores: nil, classes: config.overlay.classes, random: random.derived(stream: "negatives"))

        var inputs = try writeFirstInputs(train, negatives: negatives)
        var featureFiles = [ActivationFile]()
        let steps = (train.count + config.batchSize - 1) / config.batchSize
        var order = Array(0..<train.count)
        var history = [EpochRecord]()
        for l in 0..<layerCount {
            // Layer l's parameters are drawn when it starts, in the order FFNetwork draws them.
            var parameters = LayerParameters(inputSize: sizes[l], outputSize: sizes[l + 1],
                                             initialization: config.initialization, random: initRandom)
            try trainLayer(l, &parameters, inputs: inputs, steps: steps, order: &order, shuffle: shuffle,
                           count: train.count, history: &history, progress: progress)
            try store.writeLayer(parameters, index: l)
            inputs = try passOn(inputs, through: parameters, layer: l, featureFiles: &featureFiles)
        }
        if config.readout {
            var record = history.removeLast()
            let start = WallClock.seconds()
            record.readoutLoss = try trainReadout(features: featureFiles, labels: train.labels, random: random, shuffle: shuffle)
            record.seconds += WallClock.seconds() - start
            history.append(record)
            progress(.epochFinished(record))
        }
        for file in featureFiles { file.remove() }
        return history
    }

    /// The files holding one layer's inputs for the whole training set.
    struct LayerInputs {
        var positive: ActivationFile?
        var negative: ActivationFile?
        var neutral: ActivationFile?

        func remove(keepingNeutral: Bool) {
            positive?.remove()
            negative?.remove()
            if !keepingNeutral { neutral?.remove() }
        }
    }

    private func scratchPath(_ name: String) -> String {
        store.scratchDirectory + "/" + name + ".f32"
    }

    /// Writes the label-overlaid, normalised first-layer inputs of every example.
    private func writeFirstInputs(_ train: Examples, negatives: [Int32]) throws(StreamingError) -> LayerInputs {
        let inputs = LayerInputs(
            positive: try ActivationFile(creating: scratchPath("input-0-positive"), columns: inputSize),
            negative: try ActivationFile(creating: scratchPath("input-0-negative"), columns: inputSize),
            neutral: configuration.readout ? try ActivationFile(creating: scratchPath("input-0-neutral"), columns: inputSize) : nil)
        var start = 0
        while start < train.count {
            let range = start..<min(start + chunkSize, train.count)
            xNeg.copyRows(from: train.images, range: range)
            configuration.makeInput(xNeg, label: .labels(Array(train.labels[range])), into: &xPos)
            try inputs.positive!.append(xPos)
            configuration.makeInput(xNeg, label: .labels(Array(negatives[range])), into: &xPos)
            try inputs.negative!.append(xPos)
            if let neutral = inputs.neutral {
                configuration.makeInput(xNeg, label: .neutral, into: &xPos)
                try neutral.append(xPos)
            }
            start = range.upperBound
        }
        return inputs
    }

    /// Trains one layer for all its epochs.
    private func trainLayer(_ l: Int, _ parameters: inout LayerParameters, inputs: LayerInputs, steps: Int,
                            order: inout [Int], shuffle: RandomGenerator, count: Int,
                            history: inout [EpochRecord], progress: ProgressHandler) throws {
        let config = configuration
        let layerCount = config.hiddenSizes.count
        let objective = config.goodness.make(classes: config.overlay.classes)
        var optimizer = ParameterOptimizer(config.optimizer, inputSize: parameters.inputSize, outputSize: parameters.outputSize)
        var gradient = LayerParameters(inputSize: parameters.inputSize, outputSize: parameters.outputSize)
        for epoch in 0..<config.epochs {
            progress(.epochStarted(epoch: epoch + 1, epochs: config.epochs, layer: l, steps: steps))
            let start = WallClock.seconds()
            if steps > 1 { shuffle.shuffle(&order) }
            var layerLoss = 0.0
            for s in 0..<steps {
                let lr = config.learningRate * config.learningRateSchedule.factor(
                    epoch: epoch, step: s, stepsPerEpoch: steps, epochs: config.epochs)
                let lo = s * config.batchSize
                try order[lo..<min(lo + config.batchSize, count)].withContiguousStorageIfAvailable { indices in
                    try inputs.positive!.gather(rows: indices, into: &xPos)
                    try inputs.negative!.gather(rows: indices, into: &xNeg)
                }
                DigitalLayer.linear(xPos, parameters, into: &yPos)
                Activation.relu.apply(&yPos)
                DigitalLayer.linear(xNeg, parameters, into: &yNeg)
                Activation.relu.apply(&yNeg)
                let loss = objective.loss(positive: yPos, negative: yNeg, positiveGradient: &gPos, negativeGradient: &gNeg)
                if !(objective is any RowScaledGoodness) {  // else the mask changes nothing
                    Activation.relu.backpropagate(&gPos, output: yPos)
                    Activation.relu.backpropagate(&gNeg, output: yNeg)
                }
                gradient.setGradient(input: xPos, outputGradient: gPos)
                gradient.setGradient(input: xNeg, outputGradient: gNeg, accumulate: true)
                optimizer.step(&parameters, gradient: gradient, learningRate: lr)
                guard loss.isFinite else { throw TrainingError.diverged(epoch: epoch + 1, layer: l, learningRate: lr) }
                layerLoss += loss
                progress(.step(step: s + 1, steps: steps, loss: loss))
            }
            let record = EpochRecord(epoch: epoch + 1, layer: l, loss: layerLoss / Double(steps),
                                     seconds: WallClock.seconds() - start)
            history.append(record)
            // The very last record is reported once the readout has trained.
            if !(config.readout && l == layerCount - 1 && epoch + 1 == config.epochs) {
                progress(.epochFinished(record))
            }
        }
    }

    /// Writes layer `l`'s normalised outputs for every example as the next
    /// layer's inputs (and as readout features) and deletes its own inputs.
    private func passOn(_ inputs: LayerInputs, through parameters: LayerParameters, layer l: Int,
                        featureFiles: inout [ActivationFile]) throws(StreamingError) -> LayerInputs {
        let isLast = l + 1 == configuration.hiddenSizes.count
        var next = LayerInputs()
        if !isLast {
            next.positive = try propagate(inputs.positive!, through: parameters, to: scratchPath("input-\(l + 1)-positive"))
            next.negative = try propagate(inputs.negative!, through: parameters, to: scratchPath("input-\(l + 1)-negative"))
        }
        if let neutral = inputs.neutral {
            // Layer l's neutral outputs are layer l + 1's neutral inputs and layer l's readout features.
            let features = try propagate(neutral, through: parameters, to: scratchPath("features-\(l)"))
            if configuration.readoutLayers.contains(l) { featureFiles.append(features) }
            if !isLast { next.neutral = features } else if !configuration.readoutLayers.contains(l) { features.remove() }
        }
        // Layer l's neutral inputs are layer l − 1's features: kept while the readout needs them.
        inputs.remove(keepingNeutral: l > 0 && configuration.readoutLayers.contains(l - 1))
        return next
    }

    /// Runs every row of `input` through one layer and the normalisation into a new file.
    private func propagate(_ input: ActivationFile, through parameters: LayerParameters,
                           to path: String) throws(StreamingError) -> ActivationFile {
        let output = try ActivationFile(creating: path, columns: parameters.outputSize)
        var start = 0
        while start < input.rows {
            let end = min(start + chunkSize, input.rows)
            try input.read(rows: start..<end, into: &xPos)
            DigitalLayer.linear(xPos, parameters, into: &yPos)
            Activation.relu.apply(&yPos)
            configuration.normalizeForNextLayer(&yPos)
            try output.append(yPos)
            start = end
        }
        return output
    }

    /// Trains the readout as ``FFTrainer`` does after layerwise FF: minibatches
    /// of 100 for ``FFTrainer/readoutEpochsAfterLayerwise`` epochs, features
    /// gathered from the per-layer files.
    /// - Returns: The mean loss of the last epoch.
    private func trainReadout(features: [ActivationFile], labels allLabels: [Int32], random: RandomGenerator,
                              shuffle: RandomGenerator) throws -> Double {
        let config = configuration
        var readout = LinearReadout(features: config.readoutFeatureCount, classes: config.overlay.classes,
                                    optimizer: config.readoutOptimizer, random: random.derived(stream: "readout"))
        let count = allLabels.count
        let batch = 100
        var order = Array(0..<count)
        var lastLoss = 0.0
        for _ in 0..<FFTrainer.readoutEpochsAfterLayerwise {
            shuffle.shuffle(&order)
            lastLoss = 0
            var start = 0
            while start < count {
                let idx = order[start..<min(start + batch, count)]
                xPos.reshape(rows: idx.count, columns: config.readoutFeatureCount)
                var column = 0
                for file in features {
                    try idx.withContiguousStorageIfAvailable { try file.gather(rows: $0, into: &yPos) }
                    xPos.setColumns(column, from: yPos)
                    column += file.columns
                }
                labels.removeAll(keepingCapacity: true)
                for i in idx { labels.append(allLabels[i]) }
                lastLoss += readout.train(features: xPos, labels: labels, learningRate: config.readoutLearningRate)
                start += batch
            }
            lastLoss /= Double((count + batch - 1) / batch)
        }
        try store.writeReadout(readout.parameters)
        return lastLoss
    }
}

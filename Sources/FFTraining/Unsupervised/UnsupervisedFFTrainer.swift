import FFNumerics
import FFRandom

/// Trains an ``UnsupervisedFFNetwork`` (Hinton 2022 §3.2): every layer by FF
/// with real images as positive data and ``HybridNegatives`` as negative
/// data, without labels; the linear readout learns the labels from the
/// normalised activities of the positive pass, alongside, and optionally for
/// a few readout-only epochs at the end. Nothing flows from the readout into
/// the FF layers. The readout-only epochs run the learning-rate schedule
/// afresh over their own length (a decaying schedule would otherwise end the
/// FF epochs near 0 and jump back to the full rate).
///
/// The partner of each image in a hybrid is the image one batch further on
/// in the epoch's shuffled order, so it is always another real image.
public final class UnsupervisedFFTrainer {
    /// The network being trained.
    public let network: UnsupervisedFFNetwork
    private let random: RandomGenerator
    private let bits: GaussianStream
    private var updates: [FFLayerUpdate]
    private var batchImages = Matrix(rows: 0, columns: 0)
    private var batchLabels = [Int32]()
    private var partners = Matrix(rows: 0, columns: 0)
    private var partnerLabels = [Int32]()
    private var hybrids = Matrix(rows: 0, columns: 0)
    private var xPos = Matrix(rows: 0, columns: 0)
    private var xNeg = Matrix(rows: 0, columns: 0)
    private var yPos = Matrix(rows: 0, columns: 0)
    private var yNeg = Matrix(rows: 0, columns: 0)
    private var features = Matrix(rows: 0, columns: 0)
    /// Whether every FF epoch records each layer's ``LayerDiagnostics`` on the
    /// test set: real images against ``UnsupervisedFFNetwork/diagnosticHybrids(of:)``.
    /// It runs after the epoch's timing and draws from no trainer stream, so
    /// training on exact digital layers is bit-identical with and without it.
    public var recordsDiagnostics = false

    /// Creates a trainer.
    /// - Parameters:
    ///   - network: The network to train (its executors are written to).
    ///   - seed: Seed of the shuffling and of the hybrid masks.
    public init(network: UnsupervisedFFNetwork, seed: UInt64) {
        self.network = network
        random = RandomGenerator(seed: seed)
        bits = GaussianStream(seed: seed).derived(stream: "hybrid-masks")
        let ff = network.configuration.ff
        updates = network.layers.parameters.map {
            FFLayerUpdate(optimizer: ff.optimizer, inputSize: $0.inputSize, outputSize: $0.outputSize)
        }
        if let masks = network.connectivity {
            for l in updates.indices { updates[l].connectivity = masks[l] }
        }
    }

    /// Trains for the configured epochs (or `epochs`), then the readout alone
    /// for ``UnsupervisedSettings/readoutEpochs``.
    /// - Parameters:
    ///   - train: Training examples (labels reach the readout only).
    ///   - test: Test examples evaluated every ``FFConfiguration/evaluateEvery`` epochs.
    ///   - epochs: Overrides the configured number of FF epochs (e.g. a short recalibration).
    ///   - resumingFrom: A snapshot taken by an earlier run of the same
    ///     configuration, seed and data on exact digital layers: training
    ///     continues after its last epoch and gives the same bits as a run
    ///     that never stopped (at the same thread count).
    ///   - checkpoint: Called after every epoch with a fresh ``TrainerSnapshot``
    ///     when `checkpointWhen` says so.
    ///   - checkpointWhen: Which finished epochs (1-based, readout-only epochs
    ///     counted) get a snapshot; none by default.
    ///   - progress: Receives progress events.
    /// - Returns: The per-epoch history (a resumed run's includes the earlier
    ///   epochs); readout-only epochs have no layer losses.
    /// - Throws: ``TrainingError`` for a configuration that cannot be trained,
    ///   a diverging loss or a snapshot that does not fit; whatever `checkpoint` throws.
    public func fit(train: Examples, test: Examples?, epochs: Int? = nil, resumingFrom: TrainerSnapshot? = nil,
                    checkpointWhen: (Int) -> Bool = { _ in false },
                    checkpoint: (TrainerSnapshot) throws -> Void = { _ in },
                    progress: ProgressHandler = { _ in }) throws -> [EpochRecord] {
        let config = network.configuration
        try config.validate()
        guard train.count > 1 else { throw TrainingError.invalidConfiguration("unsupervised FF needs at least two training images") }
        let shape = try config.imageShape(pixels: train.images.columns)
        try config.settings.receptiveFields?.validate(hiddenSizes: config.ff.hiddenSizes,
                                                      imageWidth: shape.width, imageHeight: shape.height)
        guard train.images.columns == network.layers.inputSize else {
            throw TrainingError.invalidConfiguration(
                "network expects \(network.layers.inputSize) pixels per image, data has \(train.images.columns)")
        }
        let generator = HybridNegatives(width: shape.width, height: shape.height, blurPasses: config.settings.blurPasses)
        let ff = config.ff
        let epochs = epochs ?? ff.epochs
        let readoutEpochs = config.settings.readoutEpochs
        let steps = (train.count + ff.batchSize - 1) / ff.batchSize
        let shuffle = random.derived(stream: "shuffle")
        var order = Array(0..<train.count)
        var history = [EpochRecord]()
        let diagnosticNegatives = recordsDiagnostics ? try test.map { t throws(TrainingError) in
            try network.diagnosticHybrids(of: t.images)
        } : nil
        if let snapshot = resumingFrom {
            try snapshot.checkEpochs(total: epochs + readoutEpochs)
            try restore(snapshot, shuffle: shuffle, order: &order)
            history = snapshot.history
        }
        for epoch in history.count..<(epochs + readoutEpochs) {
            let ffEpoch = epoch < epochs
            progress(.epochStarted(epoch: epoch + 1, epochs: epochs + readoutEpochs, layer: nil, steps: steps))
            let start = WallClock.seconds()
            shuffle.shuffle(&order)
            var layerLosses = [Double](repeating: 0, count: network.layerCount)
            var readoutLoss = 0.0
            for s in 0..<steps {
                let factor = Self.learningRateFactor(ff.learningRateSchedule, epoch: epoch, step: s, stepsPerEpoch: steps,
                                                     ffEpochs: epochs, readoutEpochs: readoutEpochs)
                let lo = s * ff.batchSize
                let range = lo..<min(lo + ff.batchSize, train.count)
                train.gather(order[range], images: &batchImages, labels: &batchLabels)
                if ffEpoch {
                    let partnerIndices = range.map { order[($0 + ff.batchSize) % train.count] }
                    train.gather(partnerIndices[...], images: &partners, labels: &partnerLabels)
                    generator.makeNegatives(from: batchImages, partners: partners, into: &hybrids, random: bits)
                    let losses = trainLayers(learningRate: ff.learningRate * factor)
                    for l in losses.indices {
                        guard losses[l].isFinite else {
                            throw TrainingError.diverged(epoch: epoch + 1, layer: l, learningRate: ff.learningRate * factor)
                        }
                        layerLosses[l] += losses[l]
                    }
                } else {
                    features = network.readoutFeatures(batchImages)
                }
                if network.readout != nil {
                    readoutLoss += network.readout!.train(features: features, labels: batchLabels,
                                                          learningRate: ff.readoutLearningRate * factor)
                }
                progress(.step(step: s + 1, steps: steps, loss: layerLosses.reduce(0, +)))
            }
            var record = EpochRecord(
                epoch: epoch + 1, layer: nil, loss: layerLosses.reduce(0, +) / Double(steps),
                layerLosses: ffEpoch ? layerLosses.map { $0 / Double(steps) } : nil,
                readoutLoss: network.readout == nil ? nil : readoutLoss / Double(steps),
                seconds: WallClock.seconds() - start)
            let last = epoch + 1 == epochs + readoutEpochs
            if let test, (epoch + 1) % max(1, ff.evaluateEvery) == 0 || last,
               let predictions = network.predict(test.images) {
                record.testAccuracy = test.accuracy(of: predictions)
                record.testAccuracyReadout = record.testAccuracy
            }
            if ffEpoch, let test, let diagnosticNegatives {
                record.diagnostics = network.layerDiagnostics(test, hybrids: diagnosticNegatives)
            }
            history.append(record)
            progress(.epochFinished(record))
            if checkpointWhen(epoch + 1) { try checkpoint(snapshot(history: history, shuffle: shuffle, order: order)) }
        }
        return history
    }

    /// The learning-rate multiplier of a step: the FF epochs follow `schedule`
    /// over their own length, and the readout-only epochs that come after
    /// them run it afresh over theirs.
    /// - Parameters:
    ///   - schedule: The run's schedule.
    ///   - epoch: The epoch (0-based; readout-only epochs counted after the FF epochs).
    ///   - step: The step within the epoch (0-based).
    ///   - stepsPerEpoch: Steps per epoch.
    ///   - ffEpochs: FF epochs in the run.
    ///   - readoutEpochs: Readout-only epochs after them.
    static func learningRateFactor(_ schedule: LearningRateSchedule, epoch: Int, step: Int, stepsPerEpoch: Int,
                                   ffEpochs: Int, readoutEpochs: Int) -> Float {
        epoch < ffEpochs
            ? schedule.factor(epoch: epoch, step: step, stepsPerEpoch: stepsPerEpoch, epochs: ffEpochs)
            : schedule.factor(epoch: epoch - ffEpochs, step: step, stepsPerEpoch: stepsPerEpoch, epochs: readoutEpochs)
    }

    /// The trainer's state after the epochs of `history`.
    private func snapshot(history: [EpochRecord], shuffle: RandomGenerator, order: [Int]) -> TrainerSnapshot {
        var s = TrainerSnapshot(completedEpochs: history.count, history: history)
        s.put(layers: network.layers.parameters)
        s.put(updates: updates)
        network.readout?.save("readout", into: &s)
        s.put("shuffle", generator: shuffle)
        s.put("masks", stream: bits)
        s.put(order: order)
        return s
    }

    /// Puts the trainer, its network and its generators where `snapshot` left them.
    private func restore(_ snapshot: TrainerSnapshot, shuffle: RandomGenerator, order: inout [Int]) throws(TrainingError) {
        try snapshot.restore(layers: &network.layers.parameters, executors: network.layers.executors)
        try snapshot.restore(updates: &updates)
        if network.readout != nil { try network.readout!.restore("readout", from: snapshot) }
        try snapshot.restore("shuffle", generator: shuffle)
        try snapshot.restore("masks", stream: bits)
        order = try snapshot.order(count: order.count)
    }

    /// One FF step of every layer on the batch and its hybrids; leaves the
    /// positive pass's normalised activities of the readout layers in `features`.
    /// - Returns: Each layer's loss.
    private func trainLayers(learningRate: Float) -> [Double] {
        let layers = network.layers
        network.prepareInput(batchImages, into: &xPos)
        network.prepareInput(hybrids, into: &xNeg)
        features.reshape(rows: batchImages.rows, columns: network.readoutFeatureCount)
        var losses = [Double]()
        for l in 0..<network.layerCount {
            let executor = layers.executors[l]
            executor.forward(xPos, into: &yPos)
            executor.forward(xNeg, into: &yNeg)
            losses.append(updates[l].accumulate(
                objective: layers.objectives[l], configuration: network.configuration.ff,
                positive: LayerMeasurement(input: xPos, output: yPos, state: yPos, activation: executor.activation),
                negative: LayerMeasurement(input: xNeg, output: yNeg, state: yNeg, activation: executor.activation)))
            updates[l].apply(to: &layers.parameters[l], executor: executor, learningRate: learningRate)
            layers.normalizeForNextLayer(&yPos)
            layers.normalizeForNextLayer(&yNeg)
            if network.readoutLayers.contains(l) { features.setColumns(network.featureOffset(of: l), from: yPos) }
            executor.transmit(yPos, into: &xPos)
            executor.transmit(yNeg, into: &xNeg)
        }
        return losses
    }
}

import FFNumerics
import FFRandom

/// Trains a ``RecurrentFFNetwork`` with Forward-Forward on every layer at
/// every time step (Hinton 2022 §4).
///
/// For each batch the positive run carries the true labels on top and the
/// negative run wrong labels, chosen by ``FFConfiguration/negatives`` (the
/// samplers that need scores get ``RecurrentFFNetwork/singlePassScores(_:workspace:)``).
/// Both runs start from the same bottom-up pass and then iterate with
/// damping, stacked as one batch of twice the rows (each layer measures both
/// in one call; the dynamics act on every row alone). At each iteration
/// every layer adds its local FF gradient (only once the label has reached
/// it when ``RecurrentDynamics/trainsLabelFreeIterations`` is off): the
/// goodness loss of its damped state, times `1 − damping` (the earlier
/// state is held fixed), times the nominal activation derivative read off
/// the measured output, times the layer's own input. Each layer takes an
/// optimizer step after every iteration (``RecurrentDynamics/updateEveryIteration``),
/// or one step per batch with the mean over the iterations.
/// No derivative crosses a layer or a time step.
public final class RecurrentFFTrainer {
    /// The network being trained.
    public let network: RecurrentFFNetwork
    private let random: RandomGenerator
    private var updates: [FFLayerUpdate]
    /// The batch's bottom-up pass.
    private var bottomUp: RecurrentState
    /// The positive run (rows `0..<n`) and the negative run (rows `n..<2n`), stacked.
    private var runs: RecurrentState
    private var scoring: RecurrentState
    /// Buffers of ``NegativeScoring/prediction``.
    private var predictionScoring: PredictionWorkspace
    private var negativeScoreMatrix = Matrix(rows: 0, columns: 0)
    private var batchImages = Matrix(rows: 0, columns: 0)
    private var batchLabels = [Int32]()

    /// Whether every epoch record carries ``LayerDiagnostics`` of the test
    /// set (``RecurrentFFNetwork/layerDiagnostics(_:negativeLabels:chunkSize:)``).
    /// They are measured after the epoch's timing and draw on no training
    /// stream, so training on exact layers is bit-identical with and without them.
    public var recordsDiagnostics = false

    /// Whether each layer's weight gradient is computed only where it can be
    /// non-zero (``FFLayerUpdate/skipsZeroColumns``): the units that fired for
    /// some example of the batch, times the inputs that are non-zero for some
    /// example. On by default; the forward products follow
    /// ``RecurrentFFNetwork/skipsZeroInputs``.
    public var skipsZeroColumns: Bool {
        get { updates.allSatisfy(\.skipsZeroColumns) }
        set { for l in updates.indices { updates[l].skipsZeroColumns = newValue } }
    }

    /// Per layer, the fraction of the weight gradient's elements computed
    /// since the trainer was made (see ``skipsZeroColumns``).
    public var gradientUse: [Double] { updates.map(\.gradientUse) }

    /// Per layer, the fraction of input columns the training runs' forward
    /// products multiplied since the trainer was made (see
    /// ``RecurrentFFNetwork/skipsZeroInputs``; 1 when nothing was skipped).
    public var inputUse: [Double] {
        runs.products.map(\.usedFraction)
    }

    /// Creates a trainer.
    /// - Parameters:
    ///   - network: The network to train (its executors are written to).
    ///   - seed: Seed of the shuffling and negative-label streams.
    public init(network: RecurrentFFNetwork, seed: UInt64) {
        self.network = network
        random = RandomGenerator(seed: seed)
        let ff = network.configuration.ff
        updates = network.parameters.map {
            FFLayerUpdate(optimizer: ff.optimizer, inputSize: $0.inputSize, outputSize: $0.outputSize,
                          skipsZeroColumns: true)
        }
        bottomUp = RecurrentState(layers: network.layerCount)
        runs = bottomUp
        scoring = bottomUp
        predictionScoring = PredictionWorkspace(layers: network.layerCount)
    }

    /// Trains for the configured epochs, or for `epochs` when given.
    /// - Parameters:
    ///   - train: Training examples (pixels already prepared).
    ///   - test: Test examples evaluated every ``FFConfiguration/evaluateEvery`` epochs.
    ///   - epochs: Overrides the configured number of epochs (e.g. a short recalibration).
    ///   - resumingFrom: A snapshot taken by an earlier run of the same
    ///     configuration, seed and data on exact digital layers: training
    ///     continues after its last epoch with the same bits as a run that
    ///     never stopped (at the same thread count).
    ///   - checkpointWhen: Which finished epochs (1-based) get a snapshot; none by default.
    ///   - checkpoint: Receives those snapshots.
    ///   - progress: Receives progress events.
    /// - Returns: The per-epoch history (a resumed run's includes the earlier epochs).
    /// - Throws: ``TrainingError`` for a configuration that cannot be trained,
    ///   a diverging loss or a snapshot that does not fit; whatever `checkpoint` throws.
    public func fit(train: Examples, test: Examples?, epochs: Int? = nil, resumingFrom: TrainerSnapshot? = nil,
                    checkpointWhen: (Int) -> Bool = { _ in false },
                    checkpoint: (TrainerSnapshot) throws -> Void = { _ in },
                    progress: ProgressHandler = { _ in }) throws -> [EpochRecord] {
        let config = network.configuration
        try config.validate()
        guard train.count > 0 else { throw TrainingError.invalidConfiguration("no training examples") }
        guard train.images.columns == network.inputSize else {
            throw TrainingError.invalidConfiguration("network expects \(network.inputSize) pixels per image, data has \(train.images.columns)")
        }
        let ff = config.ff
        let epochs = epochs ?? ff.epochs
        let steps = (train.count + ff.batchSize - 1) / ff.batchSize
        let shuffle = random.derived(stream: "shuffle")
        let negatives = random.derived(stream: "negatives")
        let shifts = random.derived(stream: "jitter")
        let jitter = try self.jitter(pixels: network.inputSize)
        var jitterScratch = [Float]()
        let sampler = ff.makeNegativeSampler()
        var order = Array(0..<train.count)
        var history = [EpochRecord]()
        if let snapshot = resumingFrom {
            try snapshot.checkEpochs(total: epochs)
            try snapshot.restore(layers: &network.parameters, executors: network.executors)
            try snapshot.restore(updates: &updates)
            try snapshot.restore("shuffle", generator: shuffle)
            try snapshot.restore("negatives", generator: negatives)
            if jitter != nil { try snapshot.restore("jitter", generator: shifts) }
            order = try snapshot.order(count: order.count)
            history = snapshot.history
        }
        for epoch in history.count..<epochs {
            progress(.epochStarted(epoch: epoch + 1, epochs: epochs, layer: nil, steps: steps))
            let start = WallClock.seconds()
            if steps > 1 { shuffle.shuffle(&order) }
            var layerLosses = [Double](repeating: 0, count: network.layerCount)
            for s in 0..<steps {
                let lr = ff.learningRate * ff.learningRateSchedule.factor(epoch: epoch, step: s, stepsPerEpoch: steps, epochs: epochs)
                let lo = s * ff.batchSize
                train.gather(order[lo..<min(lo + ff.batchSize, train.count)], images: &batchImages, labels: &batchLabels)
                jitter?.apply(to: &batchImages, scratch: &jitterScratch, random: shifts)
                let scores = sampler.needsScores ? negativeScores(batchImages) : nil
                let wrong = sampler.negativeLabels(for: batchLabels, scores: scores, classes: network.classes, random: negatives)
                let losses = trainBatch(negativeLabels: wrong, learningRate: lr)
                var batchLoss = 0.0
                for l in losses.indices {
                    guard losses[l].isFinite else { throw TrainingError.diverged(epoch: epoch + 1, layer: l, learningRate: lr) }
                    layerLosses[l] += losses[l]
                    batchLoss += losses[l]
                }
                progress(.step(step: s + 1, steps: steps, loss: batchLoss))
            }
            var record = EpochRecord(epoch: epoch + 1, layer: nil, loss: layerLosses.reduce(0, +) / Double(steps),
                                     layerLosses: layerLosses.map { $0 / Double(steps) },
                                     seconds: WallClock.seconds() - start)
            if let test, (epoch + 1) % max(1, ff.evaluateEvery) == 0 || epoch + 1 == epochs {
                record.testAccuracy = test.accuracy(of: network.predictByGoodness(test.images))
            }
            if recordsDiagnostics, let test, test.count > 0 {
                let negatives = LayerDiagnostics.negativeLabels(for: test.labels, classes: network.classes)
                record.diagnostics = network.layerDiagnostics(test, negativeLabels: negatives)
            }
            history.append(record)
            progress(.epochFinished(record))
            if checkpointWhen(epoch + 1) {
                var snapshot = TrainerSnapshot(completedEpochs: history.count, history: history)
                snapshot.put(layers: network.parameters)
                snapshot.put(updates: updates)
                snapshot.put("shuffle", generator: shuffle)
                snapshot.put("negatives", generator: negatives)
                if jitter != nil { snapshot.put("jitter", generator: shifts) }
                snapshot.put(order: order)
                try checkpoint(snapshot)
            }
        }
        return history
    }

    /// The jitter of the training images, or `nil` without one.
    /// - Parameter pixels: Pixels per image.
    /// - Throws: ``TrainingError/invalidConfiguration(_:)`` when the images are not square.
    private func jitter(pixels: Int) throws(TrainingError) -> ImageJitter? {
        let shift = network.configuration.dynamics.jitter
        guard shift > 0 else { return nil }
        guard ImageJitter.side(ofPixels: pixels) != nil else {
            throw .invalidConfiguration("--jitter shifts square images; these have \(pixels) pixels, not a square number")
        }
        // A pixel moved in from outside is a raw 0, standardised like the rest.
        let background = network.configuration.ff.pixelStandardization.map { -$0.mean / $0.std } ?? 0
        return ImageJitter(maxShift: shift, background: background)
    }

    /// The per-label scores that proportional and hard negatives are drawn
    /// from, as ``RecurrentDynamics/negativeScoring`` says.
    /// - Parameter images: The batch's images.
    private func negativeScores(_ images: Matrix) -> Matrix {
        switch network.configuration.dynamics.negativeScoring {
        case .singlePass:
            return network.singlePassScores(images, workspace: &scoring)
        case .prediction:
            network.goodnessScores(images, chunkSize: images.rows, workspace: &predictionScoring, into: &negativeScoreMatrix)
            return negativeScoreMatrix
        }
    }

    /// One batch: the shared bottom-up pass, the positive and negative runs
    /// (stacked, so that each layer measures both in one call) with an FF
    /// gradient at every iteration, and the optimizer steps.
    /// - Returns: Each layer's loss, averaged over the iterations it trained at
    ///   (``RecurrentDynamics/trains(layer:of:at:)``).
    private func trainBatch(negativeLabels: [Int32], learningRate: Float) -> [Double] {
        let config = network.configuration
        let n = batchImages.rows
        network.start(&bottomUp, images: batchImages)
        runs.tile(bottomUp, copies: 2)
        network.setLabels(&runs, .labels(batchLabels + negativeLabels))
        let scale = 1 - config.dynamics.damping
        var losses = [Double](repeating: 0, count: network.layerCount)
        var trained = [Int](repeating: 0, count: network.layerCount)
        for t in 1...config.dynamics.iterations {
            network.step(&runs)
            for l in 0..<network.layerCount where config.dynamics.trains(layer: l, of: network.layerCount, at: t) {
                trained[l] += 1
                losses[l] += updates[l].accumulate(
                    objective: network.objectives[l], configuration: config.ff,
                    stacked: LayerMeasurement(input: runs.inputs[l], output: runs.outputs[l],
                                              state: runs.states[l], activation: network.executors[l].activation),
                    positiveRows: n, outputScale: scale)
                if config.dynamics.updateEveryIteration {
                    updates[l].apply(to: &network.parameters[l], executor: network.executors[l], learningRate: learningRate)
                }
            }
        }
        for l in 0..<network.layerCount {
            updates[l].apply(to: &network.parameters[l], executor: network.executors[l], learningRate: learningRate)
            losses[l] /= Double(max(1, trained[l]))
        }
        return losses
    }
}

import FFNumerics
import FFRandom


/// Trains an ``FFNetwork`` with supervised Forward-Forward (Hinton 2022 §3.3).
///
/// Each layer's update is computed from that layer's own input and measured
/// output alone: the loss gradient with respect to the output, times the
/// nominal activation derivative, times the input. Inputs passed to the next
/// layer are length-normalised copies of the outputs, so no derivative
/// crosses a layer boundary.
public final class FFTrainer {
    /// The network being trained.
    public let network: FFNetwork
    private let random: RandomGenerator
    var optimizers: [ParameterOptimizer]
    var gradients: [LayerParameters]
    /// Running mean activities of peer normalisation, one state per layer.
    var peerStates: [PeerNormalization.State]
    /// Scratch space of the decorrelation loss, shared by the layers (used one at a time).
    var decorrelationSpace = Decorrelation.Workspace()
    // Reused buffers: one set for the whole run, no allocation per sample.
    var batchImages = Matrix(rows: 0, columns: 0)
    var batchLabels = [Int32]()
    var negativeLabels = [Int32]()
    /// Whether every epoch record carries ``LayerDiagnostics`` of the test
    /// examples given to ``fit(train:test:epochs:progress:)`` (see `FFTrainer+Diagnostics.swift`).
    public var recordsDiagnostics = false
    // K > 1 negatives per positive (FFTrainer+Negatives.swift).
    var tiledImages = Matrix(rows: 0, columns: 0)
    var negativeIndices = [Int]()
    var xPos = Matrix(rows: 0, columns: 0)
    var xNeg = Matrix(rows: 0, columns: 0)
    var yPos = Matrix(rows: 0, columns: 0)
    var yNeg = Matrix(rows: 0, columns: 0)
    private var gPos = Matrix(rows: 0, columns: 0)
    private var gNeg = Matrix(rows: 0, columns: 0)
    private var cPos = [Float](), cNeg = [Float]()
    private var xNeutral = Matrix(rows: 0, columns: 0)
    private var yNeutral = Matrix(rows: 0, columns: 0)
    private var features = Matrix(rows: 0, columns: 0)
    /// The first layer's shared image product of the current batch.
    private var shared = SharedFirstLayer()
    /// How the shared first layer split the pixels of the last batch it
    /// loaded, or `nil` when it ran dense products (or is not shared).
    public var firstLayerPixelSplit: FirstLayerPixelSplit? { shared.pixelSplit }
    /// Whether this fit shares the first layer's product (set by `fit`).
    private var sharingFirstLayer = false

    /// Creates a trainer.
    /// - Parameters:
    ///   - network: The network to train (its executors are written to).
    ///   - seed: Seed of the shuffling and negative-label streams.
    public init(network: FFNetwork, seed: UInt64) {
        self.network = network
        random = RandomGenerator(seed: seed)
        let config = network.configuration
        optimizers = network.parameters.map {
            ParameterOptimizer(config.optimizer, inputSize: $0.inputSize, outputSize: $0.outputSize)
        }
        gradients = network.parameters.map { LayerParameters(inputSize: $0.inputSize, outputSize: $0.outputSize) }
        peerStates = network.parameters.map { PeerNormalization.State(units: $0.outputSize) }
    }

    /// The configuration, with the epochs of the current ``fit(train:test:epochs:progress:)``.
    private var configuration: FFConfiguration {
        var c = network.configuration
        c.epochs = epochs
        return c
    }
    private var epochs = 0

    /// Trains for the configured epochs, or for `epochs` when given (e.g. a
    /// short recalibration of an already trained network).
    /// - Parameters:
    ///   - train: Training examples (pixels already prepared).
    ///   - test: Test examples evaluated every ``FFConfiguration/evaluateEvery`` epochs.
    ///   - epochs: Overrides the configured number of epochs.
    ///   - resumingFrom: A snapshot taken by an earlier run of the same
    ///     configuration, seed and data on exact digital layers (simultaneous
    ///     schedule only): training continues after its last epoch with the
    ///     same bits as a run that never stopped (at the same thread count).
    ///   - checkpointWhen: Which finished epochs (1-based) get a snapshot
    ///     (simultaneous schedule only); none by default.
    ///   - checkpoint: Receives those snapshots.
    ///   - progress: Receives progress events.
    /// - Returns: The per-epoch history (a resumed run's includes the earlier epochs).
    /// - Throws: ``TrainingError/diverged(epoch:layer:learningRate:)`` when the loss stops being finite,
    ///   ``TrainingError/unresumable(_:)`` for a snapshot that does not fit; whatever `checkpoint` throws.
    public func fit(train: Examples, test: Examples?, epochs: Int? = nil, resumingFrom: TrainerSnapshot? = nil,
                    checkpointWhen: (Int) -> Bool = { _ in false },
                    checkpoint: (TrainerSnapshot) throws -> Void = { _ in },
                    progress: ProgressHandler = { _ in }) throws -> [EpochRecord] {
        self.epochs = epochs ?? network.configuration.epochs
        guard train.count > 0 else { throw TrainingError.invalidConfiguration("no training examples") }
        guard train.images.columns == network.inputSize else {
            throw TrainingError.invalidConfiguration(
                "network expects \(network.inputSize) pixels per image, data has \(train.images.columns)")
        }
        sharingFirstLayer = SharedFirstLayer.applies(to: network)
        defer { sharingFirstLayer = false }
        try configuration.checkNegativeLabelTemperature()
        try checkNegativesPerPositive()
        switch configuration.schedule {
        case .simultaneous:
            return try fitSimultaneous(train: train, test: test, resumingFrom: resumingFrom,
                                       checkpointWhen: checkpointWhen, checkpoint: checkpoint, progress: progress)
        case .layerwise:
            if resumingFrom != nil {
                throw TrainingError.unresumable("the layerwise schedule cannot be resumed yet; use the simultaneous schedule")
            }
            return try fitLayerwise(train: train, test: test, progress: progress)
        }
    }

    // MARK: Schedules

    private func fitSimultaneous(train: Examples, test: Examples?, resumingFrom: TrainerSnapshot?,
                                 checkpointWhen: (Int) -> Bool, checkpoint: (TrainerSnapshot) throws -> Void,
                                 progress: ProgressHandler) throws -> [EpochRecord] {
        let config = configuration
        let steps = stepsPerEpoch(train.count)
        let shuffle = random.derived(stream: "shuffle")
        let negatives = random.derived(stream: "negatives")
        // Fixed negatives are drawn first, so a resumed run draws them again identically.
        let fixed = config.fixedNegatives ? drawNegatives(for: train, random: negatives) : nil
        var history = [EpochRecord]()
        var order = Array(0..<train.count)
        if let snapshot = resumingFrom {
            try restore(snapshot, epochs: config.epochs, shuffle: shuffle, negatives: negatives, order: &order)
            history = snapshot.history
        }
        for epoch in history.count..<config.epochs {
            progress(.epochStarted(epoch: epoch + 1, epochs: config.epochs, layer: nil, steps: steps))
            let start = WallClock.seconds()
            if steps > 1 { shuffle.shuffle(&order) }
            var layerLosses = [Double](repeating: 0, count: network.layerCount)
            var readoutLoss = 0.0
            for s in 0..<steps {
                let factor = config.learningRateSchedule.factor(epoch: epoch, step: s, stepsPerEpoch: steps, epochs: config.epochs)
                let lr = config.learningRate * factor
                loadBatch(train, order: order, step: s, fixedNegatives: fixed, random: negatives)
                makeFirstLayerInputs()
                if network.readout != nil { prepareNeutral() }
                var batchLoss = 0.0
                for l in 0..<network.layerCount {
                    if network.readout != nil { advanceNeutral(through: l) }
                    let loss = trainLayer(l, learningRate: lr)
                    guard loss.isFinite else { throw TrainingError.diverged(epoch: epoch + 1, layer: l, learningRate: lr) }
                    layerLosses[l] += loss
                    batchLoss += loss
                    if l + 1 < network.layerCount { passOn(from: l) }
                }
                if network.readout != nil {
                    readoutLoss += network.readout!.train(features: features, labels: batchLabels,
                                                          learningRate: config.readoutLearningRate * factor)
                }
                progress(.step(step: s + 1, steps: steps, loss: batchLoss))
            }
            var record = EpochRecord(
                epoch: epoch + 1, layer: nil, loss: layerLosses.reduce(0, +) / Double(steps),
                layerLosses: layerLosses.map { $0 / Double(steps) },
                readoutLoss: network.readout == nil ? nil : readoutLoss / Double(steps),
                seconds: WallClock.seconds() - start)
            evaluateIfDue(&record, epoch: epoch, epochs: config.epochs, test: test)
            recordDiagnostics(&record, test: test)
            history.append(record)
            progress(.epochFinished(record))
            if checkpointWhen(epoch + 1) {
                try checkpoint(snapshot(history: history, shuffle: shuffle, negatives: negatives, order: order))
            }
        }
        return history
    }

    private func fitLayerwise(train: Examples, test: Examples?, progress: ProgressHandler) throws -> [EpochRecord] {
        let config = configuration
        let steps = stepsPerEpoch(train.count)
        let shuffle = random.derived(stream: "shuffle")
        let negatives = random.derived(stream: "negatives")
        let fixed = config.fixedNegatives ? drawNegatives(for: train, random: negatives) : nil
        var history = [EpochRecord]()
        var order = Array(0..<train.count)
        for l in 0..<network.layerCount {
            // With negatives fixed for the run, a frozen stack maps the whole
            // training set once; otherwise every batch goes through it anew.
            var cache: (pos: Matrix, neg: Matrix)? = nil
            if let fixed, !(l == 0 && sharingFirstLayer) {
                cache = frozenInputs(train, negatives: fixed, upTo: l)
            }
            for epoch in 0..<config.epochs {
                progress(.epochStarted(epoch: epoch + 1, epochs: config.epochs, layer: l, steps: steps))
                let start = WallClock.seconds()
                if steps > 1 { shuffle.shuffle(&order) }
                var layerLoss = 0.0
                for s in 0..<steps {
                    let lr = config.learningRate * config.learningRateSchedule.factor(
                        epoch: epoch, step: s, stepsPerEpoch: steps, epochs: config.epochs)
                    let range = batchRange(step: s, count: train.count)
                    if let cache, steps == 1 {
                        // One full batch in data order: the cached inputs are the batch (shared storage, no copy).
                        xPos = cache.pos
                        xNeg = cache.neg
                    } else if let cache {
                        order[range].withContiguousStorageIfAvailable { p in
                            xPos.gatherRows(from: cache.pos, indices: p)
                            gatherNegativeRows(from: cache.neg, indices: p, count: train.count, into: &xNeg)
                        }
                    } else if l == 0 && sharingFirstLayer && steps == 1 && fixed != nil && epoch > 0 {
                        // The same full batch every step: only the product with the new weights changes.
                        shared.refresh(network: network)
                    } else {
                        loadBatch(train, order: order, step: s, fixedNegatives: fixed, random: negatives)
                        makeFirstLayerInputs()
                        for k in 0..<l {
                            measure(k)
                            passOn(from: k)
                        }
                    }
                    let loss = trainLayer(l, learningRate: lr)
                    guard loss.isFinite else { throw TrainingError.diverged(epoch: epoch + 1, layer: l, learningRate: lr) }
                    layerLoss += loss
                    progress(.step(step: s + 1, steps: steps, loss: loss))
                }
                var record = EpochRecord(epoch: epoch + 1, layer: l, loss: layerLoss / Double(steps),
                                         seconds: WallClock.seconds() - start)
                let isLastEpoch = l == network.layerCount - 1 && epoch + 1 == config.epochs
                if isLastEpoch, network.readout != nil {
                    let t = WallClock.seconds()
                    record.readoutLoss = trainReadoutAfterwards(train, random: shuffle)
                    record.seconds += WallClock.seconds() - t
                }
                if l == network.layerCount - 1 {
                    evaluateIfDue(&record, epoch: epoch, epochs: config.epochs, test: test)
                    if !isLastEpoch { record.testAccuracyReadout = nil }  // the readout trains at the end
                }
                recordDiagnostics(&record, test: test)
                history.append(record)
                progress(.epochFinished(record))
            }
        }
        return history
    }

    /// Epochs of the readout when it is trained after layerwise FF.
    public static let readoutEpochsAfterLayerwise = 10

    /// Trains the readout on the finished network's neutral-label features,
    /// in minibatches of 100, for ``readoutEpochsAfterLayerwise`` epochs.
    /// - Returns: The mean readout loss of the last epoch.
    private func trainReadoutAfterwards(_ train: Examples, random: RandomGenerator) -> Double {
        let all = network.readoutFeatures(train.images)
        let batch = 100
        var order = Array(0..<train.count)
        var lastLoss = 0.0
        for _ in 0..<Self.readoutEpochsAfterLayerwise {
            random.shuffle(&order)
            lastLoss = 0
            var start = 0
            while start < train.count {
                let idx = order[start..<min(start + batch, train.count)]
                idx.withContiguousStorageIfAvailable { features.gatherRows(from: all, indices: $0) }
                batchLabels.removeAll(keepingCapacity: true)
                for i in idx { batchLabels.append(train.labels[i]) }
                lastLoss += network.readout!.train(features: features, labels: batchLabels,
                                                   learningRate: configuration.readoutLearningRate)
                start += batch
            }
            lastLoss /= Double((train.count + batch - 1) / batch)
        }
        return lastLoss
    }

    // MARK: Steps

    /// One FF update of layer `l` from `xPos`/`xNeg`; leaves the outputs in `yPos`/`yNeg`.
    private func trainLayer(_ l: Int, learningRate: Float) -> Double {
        let loss = localGradient(l)
        optimizers[l].step(&network.parameters[l], gradient: gradients[l], learningRate: learningRate,
                           updating: network.executors[l])
        return loss
    }

    /// Measures layer `l` on `xPos`/`xNeg` and writes its local FF gradient
    /// into `gradients[l]`: ∂L/∂W = Σ (∂L/∂y ⊙ f′) ᵀ x over both batches, with
    /// f′ the nominal activation derivative read off the measured output.
    /// - Returns: The layer's loss.
    func localGradient(_ l: Int) -> Double {
        let executor = network.executors[l]
        let config = network.configuration
        measure(l)
        // With a row-scaled goodness taken on an exact ReLU output (never
        // negative), the loss gradient cᵢ·yᵢ already vanishes where ReLU's
        // derivative does: the mask is a skipped pass with the same values. A
        // device's measured output can dip below zero, so it keeps the mask.
        let rowScaled = network.objectives[l] as? any RowScaledGoodness
        let maskIsRedundant = rowScaled != nil && executor is ExactLinearLayer && executor.activation == .relu
            && config.peerNormalization == nil && config.decorrelation == nil
        let masks = (config.activationGradient ?? .nominal) == .nominal && !maskIsRedundant
        if l == 0 && sharingFirstLayer, let rowScaled, config.peerNormalization == nil, config.decorrelation == nil, !masks {
            // The shared gradient reads δ = cᵢ·yᵢ straight from the outputs.
            let loss = rowScaled.lossCoefficients(positive: yPos, negative: yNeg,
                                                  positiveCoefficients: &cPos, negativeCoefficients: &cNeg)
            shared.gradient(positive: yPos, scaledBy: cPos, positiveLabels: batchLabels,
                            negative: yNeg, scaledBy: cNeg, negativeLabels: negativeLabels,
                            network: network, into: &gradients[0])
            return loss
        }
        var loss = network.objectives[l].loss(positive: yPos, negative: yNeg,
                                              positiveGradient: &gPos, negativeGradient: &gNeg)
        if let peer = config.peerNormalization {
            loss += peerStates[l].apply(peer, positive: yPos, gradient: &gPos)
        }
        if let d = config.decorrelation {
            loss += d.apply(positive: yPos, gradient: &gPos, workspace: &decorrelationSpace)
        }
        if masks {
            executor.activation.backpropagate(&gPos, output: yPos)
            executor.activation.backpropagate(&gNeg, output: yNeg)
        }
        if l == 0 && sharingFirstLayer {
            shared.gradient(positive: gPos, positiveLabels: batchLabels, negative: gNeg, negativeLabels: negativeLabels,
                            network: network, into: &gradients[0])
        } else {
            gradients[l].setGradient(input: xPos, outputGradient: gPos)
            gradients[l].setGradient(input: xNeg, outputGradient: gNeg, accumulate: true)
        }
        return loss
    }

    /// Prepares the current batch's first-layer inputs: the shared image
    /// product, or the overlaid positive and negative inputs.
    private func makeFirstLayerInputs() {
        if sharingFirstLayer {
            shared.prepare(batchImages, network: network)
        } else {
            network.makeInput(batchImages, label: .labels(batchLabels), into: &xPos)
            makeNegativeInput(batchImages, labels: negativeLabels, into: &xNeg)
        }
    }

    /// Measures layer `l` on the current positive and negative inputs into `yPos`/`yNeg`.
    private func measure(_ l: Int) {
        if l == 0 && sharingFirstLayer {
            shared.output(.labels(batchLabels), network: network, into: &yPos)
            shared.output(.labels(negativeLabels), network: network, into: &yNeg)
        } else {
            network.executors[l].forward(xPos, into: &yPos)
            network.executors[l].forward(xNeg, into: &yNeg)
        }
    }

    /// Makes the normalised outputs of layer `l`, carried along the path to
    /// the next layer, that layer's inputs.
    private func passOn(from l: Int) {
        network.normalizeForNextLayer(&yPos)
        network.normalizeForNextLayer(&yNeg)
        network.executors[l].transmit(yPos, into: &xPos)
        network.executors[l].transmit(yNeg, into: &xNeg)
    }

    private func prepareNeutral() {
        if !sharingFirstLayer { network.makeInput(batchImages, label: .neutral, into: &xNeutral) }
        features.reshape(rows: batchImages.rows, columns: network.readoutFeatureCount)
    }

    /// Runs the neutral batch through layer `l` and stores its readout features.
    private func advanceNeutral(through l: Int) {
        if l == 0 && sharingFirstLayer {
            shared.output(.neutral, network: network, into: &yNeutral)
        } else {
            network.executors[l].forward(xNeutral, into: &yNeutral)
        }
        network.normalizeForNextLayer(&yNeutral)
        if network.readoutLayers.contains(l) {
            let offset = network.readoutLayers.prefix { $0 < l }.reduce(0) { $0 + configuration.hiddenSizes[$1] }
            features.setColumns(offset, from: yNeutral)
        }
        network.executors[l].transmit(yNeutral, into: &xNeutral)
    }

    // MARK: Data

    private func stepsPerEpoch(_ count: Int) -> Int {
        (count + configuration.batchSize - 1) / configuration.batchSize
    }

    private func batchRange(step: Int, count: Int) -> Range<Int> {
        let lo = step * configuration.batchSize
        return lo..<min(lo + configuration.batchSize, count)
    }

    /// Gathers batch `step` of `order` and chooses its negative labels.
    private func loadBatch(_ data: Examples, order: [Int], step: Int, fixedNegatives: [Int32]?, random: RandomGenerator) {
        let idx = order[batchRange(step: step, count: data.count)]
        data.gather(idx, images: &batchImages, labels: &batchLabels)
        if let fixedNegatives {
            gatherFixedNegativeLabels(fixedNegatives, indices: idx, count: data.count, into: &negativeLabels)
            return
        }
        negativeLabels = chooseNegativeLabels(for: batchLabels, images: batchImages, random: random)
    }

    private func drawNegatives(for data: Examples, random: RandomGenerator) -> [Int32] {
        chooseNegativeLabels(for: data.labels, images: data.images, random: random)
    }

    /// The inputs of layer `l` for the whole training set, through the frozen layers below it.
    private func frozenInputs(_ data: Examples, negatives: [Int32], upTo l: Int) -> (pos: Matrix, neg: Matrix) {
        var pos = Matrix(rows: 0, columns: 0), neg = Matrix(rows: 0, columns: 0)
        network.makeInput(data.images, label: .labels(data.labels), into: &pos)
        makeNegativeInput(data.images, labels: negatives, into: &neg)
        var out = Matrix(rows: 0, columns: 0)
        for k in 0..<l {
            network.executors[k].forward(pos, into: &out)
            network.normalizeForNextLayer(&out)
            network.executors[k].transmit(out, into: &pos)
            network.executors[k].forward(neg, into: &out)
            network.normalizeForNextLayer(&out)
            network.executors[k].transmit(out, into: &neg)
        }
        return (pos, neg)
    }

    private func evaluateIfDue(_ record: inout EpochRecord, epoch: Int, epochs: Int, test: Examples?) {
        guard let test, (epoch + 1) % max(1, configuration.evaluateEvery) == 0 || epoch + 1 == epochs else { return }
        record.testAccuracy = test.accuracy(of: network.predictByGoodness(test.images))
        record.testAccuracyReadout = network.predictByReadout(test.images).map(test.accuracy(of:))
    }
}


import FFNumerics
import FFRandom

/// Trains a ``BPNetwork`` by minibatch backprop on softmax cross-entropy.
public final class BPTrainer {
    /// The network being trained.
    public let network: BPNetwork
    private let random: RandomGenerator
    private var optimizers: [ParameterOptimizer]
    private var gradients: [LayerParameters]
    private var workspace = BPWorkspace()
    private var batchImages = Matrix(rows: 0, columns: 0)
    private var batchLabels = [Int32]()

    /// Creates a trainer.
    /// - Parameters:
    ///   - network: The network to train.
    ///   - seed: Seed of the shuffling stream.
    public init(network: BPNetwork, seed: UInt64) {
        self.network = network
        random = RandomGenerator(seed: seed)
        optimizers = network.parameters.map {
            ParameterOptimizer(network.configuration.optimizer, inputSize: $0.inputSize, outputSize: $0.outputSize)
        }
        gradients = network.parameters.map { LayerParameters(inputSize: $0.inputSize, outputSize: $0.outputSize) }
    }

    /// Trains for the configured epochs, or for `epochs` when given (e.g. a
    /// short recalibration of an already trained network).
    /// - Parameters:
    ///   - train: Training examples.
    ///   - test: Test examples evaluated every ``BPConfiguration/evaluateEvery`` epochs.
    ///   - epochs: Overrides the configured number of epochs.
    ///   - progress: Receives progress events.
    /// - Returns: The per-epoch history.
    /// - Throws: ``TrainingError/diverged(epoch:layer:learningRate:)`` when the loss stops being finite.
    public func fit(train: Examples, test: Examples?, epochs: Int? = nil,
                    progress: ProgressHandler = { _ in }) throws -> [EpochRecord] {
        var config = network.configuration
        if let epochs { config.epochs = epochs }
        guard train.count > 0 else { throw TrainingError.invalidConfiguration("no training examples") }
        guard train.images.columns == network.inputSize else {
            throw TrainingError.invalidConfiguration(
                "network expects \(network.inputSize) pixels per image, data has \(train.images.columns)")
        }
        let steps = (train.count + config.batchSize - 1) / config.batchSize
        let shuffle = random.derived(stream: "shuffle")
        var order = Array(0..<train.count)
        var history = [EpochRecord]()
        for epoch in 0..<config.epochs {
            progress(.epochStarted(epoch: epoch + 1, epochs: config.epochs, layer: nil, steps: steps))
            let start = WallClock.seconds()
            if steps > 1 { shuffle.shuffle(&order) }
            var total = 0.0
            for s in 0..<steps {
                let lr = config.learningRate * config.learningRateSchedule.factor(
                    epoch: epoch, step: s, stepsPerEpoch: steps, epochs: config.epochs)
                let lo = s * config.batchSize
                train.gather(order[lo..<min(lo + config.batchSize, train.count)], images: &batchImages, labels: &batchLabels)
                let (loss, _) = network.lossAndGradients(batchImages, labels: batchLabels, workspace: &workspace,
                                                         gradients: &gradients)
                guard loss.isFinite else { throw TrainingError.diverged(epoch: epoch + 1, layer: nil, learningRate: lr) }
                for l in 0..<network.layerCount {
                    optimizers[l].step(&network.parameters[l], gradient: gradients[l], learningRate: lr,
                                       updating: network.executors[l])
                }
                total += loss
                progress(.step(step: s + 1, steps: steps, loss: loss))
            }
            var record = EpochRecord(epoch: epoch + 1, layer: nil, loss: total / Double(steps), seconds: WallClock.seconds() - start)
            if let test, (epoch + 1) % max(1, config.evaluateEvery) == 0 || epoch + 1 == config.epochs {
                record.testAccuracy = test.accuracy(of: network.predict(test.images))
            }
            history.append(record)
            progress(.epochFinished(record))
        }
        return history
    }
}

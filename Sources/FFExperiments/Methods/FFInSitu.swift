import FFDevice
import FFNumerics
import FFRandom
import FFTraining

/// Forward-Forward in situ: the network's layers are the device's tiles; the
/// trainer writes increments and measures outputs, nothing more.
public struct FFInSitu: TrainingMethod {
    public init() {}
    public var name: MethodName { .ff }

    public func run(_ context: MethodContext, progress: ProgressHandler) throws -> MethodOutcome {
        let network = FFNetwork(configuration: context.ff, inputSize: context.train.images.columns,
                                random: RandomGenerator(seed: context.seed)) { index, inputs, outputs in
            context.device.makeLayer(index: index, inputSize: inputs, outputSize: outputs, activation: .relu)
        }
        let start = WallClock.seconds()
        let history = try FFTrainer(network: network, seed: context.seed).fit(train: context.train, test: nil, progress: progress)
        let seconds = WallClock.seconds() - start
        var trainingCounts = DeviceSpec.counts(network.executors)
        let readoutEpochs = context.ff.schedule == .layerwise ? FFTrainer.readoutEpochsAfterLayerwise : context.ff.epochs
        trainingCounts.add(digitalMACs: Self.digitalMACs(network, samples: context.train.count * context.ff.epochs,
                                                         readoutSamples: context.train.count * readoutEpochs))

        DeviceSpec.resetCounts(network.executors)
        let accuracy = context.test.accuracy(of: network.predictByGoodness(context.test.images))
        let goodnessCounts = DeviceSpec.counts(network.executors).perSample(context.test.count)
        let readout = network.predictByReadout(context.test.images).map(context.test.accuracy(of:))
        return MethodOutcome(testAccuracy: accuracy, testAccuracyReadout: readout, trainingCounts: trainingCounts,
                             inferenceCountsPerSample: goodnessCounts, trainSeconds: seconds, history: history,
                             deployed: DeployedFF(network: network, seed: context.seed))
    }

    /// Digital MACs of FF training: each layer's weight gradient for the
    /// positive and the K negative batches per sample (K = 1 but for the
    /// softmax objective; layerwise FF trains each layer for all epochs, the
    /// same count), plus the readout's forward and gradient products per
    /// readout sample.
    /// - Parameters:
    ///   - network: The network.
    ///   - samples: Training examples × epochs.
    ///   - readoutSamples: Examples × epochs the readout trained on.
    static func digitalMACs(_ network: FFNetwork, samples: Int, readoutSamples: Int) -> Int {
        let batches = 1 + (network.objectives.map(\.negativesPerPositive).max() ?? 1)
        let gradient = network.parameters.reduce(0) { $0 + batches * $1.inputSize * $1.outputSize }
        let readout = network.readout.map { 2 * $0.parameters.inputSize * $0.parameters.outputSize } ?? 0
        return gradient * samples + readout * readoutSamples
    }
}

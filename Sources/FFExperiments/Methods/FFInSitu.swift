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
        var trainingCounts = DigitalWork.withActivationTraffic(DeviceSpec.counts(network.executors))
        trainingCounts += Self.digitalWork(network, examples: context.train.count, epochs: context.ff.epochs)

        DeviceSpec.resetCounts(network.executors)
        let accuracy = context.test.accuracy(of: network.predictByGoodness(context.test.images))
        let goodnessCounts = DigitalWork.withActivationTraffic(DeviceSpec.counts(network.executors))
            .perSample(context.test.count)
        let readout = network.predictByReadout(context.test.images).map(context.test.accuracy(of:))
        return MethodOutcome(testAccuracy: accuracy, testAccuracyReadout: readout, trainingCounts: trainingCounts,
                             inferenceCountsPerSample: goodnessCounts, trainSeconds: seconds, history: history,
                             deployed: DeployedFF(network: network, seed: context.seed))
    }

    /// Digital work of FF training on `examples` examples for `epochs`
    /// epochs (``DigitalWork/ffTraining(_:samples:steps:readoutSamples:readoutSteps:)``):
    /// layerwise FF trains each layer for all epochs, the same count, and its
    /// readout afterwards for ``FFTrainer/readoutEpochsAfterLayerwise`` epochs in batches of 100.
    /// - Parameters:
    ///   - network: The network.
    ///   - examples: Training examples.
    ///   - epochs: Epochs.
    static func digitalWork(_ network: FFNetwork, examples: Int, epochs: Int) -> DeviceOperationCounts {
        let config = network.configuration
        let steps = DigitalWork.steps(examples: examples, batchSize: config.batchSize, epochs: epochs)
        let layerwise = config.schedule == .layerwise
        let readoutEpochs = layerwise ? FFTrainer.readoutEpochsAfterLayerwise : epochs
        let readoutSteps = layerwise ? DigitalWork.steps(examples: examples, batchSize: 100, epochs: readoutEpochs) : steps
        return DigitalWork.ffTraining(network, samples: examples * epochs, steps: steps,
                                      readoutSamples: examples * readoutEpochs, readoutSteps: readoutSteps)
    }
}

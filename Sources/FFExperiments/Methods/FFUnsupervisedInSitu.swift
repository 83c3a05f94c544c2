import FFDevice
import FFNumerics
import FFRandom
import FFTraining

/// Unsupervised Forward-Forward in situ (Hinton 2022 §3.2) under the same
/// rules as ``FFInSitu``: the layers are the device's tiles and see images
/// and hybrid negatives only; the hybrids are mixed digitally before they
/// enter the first tile. The readout is a digital softmax on the measured,
/// normalised activities of the last layers, which a black box gives.
public struct FFUnsupervisedInSitu: TrainingMethod {
    public init() {}
    public var name: MethodName { .ffUnsupervised }

    public func run(_ context: MethodContext, progress: ProgressHandler) throws -> MethodOutcome {
        let configuration = UnsupervisedFFConfiguration(ff: context.ff, settings: context.unsupervised)
        let network = UnsupervisedFFNetwork(configuration: configuration, inputSize: context.train.images.columns,
                                            random: RandomGenerator(seed: context.seed)) { index, inputs, outputs in
            context.device.makeLayer(index: index, inputSize: inputs, outputSize: outputs, activation: .relu)
        }
        return try InSituOutcome.measure(
            executors: network.layers.executors,
            train: { try UnsupervisedFFTrainer(network: network, seed: context.seed).fit(train: context.train, test: nil, progress: progress) },
            digitalWork: { Self.digitalWork(network, examples: context.train.count, epochs: context.ff.epochs) },
            evaluate: {
                let accuracy = network.predict(context.test.images).map(context.test.accuracy(of:)) ?? 0
                return (accuracy, accuracy)
            },
            testCount: context.test.count, deployed: DeployedFFVariant(network, seed: context.seed))
    }

    /// Digital work of unsupervised FF training (``DigitalWork``): each
    /// layer's weight gradient for the real and the hybrid batch per sample,
    /// and the readout, trained alongside and then alone for its extra epochs.
    /// - Parameters:
    ///   - network: The network.
    ///   - examples: Training examples.
    ///   - epochs: FF epochs.
    static func digitalWork(_ network: UnsupervisedFFNetwork, examples: Int, epochs: Int) -> DeviceOperationCounts {
        let config = network.configuration
        let readoutEpochs = epochs + config.settings.readoutEpochs
        return DigitalWork.ffTraining(
            layers: network.layers.parameters, optimizer: config.ff.optimizer, passes: 2, samples: examples * epochs,
            steps: DigitalWork.steps(examples: examples, batchSize: config.ff.batchSize, epochs: epochs),
            readout: network.readout?.parameters, readoutSamples: examples * readoutEpochs,
            readoutSteps: DigitalWork.steps(examples: examples, batchSize: config.ff.batchSize, epochs: readoutEpochs))
    }
}

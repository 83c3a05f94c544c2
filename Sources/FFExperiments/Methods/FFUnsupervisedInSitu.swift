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
        let readoutSamples = context.train.count * (context.ff.epochs + context.unsupervised.readoutEpochs)
        return try InSituOutcome.measure(
            executors: network.layers.executors,
            train: { try UnsupervisedFFTrainer(network: network, seed: context.seed).fit(train: context.train, test: nil, progress: progress) },
            digitalMACs: { Self.digitalMACs(network, samples: context.train.count * context.ff.epochs, readoutSamples: readoutSamples) },
            evaluate: {
                let accuracy = network.predict(context.test.images).map(context.test.accuracy(of:)) ?? 0
                return (accuracy, accuracy)
            },
            testCount: context.test.count, deployed: DeployedFFVariant(network, seed: context.seed))
    }

    /// Digital MACs of unsupervised FF training: each layer's weight gradient
    /// for the real and the hybrid batch per sample, plus the readout's
    /// forward and gradient products per readout sample.
    /// - Parameters:
    ///   - network: The network.
    ///   - samples: Training examples × FF epochs.
    ///   - readoutSamples: Examples × epochs the readout trained on.
    static func digitalMACs(_ network: UnsupervisedFFNetwork, samples: Int, readoutSamples: Int) -> Int {
        let gradient = network.layers.parameters.reduce(0) { $0 + 2 * $1.inputSize * $1.outputSize }
        let readout = network.readout.map { 2 * $0.parameters.inputSize * $0.parameters.outputSize } ?? 0
        return gradient * samples + readout * readoutSamples
    }
}

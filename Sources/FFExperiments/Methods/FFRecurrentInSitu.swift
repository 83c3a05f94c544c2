import FFDevice
import FFNumerics
import FFRandom
import FFTraining

/// Recurrent Forward-Forward in situ (Hinton 2022 §4) under the same rules
/// as ``FFInSitu``: each hidden layer is one tile of `(below + above) × units`
/// that takes the bottom-up and the top-down input together; the trainer
/// writes increments and measures outputs, nothing more.
///
/// Nothing in recurrent FF needs more than a black box gives: the damped
/// state is digital arithmetic on measured outputs, the update uses the
/// nominal (or straight-through) derivative read off the measured output,
/// and a layer's normalised state reaches its neighbours through the tile's
/// own transmission path, both upward and downward.
public struct FFRecurrentInSitu: TrainingMethod {
    public init() {}
    public var name: MethodName { .ffRecurrent }

    public func run(_ context: MethodContext, progress: ProgressHandler) throws -> MethodOutcome {
        let configuration = RecurrentFFConfiguration(ff: context.ff, dynamics: context.recurrent)
        let network = RecurrentFFNetwork(configuration: configuration, inputSize: context.train.images.columns,
                                         random: RandomGenerator(seed: context.seed)) { index, inputs, outputs in
            context.device.makeLayer(index: index, inputSize: inputs, outputSize: outputs, activation: .relu)
        }
        return try InSituOutcome.measure(
            executors: network.executors,
            train: { try RecurrentFFTrainer(network: network, seed: context.seed).fit(train: context.train, test: nil, progress: progress) },
            digitalWork: { Self.digitalWork(network, examples: context.train.count, epochs: context.ff.epochs) },
            evaluate: { (context.test.accuracy(of: network.predictByGoodness(context.test.images)), nil) },
            testCount: context.test.count, deployed: DeployedFFVariant(network, seed: context.seed))
    }

    /// Digital work of recurrent FF training (``DigitalWork``): each layer's
    /// weight gradient for the positive and the negative run at every
    /// iteration, with an optimizer step per iteration or per batch.
    /// - Parameters:
    ///   - network: The network.
    ///   - examples: Training examples.
    ///   - epochs: Epochs.
    static func digitalWork(_ network: RecurrentFFNetwork, examples: Int, epochs: Int) -> DeviceOperationCounts {
        let dynamics = network.configuration.dynamics
        let batches = DigitalWork.steps(examples: examples, batchSize: network.configuration.ff.batchSize, epochs: epochs)
        return DigitalWork.ffTraining(layers: network.parameters, optimizer: network.configuration.ff.optimizer,
                                      passes: 2 * dynamics.iterations, samples: examples * epochs,
                                      steps: batches * (dynamics.updateEveryIteration ? dynamics.iterations : 1),
                                      readout: nil, readoutSamples: 0, readoutSteps: 0)
    }
}

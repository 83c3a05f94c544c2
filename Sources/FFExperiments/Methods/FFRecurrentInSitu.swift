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
            digitalMACs: { Self.digitalMACs(network, samples: context.train.count * context.ff.epochs) },
            evaluate: { (context.test.accuracy(of: network.predictByGoodness(context.test.images)), nil) },
            testCount: context.test.count, deployed: DeployedFFVariant(network, seed: context.seed))
    }

    /// Digital MACs of recurrent FF training: each layer's weight gradient
    /// for the positive and the negative run at every iteration.
    /// - Parameters:
    ///   - network: The network.
    ///   - samples: Training examples × epochs.
    static func digitalMACs(_ network: RecurrentFFNetwork, samples: Int) -> Int {
        let perIteration = network.parameters.reduce(0) { $0 + 2 * $1.inputSize * $1.outputSize }
        return perIteration * network.configuration.dynamics.iterations * samples
    }
}

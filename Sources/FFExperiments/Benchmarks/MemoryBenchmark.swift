import FFNumerics
import FFRandom
import FFResults
import FFTraining

/// Peak resident memory of a short training run against network depth, for
/// Forward-Forward, streaming Forward-Forward and backprop.
///
/// Each configuration is meant to run in its own process (`ffanalog bench
/// memory` re-runs itself per configuration), so that the process's peak
/// resident set (`VmHWM`) is that configuration's alone. ``measure(_:train:scratchDirectory:)``
/// is what such a process does; ``estimate(_:inputSize:classes:)`` is the
/// analytic account the measurement is compared with.
public enum MemoryBenchmark {
    /// The learning rules compared.
    public enum Algorithm: String, Sendable, Codable, CaseIterable {
        /// Forward-Forward, every layer trained on every batch (``FFTrainer``, simultaneous).
        case ff
        /// Forward-Forward layer by layer from disk (``StreamingFFTrainer``).
        case ffStream = "ff-stream"
        /// Backprop (``BPTrainer``).
        case bp
    }

    /// One configuration: an algorithm on a network of `depth` hidden layers of `hidden` units.
    public struct Configuration: Sendable, Codable, Equatable {
        /// The learning rule.
        public var algorithm: Algorithm
        /// Number of hidden layers.
        public var depth: Int
        /// Units per hidden layer.
        public var hidden: Int
        /// Examples per batch; the run trains on this many examples.
        public var batchSize: Int
        /// Optimizer steps per layer (FF, ff-stream) or of the network (BP).
        public var steps: Int
        /// Seed of the initial weights, negatives and shuffling.
        public var seed: UInt64

        /// Creates a configuration.
        public init(algorithm: Algorithm, depth: Int, hidden: Int, batchSize: Int, steps: Int = 1, seed: UInt64 = 1) {
            self.algorithm = algorithm
            self.depth = depth
            self.hidden = hidden
            self.batchSize = batchSize
            self.steps = steps
            self.seed = seed
        }

        /// The FF configuration of the run: Adam, no readout (its features
        /// would be stored activations), one batch per epoch, `steps` epochs.
        public var ffConfiguration: FFConfiguration {
            var c = FFConfiguration(hiddenSizes: Array(repeating: hidden, count: depth), epochs: steps,
                                    batchSize: batchSize, readout: false)
            if algorithm == .ffStream {
                c.schedule = .layerwise
                c.fixedNegatives = true
            }
            return c
        }

        /// The backprop configuration of the run: Adam, one batch per epoch, `steps` epochs.
        public var bpConfiguration: BPConfiguration {
            BPConfiguration(hiddenSizes: Array(repeating: hidden, count: depth), epochs: steps, batchSize: batchSize)
        }
    }

    /// Trains one configuration on `train` in this process and measures it.
    /// - Parameters:
    ///   - configuration: What to run.
    ///   - train: The training examples (normally exactly one batch).
    ///   - scratchDirectory: Where ff-stream keeps its layers and layer inputs.
    /// - Returns: The measurement; its peak is this process's peak so far, so
    ///   call it once, in a fresh process.
    /// - Throws: Training or file errors.
    public static func measure(_ configuration: Configuration, train: Examples,
                               scratchDirectory: String) throws -> Measurement {
        let baseline = ProcessMemory.current()
        let start = WallClock.seconds()
        let inputSize = train.images.columns
        let random = RandomGenerator(seed: configuration.seed)
        let history: [EpochRecord]
        switch configuration.algorithm {
        case .ff:
            let network = FFNetwork(configuration: configuration.ffConfiguration, inputSize: inputSize, random: random)
            history = try FFTrainer(network: network, seed: configuration.seed).fit(train: train, test: nil)
        case .ffStream:
            let store = try LayerDirectory.create(at: scratchDirectory, configuration: configuration.ffConfiguration,
                                                  inputSize: inputSize, dataset: "benchmark", seed: configuration.seed)
            history = try StreamingFFTrainer(configuration: configuration.ffConfiguration, inputSize: inputSize,
                                             store: store, seed: configuration.seed).fit(train: train)
            store.removeScratch()
        case .bp:
            let network = BPNetwork(configuration: configuration.bpConfiguration, inputSize: inputSize, random: random)
            history = try BPTrainer(network: network, seed: configuration.seed).fit(train: train, test: nil)
        }
        let seconds = WallClock.seconds() - start
        let after = ProcessMemory.current()
        let estimate = estimate(configuration, inputSize: inputSize, classes: 10)
        return Measurement(configuration: configuration,
                           peakRssMib: after.map { Double($0.peakResidentBytes) / ProcessMemory.mebibyte },
                           baselineRssMib: baseline.map { Double($0.residentBytes) / ProcessMemory.mebibyte },
                           estimate: estimate, seconds: seconds, loss: history.last?.loss)
    }
}

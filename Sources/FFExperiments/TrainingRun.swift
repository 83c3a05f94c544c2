import Foundation
import FFDatasets
import FFNumerics
import FFRandom
import FFResults
import FFTraining

/// One `ffanalog train` run: load data, train FF (supervised, recurrent or
/// unsupervised) or backprop on exact digital layers, evaluate, and produce a
/// ``TrainingResult`` and, for supervised FF and backprop, a checkpoint.
public struct TrainingRun: Sendable {
    /// Which learning rule.
    public enum Algorithm: String, Sendable, Codable, CaseIterable {
        /// Supervised Forward-Forward.
        case ff
        /// Backprop MLP.
        case bp
        /// Forward-Forward layer by layer with only the current layer in
        /// memory (``StreamingFFTrainer``), layerwise with fixed negatives.
        case ffStream = "ff-stream"
        /// Recurrent FF with top-down input (Hinton 2022 §4).
        case ffRecurrent = "ff-recurrent"
        /// Unsupervised FF with hybrid negatives and a linear readout (Hinton 2022 §3.2).
        case ffUnsupervised = "ff-unsupervised"

        /// Whether the run uses the FF configuration (every FF variant does).
        public var isFF: Bool { self != .bp }
    }

    /// Which learning rule.
    public var algorithm: Algorithm
    /// FF configuration (used by every FF algorithm).
    public var ff: FFConfiguration
    /// Backprop configuration (used when `algorithm == .bp`).
    public var bp: BPConfiguration
    /// The recipe the configuration came from, if any.
    public var recipe: Recipe?
    /// The seed.
    public var seed: UInt64
    /// Training examples measured for the reported train accuracy.
    public var trainAccuracyExamples: Int
    /// ff and ff-unsupervised only: record ``LayerDiagnostics`` on the test set after every (FF) epoch.
    public var diagnostics: Bool
    /// The recurrent dynamics (used when `algorithm == .ffRecurrent`).
    public var recurrent = RecurrentDynamics()
    /// The unsupervised settings (used when `algorithm == .ffUnsupervised`).
    public var unsupervised = UnsupervisedSettings()
    /// Where the run keeps a resumable state (``resumableAlgorithms`` only).
    public var state: StatePolicy?

    /// Creates a run.
    /// - Parameters:
    ///   - algorithm: FF or BP.
    ///   - ff: FF configuration.
    ///   - bp: Backprop configuration.
    ///   - recipe: Recipe the configuration came from.
    ///   - seed: The seed.
    ///   - trainAccuracyExamples: How many training examples to measure train accuracy on.
    ///   - diagnostics: ff and ff-unsupervised only: per-layer diagnostics on the test set after every epoch.
    public init(algorithm: Algorithm, ff: FFConfiguration, bp: BPConfiguration, recipe: Recipe?, seed: UInt64,
                trainAccuracyExamples: Int = 10_000, diagnostics: Bool = false) {
        self.algorithm = algorithm
        self.ff = ff
        self.bp = bp
        self.recipe = recipe
        self.seed = seed
        self.trainAccuracyExamples = trainAccuracyExamples
        self.diagnostics = diagnostics
    }

    /// Trains and evaluates on `dataset`.
    /// - Parameters:
    ///   - dataset: The loaded dataset.
    ///   - progress: Receives training progress.
    /// - Returns: The result record and a checkpoint of the trained model
    ///   (`nil` for the recurrent and unsupervised variants, which have no checkpoint format yet).
    public func run(on dataset: LabeledDataset, progress: ProgressHandler = { _ in }) throws -> (TrainingResult, Checkpoint?) {
        if algorithm == .ffStream {
            let directory = FileManager.default.temporaryDirectory
                .appendingPathComponent("ffanalog-stream-\(UUID().uuidString)").path
            defer { try? FileManager.default.removeItem(atPath: directory) }
            let result = try runStreaming(on: dataset, directory: directory, progress: progress)
            return (result, try LayerDirectory.open(directory).checkpoint())
        }
        try checkStatePolicy()
        let started = WallClock.seconds()
        let isFF = algorithm.isFF
        let standardization = isFF ? ff.pixelStandardization : bp.pixelStandardization
        let examplesLimit = isFF ? ff.trainingExamples : bp.trainingExamples
        let train = Examples(dataset.train).prefix(examplesLimit).standardized(standardization)
        let test = Examples(dataset.test).standardized(standardization)
        let random = RandomGenerator(seed: seed)
        let trainProbe = train.prefix(trainAccuracyExamples)

        var history: [EpochRecord]
        var resumedAfterEpoch: Int?
        var zeroSkipping: ZeroSkippingStatistics?
        var testAccuracy: Double, testReadout: Double? = nil
        var trainAccuracy: Double, trainReadout: Double? = nil
        var checkpoint: Checkpoint? = nil
        switch algorithm {
        case .ff:
            let network = FFNetwork(configuration: ff, inputSize: train.images.columns, random: random)
            let trainer = FFTrainer(network: network, seed: seed)
            trainer.recordsDiagnostics = diagnostics
            let hooks = try stateHooks(dataset: dataset, trainExamples: train.count, totalEpochs: ff.epochs)
            resumedAfterEpoch = hooks.resume?.completedEpochs
            history = try trainer.fit(train: train, test: test, resumingFrom: hooks.resume,
                                      checkpointWhen: hooks.when, checkpoint: hooks.write, progress: progress)
            testAccuracy = history.last?.testAccuracy ?? test.accuracy(of: network.predictByGoodness(test.images))
            testReadout = history.last?.testAccuracyReadout
            trainAccuracy = trainProbe.accuracy(of: network.predictByGoodness(trainProbe.images))
            trainReadout = network.predictByReadout(trainProbe.images).map(trainProbe.accuracy(of:))
            checkpoint = Checkpoint(network: network, dataset: dataset.name.rawValue, seed: seed)
        case .bp:
            let network = BPNetwork(configuration: bp, inputSize: train.images.columns, random: random)
            history = try BPTrainer(network: network, seed: seed).fit(train: train, test: test, progress: progress)
            testAccuracy = history.last?.testAccuracy ?? test.accuracy(of: network.predict(test.images))
            trainAccuracy = trainProbe.accuracy(of: network.predict(trainProbe.images))
            checkpoint = Checkpoint(network: network, dataset: dataset.name.rawValue, seed: seed)
        case .ffStream:
            preconditionFailure("handled by runStreaming")
        case .ffRecurrent:
            let network = RecurrentFFNetwork(configuration: RecurrentFFConfiguration(ff: ff, dynamics: recurrent),
                                             inputSize: train.images.columns, random: random)
            let hooks = try stateHooks(dataset: dataset, trainExamples: train.count, totalEpochs: ff.epochs)
            resumedAfterEpoch = hooks.resume?.completedEpochs
            let trainer = RecurrentFFTrainer(network: network, seed: seed)
            trainer.recordsDiagnostics = diagnostics
            history = try trainer.fit(
                train: train, test: test, resumingFrom: hooks.resume, checkpointWhen: hooks.when,
                checkpoint: hooks.write, progress: progress)
            zeroSkipping = ZeroSkippingStatistics(inputUse: trainer.inputUse, gradientUse: trainer.gradientUse)
            testAccuracy = history.last?.testAccuracy ?? test.accuracy(of: network.predictByGoodness(test.images))
            trainAccuracy = trainProbe.accuracy(of: network.predictByGoodness(trainProbe.images))
        case .ffUnsupervised:
            let network = UnsupervisedFFNetwork(configuration: UnsupervisedFFConfiguration(ff: ff, settings: unsupervised),
                                                inputSize: train.images.columns, random: random)
            let hooks = try stateHooks(dataset: dataset, trainExamples: train.count,
                                       totalEpochs: ff.epochs + unsupervised.readoutEpochs)
            resumedAfterEpoch = hooks.resume?.completedEpochs
            let trainer = UnsupervisedFFTrainer(network: network, seed: seed)
            trainer.recordsDiagnostics = diagnostics
            history = try trainer.fit(
                train: train, test: test, resumingFrom: hooks.resume, checkpointWhen: hooks.when, checkpoint: hooks.write,
                progress: progress)
            // Unsupervised FF predicts through its readout only.
            testAccuracy = history.last?.testAccuracy ?? network.predict(test.images).map(test.accuracy(of:)) ?? 0
            testReadout = testAccuracy
            trainAccuracy = network.predict(trainProbe.images).map(trainProbe.accuracy(of:)) ?? 0
            trainReadout = trainAccuracy
        }
        var result = TrainingResult(
            ffanalogVersion: FFAnalogVersion.current, algorithm: algorithm.rawValue, recipe: recipe?.rawValue,
            dataset: dataset.name.rawValue, dataDirectory: dataset.directory,
            dataVerified: dataset.verification.allVerified, dataWarnings: dataset.verification.warnings,
            hidden: isFF ? ff.hiddenSizes : bp.hiddenSizes, epochs: isFF ? ff.epochs : bp.epochs,
            batchSize: isFF ? ff.batchSize : bp.batchSize, learningRate: isFF ? ff.learningRate : bp.learningRate,
            optimizer: (isFF ? ff.optimizer : bp.optimizer).kind.rawValue, seed: seed,
            threads: BLAS.threadCount, blas: BLAS.configuration,
            trainExamples: train.count, testExamples: test.count,
            testAccuracy: testAccuracy, testAccuracyReadout: testReadout,
            trainAccuracy: trainAccuracy, trainAccuracyReadout: trainReadout,
            trainAccuracyExamples: trainProbe.count,
            trainSeconds: history.reduce(0) { $0 + $1.seconds }, totalSeconds: WallClock.seconds() - started,
            history: history, ffConfiguration: isFF ? ff : nil, bpConfiguration: isFF ? nil : bp)
        result.evaluationSet = dataset.evaluationSet.description
        result.resumedAfterEpoch = resumedAfterEpoch
        if algorithm == .ffRecurrent { result.recurrentDynamics = recurrent }
        result.zeroSkipping = zeroSkipping
        if algorithm == .ffUnsupervised { result.unsupervisedSettings = unsupervised }
        return (result, checkpoint)
    }

    /// ``ff`` adapted to streaming: layerwise, with negatives fixed for the run.
    public var streamingConfiguration: FFConfiguration {
        var c = ff
        c.schedule = .layerwise
        c.fixedNegatives = true
        return c
    }

    /// Trains with ``StreamingFFTrainer`` into a layer directory and evaluates
    /// by streaming the layers from it one at a time, so that at no point more
    /// than one layer (and the readout) is in memory.
    /// - Parameters:
    ///   - dataset: The loaded dataset.
    ///   - directory: Where the layers go (a ``LayerDirectory``); kept afterwards, without its scratch files.
    ///   - progress: Receives training progress.
    /// - Returns: The result record; `algorithm` is `ff-stream`.
    public func runStreaming(on dataset: LabeledDataset, directory: String,
                             progress: ProgressHandler = { _ in }) throws -> TrainingResult {
        let started = WallClock.seconds()
        let config = streamingConfiguration
        let train = Examples(dataset.train).prefix(config.trainingExamples).standardized(config.pixelStandardization)
        let test = Examples(dataset.test).standardized(config.pixelStandardization)
        let trainProbe = train.prefix(trainAccuracyExamples)
        let store = try LayerDirectory.create(at: directory, configuration: config, inputSize: train.images.columns,
                                              dataset: dataset.name.rawValue, seed: seed)
        defer { store.removeScratch() }
        var history = try StreamingFFTrainer(configuration: config, inputSize: train.images.columns, store: store, seed: seed)
            .fit(train: train, progress: progress)
        let network = StreamingFFNetwork(configuration: config, inputSize: train.images.columns, store: store)
        let testAccuracy = test.accuracy(of: try network.predictByGoodness(test.images))
        let testReadout = try network.predictByReadout(test.images).map(test.accuracy(of:))
        if !history.isEmpty {
            history[history.count - 1].testAccuracy = testAccuracy
            history[history.count - 1].testAccuracyReadout = testReadout
        }
        var result = TrainingResult(
            ffanalogVersion: FFAnalogVersion.current, algorithm: algorithm.rawValue, recipe: recipe?.rawValue,
            dataset: dataset.name.rawValue, dataDirectory: dataset.directory,
            dataVerified: dataset.verification.allVerified, dataWarnings: dataset.verification.warnings,
            hidden: config.hiddenSizes, epochs: config.epochs, batchSize: config.batchSize, learningRate: config.learningRate,
            optimizer: config.optimizer.kind.rawValue, seed: seed, threads: BLAS.threadCount, blas: BLAS.configuration,
            trainExamples: train.count, testExamples: test.count,
            testAccuracy: testAccuracy, testAccuracyReadout: testReadout,
            trainAccuracy: trainProbe.accuracy(of: try network.predictByGoodness(trainProbe.images)),
            trainAccuracyReadout: try network.predictByReadout(trainProbe.images).map(trainProbe.accuracy(of:)),
            trainAccuracyExamples: trainProbe.count,
            trainSeconds: history.reduce(0) { $0 + $1.seconds }, totalSeconds: WallClock.seconds() - started,
            history: history, ffConfiguration: config, bpConfiguration: nil)
        result.evaluationSet = dataset.evaluationSet.description
        return result
    }
}

extension Examples {
    /// The examples of a dataset split.
    public init(_ split: DatasetSplit) {
        self.init(images: split.images, labels: split.labels)
    }
}

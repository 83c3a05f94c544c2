import FFNumerics
import FFRandom
import FFTraining

/// Times FF training and goodness prediction against the naive FLOP count
/// at this machine's measured sgemm throughput.
///
/// The naive FLOP count is what a straightforward implementation performs:
/// every positive, negative, neutral and per-label pass as its own product,
/// and one weight-gradient product per pass. The naive time is that count
/// divided by the best sgemm rate measured on the run's own layer shapes, so
/// a ratio below 1 means ffanalog does less work than the naive count, not
/// that it beats BLAS.
public enum TrainingBenchmark {
    /// Timing of one layer's training steps (or, for simultaneous training, of the whole network's).
    public struct StepTiming: Codable, Sendable {
        /// Layer index, or `nil` for all layers trained together.
        public var layer: Int?
        /// Steps timed.
        public var steps: Int
        /// Measured seconds per step in steady state: for a full-batch layer,
        /// the mean over every step after the first.
        public var secondsPerStep: Double
        /// The first step of a full-batch layer, timed alone: it also gathers
        /// the batch and allocates (and page-faults in) the work buffers, a
        /// one-time cost that the recipe's 1000 steps amortise (`nil` for minibatches).
        public var firstStepSeconds: Double?
        /// Mean seconds per step including the first.
        public var meanSecondsPerStep: Double {
            guard let first = firstStepSeconds, steps > 1 else { return secondsPerStep }
            return (first + secondsPerStep * Double(steps - 1)) / Double(steps)
        }
        /// Naive FLOPs per step.
        public var naiveFLOPsPerStep: Double
        /// Best sgemm GFLOP/s measured on this part's shapes.
        public var peakGFLOPS: Double
        /// The sgemm peak measured before and after the steps (GFLOP/s).
        /// On a shared machine the two can differ; ``peakGFLOPS`` takes the
        /// higher, which makes ``ratio`` the less favourable of the two.
        public var peakMeasurements: [Double]
        /// Naive FLOPs ÷ peak: the naive implementation's time at the sgemm peak.
        public var naiveSecondsAtPeak: Double { naiveFLOPsPerStep / (peakGFLOPS * 1e9) }
        /// Measured ÷ naive-at-peak time.
        public var ratio: Double { secondsPerStep / naiveSecondsAtPeak }
        /// Naive FLOPs per measured second, GFLOP/s.
        public var achievedNaiveGFLOPS: Double { naiveFLOPsPerStep / secondsPerStep / 1e9 }

        // "Flops" so that snake-case JSON reads naive_flops_per_step, not naive_flo_ps_per_step.
        private enum CodingKeys: String, CodingKey {
            case layer, steps, secondsPerStep, firstStepSeconds, peakGFLOPS, peakMeasurements
            case naiveFLOPsPerStep = "naiveFlopsPerStep"
        }
    }

    /// Timing of goodness prediction over every label.
    public struct PredictionTiming: Codable, Sendable {
        /// Images scored.
        public var images: Int
        /// Labels tried per image.
        public var labels: Int
        /// Measured seconds with the shared first-layer product and zero input columns skipped.
        public var seconds: Double
        /// Measured seconds with the shared first-layer product alone.
        public var sharedOnlySeconds: Double
        /// Measured seconds with every label pass as its own product.
        public var naiveSeconds: Double
        /// Naive FLOPs.
        public var naiveFLOPs: Double
        /// FLOPs of the products actually run (first layer shared, zero columns skipped).
        public var performedFLOPs: Double
        /// Best sgemm GFLOP/s on the prediction's shapes.
        public var peakGFLOPS: Double
        /// The sgemm peak measured before and after the timed predictions (GFLOP/s).
        public var peakMeasurements: [Double]
        /// Naive FLOPs at the sgemm peak, seconds.
        public var naiveSecondsAtPeak: Double { naiveFLOPs / (peakGFLOPS * 1e9) }
        /// Measured ÷ naive-at-peak time.
        public var ratio: Double { seconds / naiveSecondsAtPeak }
        /// The least ratio sharing the first layer alone can reach at the sgemm
        /// peak (only the first layer's product is common to every label).
        public var exactFloor: Double
        /// Per layer, the fraction of input columns the skipping products
        /// multiplied (1 for the shared first layer, which is not skipped).
        public var inputUse: [Double]
        /// Measured ÷ measured-naive time.
        public var ratioToMeasuredNaive: Double { seconds / naiveSeconds }

        private enum CodingKeys: String, CodingKey {
            case images, labels, seconds, sharedOnlySeconds, naiveSeconds, peakGFLOPS, peakMeasurements, exactFloor, inputUse
            case naiveFLOPs = "naiveFlops", performedFLOPs = "performedFlops"
        }
    }

    /// Everything one benchmark run measured.
    public struct Report: Codable, Sendable {
        /// Hidden layer sizes.
        public var hidden: [Int]
        /// Examples per step.
        public var batchSize: Int
        /// Training examples.
        public var trainExamples: Int
        /// Layer schedule.
        public var schedule: String
        /// Whether the first layer's product was shared.
        public var sharedFirstLayer: Bool
        /// How the shared first layer split the last batch's pixels (`nil`: dense products).
        public var firstLayerSplit: FirstLayerPixelSplit?
        /// Training step timings.
        public var training: [StepTiming]
        /// Seconds of the whole fit (one epoch or the steps of every layer).
        public var fitSeconds: Double
        /// Goodness-prediction timing, if measured.
        public var prediction: PredictionTiming?
    }

    /// Naive FLOPs of one training step of `layer` (or of all layers when
    /// `layer` is nil, as simultaneous training does) on `batch` examples.
    /// - Parameters:
    ///   - configuration: The FF configuration.
    ///   - inputSize: Pixels per image.
    ///   - batch: Examples in the step.
    ///   - layer: One layer (layerwise) or nil (all layers per step).
    /// - Returns: FLOPs: per layer, positive and negative forward and
    ///   weight-gradient products (4 × 2·batch·in·out), the neutral forward
    ///   pass when a readout trains alongside, the readout's forward and
    ///   gradient, and the 10-label scoring pass of hard or proportional negatives.
    public static func naiveStepFLOPs(_ configuration: FFConfiguration, inputSize: Int, batch: Int, layer: Int?) -> Double {
        let sizes = [inputSize] + configuration.hiddenSizes
        let b = Double(batch)
        func product(_ l: Int) -> Double { 2 * b * Double(sizes[l]) * Double(sizes[l + 1]) }
        if let layer { return 4 * product(layer) }
        let layers = configuration.hiddenSizes.indices
        var flops = layers.reduce(0) { $0 + 4 * product($1) }
        if configuration.readout {
            let features = Double(configuration.hiddenSizes.dropFirst().reduce(0, +))
            flops += layers.reduce(0) { $0 + product($1) } + 2 * 2 * b * features * Double(configuration.overlay.classes)
        }
        if configuration.negatives == .hard || configuration.negatives == .proportional {
            flops += Double(configuration.overlay.classes) * layers.reduce(0) { $0 + product($1) }
        }
        return flops
    }

    /// The best sgemm GFLOP/s over forward- and gradient-shaped products of a layer.
    /// - Parameters:
    ///   - batch: Rows per product.
    ///   - inputs: Layer inputs.
    ///   - outputs: Layer outputs.
    ///   - repetitions: Timed repetitions per shape.
    public static func peak(batch: Int, inputs: Int, outputs: Int, repetitions: Int = 3) -> Double {
        let shapes = [("forward", batch, outputs, inputs), ("gradient", outputs, inputs, batch)]
        return GemmBenchmark.run(shapes: shapes.map { (use: $0.0, m: $0.1, n: $0.2, k: $0.3) }, repetitions: repetitions)
            .map(\.gflops).max() ?? 0
    }

    /// Trains `configuration` on `train` (for its configured epochs) and times it.
    /// A layerwise configuration is timed without its readout, which trains after the layers.
    /// - Parameters:
    ///   - configuration: The FF configuration (its readout is honoured).
    ///   - train: Training examples.
    ///   - predictionImages: Images to time goodness prediction on (`nil`: skip).
    ///   - sharedFirstLayer: Share the first layer's product (the naive path otherwise).
    ///   - seed: The seed.
    /// - Returns: The timings.
    public static func run(_ configuration: FFConfiguration, train: Examples, predictionImages: Matrix?,
                           sharedFirstLayer: Bool = true, seed: UInt64) throws -> Report {
        var configuration = configuration
        // A layerwise run trains its readout afterwards; that is not part of any step.
        if configuration.schedule == .layerwise { configuration.readout = false }
        let network = FFNetwork(configuration: configuration, inputSize: train.images.columns, random: RandomGenerator(seed: seed))
        network.sharesFirstLayerProduct = sharedFirstLayer
        network.skipsZeroInputs = sharedFirstLayer  // hard negatives score every batch
        let sizes = [train.images.columns] + configuration.hiddenSizes
        let batch = min(configuration.batchSize, train.count)
        // The peak of each layer's shapes, measured before and after the steps.
        func peaks() -> [Double] {
            configuration.hiddenSizes.indices.map { peak(batch: batch, inputs: sizes[$0], outputs: sizes[$0 + 1]) }
        }
        let peaksBefore = peaks()
        let start = WallClock.seconds()
        let trainer = FFTrainer(network: network, seed: seed)
        let history = try trainer.fit(train: train, test: nil)
        let fitSeconds = WallClock.seconds() - start
        let peaksAfter = peaks()
        let stepsPerEpoch = (train.count + configuration.batchSize - 1) / configuration.batchSize
        var timings = [StepTiming]()
        switch configuration.schedule {
        case .layerwise:
            for l in configuration.hiddenSizes.indices {
                let records = history.filter { $0.layer == l }
                let steps = records.count * stepsPerEpoch
                // One full batch per epoch record: the first step is reported apart.
                let split = stepsPerEpoch == 1 && records.count > 1
                let steady = split ? records.dropFirst() : records[...]
                timings.append(StepTiming(
                    layer: l, steps: steps,
                    secondsPerStep: steady.reduce(0) { $0 + $1.seconds } / Double(steady.count * stepsPerEpoch),
                    firstStepSeconds: split ? records.first?.seconds : nil,
                    naiveFLOPsPerStep: naiveStepFLOPs(configuration, inputSize: sizes[0], batch: batch, layer: l),
                    peakGFLOPS: max(peaksBefore[l], peaksAfter[l]), peakMeasurements: [peaksBefore[l], peaksAfter[l]]))
            }
        case .simultaneous:
            let steps = history.count * stepsPerEpoch
            timings.append(StepTiming(
                layer: nil, steps: steps, secondsPerStep: history.reduce(0) { $0 + $1.seconds } / Double(steps),
                firstStepSeconds: nil,
                naiveFLOPsPerStep: naiveStepFLOPs(configuration, inputSize: sizes[0], batch: batch, layer: nil),
                peakGFLOPS: max(peaksBefore.max() ?? 0, peaksAfter.max() ?? 0),
                peakMeasurements: [peaksBefore.max() ?? 0, peaksAfter.max() ?? 0]))
        }
        let prediction = predictionImages.map { predictionTiming(network, images: $0) }
        return Report(hidden: configuration.hiddenSizes, batchSize: configuration.batchSize, trainExamples: train.count,
                      schedule: configuration.schedule.rawValue, sharedFirstLayer: sharedFirstLayer && network.executors.first is ExactLinearLayer,
                      firstLayerSplit: trainer.firstLayerPixelSplit, training: timings, fitSeconds: fitSeconds, prediction: prediction)
    }

    /// Times goodness prediction over every label: naive, with the first
    /// layer shared, and with zero input columns skipped as well.
    static func predictionTiming(_ network: FFNetwork, images: Matrix) -> PredictionTiming {
        let chunk = 1000
        let sizes = [network.inputSize] + network.configuration.hiddenSizes
        let labels = network.configuration.overlay.classes
        let perPass = network.configuration.hiddenSizes.indices.map { 2 * Double(sizes[$0]) * Double(sizes[$0 + 1]) }
        let naive = Double(labels) * Double(images.rows) * perPass.reduce(0, +)
        let shared = Double(images.rows) * perPass[0] + Double(labels) * Double(images.rows) * perPass.dropFirst().reduce(0, +)
        let saved = (network.sharesFirstLayerProduct, network.skipsZeroInputs)
        defer { (network.sharesFirstLayerProduct, network.skipsZeroInputs) = saved }
        func time(sharing: Bool, skipping: Bool) -> Double {
            (network.sharesFirstLayerProduct, network.skipsZeroInputs) = (sharing, skipping)
            let t = WallClock.seconds()
            _ = network.goodnessScores(images, chunkSize: chunk)
            return WallClock.seconds() - t
        }
        func peakRate() -> Double {
            network.configuration.hiddenSizes.indices
                .map { peak(batch: labels * min(chunk, images.rows), inputs: sizes[$0], outputs: sizes[$0 + 1]) }.max() ?? 0
        }
        let peakBefore = peakRate()
        let naiveSeconds = time(sharing: false, skipping: false)
        let sharedSeconds = time(sharing: true, skipping: false)
        let seconds = time(sharing: true, skipping: true)
        let inputUse = network.lastScoringInputUse
        let peakAfter = peakRate()
        let used = network.configuration.hiddenSizes.indices.map { perPass[$0] * inputUse[$0] }
        let skipped = Double(images.rows) * used[0] + Double(labels) * Double(images.rows) * used.dropFirst().reduce(0, +)
        return PredictionTiming(images: images.rows, labels: labels, seconds: seconds, sharedOnlySeconds: sharedSeconds,
                                naiveSeconds: naiveSeconds, naiveFLOPs: naive, performedFLOPs: skipped,
                                peakGFLOPS: max(peakBefore, peakAfter), peakMeasurements: [peakBefore, peakAfter], exactFloor: shared / naive, inputUse: inputUse)
    }
}

import ArgumentParser
import FFAnalog

extension Bench {
    struct Train: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Seconds per FF training step and per goodness prediction, against the naive FLOP count at this machine's sgemm peak.",
            discussion: """
            Examples:
              ffanalog bench train --recipe pytorch-forward-forward --steps 20
              ffanalog bench train --recipe hinton --epochs 1
            """)

        @OptionGroup var data: DataOptions
        @OptionGroup var training: TrainingOptions
        @OptionGroup var runtime: RunOptions

        @Option(name: .long, help: "Training steps per layer (a full-batch recipe) or in total (minibatches); overrides --epochs.")
        var steps: Int?

        @Option(name: .long, help: "Test images for the goodness-prediction timing (0 skips it).")
        var predict: Int = 10_000

        @Flag(name: .long, help: "Run every overlay as its own first-layer product (the naive path).")
        var naive = false

        @Option(name: .long, help: "Write the measurements as JSON here.")
        var output: String?

        func validate() throws {
            if let steps, steps < 1 { throw ValidationError("--steps must be at least 1") }
            if predict < 0 { throw ValidationError("--predict must not be negative") }
        }

        func run() throws {
            runtime.apply()
            let dataset = try data.load()
            var config = try training.ffConfiguration()
            var train = Examples(dataset.train).prefix(config.trainingExamples).standardized(config.pixelStandardization)
            if let steps {
                if config.batchSize >= train.count {
                    config.epochs = steps
                } else {
                    config.epochs = 1
                    train = train.prefix(min(train.count, steps * config.batchSize))
                }
            }
            let test = Examples(dataset.test).standardized(config.pixelStandardization).prefix(predict)
            let report = try TrainingBenchmark.run(config, train: train, predictionImages: predict > 0 ? test.images : nil,
                                                   sharedFirstLayer: !naive, seed: runtime.seed)
            print("FF \(config.hiddenSizes.map(String.init).joined(separator: "-")), batch \(min(config.batchSize, train.count)), \(train.count) examples, \(config.schedule.rawValue), \(BLAS.threadCount) thread(s), first layer \(report.sharedFirstLayer ? "shared" : "naive"):")
            if let split = report.firstLayerSplit, let outputs = config.hiddenSizes.first {
                print("  first layer's last batch of \(split.images): sgemm on \(split.densePixels) of \(split.pixels) pixels; \(split.basePixels) base pixels (\(split.constantPixels) constant) with \(split.deviations) deviations; its two products perform \(format(split.performedFraction(outputs: outputs), 3)) of their dense FLOPs")
            }
            for t in report.training {
                let part = t.layer.map { "layer \($0 + 1)" } ?? "all layers"
                print("  \(part.padding(11)) \(format(t.secondsPerStep * 1e3, 1)) ms/step over \(t.steps) steps; naive \(format(t.naiveFLOPsPerStep / 1e9, 2)) GFLOP/step at peak \(format(t.peakGFLOPS, 1)) GFLOP/s = \(format(t.naiveSecondsAtPeak * 1e3, 1)) ms; ratio \(format(t.ratio, 3)); \(format(t.achievedNaiveGFLOPS, 1)) naive GFLOP/s")
                print("  \("".padding(11)) (peak: the higher of \(peakText(t.peakMeasurements)) GFLOP/s measured before and after the steps)")
                if let first = t.firstStepSeconds {
                    print("  \("".padding(11)) (steady state, steps 2–\(t.steps)); first step \(format(first * 1e3, 1)) ms with the batch gather and buffer allocation; mean over all \(t.steps) steps \(format(t.meanSecondsPerStep * 1e3, 1)) ms, ratio \(format(t.meanSecondsPerStep / t.naiveSecondsAtPeak, 3))")
                }
            }
            print("  whole fit   \(format(report.fitSeconds, 2)) s")
            if let p = report.prediction {
                print("  prediction  \(p.images) images × \(p.labels) labels: \(format(p.seconds, 2)) s (shared first layer and zero inputs skipped), \(format(p.sharedOnlySeconds, 2)) s shared first layer only, \(format(p.naiveSeconds, 2)) s naive; naive at peak \(format(p.naiveSecondsAtPeak, 2)) s (the higher of \(peakText(p.peakMeasurements)) GFLOP/s measured before and after)")
                let use = p.inputUse.map { format($0, 3) }.joined(separator: " / ")
                print("              ratio \(format(p.ratio, 3)) to naive at peak (sharing alone could reach \(format(p.exactFloor, 3))), \(format(p.ratioToMeasuredNaive, 3)) to measured naive; input columns multiplied per layer \(use); FLOPs performed \(format(p.performedFLOPs / p.naiveFLOPs, 3)) of naive")
            }
            if let output {
                try JSONFile.write(BenchmarkDocument(benchmark: "train", threads: BLAS.threadCount, blas: BLAS.configuration,
                                                     results: report), to: output)
            }
        }
    }
}

/// Peak rates as "205.1 / 267.5".
private func peakText(_ rates: [Double]) -> String {
    rates.map { format($0, 1) }.joined(separator: " / ")
}

import ArgumentParser
import Foundation
import FFAnalog

struct Train: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Train Forward-Forward (supervised, recurrent or unsupervised) or backprop on ideal digital hardware.",
        discussion: "Recipes:\n" + Recipe.allCases.map { "  \($0.rawValue): \($0.summary)" }.joined(separator: "\n"))

    @Option(name: .long, help: "Learning rule: ff, ff-recurrent, ff-unsupervised, bp, or ff-stream (layerwise FF with fixed negatives, one layer in memory at a time, the others on disk); default: the recipe's, else ff.")
    var algorithm: String?

    @OptionGroup var data: DataOptions
    @OptionGroup var training: TrainingOptions
    @OptionGroup var variants: VariantOptions
    @OptionGroup var runtime: RunOptions

    @Option(name: .long, help: "Write the JSON result here (atomically).")
    var output: String?

    @Option(name: .long, help: "Save the trained model here (atomically; ff and bp only).")
    var save: String?

    @Option(name: .long, help: "ff-stream: keep the layer files in this directory (default: a temporary directory, removed).")
    var streamDir: String?

    @Option(name: .long, help: ArgumentHelp(
        "Hold out the last N training examples and evaluate on them instead of the test set.",
        discussion: "For choosing settings without looking at the test set: training never sees the held-out examples, every reported 'test' figure measures them, and the JSON records evaluation_set. --train-examples then takes the first examples of the rest."))
    var validation: Int?

    @Option(name: .long, help: ArgumentHelp(
        "Keep a resumable training state here (ff, ff-recurrent, ff-unsupervised), written atomically after every --state-every epochs.",
        discussion: "Repeat the same command with --resume to continue after the last saved epoch; the continued run gives the same bits as one that never stopped."))
    var state: String?

    @Option(name: .long, help: "Epochs between writes of --state (and after the last epoch).")
    var stateEvery: Int = 1

    @Flag(name: .long, help: "Continue from --state if it exists (it must come from the same command), else start afresh.")
    var resume = false

    @Flag(name: .long, help: ArgumentHelp(
        "ff, ff-recurrent, ff-unsupervised: after every epoch, measure each layer on the test set: its own goodness accuracy, positive and negative goodness (mean, std), dead units and the participation ratio of its activity.",
        discussion: "For ff-recurrent, a layer's goodness is averaged over the scored iterations of the prediction pass. For ff-unsupervised, positive data are the test images, negative data one fixed hybrid of each, and a layer's accuracy is the fraction of images whose G beats their hybrid's. The records go into the JSON history and, with --output X.json, into the tidy CSV X.diagnostics.csv; without --output the last epoch's are printed. `ffanalog plot X.json` draws the goodness separation."))
    var diagnostics = false

    /// The algorithm given, else the recipe's, else supervised FF.
    func resolvedAlgorithm() throws -> TrainingRun.Algorithm {
        let recipeAlgorithm = try training.resolvedRecipe().variantAlgorithm
        let name = algorithm ?? recipeAlgorithm ?? "ff"
        guard let a = TrainingRun.Algorithm(rawValue: name) else {
            let known = TrainingRun.Algorithm.allCases.map(\.rawValue).joined(separator: ", ")
            throw ValidationError("unknown --algorithm '\(name)'; choose \(known)")
        }
        return a
    }

    func validate() throws {
        let a = try resolvedAlgorithm()
        if save != nil, a == .ffRecurrent || a == .ffUnsupervised {
            throw ValidationError("--save is not available for \(a.rawValue) yet: checkpoints hold supervised FF and backprop models only")
        }
        if a == .ffUnsupervised, training.negatives != nil || training.negativeLabelTemperature != nil {
            throw ValidationError("--negatives and --negative-label-temperature choose wrong labels; ff-unsupervised makes hybrid images instead and uses no labels")
        }
        if a == .ffRecurrent || a == .ffUnsupervised, training.schedule == LayerSchedule.layerwise.rawValue {
            throw ValidationError("\(a.rawValue) trains every layer on every batch; --schedule layerwise does not apply")
        }
        if variants.receptiveField != nil && a != .ffUnsupervised {
            throw ValidationError("--receptive-field applies to --algorithm ff-unsupervised only (\(a.rawValue) layers are fully connected)")
        }
        if let sizes = try variants.receptiveFieldSizes(), let layers = try training.hiddenSizes()?.count {
            do { try LocalReceptiveFields(sizes: sizes).validate(layers: layers) } catch { throw ValidationError("\(error)") }
        }
        if (variants.jitter ?? 0) > 0 && a != .ffRecurrent {
            throw ValidationError("--jitter applies to --algorithm ff-recurrent only for now")
        }
        if variants.labelFreeIterations == "skip" && a != .ffRecurrent {
            throw ValidationError("--label-free-iterations applies to --algorithm ff-recurrent only")
        }
        if variants.negativeScoring == NegativeScoring.prediction.rawValue && a != .ffRecurrent {
            throw ValidationError("--negative-scoring applies to --algorithm ff-recurrent only (ff scores negatives with its own prediction already)")
        }
        if streamDir != nil && a != .ffStream {
            throw ValidationError("--stream-dir applies to --algorithm ff-stream only")
        }
        if let validation, validation < 1 {
            throw ValidationError("--validation must be at least 1 (the number of training examples to hold out)")
        }
        if state != nil, !TrainingRun.resumableAlgorithms.contains(a) {
            throw ValidationError("--state is implemented for "
                + TrainingRun.resumableAlgorithms.map(\.rawValue).joined(separator: ", ") + " only, not for \(a.rawValue)")
        }
        if resume && state == nil { throw ValidationError("--resume continues from --state PATH; give --state too") }
        if stateEvery < 1 { throw ValidationError("--state-every must be at least 1") }
        if diagnostics && a != .ff && a != .ffUnsupervised && a != .ffRecurrent {
            throw ValidationError("--diagnostics is implemented for --algorithm ff, ff-recurrent and ff-unsupervised, not for \(a.rawValue)")
        }
    }

    func run() throws {
        runtime.apply()
        let loaded = try data.load()
        for warning in loaded.verification.warnings { printError("warning: \(warning)") }
        let dataset = try validation.map(loaded.holdingOutValidation) ?? loaded
        let algorithm = try resolvedAlgorithm()
        let recipe = try training.resolvedRecipe()
        var spec = TrainingRun(algorithm: algorithm, ff: try training.ffConfiguration(), bp: try training.bpConfiguration(),
                               recipe: training.recipe.flatMap(Recipe.init(rawValue:)), seed: runtime.seed,
                               diagnostics: diagnostics)
        spec.recurrent = try variants.recurrentDynamics(recipe)
        spec.unsupervised = try variants.unsupervisedSettings(recipe)
        spec.state = state.map { TrainingRun.StatePolicy(path: $0, every: stateEvery, resume: resume) }
        if let state, resume {
            printError(FileManager.default.fileExists(atPath: state)
                       ? "resuming from \(state)" : "no state at \(state) yet: starting afresh")
        }
        let display = ProgressDisplay(label: algorithm.rawValue, quiet: runtime.quiet,
                                      evaluationName: dataset.evaluationSet.shortName)
        let result: TrainingResult
        if algorithm == .ffStream {
            let directory = streamDir ?? FileManager.default.temporaryDirectory
                .appendingPathComponent("ffanalog-stream-\(UUID().uuidString)").path
            defer { if streamDir == nil { try? FileManager.default.removeItem(atPath: directory) } }
            result = try spec.runStreaming(on: dataset, directory: directory, progress: display.handle)
            // A single-file model holds every layer in memory at once, so it is assembled only when asked for.
            if let save { try LayerDirectory.open(directory).checkpoint().write(to: save) }
        } else {
            let (r, checkpoint) = try spec.run(on: dataset, progress: display.handle)
            result = r
            if let save, let checkpoint { try checkpoint.write(to: save) }
        }
        if let output {
            try JSONFile.write(result, to: output)
            if diagnostics { try result.diagnosticsTable().write(to: Self.diagnosticsPath(forOutput: output)) }
        }
        var line = "\(algorithm.rawValue) on \(dataset.name.rawValue): \(dataset.evaluationSet.shortName) accuracy \(format(100 * result.testAccuracy, 2))%"
        if algorithm == .ffUnsupervised {
            line += " (readout of the last \(min(spec.unsupervised.readoutLayerCount, spec.ff.hiddenSizes.count)) layers)"
        } else if let r = result.testAccuracyReadout {
            line += " (goodness), \(format(100 * r, 2))% (readout)"
        }
        line += "; train accuracy \(format(100 * result.trainAccuracy, 2))%"
        line += "; \(format(result.trainSeconds, 1))s training on \(result.threads) BLAS threads"
        print(line)
        let accuracies = [result.trainAccuracy, result.testAccuracy] + (result.testAccuracyReadout.map { [$0] } ?? [])
        if let warning = Self.chanceWarning(accuracies: accuracies, classes: DatasetSplit.classCount) {
            printError("warning: \(warning)")
        }
        if let use = result.zeroSkipping {
            let percent = { (v: [Double]) in v.map { "\(format(100 * $0, 1))%" }.joined(separator: ", ") }
            print("zeros skipped in training: inputs multiplied \(percent(use.inputUse)), "
                  + "weight-gradient elements computed \(percent(use.gradientUse)) (per layer)")
        }
        if diagnostics && output == nil, let last = result.history.last(where: { $0.diagnostics != nil })?.diagnostics {
            print("per-layer diagnostics after the last FF epoch, on \(last.first?.examples ?? 0) \(dataset.evaluationSet.shortName) examples:")
            let ratios = last.contains { $0.participationRatio != nil }
            var rows = [["layer", "accuracy", "positive G", "negative G", "dead"] + (ratios ? ["PR"] : [])]
            for (l, d) in last.enumerated() {
                rows.append(["\(l + 1)", "\(format(100 * d.accuracy, 2))%",
                             "\(format(d.positiveGoodnessMean, 3)) ± \(format(d.positiveGoodnessStd, 3))",
                             "\(format(d.negativeGoodnessMean, 3)) ± \(format(d.negativeGoodnessStd, 3))",
                             "\(format(100 * d.deadFraction, 1))%"]
                            + (ratios ? [d.participationRatio.map { format($0, 1) } ?? "–"] : []))
            }
            for line in TextTable.lines(rows) { print(line) }
        }
    }

    /// A warning when a finished run is no better than guessing, or `nil`.
    ///
    /// Without it, a collapse looks like an ordinary result: a step too large
    /// can silence every unit of an FF layer, after which no gradient revives it
    /// and every label scores the same.
    /// - Parameters:
    ///   - accuracies: Every accuracy the run reports, in [0, 1]: train,
    ///     test or validation, and the readout's where there is one. Training
    ///     has failed only if all of them are near chance.
    ///   - classes: Number of classes (chance is one over it).
    /// - Returns: What happened and what to try, or `nil` when any accuracy is above 1.5× chance.
    static func chanceWarning(accuracies: [Double], classes: Int) -> String? {
        let chance = 1 / Double(max(classes, 1))
        guard let best = accuracies.max(), best <= 1.5 * chance else { return nil }
        return "the best accuracy of this run, \(format(100 * best, 2))%, is at chance (\(format(100 * chance, 0))% for \(classes) classes): "
            + "the network learned nothing. With FF the usual cause is a collapse, every unit silent after too large a step "
            + "(--diagnostics shows each layer's dead fraction); lower --learning-rate"
    }

    /// Where `--diagnostics` writes its CSV beside `--output`: `X.json` → `X.diagnostics.csv`.
    static func diagnosticsPath(forOutput output: String) -> String {
        (output.hasSuffix(".json") ? String(output.dropLast(5)) : output) + ".diagnostics.csv"
    }
}

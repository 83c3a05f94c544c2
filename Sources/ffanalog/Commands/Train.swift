import ArgumentParser
import FFAnalog

struct Train: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Train Forward-Forward (supervised, recurrent or unsupervised) or backprop on ideal digital hardware.",
        discussion: "Recipes:\n" + Recipe.allCases.map { "  \($0.rawValue): \($0.summary)" }.joined(separator: "\n"))

    @Option(name: .long, help: "Learning rule: ff, ff-recurrent, ff-unsupervised or bp (default: the recipe's, else ff).")
    var algorithm: String?

    @OptionGroup var data: DataOptions
    @OptionGroup var training: TrainingOptions
    @OptionGroup var variants: VariantOptions
    @OptionGroup var runtime: RunOptions

    @Option(name: .long, help: "Write the JSON result here (atomically).")
    var output: String?

    @Option(name: .long, help: "Save the trained model here (atomically; ff and bp only).")
    var save: String?

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
        if a == .ffUnsupervised, training.negatives != nil {
            throw ValidationError("--negatives chooses wrong labels; ff-unsupervised makes hybrid images instead and uses no labels")
        }
        if a == .ffRecurrent || a == .ffUnsupervised, training.schedule == LayerSchedule.layerwise.rawValue {
            throw ValidationError("\(a.rawValue) trains every layer on every batch; --schedule layerwise does not apply")
        }
    }

    func run() throws {
        runtime.apply()
        let dataset = try data.load()
        for warning in dataset.verification.warnings { printError("warning: \(warning)") }
        let algorithm = try resolvedAlgorithm()
        let recipe = try training.resolvedRecipe()
        var spec = TrainingRun(algorithm: algorithm, ff: try training.ffConfiguration(), bp: try training.bpConfiguration(),
                               recipe: training.recipe.flatMap(Recipe.init(rawValue:)), seed: runtime.seed)
        spec.recurrent = try variants.recurrentDynamics(recipe)
        spec.unsupervised = variants.unsupervisedSettings(recipe)
        let display = ProgressDisplay(label: algorithm.rawValue, quiet: runtime.quiet)
        let (result, checkpoint) = try spec.run(on: dataset, progress: display.handle)
        if let output { try JSONFile.write(result, to: output) }
        if let save, let checkpoint { try checkpoint.write(to: save) }
        var line = "\(algorithm.rawValue) on \(dataset.name.rawValue): test accuracy \(format(100 * result.testAccuracy, 2))%"
        if algorithm == .ffUnsupervised {
            line += " (readout of the last \(min(spec.unsupervised.readoutLayerCount, spec.ff.hiddenSizes.count)) layers)"
        } else if let r = result.testAccuracyReadout {
            line += " (goodness), \(format(100 * r, 2))% (readout)"
        }
        line += "; train accuracy \(format(100 * result.trainAccuracy, 2))%"
        line += "; \(format(result.trainSeconds, 1))s training on \(result.threads) BLAS threads"
        print(line)
    }
}

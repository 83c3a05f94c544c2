import ArgumentParser
import FFAnalog

/// Settings of the recurrent and unsupervised FF variants; each overrides
/// the recipe's value only when given.
struct VariantOptions: ParsableArguments {
    @Option(name: .long, help: "ff-recurrent: weight of the previous state in a damped update (Hinton: 0.3).")
    var damping: Float?

    @Option(name: .long, help: "ff-recurrent: synchronous iterations after the bottom-up pass (Hinton: 8).")
    var iterations: Int?

    @Option(name: .long, help: "ff-recurrent: iterations whose goodness is averaged for prediction, FIRST-LAST (Hinton: 3-5).")
    var scoredIterations: String?

    @Option(name: .long, help: "ff-recurrent: when each layer takes an optimizer step: iteration (default) or batch (the mean over the iterations).")
    var recurrentStep: String?

    @Option(name: .long, help: "ff-recurrent: layers whose goodness is summed for prediction: all or skip-first.")
    var recurrentPredictionLayers: String?

    @Option(name: .long, help: "ff-recurrent: size of the label vector the top layer hears: state (a normalised top state's length, √(units/classes) under RMS; the default), normalized (like a state, no more) or a factor on the normalised label.")
    var labelScale: String?

    @Option(name: .long, help: "ff-recurrent: shift each training image by a random −N to N pixels along each axis every time it is used (data augmentation, not in Hinton's §4; prediction sees the images unshifted; default 0: none).")
    var jitter: Int?

    @Option(name: .long, help: "ff-recurrent: whether a layer trains at the iterations before the label has come down to it, when its positive and negative runs have the same input: train (the default: FF on every layer at every time step) or skip.")
    var labelFreeIterations: String?

    @Option(name: .long, help: "ff-recurrent: how the labels that proportional and hard negatives are drawn from are scored: single-pass (Hinton's single forward pass, the top layer's first step; the default) or prediction (the full prediction's averaged goodness; an epoch took about twice as long at 3×500).")
    var negativeScoring: String?

    @Option(name: .long, help: "ff-unsupervised: passes of the [1/4, 1/2, 1/4] blur of the hybrid mask.")
    var blurPasses: Int?

    @Option(name: .long, help: "ff-unsupervised: how many of the last layers the readout reads (Hinton: 3).")
    var readoutLayers: Int?

    @Option(name: .long, help: "ff-unsupervised: readout-only epochs after the FF epochs.")
    var readoutEpochs: Int?

    @Option(name: .long, help: "ff-unsupervised: local receptive fields without weight sharing, R or R1,R2,... (one per layer): each unit sees the sites of the layer below less than R/2 away along each axis (R per axis, one fewer where the point below the unit lies exactly on a site or midway between two; every hidden layer a square map of sites; on a device the weights outside are pairs programmed to 0; default: fully connected).")
    var receptiveField: String?

    /// The parsed `--receptive-field`.
    func receptiveFieldSizes() throws -> [Int]? {
        guard let receptiveField else { return nil }
        guard let values = positiveIntegerList(receptiveField) else {
            throw ValidationError("--receptive-field takes R or R1,R2,... with every R at least 1, e.g. 11 or 7,11,11,11; got '\(receptiveField)'")
        }
        return values
    }

    /// The parsed `--scored-iterations`.
    func scoredWindow() throws -> ClosedRange<Int>? {
        guard let scoredIterations else { return nil }
        let parts = scoredIterations.split(separator: "-").map { Int($0.trimmingCharacters(in: .whitespaces)) }
        guard parts.count == 2, let first = parts[0], let last = parts[1], first >= 1, first <= last else {
            throw ValidationError("--scored-iterations takes FIRST-LAST with 1 ≤ FIRST ≤ LAST, e.g. 3-5; got '\(scoredIterations)'")
        }
        return first...last
    }

    func validate() throws {
        if let damping, !(damping >= 0 && damping < 1) { throw ValidationError("--damping must be in [0, 1), got \(damping)") }
        if let labelScale, LabelScale(labelScale) == nil {
            throw ValidationError("unknown --label-scale '\(labelScale)'; choose normalized, state or a positive number")
        }
        if let iterations, iterations < 1 { throw ValidationError("--iterations must be at least 1") }
        if let jitter, jitter < 0 { throw ValidationError("--jitter must be 0 (none) or a positive number of pixels, got \(jitter)") }
        _ = try scoredWindow()
        if let recurrentStep, !["iteration", "batch"].contains(recurrentStep) {
            throw ValidationError("unknown --recurrent-step '\(recurrentStep)'; choose iteration or batch")
        }
        if let recurrentPredictionLayers, PredictionLayers(rawValue: recurrentPredictionLayers) == nil {
            throw ValidationError("unknown --recurrent-prediction-layers '\(recurrentPredictionLayers)'; choose all or skip-first")
        }
        if let labelFreeIterations, !["train", "skip"].contains(labelFreeIterations) {
            throw ValidationError("unknown --label-free-iterations '\(labelFreeIterations)'; choose train or skip")
        }
        if let negativeScoring, NegativeScoring(rawValue: negativeScoring) == nil {
            throw ValidationError("unknown --negative-scoring '\(negativeScoring)'; choose single-pass or prediction")
        }
        if let blurPasses, blurPasses < 0 { throw ValidationError("--blur-passes must not be negative") }
        if let readoutLayers, readoutLayers < 1 { throw ValidationError("--readout-layers must be at least 1") }
        if let readoutEpochs, readoutEpochs < 0 { throw ValidationError("--readout-epochs must not be negative") }
        _ = try receptiveFieldSizes()
    }

    /// The recipe's recurrent dynamics with explicit options applied.
    /// - Throws: `ValidationError` when the scored iterations lie beyond the iterations.
    func recurrentDynamics(_ recipe: Recipe) throws -> RecurrentDynamics {
        var d = recipe.recurrentDynamics
        if let damping { d.damping = damping }
        if let iterations { d.iterations = iterations }
        if let s = labelScale.flatMap(LabelScale.init) { d.labelScale = s }
        if let jitter { d.jitter = jitter }
        if let recurrentStep { d.updateEveryIteration = recurrentStep == "iteration" }
        if let labelFreeIterations { d.trainsLabelFreeIterations = labelFreeIterations == "train" }
        if let s = negativeScoring.flatMap(NegativeScoring.init(rawValue:)) { d.negativeScoring = s }
        if let p = recurrentPredictionLayers.flatMap(PredictionLayers.init(rawValue:)) { d.predictionLayers = p }
        if let window = try scoredWindow() {
            d.firstScoredIteration = window.lowerBound
            d.lastScoredIteration = window.upperBound
        }
        do { try d.validate() } catch { throw ValidationError("\(error)") }
        return d
    }

    /// The recipe's unsupervised settings with explicit options applied.
    func unsupervisedSettings(_ recipe: Recipe) throws -> UnsupervisedSettings {
        var s = recipe.unsupervisedSettings
        if let blurPasses { s.blurPasses = blurPasses }
        if let readoutLayers { s.readoutLayerCount = readoutLayers }
        if let readoutEpochs { s.readoutEpochs = readoutEpochs }
        if let sizes = try receptiveFieldSizes() { s.receptiveFields = LocalReceptiveFields(sizes: sizes) }
        return s
    }
}

extension VariantOptions {
    /// Sets the variants' settings of a `simulate` or `compare` run from the recipe and these options.
    /// - Parameters:
    ///   - simulation: The simulation to change.
    ///   - training: The training options, for the recipe.
    func apply(to simulation: inout Simulation, training: TrainingOptions) throws {
        if receptiveField != nil && !simulation.methods.contains(.ffUnsupervised) {
            throw ValidationError("--receptive-field applies to the ff-unsupervised method only; add it to --methods or drop the option")
        }
        if (jitter ?? 0) > 0 && !simulation.methods.contains(.ffRecurrent) {
            throw ValidationError("--jitter applies to the ff-recurrent method only; add it to --methods or drop the option")
        }
        if labelFreeIterations == "skip" && !simulation.methods.contains(.ffRecurrent) {
            throw ValidationError("--label-free-iterations applies to the ff-recurrent method only; add it to --methods or drop the option")
        }
        if negativeScoring == NegativeScoring.prediction.rawValue && !simulation.methods.contains(.ffRecurrent) {
            throw ValidationError("--negative-scoring applies to the ff-recurrent method only; add it to --methods or drop the option")
        }
        let recipe = try training.resolvedRecipe()
        simulation.recurrent = try recurrentDynamics(recipe)
        simulation.unsupervised = try unsupervisedSettings(recipe)
    }
}

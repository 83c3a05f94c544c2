import ArgumentParser
import FFAnalog

/// Hyper-parameters of a training run; each overrides the recipe's value
/// only when given.
struct TrainingOptions: ParsableArguments {
    @Option(name: .long, help: "Named recipe: \(Recipe.allCases.map(\.rawValue).joined(separator: ", ")).")
    var recipe: String?

    @Option(name: .long, help: "Hidden layer sizes, comma-separated, e.g. 500,500.")
    var hidden: String?

    @Option(name: .long, help: "Epochs (per layer with --schedule layerwise).")
    var epochs: Int?

    @Option(name: .long, help: "Minibatch size.")
    var batchSize: Int?

    @Option(name: .long, help: "Base learning rate.")
    var learningRate: Float?

    @Option(name: .long, help: "Optimizer: adam or sgd.")
    var optimizer: String?

    @Option(name: .long, help: "SGD momentum.")
    var momentum: Float?

    @Option(name: .long, help: "L2 weight decay.")
    var weightDecay: Float?

    @Option(name: .long, help: "Learning rate of FF's linear readout (it follows the same schedule).")
    var readoutLearningRate: Float?

    @Option(name: .long, help: "L2 weight decay of FF's linear readout.")
    var readoutWeightDecay: Float?

    @Option(name: .long, help: "Learning-rate schedule: constant or linear-decay.")
    var lrSchedule: String?

    @Option(name: .long, help: "Use only the first N training examples.")
    var trainExamples: Int?

    @Option(name: .long, help: "FF layer order: simultaneous or layerwise.")
    var schedule: String?

    @Option(name: .long, help: ArgumentHelp(
        "FF goodness and loss: \(GoodnessChoice.cliSpellings).",
        discussion: "sum-squares: σ(Σy² − θ), θ = units by default (Hinton). mean-squares: σ(mean y² − θ), θ = 2. min-sum-squares / min-mean-squares: the same with the sign flipped, σ(θ − Σy²) (\"min ssq\"): positive data quiet, negative data active. symba: softplus(−α(G_pos − G_neg)), α = 4. softmax: cross-entropy of a softmax of α·Σy² over the true label and K wrong labels (α = 4; K omitted: all 9 wrong labels, so each batch runs K negative copies).",
        valueName: "goodness"))
    var goodness: String?

    @Option(name: .long, help: "FF negative labels: random, hard, proportional or permutation.")
    var negatives: String?

    @Option(name: .long, help: ArgumentHelp(
        "Temperature T of proportional negatives: a wrong label c is drawn with weight exp(G_c / T).",
        discussion: "1 (the default) reads goodness as the logistic loss does. A Σy² goodness over hundreds of units can differ between labels by tens, and then at T = 1 the draw is close to the hardest wrong label; larger T moves it towards uniformly random wrong labels.",
        valueName: "T"))
    var negativeLabelTemperature: Float?

    @Option(name: .long, help: "Evaluate on the test set every N epochs (always after the last).")
    var evaluateEvery: Int?

    @Option(name: .long, help: "FF peer normalisation STRENGTH[,MOMENTUM] (loeweX: 0.03,0.9, with --activation-gradient straight-through: under the nominal ReLU derivative a dead unit gets no gradient from it); 'none' turns a recipe's off.")
    var peerNorm: String?

    @Option(name: .long, help: "Derivative of the nonlinearity in FF's local update: nominal or straight-through.")
    var activationGradient: String?

    @Option(name: .long, help: "FF decorrelation STRENGTH: penalise the covariance between a layer's units on positive data (VICReg's covariance term; not in Hinton's FF); 'none' turns it off.")
    var decorrelation: String?

    @Option(name: .long, help: "Standardise pixels as (x − MEAN)/STD after scaling to [0, 1], e.g. 0.1307,0.3081; 'none' to turn a recipe's off.")
    var standardize: String?

    /// The parsed `--standardize`: absent → nil (keep the recipe's), `none` → .some(nil).
    func standardization() throws -> PixelStandardization?? {
        guard let standardize else { return nil }
        if standardize == "none" { return .some(nil) }
        let parts = standardize.split(separator: ",").compactMap { Float($0.trimmingCharacters(in: .whitespaces)) }
        guard parts.count == 2, parts[1] > 0, parts.allSatisfy(\.isFinite) else {
            throw ValidationError("--standardize takes MEAN,STD with STD > 0 (e.g. 0.1307,0.3081) or 'none'; got '\(standardize)'")
        }
        return .some(PixelStandardization(mean: parts[0], std: parts[1]))
    }

    /// The parsed `--peer-norm`: absent → nil (keep the recipe's), `none` → .some(nil).
    func peerNormalization() throws -> PeerNormalization?? {
        guard let peerNorm else { return nil }
        if peerNorm == "none" { return .some(nil) }
        let parts = peerNorm.split(separator: ",").map { Float($0.trimmingCharacters(in: .whitespaces)) }
        guard (1...2).contains(parts.count), let strength = parts[0], strength >= 0, strength.isFinite,
              parts.count == 1 || parts[1].map({ $0 >= 0 && $0 < 1 }) == true else {
            throw ValidationError("--peer-norm takes STRENGTH[,MOMENTUM] with STRENGTH ≥ 0 and 0 ≤ MOMENTUM < 1 (e.g. 0.03,0.9) or 'none'; got '\(peerNorm)'")
        }
        return .some(PeerNormalization(strength: strength, momentum: parts.count == 2 ? parts[1]! : 0.9))
    }

    /// The parsed `--decorrelation`: absent → nil (keep the recipe's), `none` → .some(nil).
    func decorrelationSetting() throws -> Decorrelation?? {
        guard let decorrelation else { return nil }
        if decorrelation == "none" { return .some(nil) }
        guard let strength = Float(decorrelation.trimmingCharacters(in: .whitespaces)), strength >= 0, strength.isFinite else {
            throw ValidationError("--decorrelation takes a STRENGTH ≥ 0 (e.g. 0.1) or 'none'; got '\(decorrelation)'")
        }
        return .some(Decorrelation(strength: strength))
    }

    /// The recipe named by `--recipe` (ffanalog's default when absent).
    func resolvedRecipe() throws -> Recipe {
        guard let recipe else { return .ffanalog }
        guard let r = Recipe(rawValue: recipe) else {
            throw ValidationError("unknown recipe '\(recipe)'; choose one of \(Recipe.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        return r
    }

    func hiddenSizes() throws -> [Int]? {
        guard let hidden else { return nil }
        guard let sizes = positiveIntegerList(hidden) else {
            throw ValidationError("--hidden must be positive integers separated by commas, e.g. 500,500; got '\(hidden)'")
        }
        return sizes
    }

    func validate() throws {
        _ = try resolvedRecipe()
        _ = try hiddenSizes()
        if let epochs, epochs < 1 { throw ValidationError("--epochs must be at least 1") }
        if let batchSize, batchSize < 1 { throw ValidationError("--batch-size must be at least 1") }
        if let learningRate, !(learningRate > 0) { throw ValidationError("--learning-rate must be positive") }
        if let optimizer, OptimizerConfiguration.Kind(rawValue: optimizer) == nil {
            throw ValidationError("unknown --optimizer '\(optimizer)'; choose adam or sgd")
        }
        if let lrSchedule, LearningRateSchedule(rawValue: lrSchedule) == nil {
            throw ValidationError("unknown --lr-schedule '\(lrSchedule)'; choose constant or linear-decay")
        }
        if let schedule, LayerSchedule(rawValue: schedule) == nil {
            throw ValidationError("unknown --schedule '\(schedule)'; choose simultaneous or layerwise")
        }
        if let goodness, GoodnessChoice(cliName: goodness) == nil {
            throw ValidationError("unknown --goodness '\(goodness)'; use one of \(GoodnessChoice.cliSpellings) (θ, α: numbers; K: a whole number from 1 to 9)")
        }
        if let g = goodness.flatMap(GoodnessChoice.init(cliName:)), g.negativesPerPositive(classes: 10) > 9 {
            throw ValidationError("--goodness '\(goodness!)' asks for \(g.negativesPerPositive(classes: 10)) wrong labels per example; there are only 9")
        }
        if let negatives, NegativeChoice(rawValue: negatives) == nil {
            throw ValidationError("unknown --negatives '\(negatives)'; choose \(NegativeChoice.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        if let trainExamples, trainExamples < 1 { throw ValidationError("--train-examples must be at least 1") }
        if let weightDecay, weightDecay < 0 { throw ValidationError("--weight-decay must not be negative") }
        if let readoutLearningRate, !(readoutLearningRate > 0) {
            throw ValidationError("--readout-learning-rate must be positive")
        }
        if let readoutWeightDecay, !(readoutWeightDecay >= 0) {
            throw ValidationError("--readout-weight-decay must not be negative")
        }
        _ = try standardization()
        _ = try peerNormalization()
        _ = try decorrelationSetting()
        if let activationGradient, ActivationGradient(rawValue: activationGradient) == nil {
            throw ValidationError("unknown --activation-gradient '\(activationGradient)'; choose nominal or straight-through")
        }
        if negativeLabelTemperature != nil {
            // Last, once every option ffConfiguration() reads is known to parse:
            // the library's check, against the recipe's negatives or --negatives.
            let c = try ffConfiguration()
            do { try c.checkNegativeLabelTemperature() } catch { throw ValidationError("--negative-label-temperature: \(error)") }
        }
    }

    /// The recipe's FF configuration with explicit options applied.
    func ffConfiguration() throws -> FFConfiguration {
        var c = try resolvedRecipe().ffConfiguration
        if let h = try hiddenSizes() { c.hiddenSizes = h }
        if let epochs { c.epochs = epochs }
        if let batchSize { c.batchSize = batchSize }
        if let learningRate { c.learningRate = learningRate }
        applyOptimizer(&c.optimizer)
        if let readoutLearningRate { c.readoutLearningRate = readoutLearningRate }
        if let readoutWeightDecay { c.readoutWeightDecay = readoutWeightDecay }
        if let s = lrSchedule.flatMap(LearningRateSchedule.init(rawValue:)) { c.learningRateSchedule = s }
        if let s = schedule.flatMap(LayerSchedule.init(rawValue:)) { c.schedule = s }
        if let g = goodness.flatMap(GoodnessChoice.init(cliName:)) { c.goodness = g }
        if let n = negatives.flatMap(NegativeChoice.init(rawValue:)) { c.negatives = n }
        if let negativeLabelTemperature { c.negativeLabelTemperature = negativeLabelTemperature }
        if let trainExamples { c.trainingExamples = trainExamples }
        if let evaluateEvery { c.evaluateEvery = evaluateEvery }
        if let s = try standardization() { c.pixelStandardization = s }
        if let p = try peerNormalization() { c.peerNormalization = p }
        if let d = try decorrelationSetting() { c.decorrelation = d }
        if let g = activationGradient.flatMap(ActivationGradient.init(rawValue:)) { c.activationGradient = g }
        return c
    }

    /// The recipe's backprop configuration with explicit options applied.
    func bpConfiguration() throws -> BPConfiguration {
        var c = try resolvedRecipe().bpConfiguration
        if let h = try hiddenSizes() { c.hiddenSizes = h }
        if let epochs { c.epochs = epochs }
        if let batchSize { c.batchSize = batchSize }
        if let learningRate { c.learningRate = learningRate }
        applyOptimizer(&c.optimizer)
        if let s = lrSchedule.flatMap(LearningRateSchedule.init(rawValue:)) { c.learningRateSchedule = s }
        if let trainExamples { c.trainingExamples = trainExamples }
        if let evaluateEvery { c.evaluateEvery = evaluateEvery }
        if let s = try standardization() { c.pixelStandardization = s }
        return c
    }

    private func applyOptimizer(_ o: inout OptimizerConfiguration) {
        if let k = optimizer.flatMap(OptimizerConfiguration.Kind.init(rawValue:)) { o.kind = k }
        if let momentum { o.momentum = momentum }
        if let weightDecay { o.weightDecay = weightDecay }
    }
}

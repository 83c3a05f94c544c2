/// The time course of recurrent Forward-Forward (Hinton 2022 §4): damping,
/// iterations and the window whose goodness predicts the label.
public struct RecurrentDynamics: Sendable, Codable, Equatable {
    /// Weight of the previous state in a damped update:
    /// new = damping · old + (1 − damping) · computed (Hinton: 0.3).
    public var damping: Float
    /// Synchronous iterations after the bottom-up pass, in training and in
    /// prediction (Hinton: 8).
    public var iterations: Int
    /// First iteration (1-based) whose goodness counts towards a prediction (Hinton: 3).
    public var firstScoredIteration: Int
    /// Last iteration (1-based) whose goodness counts towards a prediction (Hinton: 5).
    public var lastScoredIteration: Int
    /// Layers whose goodness is summed for a prediction (default: all; every
    /// layer hears the label through the layers above it).
    public var predictionLayers: PredictionLayers
    /// Take an optimizer step after every iteration (FF at every time step,
    /// the default) instead of one step per batch with the mean gradient over
    /// the iterations. In short MNIST runs stepping at every iteration
    /// learned much faster (89.8% against 84.1%).
    public var updateEveryIteration: Bool
    /// How large the label vector is that the top layer hears (default
    /// ``LabelScale/stateLength``; Hinton does not give the label's scale, and
    /// the merely normalised label, ``LabelScale/normalized``, learned far more
    /// slowly in MNIST runs).
    public var labelScale: LabelScale
    /// Shift each training image by up to this many pixels along each axis,
    /// a fresh random shift every time it is used (``ImageJitter``; 0, the
    /// default, leaves the images alone). Not part of Hinton's §4 setting;
    /// prediction always sees the images unshifted.
    public var jitter: Int
    /// Whether a layer also gets an FF gradient at the iterations before the
    /// label can have reached it (true, the default: FF on every layer at
    /// every time step). The label enters at the top, one layer per
    /// iteration, so with L layers layer l (1-based) first hears it at
    /// iteration L − l + 1; before that its positive and negative runs have the
    /// same input, and the loss only pulls both goodnesses towards the
    /// threshold. When false, those iterations train nothing (see
    /// ``trains(layer:of:at:)``).
    public var trainsLabelFreeIterations: Bool
    /// How the candidate labels for proportional and hard negatives are
    /// scored (default ``NegativeScoring/singlePass``, Hinton's single forward pass).
    public var negativeScoring: NegativeScoring

    /// Creates the dynamics; the defaults are Hinton's where he gives them.
    /// - Parameters:
    ///   - damping: Weight of the previous state.
    ///   - iterations: Synchronous iterations.
    ///   - firstScoredIteration: First iteration averaged for prediction (1-based).
    ///   - lastScoredIteration: Last iteration averaged for prediction (1-based).
    ///   - predictionLayers: Layers whose goodness is summed.
    ///   - updateEveryIteration: Step after every iteration rather than once per batch.
    ///   - labelScale: How large the label vector is.
    ///   - jitter: Largest random shift of a training image, in pixels (0: none).
    ///   - trainsLabelFreeIterations: Train layers also before the label has reached them.
    ///   - negativeScoring: How candidate negative labels are scored.
    public init(damping: Float = 0.3, iterations: Int = 8, firstScoredIteration: Int = 3, lastScoredIteration: Int = 5,
                predictionLayers: PredictionLayers = .all, updateEveryIteration: Bool = true, labelScale: LabelScale = .stateLength,
                jitter: Int = 0, trainsLabelFreeIterations: Bool = true, negativeScoring: NegativeScoring = .singlePass) {
        self.damping = damping
        self.iterations = iterations
        self.firstScoredIteration = firstScoredIteration
        self.lastScoredIteration = lastScoredIteration
        self.predictionLayers = predictionLayers
        self.updateEveryIteration = updateEveryIteration
        self.labelScale = labelScale
        self.jitter = jitter
        self.trainsLabelFreeIterations = trainsLabelFreeIterations
        self.negativeScoring = negativeScoring
    }

    private enum CodingKeys: String, CodingKey {
        case damping, iterations, firstScoredIteration, lastScoredIteration, predictionLayers, updateEveryIteration, labelScale, jitter
        case trainsLabelFreeIterations, negativeScoring
    }

    /// Decodes the dynamics; results and states written before ``labelScale``
    /// existed decode as ``LabelScale/normalized``, how they were trained, and
    /// those written before ``jitter``, ``trainsLabelFreeIterations`` and
    /// ``negativeScoring`` existed without jitter, training every iteration
    /// and scoring negatives with the single pass.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        damping = try c.decode(Float.self, forKey: .damping)
        iterations = try c.decode(Int.self, forKey: .iterations)
        firstScoredIteration = try c.decode(Int.self, forKey: .firstScoredIteration)
        lastScoredIteration = try c.decode(Int.self, forKey: .lastScoredIteration)
        predictionLayers = try c.decode(PredictionLayers.self, forKey: .predictionLayers)
        updateEveryIteration = try c.decode(Bool.self, forKey: .updateEveryIteration)
        labelScale = try c.decodeIfPresent(LabelScale.self, forKey: .labelScale) ?? .normalized
        jitter = try c.decodeIfPresent(Int.self, forKey: .jitter) ?? 0
        trainsLabelFreeIterations = try c.decodeIfPresent(Bool.self, forKey: .trainsLabelFreeIterations) ?? true
        negativeScoring = try c.decodeIfPresent(NegativeScoring.self, forKey: .negativeScoring) ?? .singlePass
    }

    /// Encodes the dynamics; ``jitter``, ``trainsLabelFreeIterations`` and
    /// ``negativeScoring`` only when they differ from the default, so results
    /// without them read as before.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(damping, forKey: .damping)
        try c.encode(iterations, forKey: .iterations)
        try c.encode(firstScoredIteration, forKey: .firstScoredIteration)
        try c.encode(lastScoredIteration, forKey: .lastScoredIteration)
        try c.encode(predictionLayers, forKey: .predictionLayers)
        try c.encode(updateEveryIteration, forKey: .updateEveryIteration)
        try c.encode(labelScale, forKey: .labelScale)
        if jitter != 0 { try c.encode(jitter, forKey: .jitter) }
        if !trainsLabelFreeIterations { try c.encode(false, forKey: .trainsLabelFreeIterations) }
        if negativeScoring != .singlePass { try c.encode(negativeScoring, forKey: .negativeScoring) }
    }

    /// The first iteration (1-based) at which a layer's input depends on the
    /// label: the top layer hears it at iteration 1, each layer below one
    /// iteration after the layer above it.
    /// - Parameters:
    ///   - layer: The layer, 0-based from the bottom.
    ///   - layerCount: How many hidden layers the network has.
    public static func labelArrival(layer: Int, of layerCount: Int) -> Int { layerCount - layer }

    /// Whether a layer gets an FF gradient at an iteration.
    /// - Parameters:
    ///   - layer: The layer, 0-based from the bottom.
    ///   - layerCount: How many hidden layers the network has.
    ///   - iteration: The iteration, 1-based.
    public func trains(layer: Int, of layerCount: Int, at iteration: Int) -> Bool {
        trainsLabelFreeIterations || iteration >= Self.labelArrival(layer: layer, of: layerCount)
    }

    /// The iterations averaged for a prediction.
    public var scoredIterations: ClosedRange<Int> { firstScoredIteration...lastScoredIteration }

    /// Checks that the numbers describe a run.
    /// - Throws: ``TrainingError/invalidConfiguration(_:)`` naming the bad value.
    public func validate() throws(TrainingError) {
        guard damping >= 0, damping < 1 else {
            throw .invalidConfiguration("recurrent damping must be in [0, 1), got \(damping)")
        }
        if case .gain(let g) = labelScale, !(g > 0 && g.isFinite) {
            throw .invalidConfiguration("the recurrent label gain must be a positive number, got \(g)")
        }
        guard jitter >= 0 else { throw .invalidConfiguration("the jitter must be 0 (none) or a positive number of pixels, got \(jitter)") }
        guard iterations >= 1 else { throw .invalidConfiguration("recurrent FF needs at least 1 iteration, got \(iterations)") }
        guard firstScoredIteration >= 1, firstScoredIteration <= lastScoredIteration, lastScoredIteration <= iterations else {
            throw .invalidConfiguration(
                "the scored iterations \(firstScoredIteration)–\(lastScoredIteration) must lie within 1–\(iterations)")
        }
    }
}

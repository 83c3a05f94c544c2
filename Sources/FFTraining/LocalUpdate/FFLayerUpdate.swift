import FFNumerics

/// One layer's Forward-Forward learning state for the FF variants: its
/// optimizer, a gradient accumulator, its peer-normalisation state and
/// decorrelation scratch space.
///
/// The update it computes is local and needs only what a black-box device
/// gives: the layer's own input, its measured output, the nominal derivative
/// of its nonlinearity (or straight-through) and the goodness loss of the
/// layer's state. Several measurements may be accumulated before one
/// optimizer step (recurrent FF adds one per time step); the step uses their
/// mean.
public struct FFLayerUpdate {
    fileprivate var optimizer: ParameterOptimizer
    private var gradient: LayerParameters
    fileprivate var peer: PeerNormalization.State
    private var decorrelation = Decorrelation.Workspace()
    private var gPos = Matrix(rows: 0, columns: 0)
    private var gNeg = Matrix(rows: 0, columns: 0)
    private var gBoth = Matrix(rows: 0, columns: 0)
    private var statePos = Matrix(rows: 0, columns: 0)
    private var stateNeg = Matrix(rows: 0, columns: 0)
    private var gradientProduct = ZeroColumnSkippingOuterProduct()
    /// Measurements accumulated since the last ``apply(to:executor:learningRate:)``.
    public private(set) var pending = 0
    /// Whether the weight gradient is computed only for the units with a
    /// non-zero output gradient and the inputs that are non-zero somewhere in
    /// the batch (``ZeroColumnSkippingOuterProduct``); the rest of it is zero
    /// by algebra. Equal to the dense product up to Float rounding order.
    /// Off by default; recurrent FF turns it on (its speed-up was measured
    /// there, not for the other users of this type).
    public var skipsZeroColumns: Bool
    /// A 0/1 mask in the layout of the weights (local receptive fields): the
    /// weight gradient is multiplied by it before each step, so weights that
    /// start at zero outside it stay zero. `nil`: every weight learns.
    public var connectivity: Matrix?
    /// The fraction of the weight gradient's elements computed so far (1 when
    /// nothing was skipped; see ``skipsZeroColumns``).
    public var gradientUse: Double { gradientProduct.usedFraction }

    /// Creates the state of one layer.
    /// - Parameters:
    ///   - optimizer: The optimizer of the FF layers.
    ///   - inputSize: Inputs of the layer.
    ///   - outputSize: Units of the layer.
    ///   - skipsZeroColumns: See ``skipsZeroColumns``.
    public init(optimizer: OptimizerConfiguration, inputSize: Int, outputSize: Int, skipsZeroColumns: Bool = false) {
        self.skipsZeroColumns = skipsZeroColumns
        self.optimizer = ParameterOptimizer(optimizer, inputSize: inputSize, outputSize: outputSize)
        gradient = LayerParameters(inputSize: inputSize, outputSize: outputSize)
        peer = PeerNormalization.State(units: outputSize)
    }

    /// Adds the local FF gradient of one positive and one negative measurement.
    ///
    /// The loss is taken on the layer's *state*; the state depends on the
    /// measured output through `∂state/∂output = outputScale` (1 for plain FF,
    /// 1 − damping for recurrent FF, whose earlier state is held fixed).
    /// - Parameters:
    ///   - objective: The layer's goodness function.
    ///   - configuration: Supplies peer normalisation, decorrelation and the activation gradient.
    ///   - positive: The positive batch: input, measured output and state.
    ///   - negative: The negative batch, likewise.
    ///   - outputScale: ∂state/∂output.
    /// - Returns: The layer's loss (goodness loss plus the peer and decorrelation terms).
    public mutating func accumulate(objective: any GoodnessFunction, configuration: FFConfiguration,
                                    positive: LayerMeasurement, negative: LayerMeasurement,
                                    outputScale: Float = 1) -> Double {
        var loss = objective.loss(positive: positive.state, negative: negative.state,
                                  positiveGradient: &gPos, negativeGradient: &gNeg)
        if let settings = configuration.peerNormalization {
            loss += peer.apply(settings, positive: positive.state, gradient: &gPos)
        }
        if let d = configuration.decorrelation {
            loss += d.apply(positive: positive.state, gradient: &gPos, workspace: &decorrelation)
        }
        if outputScale != 1 {
            gPos.scale(by: outputScale)
            gNeg.scale(by: outputScale)
        }
        if configuration.activationGradient ?? .nominal == .nominal {
            positive.activation.backpropagate(&gPos, output: positive.output)
            negative.activation.backpropagate(&gNeg, output: negative.output)
        }
        addGradient(input: positive.input, outputGradient: gPos, accumulate: pending > 0)
        addGradient(input: negative.input, outputGradient: gNeg, accumulate: true)
        pending += 1
        return loss
    }

    /// Adds the local FF gradient of a positive and a negative batch that were
    /// measured together, stacked: rows `0..<positiveRows` of `measurement`
    /// are the positive batch and the rest the negative one. The loss is the
    /// same as ``accumulate(objective:configuration:positive:negative:outputScale:)``'s,
    /// and one gradient product covers both batches (the same sum, up to Float
    /// rounding order).
    /// - Parameters:
    ///   - objective: The layer's goodness function.
    ///   - configuration: Supplies peer normalisation, decorrelation and the activation gradient.
    ///   - measurement: Both batches: inputs, measured outputs and states.
    ///   - positiveRows: How many of the first rows are positive.
    ///   - outputScale: ∂state/∂output.
    /// - Returns: The layer's loss (goodness loss plus the peer and decorrelation terms).
    public mutating func accumulate(objective: any GoodnessFunction, configuration: FFConfiguration,
                                    stacked measurement: LayerMeasurement, positiveRows: Int,
                                    outputScale: Float = 1) -> Double {
        let rows = measurement.state.rows
        precondition(positiveRows <= rows, "accumulate: \(positiveRows) positive rows of \(rows)")
        statePos.copyRows(from: measurement.state, range: 0..<positiveRows)
        stateNeg.copyRows(from: measurement.state, range: positiveRows..<rows)
        var loss = objective.loss(positive: statePos, negative: stateNeg,
                                  positiveGradient: &gPos, negativeGradient: &gNeg)
        if let settings = configuration.peerNormalization {
            loss += peer.apply(settings, positive: statePos, gradient: &gPos)
        }
        if let d = configuration.decorrelation {
            loss += d.apply(positive: statePos, gradient: &gPos, workspace: &decorrelation)
        }
        gBoth.reshape(rows: rows, columns: gPos.columns)
        gBoth.setRows(0, from: gPos)
        gBoth.setRows(positiveRows, from: gNeg)
        if outputScale != 1 { gBoth.scale(by: outputScale) }
        if configuration.activationGradient ?? .nominal == .nominal {
            measurement.activation.backpropagate(&gBoth, output: measurement.output)
        }
        addGradient(input: measurement.input, outputGradient: gBoth, accumulate: pending > 0)
        pending += 1
        return loss
    }

    /// Writes (or adds) the weight and bias gradient of one batch.
    private mutating func addGradient(input: Matrix, outputGradient: Matrix, accumulate: Bool) {
        if skipsZeroColumns {
            gradient.setGradient(input: input, outputGradient: outputGradient, accumulate: accumulate,
                                 skippingZeroColumns: &gradientProduct)
        } else {
            gradient.setGradient(input: input, outputGradient: outputGradient, accumulate: accumulate)
        }
    }

    /// Takes one optimizer step with the mean of the accumulated gradients,
    /// updates the intended parameters and writes the same increment to the
    /// executor. Does nothing when nothing was accumulated.
    /// - Parameters:
    ///   - parameters: The trainer's record of the layer's parameters.
    ///   - executor: Where the layer computes.
    ///   - learningRate: The step size.
    public mutating func apply(to parameters: inout LayerParameters, executor: any LayerExecutor, learningRate: Float) {
        guard pending > 0 else { return }
        if pending > 1 {
            let inv = 1 / Float(pending)
            gradient.weights.scale(by: inv)
            for i in gradient.bias.indices { gradient.bias[i] *= inv }
        }
        if let connectivity { gradient.weights.multiply(by: connectivity) }
        optimizer.step(&parameters, gradient: gradient, learningRate: learningRate, updating: executor)
        pending = 0
    }
}

extension FFLayerUpdate {
    /// Stores the optimizer and peer-normalisation state under `name`.
    /// Call it between batches, when nothing is pending.
    func save(_ name: String, into snapshot: inout TrainerSnapshot) {
        precondition(pending == 0, "a layer update is saved with accumulated gradients pending")
        snapshot.put(name + ".optimizer", optimizer: optimizer.states)
        snapshot.put(name + ".peer", floats: peer.runningMeans)
    }

    /// Restores what ``save(_:into:)`` stored.
    mutating func restore(_ name: String, from snapshot: TrainerSnapshot) throws(TrainingError) {
        try snapshot.restore(name + ".optimizer", optimizer: &optimizer)
        peer.restore(runningMeans: try snapshot.floats(name + ".peer", count: peer.runningMeans.count))
    }
}

/// What one layer saw in one forward measurement: its input, the output the
/// executor returned, and the state its goodness is taken on.
public struct LayerMeasurement {
    /// `batch × inputSize` inputs the layer received.
    public var input: Matrix
    /// `batch × units` measured outputs.
    public var output: Matrix
    /// `batch × units` state (equal to ``output`` without damping).
    public var state: Matrix
    /// The layer's nominal nonlinearity.
    public var activation: Activation

    /// Creates a record.
    /// - Parameters:
    ///   - input: The inputs.
    ///   - output: The measured outputs.
    ///   - state: The state the goodness is taken on.
    ///   - activation: The nominal nonlinearity.
    public init(input: Matrix, output: Matrix, state: Matrix, activation: Activation) {
        self.input = input
        self.output = output
        self.state = state
        self.activation = activation
    }
}

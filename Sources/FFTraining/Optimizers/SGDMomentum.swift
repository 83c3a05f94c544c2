import FFNumerics

/// SGD with momentum, PyTorch's form: v ← μ·v + (g + λ·w); w ← w − lr·v.
/// Velocities and gradient components too small to stay normal are read as
/// zero (``SubnormalGuard``).
public struct SGDMomentum: Optimizer {
    private var velocity: [Float]
    private var started = false
    /// Momentum μ.
    public let momentum: Float
    /// L2 weight decay λ.
    public let weightDecay: Float

    /// Creates the optimizer.
    /// - Parameters:
    ///   - count: Number of parameters.
    ///   - momentum: μ (0 for plain SGD).
    ///   - weightDecay: λ.
    public init(count: Int, momentum: Float, weightDecay: Float) {
        velocity = [Float](repeating: 0, count: count)
        self.momentum = momentum
        self.weightDecay = weightDecay
    }

    public mutating func step(parameters: UnsafeMutableBufferPointer<Float>,
                              gradient: UnsafeBufferPointer<Float>,
                              output: UnsafeMutableBufferPointer<Float>,
                              writing: StepOutput,
                              learningRate: Float) {
        precondition(parameters.count == velocity.count && gradient.count == velocity.count)
        let (mu, wd) = (momentum, weightDecay)
        // PyTorch starts the buffer at the first gradient (no dampening).
        let first = !started
        started = true
        let (floor, negativeRate) = (SubnormalGuard.momentFloor, -learningRate)
        guard let pp = parameters.baseAddress, let gp = gradient.baseAddress, let dp = output.baseAddress else { return }
        let mirrors = writing == .parameters
        velocity.withUnsafeMutableBufferPointer { v in
            let vp = v.baseAddress!
            // Every element on its own: the same bits at any thread count. Eight lanes at a
            // time, the scalar formula's operations in its order (see Lanes). Tiny values read
            // as zero, so that nothing turns subnormal (see SubnormalGuard).
            ParallelRows.forEach(rows: v.count, columns: 1) { _, range in
                Lanes.forEachChunk(range) { i, n in
                    let p = Lanes.load(pp, i, n)
                    let g = SubnormalGuard.flushed(Lanes.load(gp, i, n) + wd * p, below: floor)
                    let vNew = first ? g : mu * SubnormalGuard.flushed(Lanes.load(vp, i, n), below: floor) + g
                    let d = negativeRate * vNew
                    let updated = p + d
                    Lanes.store(vNew, vp, i, n)
                    Lanes.store(mirrors ? updated : d, dp, i, n)
                    Lanes.store(updated, pp, i, n)
                }
            }
        }
    }

    public var state: OptimizerState { OptimizerState(vectors: [velocity], steps: started ? 1 : 0) }

    public mutating func restore(_ state: OptimizerState) -> Bool {
        guard state.hasShape(of: self.state), state.steps >= 0 else { return false }
        velocity = state.vectors[0]
        started = state.steps > 0
        return true
    }
}

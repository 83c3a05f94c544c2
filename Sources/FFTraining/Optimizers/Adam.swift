import FFNumerics
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Adam (Kingma & Ba 2015) with bias correction, PyTorch's form, with L2
/// weight decay added to the gradient. Moments and gradient components too
/// small to stay normal are read as zero (``SubnormalGuard``).
public struct Adam: Optimizer {
    private var m: [Float]
    private var v: [Float]
    private var t: Int = 0
    /// β₁.
    public let beta1: Float
    /// β₂.
    public let beta2: Float
    /// ε.
    public let epsilon: Float
    /// L2 weight decay λ.
    public let weightDecay: Float

    /// Creates the optimizer.
    /// - Parameters:
    ///   - count: Number of parameters.
    ///   - beta1: Decay of the first-moment average.
    ///   - beta2: Decay of the second-moment average.
    ///   - epsilon: Added to the root of the second moment.
    ///   - weightDecay: λ.
    public init(count: Int, beta1: Float, beta2: Float, epsilon: Float, weightDecay: Float) {
        m = [Float](repeating: 0, count: count)
        v = [Float](repeating: 0, count: count)
        self.beta1 = beta1
        self.beta2 = beta2
        self.epsilon = epsilon
        self.weightDecay = weightDecay
    }

    public mutating func step(parameters: UnsafeMutableBufferPointer<Float>,
                              gradient: UnsafeBufferPointer<Float>,
                              output: UnsafeMutableBufferPointer<Float>,
                              writing: StepOutput,
                              learningRate: Float) {
        precondition(parameters.count == m.count && gradient.count == m.count)
        t += 1
        let (b1, b2, eps, wd) = (beta1, beta2, epsilon, weightDecay)
        let c1 = 1 - powf(b1, Float(t))
        let c2 = (1 - powf(b2, Float(t))).squareRoot()
        let stepSize = learningRate / c1
        let (oneMinusB1, oneMinusB2, negativeStep) = (1 - b1, 1 - b2, -stepSize)
        let (gradientFloor, momentFloor) = (SubnormalGuard.gradientFloor, SubnormalGuard.momentFloor)
        guard let pp = parameters.baseAddress, let gp = gradient.baseAddress, let dp = output.baseAddress else { return }
        let mirrors = writing == .parameters
        m.withUnsafeMutableBufferPointer { m in
            v.withUnsafeMutableBufferPointer { v in
                let (mp, vp) = (m.baseAddress!, v.baseAddress!)
                // Every element on its own: the same bits at any thread count. Eight lanes at a
                // time, the scalar formula's operations in its order (see Lanes). Tiny values read
                // as zero, so that nothing turns subnormal (see SubnormalGuard).
                ParallelRows.forEach(rows: m.count, columns: 1) { _, range in
                    Lanes.forEachChunk(range) { i, n in
                        let p = Lanes.load(pp, i, n)
                        let g = SubnormalGuard.flushed(Lanes.load(gp, i, n) + wd * p, below: gradientFloor)
                        let mOld = SubnormalGuard.flushed(Lanes.load(mp, i, n), below: momentFloor)
                        let vOld = SubnormalGuard.flushed(Lanes.load(vp, i, n), below: momentFloor)
                        let mNew = b1 * mOld + oneMinusB1 * g
                        let vNew = b2 * vOld + oneMinusB2 * g * g
                        let d = negativeStep * mNew / (vNew.squareRoot() / c2 + eps)
                        let updated = p + d
                        Lanes.store(mNew, mp, i, n)
                        Lanes.store(vNew, vp, i, n)
                        Lanes.store(mirrors ? updated : d, dp, i, n)
                        Lanes.store(updated, pp, i, n)
                    }
                }
            }
        }
    }

    public var state: OptimizerState { OptimizerState(vectors: [m, v], steps: t) }

    public mutating func restore(_ state: OptimizerState) -> Bool {
        guard state.hasShape(of: self.state), state.steps >= 0 else { return false }
        m = state.vectors[0]
        v = state.vectors[1]
        t = state.steps
        return true
    }
}

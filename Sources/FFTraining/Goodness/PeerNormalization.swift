import FFNumerics

/// Peer normalisation (Hinton 2022 §3.3): an extra layer-local loss that keeps
/// every unit's mean activity on positive data near the mean over its peers,
/// so no unit stays dead or dominates.
///
/// The form follows loeweX's reproduction of Hinton's Matlab code: a running
/// mean rⱼ ← μ·rⱼ + (1 − μ)·mean over positive rows of yⱼ, and the loss
/// `strength · mean_j (r̄ − rⱼ)²` with r̄ the mean of r over units. Only the
/// current batch's share of rⱼ carries a gradient:
/// ∂loss/∂y_ij = strength · (2/U)(rⱼ − r̄) · (1 − μ)/B on positive rows.
public struct PeerNormalization: Sendable, Codable, Equatable {
    /// Weight of the loss (loeweX: 0.03).
    public var strength: Float
    /// Momentum μ of the running mean (loeweX: 0.9).
    public var momentum: Float

    /// Creates the regulariser.
    /// - Parameters:
    ///   - strength: Weight of the loss added to each layer's FF loss.
    ///   - momentum: Momentum of the running mean activity.
    public init(strength: Float = 0.03, momentum: Float = 0.9) {
        self.strength = strength
        self.momentum = momentum
    }

    /// The running state of one layer.
    public struct State: Sendable, Equatable {
        /// Running mean activity of each unit.
        public private(set) var runningMeans: [Float]
        private var batchMeans: [Float]

        /// Creates the state of a layer, every running mean at 0.5 (loeweX's start).
        /// - Parameter units: Units in the layer.
        public init(units: Int) {
            runningMeans = [Float](repeating: 0.5, count: units)
            batchMeans = [Float](repeating: 0, count: units)
        }

        /// Continues from running means saved from ``runningMeans``.
        mutating func restore(runningMeans means: [Float]) {
            precondition(means.count == runningMeans.count, "peer-normalisation state of another layer size")
            runningMeans = means
        }

        /// Updates the running means from a positive batch, adds the loss
        /// gradient to `gradient` and returns the weighted loss.
        /// - Parameters:
        ///   - settings: Strength and momentum.
        ///   - positive: `batch × units` outputs on positive data.
        ///   - gradient: ∂loss/∂positive, to which the peer term is added.
        /// - Returns: `strength · mean_j (r̄ − rⱼ)²`.
        public mutating func apply(_ settings: PeerNormalization, positive: Matrix, gradient: inout Matrix) -> Double {
            let units = positive.columns
            precondition(units == runningMeans.count, "peer normalisation: layer has \(units) units, state \(runningMeans.count)")
            precondition(gradient.rows == positive.rows && gradient.columns == units, "peer normalisation: gradient shape")
            guard positive.rows > 0 else { return 0 }
            let mu = settings.momentum
            positive.columnSums(into: &batchMeans, scaledBy: 1 / Float(positive.rows))
            var mean: Float = 0
            for j in 0..<units {
                runningMeans[j] = mu * runningMeans[j] + (1 - mu) * batchMeans[j]
                mean += runningMeans[j]
            }
            mean /= Float(units)
            var loss = 0.0
            let scale = settings.strength * 2 / Float(units) * (1 - mu) / Float(positive.rows)
            for j in 0..<units {
                let d = runningMeans[j] - mean
                loss += Double(d * d)
                batchMeans[j] = scale * d  // reused as the per-unit gradient
            }
            gradient.addToEachRow(batchMeans)
            return Double(settings.strength) * loss / Double(units)
        }
    }
}

/// Which derivative of the nonlinearity a local FF update uses.
public enum ActivationGradient: String, Sendable, Codable, CaseIterable {
    /// The nominal derivative (ReLU: 1 where the output is positive).
    case nominal
    /// Pass the gradient through unchanged, as loeweX's `ReLU_full_grad`:
    /// silent units still learn from the goodness loss.
    case straightThrough = "straight-through"
}

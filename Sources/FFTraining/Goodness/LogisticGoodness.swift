import FFNumerics

/// Hinton's FF objective: p(positive) = σ(G − θ), trained with the logistic
/// loss softplus(θ − G) on positive rows and softplus(G − θ) on negative rows,
/// averaged over all 2·batch rows (as BCE-with-logits over the concatenation).
public struct LogisticGoodness: GoodnessFunction {
    /// How y² is reduced to G.
    public var reduction: SquaredActivityReduction
    /// θ; `nil` means the number of units in the layer (Hinton's choice for Σ y²).
    public var threshold: Float?

    /// Creates the objective.
    /// - Parameters:
    ///   - reduction: Sum or mean of squares.
    ///   - threshold: θ, or `nil` for the number of units.
    public init(reduction: SquaredActivityReduction = .sum, threshold: Float? = nil) {
        self.reduction = reduction
        self.threshold = threshold
    }

    public var name: String {
        let t = threshold.map { "\($0)" } ?? "units"
        return "logistic-\(reduction.rawValue)-squares(theta=\(t))"
    }

    public func goodness(_ activations: Matrix, into result: inout [Float]) {
        _ = reduction.goodness(activations, into: &result)
    }

    public func loss(positive: Matrix, negative: Matrix,
                     positiveGradient: inout Matrix, negativeGradient: inout Matrix) -> Double {
        let theta = threshold ?? Float(positive.columns)
        let rows = positive.rows + negative.rows
        guard rows > 0 else { return 0 }
        let inv = 1 / Float(rows)
        var total = 0.0
        var g = [Float]()
        var coefficient = [Float]()

        let cPos = reduction.goodness(positive, into: &g)
        coefficient = g.map { gi in
            total += Scalar.softplus(Double(theta - gi))
            // ∂softplus(θ − G)/∂G = −σ(θ − G)
            return -Scalar.sigmoid(theta - gi) * inv * cPos
        }
        scaleRows(positive, by: coefficient, into: &positiveGradient)

        let cNeg = reduction.goodness(negative, into: &g)
        coefficient = g.map { gi in
            total += Scalar.softplus(Double(gi - theta))
            return Scalar.sigmoid(gi - theta) * inv * cNeg
        }
        scaleRows(negative, by: coefficient, into: &negativeGradient)
        return total / Double(rows)
    }
}

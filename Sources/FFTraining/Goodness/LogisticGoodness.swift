import FFNumerics

/// Hinton's FF objective: p(positive) = σ(G − θ) with G the sum or mean of
/// y², trained with the logistic loss softplus(θ − G) on positive rows and
/// softplus(G − θ) on negative rows, averaged over all 2·batch rows (as
/// BCE-with-logits over the concatenation).
///
/// With ``GoodnessPolarity/low`` the sign flips ("min ssq", Hinton 2022's
/// "minus the sum of the squared activities"; the `alt` goodness θ − Σy² of
/// joeagriffith/predictive-forward-forward): p(positive) = σ(θ − S) with
/// S = Σy², so positive data is pushed below θ and negative data above it.
/// ``goodness(_:into:)`` then reports −S, and higher still means "more positive".
public struct LogisticGoodness: RowScaledGoodness {
    /// How y² is reduced to S.
    public var reduction: SquaredActivityReduction
    /// θ, on the scale of S; `nil` means the number of units in the layer
    /// (Hinton's choice for Σ y²).
    public var threshold: Float?
    /// Whether positive data should have high or low squared activity.
    public var polarity: GoodnessPolarity

    /// Creates the objective.
    /// - Parameters:
    ///   - reduction: Sum or mean of squares.
    ///   - threshold: θ, or `nil` for the number of units.
    ///   - polarity: `.high` (Hinton's default) or `.low` ("min ssq").
    public init(reduction: SquaredActivityReduction = .sum, threshold: Float? = nil, polarity: GoodnessPolarity = .high) {
        self.reduction = reduction
        self.threshold = threshold
        self.polarity = polarity
    }

    public var name: String {
        let t = threshold.map { "\($0)" } ?? "units"
        let min = polarity == .low ? "min-" : ""
        return "logistic-\(min)\(reduction.rawValue)-squares(theta=\(t))"
    }

    public func goodness(_ activations: Matrix, into result: inout [Float]) {
        _ = reduction.goodness(activations, into: &result)
        if polarity == .low {
            for i in result.indices { result[i] = -result[i] }
        }
    }

    public func lossCoefficients(positive: Matrix, negative: Matrix,
                                 positiveCoefficients: inout [Float], negativeCoefficients: inout [Float]) -> Double {
        let theta = threshold ?? Float(positive.columns)
        let rows = positive.rows + negative.rows
        positiveCoefficients.removeAll(keepingCapacity: true)
        negativeCoefficients.removeAll(keepingCapacity: true)
        guard rows > 0 else { return 0 }
        let inv = 1 / Float(rows)
        let s = polarity.sign
        var total = 0.0
        var g = [Float]()

        // The logit of p(positive) is d = s·(S − θ); for s = 1 this is G − θ.
        let cPos = reduction.goodness(positive, into: &g)
        for gi in g {
            let d = s * (gi - theta)
            total += Scalar.softplus(Double(-d))
            // ∂softplus(−d)/∂S = −s·σ(−d)
            positiveCoefficients.append(-s * Scalar.sigmoid(-d) * inv * cPos)
        }
        let cNeg = reduction.goodness(negative, into: &g)
        for gi in g {
            let d = s * (gi - theta)
            total += Scalar.softplus(Double(d))
            negativeCoefficients.append(s * Scalar.sigmoid(d) * inv * cNeg)
        }
        return total / Double(rows)
    }
}

import FFNumerics

/// The symmetric loss of SymBa (Lee & Song 2023, arXiv 2303.08418):
/// softplus(−α (G_pos − G_neg)) for each positive/negative pair, averaged
/// over pairs. It balances the push on positive and negative data and needs
/// no threshold.
public struct SymBaGoodness: RowScaledGoodness {
    /// The scale α of the goodness gap (SymBa uses 4).
    public var alpha: Float
    /// How y² is reduced to G.
    public var reduction: SquaredActivityReduction

    /// Creates the objective.
    /// - Parameters:
    ///   - alpha: Scale of the goodness gap.
    ///   - reduction: Sum or mean of squares.
    public init(alpha: Float = 4, reduction: SquaredActivityReduction = .sum) {
        self.alpha = alpha
        self.reduction = reduction
    }

    public var name: String { "symba-\(reduction.rawValue)-squares(alpha=\(alpha))" }

    public func goodness(_ activations: Matrix, into result: inout [Float]) {
        _ = reduction.goodness(activations, into: &result)
    }

    public func lossCoefficients(positive: Matrix, negative: Matrix,
                                 positiveCoefficients kPos: inout [Float], negativeCoefficients kNeg: inout [Float]) -> Double {
        precondition(positive.rows == negative.rows, "SymBa pairs positive and negative rows")
        let n = positive.rows
        kPos = [Float](repeating: 0, count: n)
        kNeg = [Float](repeating: 0, count: n)
        guard n > 0 else { return 0 }
        var gPos = [Float](), gNeg = [Float]()
        let cPos = reduction.goodness(positive, into: &gPos)
        let cNeg = reduction.goodness(negative, into: &gNeg)
        let inv = 1 / Float(n)
        var total = 0.0
        for i in 0..<n {
            let gap = gPos[i] - gNeg[i]
            total += Scalar.softplus(Double(-alpha * gap))
            // ∂/∂gap softplus(−α gap) = −α σ(−α gap)
            let d = -alpha * Scalar.sigmoid(-alpha * gap) * inv
            kPos[i] = d * cPos
            kNeg[i] = -d * cNeg
        }
        return total / Double(n)
    }
}

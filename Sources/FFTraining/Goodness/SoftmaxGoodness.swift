#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import FFNumerics

/// A softmax (contrastive) FF objective over candidate labels: each positive
/// row competes with its K negatives, the same image under K wrong labels,
///
///     loss_i = −log( e^{α G(pos_i)} / (e^{α G(pos_i)} + Σ_k e^{α G(neg_{k,i})}) ),
///
/// averaged over the positive rows. With all C − 1 wrong labels this is the
/// cross-entropy of a softmax over every label's goodness, the quantity
/// goodness prediction takes the argmax of; it is the InfoNCE form of
/// contrastive learning (van den Oord et al. 2018, arXiv 1807.03748) with the
/// layer's goodness as the score. With K = 1 it is exactly SymBa's
/// softplus(−α (G_pos − G_neg)) (Lee & Song 2023, arXiv 2303.08418).
///
/// It needs no threshold; only goodness differences between the labels of
/// one image matter.
public struct SoftmaxGoodness: RowScaledGoodness {
    /// The scale α of the goodness (an inverse temperature).
    public var alpha: Float
    /// Negatives per positive, K ≥ 1.
    public var negativesPerPositive: Int
    /// How y² is reduced to G.
    public var reduction: SquaredActivityReduction

    /// Creates the objective.
    /// - Parameters:
    ///   - alpha: Scale of the goodness (SymBa's α; 4 by default as there).
    ///   - negativesPerPositive: K, the wrong labels each positive competes with.
    ///   - reduction: Sum or mean of squares.
    public init(alpha: Float = 4, negativesPerPositive: Int, reduction: SquaredActivityReduction = .sum) {
        precondition(negativesPerPositive >= 1, "SoftmaxGoodness needs at least one negative per positive")
        self.alpha = alpha
        self.negativesPerPositive = negativesPerPositive
        self.reduction = reduction
    }

    public var name: String {
        "softmax-\(reduction.rawValue)-squares(alpha=\(alpha),negatives=\(negativesPerPositive))"
    }

    public func goodness(_ activations: Matrix, into result: inout [Float]) {
        _ = reduction.goodness(activations, into: &result)
    }

    public func lossCoefficients(positive: Matrix, negative: Matrix,
                                 positiveCoefficients kPos: inout [Float], negativeCoefficients kNeg: inout [Float]) -> Double {
        let n = positive.rows
        let k = negativesPerPositive
        precondition(negative.rows == k * n,
                     "softmax goodness: \(n) positive rows need \(k * n) negative rows, got \(negative.rows)")
        kPos = [Float](repeating: 0, count: n)
        kNeg = [Float](repeating: 0, count: k * n)
        guard n > 0 else { return 0 }
        var gPos = [Float](), gNeg = [Float]()
        let cPos = reduction.goodness(positive, into: &gPos)
        let cNeg = reduction.goodness(negative, into: &gNeg)
        let a = Double(alpha)
        let scale = a / Double(n)
        var total = 0.0
        var e = [Double](repeating: 0, count: k)  // e^{z_k − m}, reused per row
        for i in 0..<n {
            // log-sum-exp over the positive and its K negatives, in Double.
            let z0 = a * Double(gPos[i])
            var m = z0
            for j in 0..<k { m = max(m, a * Double(gNeg[j * n + i])) }
            let e0 = exp(z0 - m)
            var negatives = 0.0
            for j in 0..<k {
                e[j] = exp(a * Double(gNeg[j * n + i]) - m)
                negatives += e[j]
            }
            let sum = e0 + negatives
            total += m + log(sum) - z0
            // ∂loss/∂G_pos = α (p₀ − 1)/n = −α Σ_k p_k / n, ∂loss/∂G_neg,k = α p_k / n.
            kPos[i] = Float(-scale * negatives / sum) * cPos
            for j in 0..<k { kNeg[j * n + i] = Float(scale * e[j] / sum) * cNeg }
        }
        return total / Double(n)
    }
}

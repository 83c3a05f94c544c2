import FFNumerics

/// A goodness function whose loss gradient is a multiple of each row's own
/// activity, ∂L/∂yᵢ = cᵢ · yᵢ, as for every goodness built on squared
/// activities (G = c · Σ y²).
///
/// Such an objective only needs to give the loss and the coefficients cᵢ;
/// ``loss(positive:negative:positiveGradient:negativeGradient:)`` follows.
/// Trainers use the form twice: ReLU's derivative then changes nothing (it
/// zeroes entries where y is already zero), and the shared first layer folds
/// cᵢ into its gradient pass without materialising the gradient.
public protocol RowScaledGoodness: GoodnessFunction {
    /// The mean loss over a batch and the coefficient of every row's gradient.
    /// - Parameters:
    ///   - positive: `batch × units` outputs for positive data.
    ///   - negative: `(K · batch) × units` outputs for negative data, k-major
    ///     as in ``GoodnessFunction/loss(positive:negative:positiveGradient:negativeGradient:)``.
    ///   - positiveCoefficients: Receives `batch` values cᵢ with ∂L/∂y⁺ᵢ = cᵢ · y⁺ᵢ.
    ///   - negativeCoefficients: Receives `K · batch` values, likewise.
    /// - Returns: The loss.
    func lossCoefficients(positive: Matrix, negative: Matrix,
                          positiveCoefficients: inout [Float], negativeCoefficients: inout [Float]) -> Double
}

extension RowScaledGoodness {
    /// The loss, and its gradient cᵢ · yᵢ written row by row.
    public func loss(positive: Matrix, negative: Matrix,
                     positiveGradient: inout Matrix, negativeGradient: inout Matrix) -> Double {
        var cPos = [Float](), cNeg = [Float]()
        let loss = lossCoefficients(positive: positive, negative: negative,
                                    positiveCoefficients: &cPos, negativeCoefficients: &cNeg)
        scaleRows(positive, by: cPos, into: &positiveGradient)
        scaleRows(negative, by: cNeg, into: &negativeGradient)
        return loss
    }
}

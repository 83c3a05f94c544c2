import FFNumerics

/// A layer-local decorrelation loss: it penalises the covariance between
/// different units of a layer on positive data, so that the units of a layer
/// do not all learn the same few directions.
///
/// Not part of Hinton's FF (arXiv 2212.13345); an option for experiments. The
/// form is VICReg's covariance term (Bardes, Ponce & LeCun, arXiv 2105.04906,
/// eq. 4): with `Z_c` the batch's outputs with each unit's batch mean removed
/// and `C = Z_cᵀ Z_c / (B − 1)`,
/// `loss = strength · (1/d) · Σ_{i≠j} C_ij²` and
/// `∂loss/∂Z = strength · 4/(d(B − 1)) · Z_c · C_off`, `C_off` being `C` with
/// its diagonal set to zero (the mean's own gradient is zero because the
/// columns of `Z_c` sum to zero). It needs only the layer's own measured
/// output, as FF's goodness loss does.
public struct Decorrelation: Sendable, Codable, Equatable {
    /// Weight of the loss added to each layer's FF loss.
    public var strength: Float

    /// Creates the regulariser.
    /// - Parameter strength: Weight of the loss (≥ 0).
    public init(strength: Float) {
        self.strength = strength
    }

    /// Scratch matrices reused from batch to batch.
    public struct Workspace {
        var centered = Matrix(rows: 0, columns: 0)
        var covariance = Matrix(rows: 0, columns: 0)
        var means = [Float]()

        /// Creates empty scratch space.
        public init() {}
    }

    /// Adds the loss gradient on a positive batch to `gradient` and returns the weighted loss.
    /// - Parameters:
    ///   - positive: `batch × units` outputs on positive data.
    ///   - gradient: ∂loss/∂positive, to which the decorrelation term is added.
    ///   - workspace: Scratch space.
    /// - Returns: `strength · (1/d) Σ_{i≠j} C_ij²` (0 for fewer than 2 rows).
    public func apply(positive: Matrix, gradient: inout Matrix, workspace w: inout Workspace) -> Double {
        let (b, d) = (positive.rows, positive.columns)
        precondition(gradient.rows == b && gradient.columns == d, "decorrelation: gradient shape")
        guard b >= 2, d > 0, strength > 0 else { return 0 }
        positive.columnSums(into: &w.means, scaledBy: -1 / Float(b))
        w.centered.copyRows(from: positive, range: 0..<b)
        w.centered.addToEachRow(w.means)
        BLAS.gemm(w.centered, transposeA: true, w.centered, into: &w.covariance, alpha: 1 / Float(b - 1))
        var sum = 0.0
        w.covariance.withUnsafeMutableBufferPointer { c in
            for i in 0..<d {
                c[i * d + i] = 0
                for j in 0..<d { sum += Double(c[i * d + j]) * Double(c[i * d + j]) }
            }
        }
        BLAS.gemm(w.centered, w.covariance, into: &gradient,
                  alpha: strength * 4 / (Float(d) * Float(b - 1)), beta: 1)
        return Double(strength) * sum / Double(d)
    }
}

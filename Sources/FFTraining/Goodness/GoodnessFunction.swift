import FFNumerics

/// A Forward-Forward objective: how "positive" a layer's activity is, and the
/// layer-local loss that pushes positive data up and negative data down.
///
/// Implementations see only the layer's own output, so no derivative ever
/// crosses layers.
public protocol GoodnessFunction: Sendable {
    /// A short name for results and the CLI.
    var name: String { get }

    /// How many negative rows each positive row is contrasted with (K ≥ 1).
    ///
    /// The trainer passes ``loss(positive:negative:positiveGradient:negativeGradient:)``
    /// `K · batch` negative rows stacked k-major: row `k · batch + i` is the
    /// k-th negative of positive row `i` (the same image with another wrong
    /// label). The default is 1.
    var negativesPerPositive: Int { get }

    /// The goodness of each row of `activations` (higher means "more positive").
    /// - Parameters:
    ///   - activations: `batch × units` layer outputs.
    ///   - result: Receives `batch` values.
    func goodness(_ activations: Matrix, into result: inout [Float])

    /// The mean loss over a batch of positive and negative outputs, and its
    /// gradient with respect to each output.
    /// - Parameters:
    ///   - positive: `batch × units` outputs for positive data.
    ///   - negative: `(K · batch) × units` outputs for negative data, K =
    ///     ``negativesPerPositive`` (row `k · batch + i` is paired with positive
    ///     row `i` where the loss is pairwise or contrastive).
    ///   - positiveGradient: Receives ∂loss/∂positive.
    ///   - negativeGradient: Receives ∂loss/∂negative.
    /// - Returns: The loss.
    func loss(positive: Matrix, negative: Matrix,
              positiveGradient: inout Matrix, negativeGradient: inout Matrix) -> Double
}

extension GoodnessFunction {
    /// One negative per positive, the FF default.
    public var negativesPerPositive: Int { 1 }
}

/// How squared activities are reduced to one goodness number per row.
public enum SquaredActivityReduction: String, Sendable, Codable {
    /// G = Σ y² (Hinton 2022).
    case sum
    /// G = mean y² (the minimal PyTorch FF).
    case mean
}

extension SquaredActivityReduction {
    /// Writes G per row and returns the factor c with ∂G/∂y = c · y.
    func goodness(_ y: Matrix, into g: inout [Float]) -> Float {
        y.rowSumsOfSquares(into: &g)
        guard self == .mean, y.columns > 0 else { return 2 }
        let inv = 1 / Float(y.columns)
        for i in g.indices { g[i] *= inv }
        return 2 * inv
    }
}

/// Writes `gradient[i, :] = coefficient[i] · y[i, :]`.
func scaleRows(_ y: Matrix, by coefficient: [Float], into gradient: inout Matrix) {
    gradient.reshape(rows: y.rows, columns: y.columns)
    let c = y.columns
    y.withUnsafeBufferPointer { src in
        gradient.withUnsafeMutableBufferPointer { dst in
            ParallelRows.forEach(rows: y.rows, columns: c) { _, block in
                for i in block {
                    let k = coefficient[i]
                    let (from, to) = (src.baseAddress! + i * c, dst.baseAddress! + i * c)
                    for j in 0..<c { to[j] = k * from[j] }
                }
            }
        }
    }
}

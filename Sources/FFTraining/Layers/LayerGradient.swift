import FFNumerics

extension LayerParameters {
    /// Writes (or adds) the gradient of a dense layer's parameters:
    /// ∂L/∂W = δᵀ · x and ∂L/∂b = Σ_rows δ, where δ = ∂L/∂(pre-activation).
    /// - Parameters:
    ///   - input: `batch × inputSize` layer inputs.
    ///   - outputGradient: `batch × outputSize` δ.
    ///   - accumulate: Add to the current values instead of overwriting them.
    public mutating func setGradient(input: Matrix, outputGradient: Matrix, accumulate: Bool = false) {
        precondition(input.rows == outputGradient.rows, "gradient: batch sizes differ")
        precondition(outputGradient.columns == outputSize && input.columns == inputSize, "gradient: shapes differ")
        BLAS.gemm(outputGradient, transposeA: true, input, into: &weights, beta: accumulate ? 1 : 0)
        if accumulate {
            var sums = [Float]()
            outputGradient.columnSums(into: &sums)
            for i in bias.indices { bias[i] += sums[i] }
        } else {
            outputGradient.columnSums(into: &bias)
        }
    }
}

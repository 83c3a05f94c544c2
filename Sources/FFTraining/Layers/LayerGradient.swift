import FFNumerics

extension LayerParameters {
    /// Writes (or adds) the gradient of a dense layer's parameters:
    /// ∂L/∂W = δᵀ · x and ∂L/∂b = Σ_rows δ, where δ = ∂L/∂(pre-activation).
    /// - Parameters:
    ///   - input: `batch × inputSize` layer inputs.
    ///   - outputGradient: `batch × outputSize` δ.
    ///   - accumulate: Add to the current values instead of overwriting them.
    public mutating func setGradient(input: Matrix, outputGradient: Matrix, accumulate: Bool = false) {
        checkGradientShapes(input: input, outputGradient: outputGradient)
        BLAS.gemm(outputGradient, transposeA: true, input, into: &weights, beta: accumulate ? 1 : 0)
        setBiasGradient(outputGradient, accumulate: accumulate)
    }

    /// The same gradient, computed only where it can be non-zero: the units
    /// whose δ is non-zero somewhere in the batch, times the inputs that are
    /// non-zero somewhere in the batch (``ZeroColumnSkippingOuterProduct``).
    /// Equal to ``setGradient(input:outputGradient:accumulate:)`` up to Float
    /// rounding order.
    /// - Parameters:
    ///   - input: `batch × inputSize` layer inputs.
    ///   - outputGradient: `batch × outputSize` δ.
    ///   - accumulate: Add to the current values instead of overwriting them.
    ///   - product: The product's buffers and statistics, kept by the caller.
    public mutating func setGradient(input: Matrix, outputGradient: Matrix, accumulate: Bool,
                                     skippingZeroColumns product: inout ZeroColumnSkippingOuterProduct) {
        checkGradientShapes(input: input, outputGradient: outputGradient)
        product.multiply(transposing: outputGradient, input, into: &weights, accumulate: accumulate)
        setBiasGradient(outputGradient, accumulate: accumulate)
    }

    private func checkGradientShapes(input: Matrix, outputGradient: Matrix) {
        precondition(input.rows == outputGradient.rows, "gradient: batch sizes differ")
        precondition(outputGradient.columns == outputSize && input.columns == inputSize, "gradient: shapes differ")
    }

    /// ∂L/∂b = Σ_rows δ, written or added (the batch's sum first, then added).
    private mutating func setBiasGradient(_ outputGradient: Matrix, accumulate: Bool) {
        if accumulate {
            var sums = [Float]()
            outputGradient.columnSums(into: &sums)
            for i in bias.indices { bias[i] += sums[i] }
        } else {
            outputGradient.columnSums(into: &bias)
        }
    }
}

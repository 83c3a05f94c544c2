/// Activation functions and their derivatives, in place.
extension Matrix {
    /// Replaces every element `x` by `max(x, 0)`.
    public mutating func applyReLU() {
        let (r, c) = (rows, columns)
        withUnsafeMutableBufferPointer { b in
            ParallelRows.forEach(rows: r, columns: c) { _, block in
                for i in (block.lowerBound * c)..<(block.upperBound * c) { b[i] = Swift.max(b[i], 0) }
            }
        }
    }

    /// Multiplies `self` (an upstream gradient) by ReLU's derivative, read off
    /// the layer's *output* `activations`: 1 where the output is positive, else 0.
    /// - Parameter activations: ReLU outputs of the same shape.
    public mutating func maskByReLUDerivative(of activations: Matrix) {
        precondition(rows == activations.rows && columns == activations.columns,
                     "maskByReLUDerivative: shapes differ")
        let (r, c) = (rows, columns)
        activations.withUnsafeBufferPointer { a in
            withUnsafeMutableBufferPointer { g in
                ParallelRows.forEach(rows: r, columns: c) { _, block in
                    for i in (block.lowerBound * c)..<(block.upperBound * c) { g[i] = a[i] > 0 ? g[i] : 0 }
                }
            }
        }
    }

    /// Replaces every element by σ(x).
    public mutating func applySigmoid() {
        withUnsafeMutableBufferPointer { b in
            for i in b.indices { b[i] = Scalar.sigmoid(b[i]) }
        }
    }

    /// Replaces every element by softplus(x) = log(1 + eˣ).
    public mutating func applySoftplus() {
        withUnsafeMutableBufferPointer { b in
            for i in b.indices { b[i] = Scalar.softplus(b[i]) }
        }
    }
}

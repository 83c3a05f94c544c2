import FFNumerics

/// Products with a crossbar's weight matrix, stored `outputs × (inputs + 1)`
/// with the bias as its last column.
enum CrossbarProduct {
    /// `z = x · W[:, 0..<inputs]ᵀ`: the weight part of the product, the bias column left out.
    /// - Parameters:
    ///   - x: `batch × inputs`.
    ///   - w: `outputs × (inputs + 1)`.
    ///   - z: Receives `batch × outputs`.
    static func forward(_ x: Matrix, _ w: Matrix, into z: inout Matrix) {
        let (b, n, m) = (x.rows, x.columns, w.rows)
        precondition(w.columns == n + 1, "crossbar product: \(n) inputs for a \(w.columns - 1)-input tile")
        z.reshape(rows: b, columns: m)
        guard b > 0, m > 0 else { return }
        x.withUnsafeBufferPointer { px in
            w.withUnsafeBufferPointer { pw in
                z.withUnsafeMutableBufferPointer { pz in
                    BLAS.sgemm(transposeA: false, transposeB: true, m: b, n: m, k: n, alpha: 1,
                               a: px.baseAddress!, lda: n, b: pw.baseAddress!, ldb: n + 1,
                               beta: 0, c: pz.baseAddress!, ldc: m)
                }
            }
        }
    }

    /// `g = δ · W[:, 0..<inputs]`: the adjoint of ``forward(_:_:into:)``.
    /// - Parameters:
    ///   - delta: `batch × outputs`.
    ///   - w: `outputs × (inputs + 1)`.
    ///   - g: Receives `batch × inputs`.
    static func adjoint(_ delta: Matrix, _ w: Matrix, into g: inout Matrix) {
        let (b, m, n) = (delta.rows, w.rows, w.columns - 1)
        precondition(delta.columns == m, "crossbar adjoint: \(delta.columns) outputs for a \(m)-output tile")
        g.reshape(rows: b, columns: n)
        guard b > 0, n > 0 else { return }
        delta.withUnsafeBufferPointer { pd in
            w.withUnsafeBufferPointer { pw in
                g.withUnsafeMutableBufferPointer { pg in
                    BLAS.sgemm(transposeA: false, transposeB: false, m: b, n: n, k: m, alpha: 1,
                               a: pd.baseAddress!, lda: m, b: pw.baseAddress!, ldb: n + 1,
                               beta: 0, c: pg.baseAddress!, ldc: n)
                }
            }
        }
    }
}

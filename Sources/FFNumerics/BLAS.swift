import COpenBLAS

/// Matrix products through OpenBLAS's CBLAS interface.
///
/// Every matrix product in ffanalog goes through ``BLAS/gemm(_:transposeA:_:transposeB:into:alpha:beta:)``
/// or the raw ``BLAS/sgemm(transposeA:transposeB:m:n:k:alpha:a:lda:b:ldb:beta:c:ldc:)``.
public enum BLAS {
    /// The number of threads OpenBLAS uses. Results are bit-reproducible for
    /// a fixed seed only at a fixed thread count, so results record it.
    public static var threadCount: Int {
        get { Int(openblas_get_num_threads()) }
        set { openblas_set_num_threads(Int32(max(1, newValue))) }
    }

    /// OpenBLAS's build description (version, core type, threading).
    public static var configuration: String {
        guard let c = openblas_get_config() else { return "unknown" }
        return String(cString: c)
    }

    /// `C = alpha · op(A) · op(B) + beta · C` on row-major matrices, where
    /// `op(X)` is `X` or its transpose. `C` must already have the result's shape
    /// when `beta ≠ 0`; otherwise it is reshaped.
    /// - Parameters:
    ///   - a: Left operand.
    ///   - transposeA: Use `Aᵀ` instead of `A`.
    ///   - b: Right operand.
    ///   - transposeB: Use `Bᵀ` instead of `B`.
    ///   - c: The result, overwritten (or accumulated into when `beta ≠ 0`).
    ///   - alpha: Scale of the product.
    ///   - beta: Scale of the previous `C`.
    public static func gemm(
        _ a: Matrix, transposeA: Bool = false,
        _ b: Matrix, transposeB: Bool = false,
        into c: inout Matrix, alpha: Float = 1, beta: Float = 0
    ) {
        let m = transposeA ? a.columns : a.rows
        let k = transposeA ? a.rows : a.columns
        let kb = transposeB ? b.columns : b.rows
        let n = transposeB ? b.rows : b.columns
        precondition(k == kb, "gemm: inner dimensions differ (\(k) vs \(kb))")
        if beta == 0 {
            c.reshape(rows: m, columns: n)
        } else {
            precondition(c.rows == m && c.columns == n,
                         "gemm: C is \(c.rows)×\(c.columns), expected \(m)×\(n)")
        }
        if m == 0 || n == 0 { return }
        if k == 0 {
            if beta == 0 { c.fill(0) } else { c.scale(by: beta) }
            return
        }
        a.withUnsafeBufferPointer { pa in
            b.withUnsafeBufferPointer { pb in
                c.withUnsafeMutableBufferPointer { pc in
                    sgemm(transposeA: transposeA, transposeB: transposeB, m: m, n: n, k: k,
                          alpha: alpha, a: pa.baseAddress!, lda: a.columns,
                          b: pb.baseAddress!, ldb: b.columns,
                          beta: beta, c: pc.baseAddress!, ldc: n)
                }
            }
        }
    }

    /// Raw row-major `cblas_sgemm`, for products on sub-blocks of a buffer.
    /// - Parameters:
    ///   - transposeA: Use `Aᵀ`.
    ///   - transposeB: Use `Bᵀ`.
    ///   - m: Rows of `op(A)` and `C`.
    ///   - n: Columns of `op(B)` and `C`.
    ///   - k: Columns of `op(A)`, rows of `op(B)`.
    ///   - alpha: Scale of the product.
    ///   - a: First element of `A`.
    ///   - lda: Row stride of `A`.
    ///   - b: First element of `B`.
    ///   - ldb: Row stride of `B`.
    ///   - beta: Scale of the previous `C`.
    ///   - c: First element of `C`.
    ///   - ldc: Row stride of `C`.
    @inlinable
    public static func sgemm(
        transposeA: Bool, transposeB: Bool, m: Int, n: Int, k: Int,
        alpha: Float, a: UnsafePointer<Float>, lda: Int,
        b: UnsafePointer<Float>, ldb: Int,
        beta: Float, c: UnsafeMutablePointer<Float>, ldc: Int
    ) {
        cblas_sgemm(CblasRowMajor,
                    transposeA ? CblasTrans : CblasNoTrans,
                    transposeB ? CblasTrans : CblasNoTrans,
                    blasint(m), blasint(n), blasint(k), alpha,
                    a, blasint(lda), b, blasint(ldb), beta, c, blasint(ldc))
    }
}

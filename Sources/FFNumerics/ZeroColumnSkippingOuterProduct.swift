/// `C = Aᵀ · B` (or `C += Aᵀ · B`) that leaves out the columns of `A` and of
/// `B` which are zero in every row: exact algebra, with the same values as the
/// dense product up to Float rounding order.
///
/// This is the weight gradient of a layer, `∂L/∂W = δᵀ · x`: a unit whose
/// output gradient δ is zero for the whole batch (a ReLU unit that never fired,
/// under the nominal derivative) has a zero row, and an input that is zero for
/// the whole batch has a zero column. Only the block of rows `Uₐ` (columns of
/// `A` in use) and columns `U_b` (columns of `B` in use) can be non-zero, so
/// the product packs `A[:, Uₐ]` and `B[:, U_b]`, runs one sgemm of
/// `|Uₐ| × |U_b|` and adds it into that block of `C`. When the block holds
/// more than ``maximumDensity`` of `C`, the dense sgemm runs instead.
///
/// The buffers are kept between calls, so repeated products allocate nothing.
/// For the same operands the results are reproducible at a fixed thread count.
public struct ZeroColumnSkippingOuterProduct: Sendable {
    /// Above this fraction of `C` in the non-zero block, the dense product runs.
    public var maximumDensity: Double
    /// Elements of `C` computed (all of `C` for a dense product) since the last ``resetStatistics()``.
    public private(set) var usedElements = 0
    /// Elements the dense products would have computed (see ``usedElements``).
    public private(set) var totalElements = 0

    private var rowsInUse = ColumnUse()
    private var columnsInUse = ColumnUse()
    private var packedA = [Float]()
    private var packedB = [Float]()
    private var block = [Float]()

    /// Creates a product with its tuning.
    /// - Parameter maximumDensity: Above this fraction of `C` in the non-zero block, run dense.
    public init(maximumDensity: Double = 0.5) {
        self.maximumDensity = maximumDensity
    }

    /// The fraction of `C`'s elements the products computed (1 when nothing was skipped).
    public var usedFraction: Double { totalElements == 0 ? 1 : Double(usedElements) / Double(totalElements) }

    /// Clears ``usedElements`` and ``totalElements``.
    public mutating func resetStatistics() {
        usedElements = 0
        totalElements = 0
    }

    /// Computes `C = Aᵀ · B`, or adds it to `C`.
    /// - Parameters:
    ///   - a: `rows × m`, for a gradient the output gradient δ.
    ///   - b: `rows × n`, for a gradient the layer's input.
    ///   - c: Receives `m × n`; when accumulating it must already be `m × n`.
    ///   - accumulate: Add to `C` instead of overwriting it.
    public mutating func multiply(transposing a: Matrix, _ b: Matrix, into c: inout Matrix, accumulate: Bool = false) {
        let (rows, m, n) = (a.rows, a.columns, b.columns)
        precondition(b.rows == rows, "ZeroColumnSkippingOuterProduct: row counts differ (\(rows) vs \(b.rows))")
        if accumulate {
            precondition(c.rows == m && c.columns == n,
                         "ZeroColumnSkippingOuterProduct: C is \(c.rows)×\(c.columns), expected \(m)×\(n)")
        } else {
            c.reshape(rows: m, columns: n)
        }
        if m == 0 || n == 0 { return }
        totalElements += m * n
        let (ua, ub) = a.withUnsafeBufferPointer { ap in b.withUnsafeBufferPointer { bp in
            rows == 0 ? (0, 0)
                : (rowsInUse.find(ap.baseAddress!, rows: rows, columns: m, stride: m),
                   columnsInUse.find(bp.baseAddress!, rows: rows, columns: n, stride: n))
        } }
        if Double(ua) * Double(ub) > maximumDensity * Double(m) * Double(n) {
            usedElements += m * n
            BLAS.gemm(a, transposeA: true, b, into: &c, beta: accumulate ? 1 : 0)
            return
        }
        usedElements += ua * ub
        if !accumulate { c.fill(0) }
        if ua == 0 || ub == 0 { return }
        a.withUnsafeBufferPointer { rowsInUse.pack($0.baseAddress!, rows: rows, stride: m, into: &packedA) }
        b.withUnsafeBufferPointer { columnsInUse.pack($0.baseAddress!, rows: rows, stride: n, into: &packedB) }
        if block.count < ua * ub { block = [Float](repeating: 0, count: ua * ub) }
        packedA.withUnsafeBufferPointer { pa in
            packedB.withUnsafeBufferPointer { pb in
                block.withUnsafeMutableBufferPointer { pc in
                    BLAS.sgemm(transposeA: true, transposeB: false, m: ua, n: ub, k: rows, alpha: 1,
                               a: pa.baseAddress!, lda: ua, b: pb.baseAddress!, ldb: ub, beta: 0,
                               c: pc.baseAddress!, ldc: ub)
                }
            }
        }
        scatter(rows: ua, columns: ub, into: &c)
    }

    /// Adds ``block`` into the rows and columns of `c` that are in use.
    private func scatter(rows ua: Int, columns ub: Int, into c: inout Matrix) {
        let n = c.columns
        rowsInUse.list.withUnsafeBufferPointer { rowList in
        columnsInUse.list.withUnsafeBufferPointer { columnList in
        block.withUnsafeBufferPointer { pc in
        c.withUnsafeMutableBufferPointer { cb in
            ParallelRows.forEach(rows: ua, columns: ub) { _, range in
                for i in range {
                    let (src, dst) = (pc.baseAddress! + i * ub, cb.baseAddress! + Int(rowList[i]) * n)
                    for j in 0..<ub { dst[Int(columnList[j])] += src[j] }
                }
            }
        }
        }
        }
        }
    }
}

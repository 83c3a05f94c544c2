/// `Y = X · Wᵀ` that leaves out the input columns which are zero in every row
/// of a row block: exact algebra (a zero input adds nothing), with the same
/// values as the dense product up to Float rounding order.
///
/// ReLU layers often pass on mostly zero activities, and the units that are
/// silent for a whole block of inputs (dead units, or units that never fire
/// for these images) cost a dense sgemm as much as active ones. For each block
/// of ``rowBlock`` rows this finds the columns in use, packs them side by side
/// (`X[:, U]` and `W[:, U]`) and runs sgemm on the packed operands; a block
/// whose columns are mostly in use runs the dense product instead. The packing
/// costs `rows·k + outputs·|U|` copies against `2·rows·|U|·outputs` FLOPs.
///
/// The buffers are kept between calls, so repeated products allocate nothing.
/// Which columns a block packs depends on every row of the block, so a row's
/// last bits can change with the rows it is blocked with (the caller's chunk
/// size); for the same matrix and block size the results are reproducible at
/// a fixed thread count.
public struct ZeroColumnSkippingProduct: Sendable {
    /// Rows whose zero columns are found together (a larger block packs more
    /// rows into one sgemm but keeps every column any of its rows uses).
    public var rowBlock: Int
    /// A block whose fraction of columns in use exceeds this runs the dense product.
    public var maximumDensity: Double
    /// Columns multiplied, summed over the rows of every block (all `k` of a
    /// block that ran dense) since the last ``resetStatistics()``.
    public private(set) var usedColumns = 0
    /// The columns the dense products would have used (see ``usedColumns``).
    public private(set) var totalColumns = 0

    private var columnUse = ColumnUse()
    private var packedInput = [Float]()
    private var packedWeights = [Float]()

    /// Creates a product with its tuning.
    /// - Parameters:
    ///   - rowBlock: Rows per block (≥ 1).
    ///   - maximumDensity: Above this fraction of columns in use, a block runs dense.
    public init(rowBlock: Int = 1000, maximumDensity: Double = 0.7) {
        precondition(rowBlock >= 1, "ZeroColumnSkippingProduct: rowBlock must be at least 1")
        self.rowBlock = rowBlock
        self.maximumDensity = maximumDensity
    }

    /// The fraction of input columns the products used (1 when nothing was skipped).
    public var usedFraction: Double { totalColumns == 0 ? 1 : Double(usedColumns) / Double(totalColumns) }

    /// Clears ``usedColumns`` and ``totalColumns``.
    public mutating func resetStatistics() {
        usedColumns = 0
        totalColumns = 0
    }

    /// Computes `Y = X · Wᵀ`.
    /// - Parameters:
    ///   - x: `rows × k` inputs.
    ///   - w: `outputs × k` weights (one row per output, as layers store them).
    ///   - y: Receives `rows × outputs`.
    public mutating func multiply(_ x: Matrix, transposedWeights w: Matrix, into y: inout Matrix) {
        let (rows, k, outputs) = (x.rows, x.columns, w.rows)
        precondition(w.columns == k, "ZeroColumnSkippingProduct: inner dimensions differ (\(k) vs \(w.columns))")
        y.reshape(rows: rows, columns: outputs)
        if rows == 0 || outputs == 0 { return }
        if k == 0 {
            y.fill(0)
            return
        }
        x.withUnsafeBufferPointer { xb in
        w.withUnsafeBufferPointer { wb in
        y.withUnsafeMutableBufferPointer { yb in
            var start = 0
            while start < rows {
                let n = Swift.min(rowBlock, rows - start)
                let (xs, ys) = (xb.baseAddress! + start * k, yb.baseAddress! + start * outputs)
                let u = columnUse.find(xs, rows: n, columns: k, stride: k)
                let dense = Double(u) > maximumDensity * Double(k)
                usedColumns += (dense ? k : u) * n
                totalColumns += k * n
                if dense {
                    BLAS.sgemm(transposeA: false, transposeB: true, m: n, n: outputs, k: k, alpha: 1,
                               a: xs, lda: k, b: wb.baseAddress!, ldb: k, beta: 0, c: ys, ldc: outputs)
                } else if u == 0 {
                    ys.update(repeating: 0, count: n * outputs)
                } else {
                    columnUse.pack(xs, rows: n, stride: k, into: &packedInput)
                    columnUse.pack(wb.baseAddress!, rows: outputs, stride: k, into: &packedWeights)
                    packedInput.withUnsafeBufferPointer { a in
                        packedWeights.withUnsafeBufferPointer { b in
                            BLAS.sgemm(transposeA: false, transposeB: true, m: n, n: outputs, k: u, alpha: 1,
                                       a: a.baseAddress!, lda: u, b: b.baseAddress!, ldb: u, beta: 0, c: ys, ldc: outputs)
                        }
                    }
                }
                start += n
            }
        }
        }
        }
    }
}

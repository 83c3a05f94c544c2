/// A batch's columns split into the ones that mostly hold one base value and
/// the dense rest, with the two products of a layer, `X · Wᵀ` and `Gᵀ · X`,
/// run by sgemm on the dense columns only.
///
/// Write `X = B + D`, where every row of `B` holds a column's base value bⱼ in
/// each *base* column (the column's most common value, found by a majority
/// vote) and 0 in the dense ones. A column is a base column when it differs
/// from bⱼ in fewer than a given fraction of the rows; a constant column
/// never differs. Then
///
///   X · Wᵀ = 1 · (b · Wᵀ) + D · Wᵀ,   Gᵀ · X = (Gᵀ · 1) · b + Gᵀ · D.
///
/// This type computes the `D` products: sgemm on the dense columns packed
/// side by side, plus the few deviations xᵢⱼ − bⱼ of the base columns, one
/// axpy of a weight column (or of a row of `G`) per deviation. The rank-one
/// terms are left to the caller, who has b · Wᵀ and the column sums of `G` at
/// hand (``baseIndices``, ``baseValues``).
///
/// On 50,000 MNIST images, 71 of the 784 pixels are background in every
/// image, and 316 more are background in all but fewer than 5% of the images
/// (they hold 2% of the ink): sgemm then multiplies about half of the
/// columns. Standardised pixels work the same way: the background value is
/// then −0.42 instead of 0. The values equal the dense products' up to Float
/// rounding order. The row-wise passes give the same bits at any thread
/// count; the deviations' part of `Gᵀ · D` sums one partial per row block in
/// block order, reproducible at a fixed thread count.
///
/// The buffers are kept between calls, so repeated products allocate nothing
/// once they have grown.
public struct ColumnSplit: Sendable {
    private var dense = ColumnUse()
    /// Rows of the matrix last given to ``load(_:deviatingBelow:)``.
    public private(set) var rows = 0
    /// Columns of the matrix last given to ``load(_:deviatingBelow:)``.
    public private(set) var columns = 0
    /// Indices of the base columns (constant or nearly so), ascending.
    public private(set) var baseIndices = [Int32]()
    /// Each base column's base value bⱼ, in the order of ``baseIndices``.
    public private(set) var baseValues = [Float]()
    /// How many base columns never differ from their base value.
    public private(set) var constantCount = 0
    /// `rows × dense` packed dense columns.
    private var packedInput = Matrix(rows: 0, columns: 0)
    /// Row-wise list of the base columns' deviations: row i's are
    /// `entryStart[i]..<entryStart[i + 1]`, each a position in
    /// ``baseIndices`` and the value xᵢⱼ − bⱼ.
    private var entryStart = [Int]()
    private var entryColumn = [Int32]()
    private var entryValue = [Float]()
    /// `base × outputs`: the base columns of the weights, one per row.
    private var baseWeights = Matrix(rows: 0, columns: 0)
    private var packedWeights = Matrix(rows: 0, columns: 0)
    private var packedGradient = Matrix(rows: 0, columns: 0)
    /// One `base × outputs` partial gradient per row block.
    private var partials = Matrix(rows: 0, columns: 0)

    /// Creates an empty split; call ``load(_:deviatingBelow:)`` before use.
    public init() {}

    /// How many columns the products run through sgemm.
    public var denseCount: Int { dense.count }
    /// How many entries of the base columns differ from their base value.
    public var deviations: Int { entryValue.count }

    /// Splits the columns of `x` and keeps what the products need (the dense
    /// columns packed, the base columns' deviations listed); `x` itself is not kept.
    /// - Parameters:
    ///   - x: `rows × columns` inputs. With fewer than two rows every column is constant.
    ///   - fraction: A column that differs from its most common value in
    ///     fewer than this fraction of the rows is a base column; with 0
    ///     only the constant columns are. At most 0.5, so that the base value
    ///     is a majority, which one voting pass finds.
    public mutating func load(_ x: Matrix, deviatingBelow fraction: Double) {
        precondition((0...0.5).contains(fraction), "ColumnSplit: deviation fraction \(fraction) outside 0...0.5")
        (rows, columns) = (x.rows, x.columns)
        baseIndices.removeAll(keepingCapacity: true)
        baseValues.removeAll(keepingCapacity: true)
        entryStart.removeAll(keepingCapacity: true)
        entryColumn.removeAll(keepingCapacity: true)
        entryValue.removeAll(keepingCapacity: true)
        constantCount = 0
        let c = columns
        guard rows > 0 else {
            dense.select(columns: c) { _ in false }
            baseIndices.append(contentsOf: (0..<c).map(Int32.init))
            baseValues.append(contentsOf: repeatElement(0, count: c))
            constantCount = c
            packedInput.reshape(rows: 0, columns: 0)
            entryStart.append(0)
            return
        }
        x.withUnsafeBufferPointer { xp in
            let x0 = xp.baseAddress!
            // Each column's majority candidate (Boyer–Moore vote), then its deviations from it.
            var candidate = [Float](repeating: 0, count: c), votes = [Int](repeating: 0, count: c)
            for i in 0..<rows {
                let row = x0 + i * c
                for j in 0..<c {
                    if votes[j] == 0 {
                        candidate[j] = row[j]
                        votes[j] = 1
                    } else {
                        votes[j] += row[j] == candidate[j] ? 1 : -1
                    }
                }
            }
            var differing = [Int](repeating: 0, count: c)
            for i in 0..<rows {
                let row = x0 + i * c
                for j in 0..<c where row[j] != candidate[j] { differing[j] += 1 }
            }
            var position = [Int32](repeating: -1, count: c)
            let limit = fraction * Double(rows)
            for j in 0..<c where differing[j] == 0 || Double(differing[j]) < limit {
                position[j] = Int32(baseIndices.count)
                baseIndices.append(Int32(j))
                baseValues.append(candidate[j])
                if differing[j] == 0 { constantCount += 1 }
            }
            dense.select(columns: c) { position[$0] < 0 }
            // Row-wise deviations of the base columns that vary.
            let varyingBase = baseIndices.filter { differing[Int($0)] > 0 }
            entryStart.append(0)
            for i in 0..<rows {
                let row = x0 + i * c
                for j in varyingBase where row[Int(j)] != candidate[Int(j)] {
                    entryColumn.append(position[Int(j)])
                    entryValue.append(row[Int(j)] - candidate[Int(j)])
                }
                entryStart.append(entryValue.count)
            }
        }
        pack(x, into: &packedInput)
    }

    /// Copies the dense columns of `matrix` (`n × columns`) side by side into `packed`.
    private func pack(_ matrix: Matrix, into packed: inout Matrix) {
        precondition(matrix.columns == columns, "ColumnSplit: \(matrix.columns) columns, expected \(columns)")
        packed.reshape(rows: matrix.rows, columns: dense.count)
        guard matrix.count > 0, dense.count > 0 else { return }
        matrix.withUnsafeBufferPointer { x in
            packed.withUnsafeMutableBufferPointer { p in
                dense.pack(x.baseAddress!, rows: matrix.rows, stride: columns, to: p.baseAddress!)
            }
        }
    }

    /// Computes `D · Wᵀ`: `X · Wᵀ` without the base values' term `b · Wᵀ`.
    /// - Parameters:
    ///   - weights: `outputs × columns`.
    ///   - product: Receives `rows × outputs`.
    public mutating func multiply(transposedWeights weights: Matrix, into product: inout Matrix) {
        let outputs = weights.rows
        precondition(weights.columns == columns, "ColumnSplit: weights have \(weights.columns) columns, expected \(columns)")
        product.reshape(rows: rows, columns: outputs)
        gatherBaseColumns(of: weights)
        // The deviations first (every row written, so sgemm can add with β = 1).
        baseWeights.withUnsafeBufferPointer { ws in
        entryStart.withUnsafeBufferPointer { start in
        entryColumn.withUnsafeBufferPointer { column in
        entryValue.withUnsafeBufferPointer { value in
        product.withUnsafeMutableBufferPointer { p in
            ParallelRows.forEach(rows: rows, columns: outputs) { _, block in
                for i in block {
                    let dst = p.baseAddress! + i * outputs
                    dst.update(repeating: 0, count: outputs)
                    for e in start[i]..<start[i + 1] {
                        let (src, v) = (ws.baseAddress! + Int(column[e]) * outputs, value[e])
                        for j in 0..<outputs { dst[j] += v * src[j] }
                    }
                }
            }
        }
        }
        }
        }
        }
        guard dense.count > 0, rows > 0, outputs > 0 else { return }
        pack(weights, into: &packedWeights)
        BLAS.gemm(packedInput, packedWeights, transposeB: true, into: &product, beta: 1)
    }

    /// Writes the base columns of `weights` as rows of ``baseWeights``.
    private mutating func gatherBaseColumns(of weights: Matrix) {
        let (outputs, c, s) = (weights.rows, columns, baseIndices.count)
        baseWeights.reshape(rows: s, columns: outputs)
        guard s > 0, deviations > 0 else { return }
        weights.withUnsafeBufferPointer { w in
            baseIndices.withUnsafeBufferPointer { index in
                baseWeights.withUnsafeMutableBufferPointer { ws in
                    for j in 0..<outputs {
                        let row = w.baseAddress! + j * c
                        for q in 0..<s { ws[q * outputs + j] = row[Int(index[q])] }
                    }
                }
            }
        }
    }

    /// Computes `Gᵀ · D`: `Gᵀ · X` without the base values' term (Gᵀ · 1) · b.
    /// - Parameters:
    ///   - g: `rows × outputs`, for a layer the gradient at its outputs.
    ///   - gradient: Receives `outputs × columns` (reshaped when needed).
    public mutating func multiply(transposing g: Matrix, into gradient: inout Matrix) {
        let outputs = g.columns
        precondition(g.rows == rows, "ColumnSplit: \(g.rows) rows, expected \(rows)")
        if gradient.rows != outputs || gradient.columns != columns { gradient.reshape(rows: outputs, columns: columns) }
        if dense.count > 0 {
            BLAS.gemm(g, transposeA: true, packedInput, into: &packedGradient)
            unpack(packedGradient, by: dense, into: &gradient)
        }
        let s = baseIndices.count
        guard s > 0, outputs > 0 else { return }
        guard deviations > 0 else {
            gradient.withUnsafeMutableBufferPointer { w in
                for j in 0..<outputs { for q in baseIndices { w[j * columns + Int(q)] = 0 } }
            }
            return
        }
        let blocks = ParallelRows.blocks(rows: rows, columns: outputs)
        let size = s * outputs
        partials.reshape(rows: blocks.count, columns: size)
        entryStart.withUnsafeBufferPointer { start in
        entryColumn.withUnsafeBufferPointer { column in
        entryValue.withUnsafeBufferPointer { value in
        g.withUnsafeBufferPointer { gp in
        partials.withUnsafeMutableBufferPointer { part in
            ParallelRows.forEach(rows: rows, columns: outputs) { b, block in
                let acc = part.baseAddress! + b * size
                acc.update(repeating: 0, count: size)
                for i in block {
                    let src = gp.baseAddress! + i * outputs
                    for e in start[i]..<start[i + 1] {
                        let (dst, v) = (acc + Int(column[e]) * outputs, value[e])
                        for j in 0..<outputs { dst[j] += v * src[j] }
                    }
                }
            }
        }
        }
        }
        }
        }
        let c = columns
        partials.withUnsafeBufferPointer { part in
        baseIndices.withUnsafeBufferPointer { index in
        gradient.withUnsafeMutableBufferPointer { w in
            for q in 0..<s {
                for j in 0..<outputs {
                    var sum: Float = 0
                    for b in blocks.indices { sum += part[b * size + q * outputs + j] }
                    w[j * c + Int(index[q])] = sum
                }
            }
        }
        }
        }
    }

    /// Writes the columns of `packed` to the columns `use` lists in `full`.
    private func unpack(_ packed: Matrix, by use: ColumnUse, into full: inout Matrix) {
        let (n, u, c) = (packed.rows, use.count, columns)
        use.list.withUnsafeBufferPointer { list in
            packed.withUnsafeBufferPointer { p in
                full.withUnsafeMutableBufferPointer { f in
                    ParallelRows.forEach(rows: n, columns: u) { _, block in
                        for i in block {
                            let (src, dst) = (p.baseAddress! + i * u, f.baseAddress! + i * c)
                            for q in 0..<u { dst[Int(list[q])] = src[q] }
                        }
                    }
                }
            }
        }
    }
}

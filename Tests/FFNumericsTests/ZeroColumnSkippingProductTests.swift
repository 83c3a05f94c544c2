import Testing
@testable import FFNumerics

@Suite("Products that skip zero input columns")
struct ZeroColumnSkippingProductTests {
    /// `rows × k` inputs where column j is zero in every row when `silent(j)`,
    /// and rows `zeroRows` are zero throughout.
    static func inputs(rows: Int, k: Int, seed: Int, zeroRows: Range<Int> = 0..<0, silent: (Int) -> Bool) -> Matrix {
        var x = pseudoRandomMatrix(rows: rows, columns: k, seed: seed)
        for i in 0..<rows {
            for j in 0..<k where silent(j) || zeroRows.contains(i) || x[i, j] < -0.5 { x[i, j] = 0 }
        }
        return x
    }

    static func maximumError(_ y: Matrix, _ x: Matrix, _ w: Matrix) -> Double {
        let reference = referenceProduct(x, transposeA: false, w, transposeB: true)
        var worst = 0.0
        for i in 0..<y.rows {
            for j in 0..<y.columns { worst = max(worst, abs(Double(y[i, j]) - reference[i][j])) }
        }
        return worst
    }

    @Test("equals the dense product on sparse, dense and all-zero row blocks",
          arguments: [1, 4, 7, 64])
    func matchesDense(rowBlock: Int) {
        // Rows 0..<7: every third column silent; rows 7..<14 zero; then dense rows.
        var x = Self.inputs(rows: 21, k: 30, seed: 3, zeroRows: 7..<14) { $0 % 3 != 0 }
        let dense = Self.inputs(rows: 7, k: 30, seed: 4) { _ in false }
        for i in 0..<7 { for j in 0..<30 { x[14 + i, j] = dense[i, j] } }
        let w = pseudoRandomMatrix(rows: 9, columns: 30, seed: 5)
        var product = ZeroColumnSkippingProduct(rowBlock: rowBlock, maximumDensity: 0.5)
        var y = Matrix(rows: 0, columns: 0)
        product.multiply(x, transposedWeights: w, into: &y)
        #expect(y.rows == 21 && y.columns == 9)
        #expect(Self.maximumError(y, x, w) < 1e-5)
        // One block of all 21 rows includes the dense rows, so it uses every column.
        #expect(rowBlock < 21 ? product.usedFraction < 1 : product.usedFraction == 1)
    }

    @Test("counts the columns it multiplies, and reuses its buffers across calls")
    func statistics() {
        let x = Self.inputs(rows: 10, k: 40, seed: 6) { $0 >= 10 }  // only the first quarter in use
        let w = pseudoRandomMatrix(rows: 5, columns: 40, seed: 7)
        var product = ZeroColumnSkippingProduct(rowBlock: 5)
        var y = Matrix(rows: 0, columns: 0)
        product.multiply(x, transposedWeights: w, into: &y)
        #expect(abs(product.usedFraction - 0.25) < 1e-12)
        let first = y
        product.multiply(x, transposedWeights: w, into: &y)
        #expect(y == first)
        #expect(product.totalColumns == 2 * 10 * 40)
        product.resetStatistics()
        #expect(product.usedFraction == 1)
        // After a larger product, a smaller one must not read stale packed values.
        let small = Self.inputs(rows: 3, k: 40, seed: 10) { $0 % 4 != 1 }
        product.multiply(small, transposedWeights: w, into: &y)
        #expect(y.rows == 3 && Self.maximumError(y, small, w) < 1e-5)
    }

    @Test("a block that runs dense counts all its columns as multiplied")
    func denseBlocksCountEveryColumn() {
        let x = Self.inputs(rows: 4, k: 10, seed: 11) { $0 == 9 }  // 9 of 10 columns in use
        let w = pseudoRandomMatrix(rows: 3, columns: 10, seed: 12)
        var product = ZeroColumnSkippingProduct(rowBlock: 4, maximumDensity: 0.5)
        var y = Matrix(rows: 0, columns: 0)
        product.multiply(x, transposedWeights: w, into: &y)
        #expect(product.usedColumns == 4 * 10 && product.usedFraction == 1)
    }

    @Test("runs the dense product above the density limit, with the same values")
    func denseFallback() {
        let x = Self.inputs(rows: 8, k: 16, seed: 8) { _ in false }
        let w = pseudoRandomMatrix(rows: 6, columns: 16, seed: 9)
        var product = ZeroColumnSkippingProduct(rowBlock: 8, maximumDensity: 0.1)
        var y = Matrix(rows: 0, columns: 0), reference = Matrix(rows: 0, columns: 0)
        product.multiply(x, transposedWeights: w, into: &y)
        BLAS.gemm(x, w, transposeB: true, into: &reference)
        #expect(y == reference)
    }
}

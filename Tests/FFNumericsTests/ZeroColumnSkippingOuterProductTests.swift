import Testing
@testable import FFNumerics

@Suite("Outer products that skip zero columns")
struct ZeroColumnSkippingOuterProductTests {
    /// `rows × columns` values with the columns where `silent` holds zero in every row.
    static func operand(rows: Int, columns: Int, seed: Int, silent: (Int) -> Bool) -> Matrix {
        var x = pseudoRandomMatrix(rows: rows, columns: columns, seed: seed)
        for i in 0..<rows {
            for j in 0..<columns where silent(j) || x[i, j] < -0.5 { x[i, j] = 0 }
        }
        return x
    }

    /// The largest difference between `c` and `start + Aᵀ·B` computed in Double.
    static func maximumError(_ c: Matrix, start: Matrix?, _ a: Matrix, _ b: Matrix) -> Double {
        let reference = referenceProduct(a, transposeA: true, b, transposeB: false)
        var worst = 0.0
        for i in 0..<c.rows {
            for j in 0..<c.columns {
                let expected = reference[i][j] + Double(start?[i, j] ?? 0)
                worst = max(worst, abs(Double(c[i, j]) - expected))
            }
        }
        return worst
    }

    @Test("equals Aᵀ·B written and accumulated, with zero rows and columns in the result")
    func matchesDense() {
        let a = Self.operand(rows: 12, columns: 20, seed: 1) { $0 % 4 != 0 }  // 5 of 20 columns in use
        let b = Self.operand(rows: 12, columns: 30, seed: 2) { $0 >= 12 }     // 12 of 30
        var product = ZeroColumnSkippingOuterProduct()
        var c = Matrix(rows: 0, columns: 0)
        product.multiply(transposing: a, b, into: &c)
        #expect(c.rows == 20 && c.columns == 30)
        #expect(Self.maximumError(c, start: nil, a, b) < 1e-5)
        #expect(c[1, 0] == 0 && c[0, 29] == 0)
        #expect(abs(product.usedFraction - Double(5 * 12) / Double(20 * 30)) < 1e-12)
        let start = pseudoRandomMatrix(rows: 20, columns: 30, seed: 3)
        c = start
        product.multiply(transposing: a, b, into: &c, accumulate: true)
        #expect(Self.maximumError(c, start: start, a, b) < 1e-5)
        #expect(c[1, 0] == start[1, 0])
    }

    @Test("an all-zero operand writes zeros, or leaves an accumulated result as it was")
    func allZero() {
        let a = Matrix(rows: 4, columns: 6), b = pseudoRandomMatrix(rows: 4, columns: 5, seed: 4)
        var product = ZeroColumnSkippingOuterProduct()
        var c = pseudoRandomMatrix(rows: 6, columns: 5, seed: 5)
        let start = c
        product.multiply(transposing: a, b, into: &c, accumulate: true)
        #expect(c == start)
        product.multiply(transposing: a, b, into: &c)
        #expect(c == Matrix(rows: 6, columns: 5))
        #expect(product.usedElements == 0 && product.totalElements == 2 * 30)
    }

    @Test("runs the dense product above the density limit, with sgemm's bits")
    func denseFallback() {
        let a = Self.operand(rows: 9, columns: 7, seed: 6) { _ in false }
        let b = Self.operand(rows: 9, columns: 8, seed: 7) { _ in false }
        var product = ZeroColumnSkippingOuterProduct(maximumDensity: 0.1)
        var c = Matrix(rows: 0, columns: 0), reference = Matrix(rows: 0, columns: 0)
        product.multiply(transposing: a, b, into: &c)
        BLAS.gemm(a, transposeA: true, b, into: &reference)
        #expect(c == reference)
        #expect(product.usedFraction == 1)
        product.resetStatistics()
        #expect(product.totalElements == 0 && product.usedFraction == 1)
    }

    @Test("reuses its buffers: a smaller product after a larger one reads nothing stale")
    func reuse() {
        var product = ZeroColumnSkippingOuterProduct()
        var c = Matrix(rows: 0, columns: 0)
        let bigA = Self.operand(rows: 30, columns: 40, seed: 8) { $0 % 2 == 0 }
        let bigB = Self.operand(rows: 30, columns: 50, seed: 9) { $0 % 3 == 0 }
        product.multiply(transposing: bigA, bigB, into: &c)
        #expect(Self.maximumError(c, start: nil, bigA, bigB) < 1e-5)
        let a = Self.operand(rows: 5, columns: 6, seed: 10) { $0 >= 2 }
        let b = Self.operand(rows: 5, columns: 4, seed: 11) { $0 >= 2 }
        product.multiply(transposing: a, b, into: &c)
        #expect(c.rows == 6 && c.columns == 4 && Self.maximumError(c, start: nil, a, b) < 1e-5)
    }
}

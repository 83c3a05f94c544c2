import Testing
@testable import FFNumerics

@Suite("Products over a batch's base-valued and dense columns")
struct ColumnSplitTests {
    /// `rows × 10` values: column 1 is 2.5, column 4 is 0 and column 6 is −1 in
    /// every row; column 3 is 0 and column 8 is −0.4 except in every 16th row;
    /// the rest are dense.
    static func matrix(rows: Int) -> Matrix {
        var x = pseudoRandomMatrix(rows: rows, columns: 10, seed: 5)
        for i in 0..<rows {
            x[i, 1] = 2.5
            x[i, 4] = 0
            x[i, 6] = -1
            if i % 16 != 3 { x[i, 3] = 0 }
            if i % 16 != 9 { x[i, 8] = -0.4 }
        }
        return x
    }

    @Test("finds the base columns and their majority values; the rest are dense")
    func classifies() {
        let x = Self.matrix(rows: 64)
        var split = ColumnSplit()
        split.load(x, deviatingBelow: 0.1)
        #expect(split.baseIndices == [1, 3, 4, 6, 8])
        #expect(split.baseValues == [2.5, 0, 0, -1, -0.4])
        #expect(split.constantCount == 3 && split.denseCount == 5 && split.deviations == 8)
        split.load(x, deviatingBelow: 0)
        #expect(split.baseIndices == [1, 4, 6] && split.denseCount == 7 && split.deviations == 0)
    }

    @Test("D·Wᵀ plus b·Wᵀ, and Gᵀ·D plus (Gᵀ·1)·b, equal the dense products", arguments: [1, 2, 3])
    func productsMatchDense(threads: Int) {
        let (rows, outputs) = (96, 7)
        let x = Self.matrix(rows: rows)
        let w = pseudoRandomMatrix(rows: outputs, columns: 10, seed: 9)
        let g = pseudoRandomMatrix(rows: rows, columns: outputs, seed: 10)
        ParallelRows.$threadsOverride.withValue(threads) {
            var split = ColumnSplit()
            split.load(x, deviatingBelow: 0.1)
            let base = zip(split.baseIndices, split.baseValues).map { (Int($0), Double($1)) }
            var y = Matrix(rows: 0, columns: 0)
            split.multiply(transposedWeights: w, into: &y)
            let forward = referenceProduct(x, transposeA: false, w, transposeB: true)
            for i in 0..<rows {
                for j in 0..<outputs {
                    let term = base.reduce(0.0) { $0 + $1.1 * Double(w[j, $1.0]) }
                    #expect(abs(Double(y[i, j]) + term - forward[i][j]) < 1e-4)
                }
            }
            var gradient = Matrix(rows: outputs, columns: 10, repeating: 7)
            split.multiply(transposing: g, into: &gradient)
            let backward = referenceProduct(g, transposeA: true, x, transposeB: false)
            for j in 0..<outputs {
                let columnSum = (0..<rows).reduce(0.0) { $0 + Double(g[$1, j]) }
                for q in 0..<10 {
                    let term = base.first { $0.0 == q }.map { $0.1 * columnSum } ?? 0
                    #expect(abs(Double(gradient[j, q]) + term - backward[j][q]) < 1e-4)
                }
            }
        }
    }

    @Test("the forward product keeps its bits at any thread count")
    func threadIndependentForward() {
        let x = Self.matrix(rows: 4000)
        let w = pseudoRandomMatrix(rows: 30, columns: 10, seed: 3)
        func run(_ threads: Int) -> Matrix {
            ParallelRows.$threadsOverride.withValue(threads) {
                var split = ColumnSplit()
                split.load(x, deviatingBelow: 0.1)
                var y = Matrix(rows: 0, columns: 0)
                split.multiply(transposedWeights: w, into: &y)
                return y
            }
        }
        #expect(run(1) == run(2))
    }

    @Test("one row has every column constant; no rows, every column constant at 0")
    func degenerate() {
        var split = ColumnSplit()
        split.load(Self.matrix(rows: 1), deviatingBelow: 0.1)
        #expect(split.denseCount == 0 && split.constantCount == 10 && split.deviations == 0)
        var y = Matrix(rows: 0, columns: 0)
        split.multiply(transposedWeights: pseudoRandomMatrix(rows: 3, columns: 10, seed: 1), into: &y)
        #expect(y.rows == 1 && y.columns == 3 && y.storage.allSatisfy { $0 == 0 })
        var gradient = Matrix(rows: 3, columns: 10, repeating: 7)
        split.multiply(transposing: pseudoRandomMatrix(rows: 1, columns: 3, seed: 2), into: &gradient)
        #expect(gradient.storage.allSatisfy { $0 == 0 })
        split.load(Matrix(rows: 0, columns: 3), deviatingBelow: 0.1)
        #expect(split.denseCount == 0 && split.baseValues == [0, 0, 0])
    }
}

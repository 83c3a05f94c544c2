import Testing
@testable import FFNumerics

/// Naive triple loop, in Double, as the reference for sgemm.
func referenceProduct(_ a: Matrix, transposeA: Bool, _ b: Matrix, transposeB: Bool) -> [[Double]] {
    let m = transposeA ? a.columns : a.rows
    let k = transposeA ? a.rows : a.columns
    let n = transposeB ? b.rows : b.columns
    var c = [[Double]](repeating: [Double](repeating: 0, count: n), count: m)
    for i in 0..<m {
        for j in 0..<n {
            var s = 0.0
            for p in 0..<k {
                let x = transposeA ? a[p, i] : a[i, p]
                let y = transposeB ? b[j, p] : b[p, j]
                s += Double(x) * Double(y)
            }
            c[i][j] = s
        }
    }
    return c
}

func pseudoRandomMatrix(rows: Int, columns: Int, seed: Int) -> Matrix {
    var state = UInt64(seed) &* 0x9E37_79B9_7F4A_7C15 | 1
    let values = (0..<(rows * columns)).map { _ -> Float in
        state ^= state << 13; state ^= state >> 7; state ^= state << 17
        return Float(Int(state % 2001) - 1000) / 1000
    }
    return Matrix(rows: rows, columns: columns, storage: values)
}

@Suite("BLAS products")
struct BLASTests {
    @Test("gemm matches a naive product for every transpose combination",
          arguments: [(false, false), (true, false), (false, true), (true, true)])
    func gemmMatchesReference(transposes: (Bool, Bool)) {
        let (ta, tb) = transposes
        let a = pseudoRandomMatrix(rows: ta ? 7 : 5, columns: ta ? 5 : 7, seed: 1)
        let b = pseudoRandomMatrix(rows: tb ? 3 : 7, columns: tb ? 7 : 3, seed: 2)
        var c = Matrix(rows: 0, columns: 0)
        BLAS.gemm(a, transposeA: ta, b, transposeB: tb, into: &c)
        let ref = referenceProduct(a, transposeA: ta, b, transposeB: tb)
        #expect(c.rows == 5 && c.columns == 3)
        for i in 0..<5 { for j in 0..<3 { #expect(abs(Double(c[i, j]) - ref[i][j]) < 1e-5) } }
    }

    @Test("gemm with beta = 1 accumulates into C")
    func gemmAccumulates() {
        let a = pseudoRandomMatrix(rows: 4, columns: 6, seed: 3)
        let b = pseudoRandomMatrix(rows: 6, columns: 2, seed: 4)
        var c = Matrix(rows: 4, columns: 2, repeating: 1)
        BLAS.gemm(a, b, into: &c, alpha: 2, beta: 1)
        let ref = referenceProduct(a, transposeA: false, b, transposeB: false)
        for i in 0..<4 { for j in 0..<2 { #expect(abs(Double(c[i, j]) - (2 * ref[i][j] + 1)) < 1e-5) } }
    }

    @Test("the thread count can be set and read back")
    func threadCount() {
        let before = BLAS.threadCount
        BLAS.threadCount = 1
        #expect(BLAS.threadCount == 1)
        BLAS.threadCount = before
        #expect(BLAS.configuration.lowercased().contains("openblas"))
    }
}

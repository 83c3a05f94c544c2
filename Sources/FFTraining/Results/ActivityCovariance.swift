import FFNumerics

/// The covariance of a layer's activities over examples, accumulated chunk by
/// chunk, and the participation ratio it gives.
///
/// The participation ratio of a covariance `C` with eigenvalues `λᵢ` is
/// `(Σλᵢ)² / Σλᵢ² = (tr C)² / ‖C‖²_F`: the number of directions the
/// activity really spreads over, between 1 (every unit a multiple of one
/// signal) and the number of units (independent units of equal variance).
/// See Gao & Ganguli, "On simplicity and complexity in the brave new world of
/// large-scale neuroscience" (Curr. Opin. Neurobiol. 2015) and Recanatesi et
/// al., "Dimensionality compression and expansion in deep neural networks"
/// (arXiv 1906.00443). No eigendecomposition is needed.
struct ActivityCovariance {
    /// Units per example.
    let units: Int
    /// Examples added so far.
    private(set) var count = 0
    private var sums: [Double]
    private var gram: [Double]
    private var chunkGram: [Float]

    /// An empty accumulator for activities of `units` units.
    init(units: Int) {
        self.units = units
        sums = [Double](repeating: 0, count: units)
        gram = [Double](repeating: 0, count: units * units)
        chunkGram = [Float](repeating: 0, count: units * units)
    }

    /// Adds the first `rows` rows of `y` as examples: their sum, and their
    /// second moments through one `yᵀy` product in Float, kept in Double.
    /// - Parameters:
    ///   - y: Activities, one example per row, `units` columns.
    ///   - rows: How many of the leading rows to add.
    mutating func add(_ y: Matrix, rows: Int) {
        precondition(y.columns == units && rows <= y.rows, "activity covariance: \(y.rows)×\(y.columns) activities, \(units) units")
        guard rows > 0, units > 0 else { return }
        let u = units
        y.withUnsafeBufferPointer { a in
            chunkGram.withUnsafeMutableBufferPointer { g in
                BLAS.sgemm(transposeA: true, transposeB: false, m: u, n: u, k: rows, alpha: 1,
                           a: a.baseAddress!, lda: u, b: a.baseAddress!, ldb: u, beta: 0, c: g.baseAddress!, ldc: u)
            }
            sums.withUnsafeMutableBufferPointer { s in
                for i in 0..<rows {
                    for j in 0..<u { s[j] += Double(a[i * u + j]) }
                }
            }
        }
        chunkGram.withUnsafeBufferPointer { g in
            gram.withUnsafeMutableBufferPointer { t in
                for k in 0..<(u * u) { t[k] += Double(g[k]) }
            }
        }
        count += rows
    }

    /// `(tr C)² / ‖C‖²_F` of the covariance (divisor n) of the examples
    /// added; 0 when there are fewer than 2 examples or no variance at all.
    var participationRatio: Double {
        guard count >= 2 else { return 0 }
        let n = Double(count), u = units
        var trace = 0.0, frobenius = 0.0
        for i in 0..<u {
            let mi = sums[i] / n
            for j in 0..<u {
                let c = gram[i * u + j] / n - mi * (sums[j] / n)
                frobenius += c * c
                if i == j { trace += c }
            }
        }
        return frobenius > 0 ? trace * trace / frobenius : 0
    }
}

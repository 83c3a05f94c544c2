import Testing
import FFNumerics
@testable import FFTraining

@Suite("Participation ratio of activities")
struct ActivityCovarianceTests {
    static func ratio(_ rows: [[Float]], chunk: Int) -> Double {
        let units = rows[0].count
        var c = ActivityCovariance(units: units)
        var start = 0
        while start < rows.count {
            let part = Array(rows[start..<min(rows.count, start + chunk)])
            c.add(Matrix(rows: part.count, columns: units, storage: part.flatMap { $0 }), rows: part.count)
            start += chunk
        }
        #expect(c.count == rows.count)
        return c.participationRatio
    }

    @Test("one signal gives 1, independent equal variances give the number of units (a dead unit adds nothing)")
    func extremes() {
        let line: [[Float]] = (1...5).map { t in [Float(t), 2 * Float(t), -Float(t)] }
        #expect(abs(Self.ratio(line, chunk: 2) - 1) < 1e-9)
        // ±e₁, ±e₂, ±e₃ and a unit that is always 0: covariance diag(1/3, 1/3, 1/3, 0).
        var axes = [[Float]]()
        for j in 0..<3 {
            for s: Float in [1, -1] {
                var r = [Float](repeating: 0, count: 4)
                r[j] = s
                axes.append(r)
            }
        }
        #expect(abs(Self.ratio(axes, chunk: 4) - 3) < 1e-9)
    }

    @Test("by hand: variances 1 and 3, uncorrelated, give (1 + 3)² / (1 + 9) = 1.6; the mean is removed")
    func byHand() {
        // Unit 1 takes ±1, unit 2 takes ±√3, in all four combinations, on top of means 5 and −2.
        let r3 = Float(3).squareRoot()
        let rows: [[Float]] = [[6, -2 + r3], [6, -2 - r3], [4, -2 + r3], [4, -2 - r3]]
        #expect(abs(Self.ratio(rows, chunk: 3) - 1.6) < 1e-5)
        #expect(abs(Self.ratio(rows, chunk: 1) - Self.ratio(rows, chunk: 4)) < 1e-6)  // Float products per chunk
    }

    @Test("fewer than two examples, or no variance, give 0")
    func degenerate() {
        #expect(Self.ratio([[1, 2]], chunk: 1) == 0)
        #expect(Self.ratio([[1, 2], [1, 2]], chunk: 2) == 0)
    }
}

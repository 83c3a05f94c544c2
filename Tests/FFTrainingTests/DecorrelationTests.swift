import Testing
import FFNumerics
@testable import FFTraining

@Suite("Decorrelation loss")
struct DecorrelationTests {
    @Test("its gradient matches central finite differences of the loss")
    func gradientMatchesFiniteDifferences() {
        let d = Decorrelation(strength: 0.7)
        let y = randomMatrix(6, 4, seed: 11, scale: 1.5)
        var gradient = Matrix(rows: 6, columns: 4)
        var w = Decorrelation.Workspace()
        _ = d.apply(positive: y, gradient: &gradient, workspace: &w)
        let values = y.storage
        let f: ([Float]) -> Double = { v in
            var g = Matrix(rows: 6, columns: 4)
            var scratch = Decorrelation.Workspace()
            return d.apply(positive: Matrix(rows: 6, columns: 4, storage: v), gradient: &g, workspace: &scratch)
        }
        expectMatchesFiniteDifferences(gradient, at: values, f)
    }

    @Test("by hand: two units with covariance 1 over 3 rows give strength · 2 · 1² / 2; the gradient is added")
    func byHand() {
        // Column means 1 and 2; centred rows (−1, −1), (0, 0), (1, 1): C₁₂ = 2/(3 − 1) = 1.
        let y = Matrix(rows: 3, columns: 2, storage: [0, 1, 1, 2, 2, 3])
        var g = Matrix(rows: 3, columns: 2, repeating: 5)
        var w = Decorrelation.Workspace()
        let loss = Decorrelation(strength: 0.5).apply(positive: y, gradient: &g, workspace: &w)
        #expect(abs(loss - 0.5) < 1e-6)
        // ∂/∂Z = 0.5 · 4/(2 · 2) · Z_c · C_off: row (−1, −1) → (−0.5, −0.5), added to 5.
        #expect(g.storage.map { ($0 * 1000).rounded() / 1000 } == [4.5, 4.5, 5, 5, 5.5, 5.5])
    }

    @Test("uncorrelated units, a single row or zero strength add nothing")
    func nothingToDo() {
        var w = Decorrelation.Workspace()
        let axes = Matrix(rows: 4, columns: 2, storage: [1, 0, -1, 0, 0, 1, 0, -1])
        var g = Matrix(rows: 4, columns: 2)
        #expect(Decorrelation(strength: 1).apply(positive: axes, gradient: &g, workspace: &w) == 0)
        #expect(g.storage.allSatisfy { $0 == 0 })
        var one = Matrix(rows: 1, columns: 2)
        #expect(Decorrelation(strength: 1).apply(positive: Matrix(rows: 1, columns: 2, storage: [1, 2]), gradient: &one, workspace: &w) == 0)
        let y = randomMatrix(5, 3, seed: 2, scale: 1)
        var h = Matrix(rows: 5, columns: 3)
        #expect(Decorrelation(strength: 0).apply(positive: y, gradient: &h, workspace: &w) == 0)
        #expect(h.storage.allSatisfy { $0 == 0 })
    }
}

import Testing
import FFNumerics
@testable import FFTraining

@Suite("Goodness functions")
struct GoodnessGradientTests {
    static let objectives: [any GoodnessFunction] = [
        LogisticGoodness(reduction: .sum, threshold: nil),
        LogisticGoodness(reduction: .sum, threshold: 3),
        LogisticGoodness(reduction: .mean, threshold: 2),
        SymBaGoodness(alpha: 4, reduction: .sum),
        SymBaGoodness(alpha: 1, reduction: .mean),
    ]

    @Test("the loss gradient matches central finite differences", arguments: 0..<objectives.count)
    func gradientMatchesFiniteDifferences(index: Int) {
        let objective = Self.objectives[index]
        let pos = randomMatrix(4, 6, seed: 1, scale: 0.7)
        let neg = randomMatrix(4, 6, seed: 2, scale: 0.7)
        var gPos = Matrix(rows: 0, columns: 0), gNeg = Matrix(rows: 0, columns: 0)
        _ = objective.loss(positive: pos, negative: neg, positiveGradient: &gPos, negativeGradient: &gNeg)
        var scratchP = Matrix(rows: 0, columns: 0), scratchN = Matrix(rows: 0, columns: 0)
        var values = pos.storage + neg.storage
        let half = pos.count
        let f: ([Float]) -> Double = { v in
            let p = Matrix(rows: 4, columns: 6, storage: Array(v[0..<half]))
            let n = Matrix(rows: 4, columns: 6, storage: Array(v[half...]))
            return objective.loss(positive: p, negative: n, positiveGradient: &scratchP, negativeGradient: &scratchN)
        }
        for i in stride(from: 0, to: values.count, by: 5) {
            let numeric = finiteDifference(&values, i, step: 1e-2, f)
            let analytic = Double(i < half ? gPos.storage[i] : gNeg.storage[i - half])
            #expect(abs(numeric - analytic) < 2e-3 + 2e-2 * abs(analytic),
                    "\(objective.name) element \(i): numeric \(numeric) vs analytic \(analytic)")
        }
    }

    @Test("Hinton's logistic loss is softplus(θ − G) and softplus(G − θ) averaged over 2·batch rows")
    func logisticLossByHand() {
        let pos = Matrix(rows: 1, columns: 2, storage: [1, 2])  // G = 5
        let neg = Matrix(rows: 1, columns: 2, storage: [0, 1])  // G = 1
        var a = Matrix(rows: 0, columns: 0), b = Matrix(rows: 0, columns: 0)
        let loss = LogisticGoodness().loss(positive: pos, negative: neg, positiveGradient: &a, negativeGradient: &b)
        let expected = (Scalar.softplus(Double(2 - 5)) + Scalar.softplus(Double(1 - 2))) / 2
        #expect(abs(loss - expected) < 1e-9)
        var g = [Float]()
        LogisticGoodness(reduction: .mean, threshold: 2).goodness(pos, into: &g)
        #expect(g == [2.5])
    }
}

import Foundation
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
        LogisticGoodness(reduction: .sum, threshold: nil, polarity: .low),
        LogisticGoodness(reduction: .sum, threshold: 2, polarity: .low),
        LogisticGoodness(reduction: .mean, threshold: 0.5, polarity: .low),
        SoftmaxGoodness(alpha: 1, negativesPerPositive: 1),
        SoftmaxGoodness(alpha: 0.5, negativesPerPositive: 3),
        SoftmaxGoodness(alpha: 2, negativesPerPositive: 9, reduction: .mean),
    ]

    @Test("the loss gradient matches central finite differences", arguments: 0..<objectives.count)
    func gradientMatchesFiniteDifferences(index: Int) {
        let objective = Self.objectives[index]
        let k = objective.negativesPerPositive
        let pos = randomMatrix(4, 6, seed: 1, scale: 0.7)
        let neg = randomMatrix(4 * k, 6, seed: 2, scale: 0.7)
        var gPos = Matrix(rows: 0, columns: 0), gNeg = Matrix(rows: 0, columns: 0)
        _ = objective.loss(positive: pos, negative: neg, positiveGradient: &gPos, negativeGradient: &gNeg)
        var scratchP = Matrix(rows: 0, columns: 0), scratchN = Matrix(rows: 0, columns: 0)
        var values = pos.storage + neg.storage
        let half = pos.count
        let f: ([Float]) -> Double = { v in
            let p = Matrix(rows: 4, columns: 6, storage: Array(v[0..<half]))
            let n = Matrix(rows: 4 * k, columns: 6, storage: Array(v[half...]))
            return objective.loss(positive: p, negative: n, positiveGradient: &scratchP, negativeGradient: &scratchN)
        }
        #expect(gPos.rows == 4 && gNeg.rows == 4 * k && gNeg.columns == 6)
        for i in stride(from: 0, to: values.count, by: k > 1 ? 7 : 5) {
            let numeric = finiteDifference(&values, i, step: 1e-2, f)
            let analytic = Double(i < half ? gPos.storage[i] : gNeg.storage[i - half])
            #expect(abs(numeric - analytic) < 2e-3 + 2e-2 * abs(analytic),
                    "\(objective.name) element \(i): numeric \(numeric) vs analytic \(analytic)")
        }
    }

    @Test("objectives that claim a row-multiple gradient have one, so ReLU's mask may be skipped",
          arguments: 0..<objectives.count)
    func rowMultipleGradient(index: Int) {
        let objective = Self.objectives[index]
        guard objective is any RowScaledGoodness else { return }
        let k = objective.negativesPerPositive
        var pos = randomMatrix(5, 8, seed: 3), neg = randomMatrix(5 * k, 8, seed: 4)
        pos.applyReLU()
        neg.applyReLU()
        var gPos = Matrix(rows: 0, columns: 0), gNeg = Matrix(rows: 0, columns: 0)
        _ = objective.loss(positive: pos, negative: neg, positiveGradient: &gPos, negativeGradient: &gNeg)
        for (y, g) in [(pos, gPos), (neg, gNeg)] {
            var masked = g
            masked.maskByReLUDerivative(of: y)
            #expect(zip(masked.storage, g.storage).allSatisfy { $0 == $1 },
                    "\(objective.name): the mask changed the gradient")
            for i in 0..<y.rows {
                let ratios = (0..<y.columns).filter { y[i, $0] != 0 }.map { g[i, $0] / y[i, $0] }
                #expect(ratios.allSatisfy { abs($0 - ratios[0]) <= 1e-5 * (1 + abs(ratios[0])) })
            }
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

    @Test("min ssq is the logistic loss with the sign of G − θ flipped, and reports G = −Σy²")
    func minSumSquaresByHand() {
        let pos = Matrix(rows: 1, columns: 2, storage: [0, 1])  // S = 1
        let neg = Matrix(rows: 1, columns: 2, storage: [1, 2])  // S = 5
        var a = Matrix(rows: 0, columns: 0), b = Matrix(rows: 0, columns: 0)
        let objective = LogisticGoodness(reduction: .sum, threshold: 3, polarity: .low)
        let loss = objective.loss(positive: pos, negative: neg, positiveGradient: &a, negativeGradient: &b)
        // p(positive) = σ(θ − S): positive loss softplus(S − θ), negative softplus(θ − S).
        let expected = (Scalar.softplus(Double(1 - 3)) + Scalar.softplus(Double(3 - 5))) / 2
        #expect(abs(loss - expected) < 1e-9)
        var g = [Float]()
        objective.goodness(neg, into: &g)
        #expect(g == [-5])
        // Positive rows are pushed down: the gradient has the sign of y (descent lowers |y|).
        #expect(a[0, 1] > 0 && b[0, 1] < 0)
    }

    @Test("the high-polarity logistic loss is unchanged bit for bit by the polarity parameter")
    func logisticUnchanged() {
        let pos = randomMatrix(5, 7, seed: 3), neg = randomMatrix(5, 7, seed: 4)
        var a = Matrix(rows: 0, columns: 0), b = Matrix(rows: 0, columns: 0)
        let loss = LogisticGoodness(reduction: .sum, threshold: 6).loss(positive: pos, negative: neg,
                                                                        positiveGradient: &a, negativeGradient: &b)
        // Hinton's form written out as before the polarity existed.
        var g = [Float]()
        pos.rowSumsOfSquares(into: &g)
        var total = 0.0
        var ka = [Float]()
        for gi in g { total += Scalar.softplus(Double(6 - gi)); ka.append(-Scalar.sigmoid(6 - gi) * (1 / 10) * 2) }
        neg.rowSumsOfSquares(into: &g)
        var kb = [Float]()
        for gi in g { total += Scalar.softplus(Double(gi - 6)); kb.append(Scalar.sigmoid(gi - 6) * (1 / 10) * 2) }
        var ea = Matrix(rows: 0, columns: 0), eb = Matrix(rows: 0, columns: 0)
        scaleRows(pos, by: ka, into: &ea)
        scaleRows(neg, by: kb, into: &eb)
        #expect(loss == total / 10 && a == ea && b == eb)
    }

    @Test("the softmax objective with one negative is SymBa's loss and gradient")
    func softmaxWithOneNegativeIsSymBa() {
        let pos = randomMatrix(6, 5, seed: 5, scale: 0.6), neg = randomMatrix(6, 5, seed: 6, scale: 0.6)
        var a1 = Matrix(rows: 0, columns: 0), b1 = Matrix(rows: 0, columns: 0)
        var a2 = Matrix(rows: 0, columns: 0), b2 = Matrix(rows: 0, columns: 0)
        let l1 = SoftmaxGoodness(alpha: 3, negativesPerPositive: 1).loss(positive: pos, negative: neg,
                                                                         positiveGradient: &a1, negativeGradient: &b1)
        let l2 = SymBaGoodness(alpha: 3).loss(positive: pos, negative: neg, positiveGradient: &a2, negativeGradient: &b2)
        #expect(abs(l1 - l2) < 1e-6)
        for i in a1.storage.indices {
            #expect(abs(a1.storage[i] - a2.storage[i]) < 1e-5 && abs(b1.storage[i] - b2.storage[i]) < 1e-5)
        }
    }

    @Test("the softmax objective over every wrong label is the cross-entropy of a softmax over labels")
    func softmaxIsCrossEntropyOverLabels() {
        // One image, 3 classes: goodness 1 for the true label, 2 and 0 for the wrong ones.
        let pos = Matrix(rows: 1, columns: 1, storage: [1])
        let neg = Matrix(rows: 2, columns: 1, storage: [Float(2).squareRoot(), 0])
        var a = Matrix(rows: 0, columns: 0), b = Matrix(rows: 0, columns: 0)
        let loss = SoftmaxGoodness(alpha: 1, negativesPerPositive: 2).loss(positive: pos, negative: neg,
                                                                         positiveGradient: &a, negativeGradient: &b)
        let expected = -log(exp(1.0) / (exp(1.0) + exp(2.0) + exp(0.0)))
        #expect(abs(loss - expected) < 1e-6)
    }

    @Test("every CLI spelling parses back to the same choice; bad ones are refused")
    func cliSpellings() {
        let choices: [GoodnessChoice] = [
            .hinton, .logistic(reduction: .sum, threshold: 3), .logistic(reduction: .mean, threshold: 2),
            .minSquares(reduction: .sum, threshold: nil), .minSquares(reduction: .sum, threshold: 7),
            .minSquares(reduction: .mean, threshold: 0.5), .symba(alpha: 4, reduction: .sum),
            .softmax(alpha: 4, negatives: nil), .softmax(alpha: 0.5, negatives: 3),
        ]
        for c in choices { #expect(GoodnessChoice(cliName: c.cliName) == c, "\(c.cliName)") }
        #expect(GoodnessChoice(cliName: "softmax") == .softmax(alpha: 4, negatives: nil))
        #expect(GoodnessChoice(cliName: "min-sum-squares") == .minSquares(reduction: .sum, threshold: nil))
        for bad in ["softmax:4:0", "softmax:4:2.5", "softmax:1:2:3", "symba:1:2", "sum-squares:", "min-squares", "softmax:nan"] {
            #expect(GoodnessChoice(cliName: bad) == nil, "\(bad)")
        }
        #expect(GoodnessChoice.softmax(alpha: 4, negatives: nil).make(classes: 10).negativesPerPositive == 9)
        #expect(GoodnessChoice.softmax(alpha: 4, negatives: 2).make(classes: 10).negativesPerPositive == 2)
        #expect(GoodnessChoice.minSquares(reduction: .sum, threshold: nil).make(classes: 10).negativesPerPositive == 1)
    }
}

import Foundation
import Testing
@testable import FFNumerics

@Suite("Elementwise and row kernels")
struct KernelTests {
    @Test("ReLU clamps negatives and its derivative masks by the output")
    func relu() {
        var m = Matrix(rows: 1, columns: 4, storage: [-1, 0, 2, -3])
        m.applyReLU()
        #expect(m.storage == [0, 0, 2, 0])
        var g = Matrix(rows: 1, columns: 4, storage: [5, 5, 5, 5])
        g.maskByReLUDerivative(of: m)
        #expect(g.storage == [0, 0, 5, 0])
    }

    @Test("L2 normalisation gives unit rows; RMS gives root-mean-square 1")
    func normalization() {
        var m = Matrix(rows: 2, columns: 4, storage: [3, 4, 0, 0, 1, 1, 1, 1])
        var l2 = m
        l2.normalizeRows(.l2, epsilon: 0)
        var sums = [Float]()
        l2.rowSumsOfSquares(into: &sums)
        #expect(sums.allSatisfy { abs($0 - 1) < 1e-6 })
        m.normalizeRows(.rms, epsilon: 0)
        m.rowSumsOfSquares(into: &sums)
        #expect(sums.allSatisfy { abs($0 / 4 - 1) < 1e-6 })
        var zero = Matrix(rows: 1, columns: 3)
        zero.normalizeRows(.l2, epsilon: 1e-8)
        #expect(zero.storage == [0, 0, 0])
    }

    @Test("log-softmax rows exponentiate to probability vectors, stably")
    func logSoftmax() {
        var m = Matrix(rows: 2, columns: 3, storage: [1, 2, 3, 1000, 1000, -1000])
        m.applyLogSoftmaxRows()
        for i in 0..<2 {
            let s = (0..<3).reduce(0.0) { $0 + exp(Double(m[i, $1])) }
            #expect(abs(s - 1) < 1e-4)
        }
        #expect(m.isFinite)
        #expect(abs(m[1, 0] - log(0.5)) < 1e-4)
    }

    @Test("softplus and sigmoid are stable at extremes")
    func scalars() {
        #expect(Scalar.sigmoid(-1000) == 0)
        #expect(Scalar.sigmoid(1000) == 1)
        #expect(abs(Scalar.softplus(Float(0)) - log(2)) < 1e-6)
        #expect(Scalar.softplus(Float(100)) == 100)
        #expect(Scalar.softplus(Float(-100)) >= 0)
    }

    @Test("argmax, column sums, bias broadcast, gather and block copies")
    func bookkeeping() {
        let m = Matrix(rows: 3, columns: 2, storage: [1, 2, 4, 3, 0, 0])
        var idx = [Int]()
        m.argmaxRows(into: &idx)
        #expect(idx == [1, 0, 0])
        var sums = [Float]()
        m.columnSums(into: &sums)
        #expect(sums == [5, 5])
        var b = m
        b.addToEachRow([10, 20])
        #expect(b.row(2) == [10, 20])
        var g = Matrix(rows: 0, columns: 0)
        [2, 0].withUnsafeBufferPointer { g.gatherRows(from: m, indices: $0) }
        #expect(g.storage == [0, 0, 1, 2])
        var wide = Matrix(rows: 3, columns: 4)
        wide.setColumns(2, from: m)
        #expect(wide.row(1) == [0, 0, 4, 3])
        #expect(m.transposed().storage == [1, 4, 0, 2, 3, 0])
    }

    @Test("reshape keeps the allocation's values when shrinking")
    func reshape() {
        var m = Matrix(rows: 2, columns: 3, storage: [1, 2, 3, 4, 5, 6])
        m.reshape(rows: 1, columns: 3)
        #expect(m.storage == [1, 2, 3])
        m.reshape(rows: 2, columns: 2)
        #expect(m.count == 4)
    }
}

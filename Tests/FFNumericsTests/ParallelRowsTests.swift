import Testing
@testable import FFNumerics

@Suite("Threaded row passes and SIMD reductions")
struct ParallelRowsTests {
    @Test("row blocks are contiguous, ordered and cover every row; small work stays on one thread")
    func blocks() {
        ParallelRows.$threadsOverride.withValue(3) {
            let parts = ParallelRows.blocks(rows: 1000, columns: 100)
            #expect(parts.count == 3)
            #expect(parts.first?.lowerBound == 0 && parts.last?.upperBound == 1000)
            for (a, b) in zip(parts, parts.dropFirst()) { #expect(a.upperBound == b.lowerBound && !a.isEmpty) }
            #expect(ParallelRows.blocks(rows: 10, columns: 10) == [0..<10])
            #expect(ParallelRows.blocks(rows: 0, columns: 10).isEmpty)
        }
        ParallelRows.$threadsOverride.withValue(8) {
            #expect(ParallelRows.blocks(rows: 2, columns: 1 << 16).count == 2)  // never more blocks than rows
        }
    }

    @Test("the SIMD sum of squares equals a Double reference to Float rounding, at every tail length")
    func sumOfSquares() {
        var generator = SplitMix(seed: 4)
        for n in Array(0...70) + [500, 1000, 2001] {
            let values = (0..<n).map { _ in generator.nextFloat() * 4 - 2 }
            let reference = values.reduce(0.0) { $0 + Double($1) * Double($1) }
            let simd = values.withUnsafeBufferPointer { VectorKernels.sumOfSquares($0.baseAddress ?? UnsafePointer(bitPattern: 4)!, count: n) }
            #expect(abs(Double(simd) - reference) <= 1e-6 * max(1, reference), "n = \(n)")
        }
    }

    @Test("row kernels give the same bits on one thread and on several")
    func threadCountInvariant() {
        var generator = SplitMix(seed: 9)
        let base = Matrix(rows: 301, columns: 257, storage: (0..<(301 * 257)).map { _ in generator.nextFloat() * 2 - 1 })
        let bias = (0..<257).map { Float($0 % 7) * 0.1 - 0.3 }
        func run(threads: Int) -> [[Float]] {
            ParallelRows.$threadsOverride.withValue(threads) {
                var sums = [Float]()
                base.rowSumsOfSquares(into: &sums)
                var l2 = base, rms = base, relu = base, clamped = base, scaled = base, masked = base
                l2.normalizeRows(.l2, epsilon: 1e-8)
                rms.normalizeRows(.rms, epsilon: 1e-8)
                relu.applyReLU()
                clamped.addToEachRow(bias, clampingAtZero: true)
                scaled.scale(by: 0.37)
                masked.maskByReLUDerivative(of: clamped)
                return [sums, l2.storage, rms.storage, relu.storage, clamped.storage, scaled.storage, masked.storage]
            }
        }
        let one = run(threads: 1)
        #expect(ParallelRows.$threadsOverride.withValue(4) { ParallelRows.blocks(rows: 301, columns: 257).count } == 4)
        for threads in [2, 4] { #expect(run(threads: threads) == one, "\(threads) threads") }
    }
}

/// A tiny deterministic generator for test data.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func nextFloat() -> Float { Float(next() >> 40) / Float(1 << 24) }
}

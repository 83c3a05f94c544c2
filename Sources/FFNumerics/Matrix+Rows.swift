#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// How a row is scaled by ``Matrix/normalizeRows(_:epsilon:)``.
public enum RowNormalization: String, Sendable, Codable, CaseIterable {
    /// Divide by the Euclidean length: `x / (‖x‖ + ε)`, unit length.
    case l2
    /// Divide by the root mean square: `x / (√(mean x²) + ε)`, length √n.
    /// This is the "layer norm without centring" of loeweX's FF reproduction.
    case rms
}

/// Row-wise reductions and transforms.
extension Matrix {
    /// Sum of squares of each row.
    /// - Parameter result: Receives `rows` values (resized as needed).
    public func rowSumsOfSquares(into result: inout [Float]) {
        if result.count != rows { result = [Float](repeating: 0, count: rows) }
        let c = columns
        withUnsafeBufferPointer { b in
            result.withUnsafeMutableBufferPointer { r in
                ParallelRows.forEach(rows: rows, columns: c) { _, block in
                    for i in block { r[i] = VectorKernels.sumOfSquares(b.baseAddress! + i * c, count: c) }
                }
            }
        }
    }

    /// Scales each row to unit length (``RowNormalization/l2``) or unit RMS
    /// (``RowNormalization/rms``). Only the direction of a row survives.
    /// - Parameters:
    ///   - mode: Which length to divide by.
    ///   - epsilon: Added to the length before dividing, so zero rows stay zero.
    public mutating func normalizeRows(_ mode: RowNormalization, epsilon: Float) {
        let c = columns
        let n = Float(c)
        let r = rows
        withUnsafeMutableBufferPointer { b in
            ParallelRows.forEach(rows: r, columns: c) { _, block in
                for i in block {
                    let row = b.baseAddress! + i * c
                    let s = VectorKernels.sumOfSquares(row, count: c)
                    let length = mode == .l2 ? s.squareRoot() : (s / n).squareRoot()
                    let inv = 1 / (length + epsilon)
                    for j in 0..<c { row[j] *= inv }
                }
            }
        }
    }

    /// Replaces each row by its log-softmax, `x − log Σ eˣ`, computed stably.
    public mutating func applyLogSoftmaxRows() {
        let (r, c) = (rows, columns)
        withUnsafeMutableBufferPointer { b in
            var offset = 0
            for _ in 0..<r {
                var m = -Float.infinity
                for j in 0..<c { m = Swift.max(m, b[offset + j]) }
                var s: Float = 0
                for j in 0..<c { s += expf(b[offset + j] - m) }
                let lse = m + logf(s)
                for j in 0..<c { b[offset + j] -= lse }
                offset += c
            }
        }
    }

    /// The column index of each row's largest element (first one on ties).
    /// - Parameter result: Receives `rows` indices (resized as needed).
    public func argmaxRows(into result: inout [Int]) {
        if result.count != rows { result = [Int](repeating: 0, count: rows) }
        let c = columns
        withUnsafeBufferPointer { b in
            result.withUnsafeMutableBufferPointer { r in
                var offset = 0
                for i in 0..<rows {
                    var best = 0
                    var bestValue = b[offset]
                    for j in 1..<Swift.max(c, 1) where b[offset + j] > bestValue {
                        best = j
                        bestValue = b[offset + j]
                    }
                    r[i] = best
                    offset += c
                }
            }
        }
    }
}

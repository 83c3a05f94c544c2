#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import FFNumerics

/// Softmax cross-entropy over class logits, shared by the backprop network
/// and the FF readout.
public enum SoftmaxCrossEntropy {
    /// The mean loss over the batch and its gradient with respect to the
    /// logits, (softmax − onehot) / batch.
    /// - Parameters:
    ///   - logits: `batch × classes` logits.
    ///   - labels: True labels.
    ///   - gradient: Receives ∂loss/∂logits.
    /// - Returns: The mean loss and the number of rows whose argmax is the label.
    public static func evaluate(logits: Matrix, labels: [Int32], gradient: inout Matrix) -> (loss: Double, correct: Int) {
        precondition(labels.count == logits.rows, "one label per row")
        gradient.reshape(rows: logits.rows, columns: logits.columns)
        let (n, c) = (logits.rows, logits.columns)
        guard n > 0 else { return (0, 0) }
        let inv = 1 / Float(n)
        var total = 0.0
        var correct = 0
        logits.withUnsafeBufferPointer { z in
            gradient.withUnsafeMutableBufferPointer { g in
                for i in 0..<n {
                    let base = i * c
                    var m = -Float.infinity
                    var best = 0
                    for j in 0..<c where z[base + j] > m { m = z[base + j]; best = j }
                    var s: Float = 0
                    for j in 0..<c {
                        let e = expf(z[base + j] - m)
                        g[base + j] = e
                        s += e
                    }
                    let y = Int(labels[i])
                    total += Double(logf(s) + m - z[base + y])
                    if best == y { correct += 1 }
                    let invS = 1 / s
                    for j in 0..<c { g[base + j] *= invS * inv }
                    g[base + y] -= inv
                }
            }
        }
        return (total / Double(n), correct)
    }
}

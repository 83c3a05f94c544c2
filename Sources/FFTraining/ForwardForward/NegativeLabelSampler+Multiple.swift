import FFNumerics
import FFRandom

extension NegativeLabelSampler {
    /// K independent draws of the sampler, k-major; K = 1 is exactly one draw.
    public func negativeLabels(for labels: [Int32], scores: Matrix?, classes: Int, perPositive: Int,
                               random: RandomGenerator) -> [Int32] {
        var result = [Int32]()
        result.reserveCapacity(perPositive * labels.count)
        for _ in 0..<perPositive {
            result.append(contentsOf: negativeLabels(for: labels, scores: scores, classes: classes, random: random))
        }
        return result
    }
}

/// Every wrong label of every example, k-major: entry `k · n + i` is
/// `(labels[i] + 1 + k) mod classes`, k < classes − 1. No randomness.
/// - Parameters:
///   - labels: True labels.
///   - classes: Number of classes.
func everyWrongLabel(for labels: [Int32], classes: Int) -> [Int32] {
    var result = [Int32]()
    result.reserveCapacity((classes - 1) * labels.count)
    for k in 0..<(classes - 1) {
        for y in labels { result.append(Int32((Int(y) + 1 + k) % classes)) }
    }
    return result
}

extension HardWrongLabel {
    /// The K wrong labels with the highest goodness, hardest first (ties to the
    /// lower label), k-major; K = 1 is ``negativeLabels(for:scores:classes:random:)``.
    public func negativeLabels(for labels: [Int32], scores: Matrix?, classes: Int, perPositive: Int,
                               random: RandomGenerator) -> [Int32] {
        guard let scores else { preconditionFailure("HardWrongLabel needs scores") }
        let n = labels.count
        let k = min(perPositive, classes - 1)
        var result = [Int32](repeating: 0, count: perPositive * n)
        var order = [Int](repeating: 0, count: classes)
        for i in 0..<n {
            var m = 0
            for c in 0..<classes where c != Int(labels[i]) {
                order[m] = c
                m += 1
            }
            // Stable by label, descending by score: a partial selection sort over ≤ classes entries.
            for j in 0..<k {
                var best = j
                for t in (j + 1)..<m where scores[i, order[t]] > scores[i, order[best]] { best = t }
                if best != j {
                    let c = order[best]
                    order.remove(at: best)
                    order.insert(c, at: j)
                }
                result[j * n + i] = Int32(order[j])
            }
            for j in k..<perPositive { result[j * n + i] = Int32(order[j % max(1, k)]) }
        }
        return result
    }
}

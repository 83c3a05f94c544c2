#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import FFNumerics
import FFRandom

/// Chooses the label carried by each negative example.
public protocol NegativeLabelSampler: Sendable {
    /// Whether ``negativeLabels(for:scores:random:)`` needs the network's
    /// current per-label goodness scores.
    var needsScores: Bool { get }

    /// The negative label of each example.
    /// - Parameters:
    ///   - labels: True labels.
    ///   - scores: `batch × classes` goodness per candidate label when
    ///     ``needsScores`` is true, else `nil`.
    ///   - classes: Number of classes.
    ///   - random: Source of randomness.
    func negativeLabels(for labels: [Int32], scores: Matrix?, classes: Int, random: RandomGenerator) -> [Int32]

    /// K negative labels per example, stacked k-major: entry `k · n + i` is
    /// the k-th negative label of example `i`. The default draws K times with
    /// ``negativeLabels(for:scores:classes:random:)`` (so repeats are possible);
    /// see `NegativeLabelSampler+Multiple.swift`.
    /// - Parameters:
    ///   - labels: True labels (n of them).
    ///   - scores: `n × classes` goodness when ``needsScores`` is true, else `nil`.
    ///   - classes: Number of classes.
    ///   - perPositive: K ≥ 1.
    ///   - random: Source of randomness.
    func negativeLabels(for labels: [Int32], scores: Matrix?, classes: Int, perPositive: Int,
                        random: RandomGenerator) -> [Int32]
}

/// A wrong label drawn uniformly from the other classes.
public struct RandomWrongLabel: NegativeLabelSampler {
    public init() {}
    public var needsScores: Bool { false }
    public func negativeLabels(for labels: [Int32], scores: Matrix?, classes: Int, random: RandomGenerator) -> [Int32] {
        labels.map { y in
            let r = Int32(random.uniformInt(below: classes - 1))
            return r >= y ? r + 1 : r
        }
    }
}

/// The labels of the batch in a random order; a negative may by chance carry
/// its true label, as in the minimal PyTorch FF (`y[torch.randperm(n)]`).
public struct PermutedLabels: NegativeLabelSampler {
    public init() {}
    public var needsScores: Bool { false }
    public func negativeLabels(for labels: [Int32], scores: Matrix?, classes: Int, random: RandomGenerator) -> [Int32] {
        random.permutation(labels.count).map { labels[$0] }
    }
}

/// The wrong label the network currently finds most positive ("hard" negatives).
public struct HardWrongLabel: NegativeLabelSampler {
    public init() {}
    public var needsScores: Bool { true }
    public func negativeLabels(for labels: [Int32], scores: Matrix?, classes: Int, random: RandomGenerator) -> [Int32] {
        guard let scores else { preconditionFailure("HardWrongLabel needs scores") }
        return labels.indices.map { i in
            var best = -1
            var bestValue = -Float.infinity
            for c in 0..<classes where c != Int(labels[i]) && (best < 0 || scores[i, c] > bestValue) {
                best = c
                bestValue = scores[i, c]
            }
            return Int32(best)
        }
    }
}

/// A wrong label drawn in proportion to the network's softmax over goodness
/// (Hinton 2022 §4: "in proportion to their probabilities"), optionally at a
/// temperature: label `c` is drawn with weight `exp(G_c / T)`.
///
/// At `T = 1` the softmax reads goodness as the logistic loss does (a
/// goodness difference of 1 is a factor e in odds). A Σy² goodness over
/// hundreds of units can differ between labels by tens (in recurrent FF at
/// 3×500, positive and negative goodness differ by 60–140 on average), and
/// then that softmax is close to one-hot, so the draw is close to
/// ``HardWrongLabel``; larger `T` moves it towards ``RandomWrongLabel``.
public struct ProportionalWrongLabel: NegativeLabelSampler {
    /// The softmax temperature `T` (positive).
    public let temperature: Double

    /// Creates the sampler.
    /// - Parameter temperature: The softmax temperature; 1 (the default) uses goodness as it is.
    /// - Precondition: `temperature` is positive and finite
    ///   (``FFConfiguration/checkNegativeLabelTemperature()`` refuses other values with an error).
    public init(temperature: Float = 1) {
        precondition(temperature > 0 && temperature.isFinite, "the temperature of proportional negatives must be positive and finite")
        self.temperature = Double(temperature)
    }

    public var needsScores: Bool { true }
    public func negativeLabels(for labels: [Int32], scores: Matrix?, classes: Int, random: RandomGenerator) -> [Int32] {
        guard let scores else { preconditionFailure("ProportionalWrongLabel needs scores") }
        var weights = [Double](repeating: 0, count: classes)
        let t = temperature
        return labels.indices.map { i in
            let y = Int(labels[i])
            var m = -Double.infinity
            for c in 0..<classes where c != y { m = max(m, Double(scores[i, c])) }
            var total = 0.0
            for c in 0..<classes {
                // z / 1 is z exactly: T = 1 draws as before the temperature existed.
                weights[c] = c == y ? 0 : exp((Double(scores[i, c]) - m) / t)
                total += weights[c]
            }
            var u = random.uniform() * total
            for c in 0..<classes where c != y {
                u -= weights[c]
                if u <= 0 { return Int32(c) }
            }
            return Int32(y == classes - 1 ? classes - 2 : classes - 1)
        }
    }
}

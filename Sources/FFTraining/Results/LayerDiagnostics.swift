import FFNumerics
import FFRandom

/// What one FF layer does on an evaluation set at the end of an epoch
/// (`--diagnostics`).
///
/// Every number comes from one pass that scores each example under every
/// candidate label (the pass goodness prediction makes), read layer by layer:
/// - ``accuracy``: prediction by this layer's goodness alone, the label whose
///   overlay makes the layer's G largest;
/// - positive goodness: G under the true label; negative goodness: G under
///   one wrong label per example, drawn once from a fixed seed
///   (``negativeLabels(for:classes:)``), so every epoch and every run sees the
///   same negatives;
/// - ``deadFraction``: the fraction of the layer's units whose output is zero
///   for every example under every candidate label;
/// - ``participationRatio``: how many directions the layer's activity on
///   positive data (under the true labels; for unsupervised FF, on the real
///   images) spreads over.
///
/// G is the layer objective's own goodness (for min ssq, −Σy²), so higher
/// means "more positive" for every objective.
public struct LayerDiagnostics: Sendable, Codable, Equatable {
    /// Examples evaluated.
    public var examples: Int
    /// Accuracy of prediction by this layer's goodness alone.
    public var accuracy: Double
    /// Mean G over the examples under their true labels.
    public var positiveGoodnessMean: Double
    /// Standard deviation (divisor n) of that G.
    public var positiveGoodnessStd: Double
    /// Mean G over the examples under their fixed wrong labels.
    public var negativeGoodnessMean: Double
    /// Standard deviation (divisor n) of that G.
    public var negativeGoodnessStd: Double
    /// Fraction of units that are zero for every example and every label.
    public var deadFraction: Double
    /// The participation ratio `(tr C)² / ‖C‖²_F` of the covariance `C` of the
    /// layer's activities on positive data: 1 when all units carry one signal,
    /// the number of units when they are independent with equal variance
    /// (see `ActivityCovariance`). `nil` in results written before session 11.
    public var participationRatio: Double?

    /// Creates a record; see the properties for the meaning of each field.
    public init(examples: Int, accuracy: Double, positiveGoodnessMean: Double, positiveGoodnessStd: Double,
                negativeGoodnessMean: Double, negativeGoodnessStd: Double, deadFraction: Double,
                participationRatio: Double? = nil) {
        self.examples = examples
        self.accuracy = accuracy
        self.positiveGoodnessMean = positiveGoodnessMean
        self.positiveGoodnessStd = positiveGoodnessStd
        self.negativeGoodnessMean = negativeGoodnessMean
        self.negativeGoodnessStd = negativeGoodnessStd
        self.deadFraction = deadFraction
        self.participationRatio = participationRatio
    }

    /// A record from accumulated goodness moments and each unit's largest output.
    /// - Parameters:
    ///   - examples: Examples evaluated.
    ///   - accuracy: The layer's accuracy on its own task.
    ///   - positive: Moments of G on positive data.
    ///   - negative: Moments of G on negative data.
    ///   - unitMaxima: Each unit's largest output over all data (≤ 0: dead).
    ///   - participationRatio: See ``participationRatio``.
    init(examples: Int, accuracy: Double, positive: RunningMoments, negative: RunningMoments, unitMaxima: [Float],
         participationRatio: Double? = nil) {
        let dead = unitMaxima.reduce(0) { $0 + ($1 > 0 ? 0 : 1) }
        self.init(examples: examples, accuracy: accuracy,
                  positiveGoodnessMean: positive.mean, positiveGoodnessStd: positive.std,
                  negativeGoodnessMean: negative.mean, negativeGoodnessStd: negative.std,
                  deadFraction: unitMaxima.isEmpty ? 0 : Double(dead) / Double(unitMaxima.count),
                  participationRatio: participationRatio)
    }

    /// A record from one layer's goodness of every example under every label.
    /// - Parameters:
    ///   - scores: `n × classes` goodness of the layer.
    ///   - examples: The evaluation set (its labels are the positive ones).
    ///   - negativeLabels: One wrong label per example.
    ///   - unitMaxima: Each unit's largest output over all data (≤ 0: dead).
    ///   - participationRatio: See ``participationRatio``.
    init(scores: Matrix, examples: Examples, negativeLabels: [Int32], unitMaxima: [Float], participationRatio: Double?) {
        let n = examples.count
        var predictions = [Int]()
        scores.argmaxRows(into: &predictions)
        var pos = RunningMoments(), neg = RunningMoments()
        for i in 0..<n {
            pos.add(Double(scores[i, Int(examples.labels[i])]))
            neg.add(Double(scores[i, Int(negativeLabels[i])]))
        }
        self.init(examples: n, accuracy: n == 0 ? 0 : examples.accuracy(of: predictions),
                  positive: pos, negative: neg, unitMaxima: unitMaxima, participationRatio: participationRatio)
    }

    /// The seed of the diagnostics' wrong labels, independent of the run's
    /// seed so that runs are compared on the same negatives (arXiv 2212.13345).
    public static let negativeSeed: UInt64 = 2212_13345

    /// One wrong label per example, uniform over the other classes, from
    /// ``negativeSeed``: the same for every call with the same labels.
    /// - Parameters:
    ///   - labels: True labels.
    ///   - classes: Number of classes.
    public static func negativeLabels(for labels: [Int32], classes: Int) -> [Int32] {
        RandomWrongLabel().negativeLabels(for: labels, scores: nil, classes: classes,
                                          random: RandomGenerator(seed: negativeSeed).derived(stream: "diagnostics"))
    }
}

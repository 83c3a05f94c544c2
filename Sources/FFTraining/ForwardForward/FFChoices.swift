/// The goodness function of a run, as a serialisable value.
public enum GoodnessChoice: Sendable, Codable, Equatable {
    /// ``LogisticGoodness``: σ(G − θ) with G a sum or mean of squares; θ `nil` = units.
    case logistic(reduction: SquaredActivityReduction, threshold: Float?)
    /// ``SymBaGoodness``: softplus(−α (G_pos − G_neg)).
    case symba(alpha: Float, reduction: SquaredActivityReduction)
    /// ``LogisticGoodness`` with ``GoodnessPolarity/low`` ("min ssq"): σ(θ − S)
    /// with S a sum or mean of squares; θ `nil` = units.
    case minSquares(reduction: SquaredActivityReduction, threshold: Float?)
    /// ``SoftmaxGoodness``: a softmax over the true label and K wrong labels
    /// of α·Σy²; K `nil` = every wrong label (classes − 1).
    case softmax(alpha: Float, negatives: Int?)

    /// Hinton's default: Σ y² with θ = number of units.
    public static let hinton = GoodnessChoice.logistic(reduction: .sum, threshold: nil)

    /// The objective this choice names.
    /// - Parameter classes: Number of labels (for the softmax's "every wrong label").
    public func make(classes: Int) -> any GoodnessFunction {
        switch self {
        case let .logistic(reduction, threshold): LogisticGoodness(reduction: reduction, threshold: threshold)
        case let .symba(alpha, reduction): SymBaGoodness(alpha: alpha, reduction: reduction)
        case let .minSquares(reduction, threshold):
            LogisticGoodness(reduction: reduction, threshold: threshold, polarity: .low)
        case .softmax(let alpha, _):
            SoftmaxGoodness(alpha: alpha, negativesPerPositive: max(1, negativesPerPositive(classes: classes)))
        }
    }

    /// Negatives per positive the objective asks for (see ``GoodnessFunction/negativesPerPositive``).
    /// - Parameter classes: Number of labels.
    public func negativesPerPositive(classes: Int) -> Int {
        if case let .softmax(_, k) = self { return k ?? classes - 1 }
        return 1
    }

    /// The CLI spellings, for help texts and error messages.
    public static let cliSpellings =
        "sum-squares[:θ], mean-squares[:θ], min-sum-squares[:θ], min-mean-squares[:θ], symba[:α], softmax[:α[:K]]"

    /// The CLI spelling: `sum-squares[:θ]`, `mean-squares:θ`, `min-sum-squares[:θ]`,
    /// `min-mean-squares:θ`, `symba:α`, `softmax:α[:K]`.
    public var cliName: String {
        switch self {
        case let .logistic(.sum, t): t.map { "sum-squares:\($0)" } ?? "sum-squares"
        case let .logistic(.mean, t): "mean-squares:\(t ?? 2)"
        case let .minSquares(.sum, t): t.map { "min-sum-squares:\($0)" } ?? "min-sum-squares"
        case let .minSquares(.mean, t): "min-mean-squares:\(t ?? 2)"
        case let .symba(alpha, _): "symba:\(alpha)"
        case let .softmax(alpha, k): "softmax:\(alpha)" + (k.map { ":\($0)" } ?? "")
        }
    }

    /// Parses the CLI spelling.
    /// - Parameter text: `sum-squares[:θ]`, `mean-squares[:θ]` (θ = 2 when
    ///   omitted), `min-sum-squares[:θ]`, `min-mean-squares[:θ]` (θ = 2),
    ///   `symba[:α]` (α = 4) or `softmax[:α[:K]]` (α = 4, K ≥ 1 wrong labels
    ///   per positive; omitted: every wrong label).
    public init?(cliName text: String) {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        let values = parts.dropFirst().map { Float($0) }
        if values.contains(where: { $0 == nil || !$0!.isFinite }) { return nil }
        let value = values.first ?? nil
        let maxValues = parts[0] == "softmax" ? 2 : 1
        guard values.count <= maxValues else { return nil }
        switch parts[0] {
        case "sum-squares": self = .logistic(reduction: .sum, threshold: value)
        case "mean-squares": self = .logistic(reduction: .mean, threshold: value ?? 2)
        case "min-sum-squares": self = .minSquares(reduction: .sum, threshold: value)
        case "min-mean-squares": self = .minSquares(reduction: .mean, threshold: value ?? 2)
        case "symba": self = .symba(alpha: value ?? 4, reduction: .sum)
        case "softmax":
            var k: Int? = nil
            if values.count == 2 {
                guard let v = values[1], v >= 1, v == v.rounded(), v < 1_000_000 else { return nil }
                k = Int(v)
            }
            self = .softmax(alpha: value ?? 4, negatives: k)
        default: return nil
        }
    }
}

/// How negative examples get their labels, as a serialisable value.
public enum NegativeChoice: String, Sendable, Codable, CaseIterable {
    /// ``RandomWrongLabel``.
    case random
    /// ``HardWrongLabel``.
    case hard
    /// ``ProportionalWrongLabel``.
    case proportional
    /// ``PermutedLabels``.
    case permutation

    /// The sampler this choice names.
    /// - Parameter temperature: The softmax temperature of `proportional`
    ///   (`nil` = 1); the other choices ignore it.
    public func make(temperature: Float? = nil) -> any NegativeLabelSampler {
        switch self {
        case .random: RandomWrongLabel()
        case .hard: HardWrongLabel()
        case .proportional: ProportionalWrongLabel(temperature: temperature ?? 1)
        case .permutation: PermutedLabels()
        }
    }
}

/// The order in which layers are trained.
public enum LayerSchedule: String, Sendable, Codable, CaseIterable {
    /// Every layer is updated on every batch.
    case simultaneous
    /// One layer is trained for all its epochs, then the next.
    case layerwise
}

/// Which layers' goodness is summed for goodness-based prediction.
public enum PredictionLayers: String, Sendable, Codable, CaseIterable {
    /// All layers but the first (all when there is only one), as Hinton.
    case skipFirst = "skip-first"
    /// Every layer, as the minimal PyTorch FF.
    case all

    /// Whether layer `index` of `count` contributes.
    public func includes(_ index: Int, of count: Int) -> Bool {
        self == .all || count == 1 || index > 0
    }
}

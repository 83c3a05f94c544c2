/// The goodness function of a run, as a serialisable value.
public enum GoodnessChoice: Sendable, Codable, Equatable {
    /// ``LogisticGoodness``: σ(G − θ) with G a sum or mean of squares; θ `nil` = units.
    case logistic(reduction: SquaredActivityReduction, threshold: Float?)
    /// ``SymBaGoodness``: softplus(−α (G_pos − G_neg)).
    case symba(alpha: Float, reduction: SquaredActivityReduction)

    /// Hinton's default: Σ y² with θ = number of units.
    public static let hinton = GoodnessChoice.logistic(reduction: .sum, threshold: nil)

    /// The objective this choice names.
    public func make() -> any GoodnessFunction {
        switch self {
        case let .logistic(reduction, threshold): LogisticGoodness(reduction: reduction, threshold: threshold)
        case let .symba(alpha, reduction): SymBaGoodness(alpha: alpha, reduction: reduction)
        }
    }

    /// The CLI spelling: `sum-squares`, `mean-squares[:θ]`, `symba[:α]`.
    public var cliName: String {
        switch self {
        case let .logistic(.sum, t): t.map { "sum-squares:\($0)" } ?? "sum-squares"
        case let .logistic(.mean, t): "mean-squares:\(t ?? 2)"
        case let .symba(alpha, _): "symba:\(alpha)"
        }
    }

    /// Parses the CLI spelling.
    /// - Parameter text: `sum-squares`, `sum-squares:θ`, `mean-squares:θ` or `symba:α`.
    public init?(cliName text: String) {
        let parts = text.split(separator: ":", maxSplits: 1).map(String.init)
        let value = parts.count == 2 ? Float(parts[1]) : nil
        if parts.count == 2 && value == nil { return nil }
        switch parts[0] {
        case "sum-squares": self = .logistic(reduction: .sum, threshold: value)
        case "mean-squares": self = .logistic(reduction: .mean, threshold: value ?? 2)
        case "symba": self = .symba(alpha: value ?? 4, reduction: .sum)
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
    public func make() -> any NegativeLabelSampler {
        switch self {
        case .random: RandomWrongLabel()
        case .hard: HardWrongLabel()
        case .proportional: ProportionalWrongLabel()
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

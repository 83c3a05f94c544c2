import FFTraining

extension TrainingResult {
    /// Whether any epoch of the history carries per-layer diagnostics.
    public var hasDiagnostics: Bool { history.contains { $0.diagnostics != nil } }

    /// The metrics of the diagnostics CSV, in row order within an epoch and layer;
    /// `participation_ratio` has rows only where it was measured.
    public static let diagnosticsMetrics = [
        "layer_accuracy", "positive_goodness_mean", "positive_goodness_std",
        "negative_goodness_mean", "negative_goodness_std", "dead_fraction", "participation_ratio",
    ]

    /// The columns of ``diagnosticsTable()``.
    public static let diagnosticsColumns = [
        "command", "dataset", "algorithm", "goodness", "seed", "hidden", "schedule", "train_examples",
        "examples", "epoch", "trained_layer", "layer", "metric", "value",
    ]

    /// The per-layer diagnostics of every epoch as a tidy table: one row per
    /// epoch × layer × metric (see `notebooks-export/README.md`).
    ///
    /// `epoch` counts through the run (for layerwise FF, layer 1's epochs
    /// come first), `trained_layer` is the layer trained in that epoch
    /// (layerwise only), and `layer` is the layer measured; both are 1-based.
    public func diagnosticsTable() -> CSVTable {
        var table = CSVTable(columns: Self.diagnosticsColumns)
        let fixed: [String: String] = [
            "command": "train", "dataset": dataset, "algorithm": algorithm,
            "goodness": ffConfiguration?.goodness.cliName ?? "", "seed": "\(seed)",
            "hidden": hidden.map(String.init).joined(separator: "x"),
            "schedule": ffConfiguration?.schedule.rawValue ?? "", "train_examples": "\(trainExamples)",
        ]
        for (index, record) in history.enumerated() {
            guard let layers = record.diagnostics else { continue }
            for (l, d) in layers.enumerated() {
                let values: [Double?] = [d.accuracy, d.positiveGoodnessMean, d.positiveGoodnessStd,
                                         d.negativeGoodnessMean, d.negativeGoodnessStd, d.deadFraction,
                                         d.participationRatio]
                for (metric, measured) in zip(Self.diagnosticsMetrics, values) {
                    guard let value = measured else { continue }
                    var row = fixed
                    row["examples"] = "\(d.examples)"
                    row["epoch"] = "\(index + 1)"
                    row["trained_layer"] = record.layer.map { "\($0 + 1)" } ?? ""
                    row["layer"] = "\(l + 1)"
                    row["metric"] = metric
                    row["value"] = "\(value)"
                    table.append(row)
                }
            }
        }
        return table
    }
}

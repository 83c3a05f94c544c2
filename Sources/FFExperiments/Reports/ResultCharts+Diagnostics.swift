import Foundation
import FFPlots

/// Charts of per-layer diagnostics (`train --diagnostics`).
extension ResultCharts {
    /// What a diagnostics chart shows over the epochs.
    public enum DiagnosticsMetric: String, Sendable, CaseIterable {
        /// Goodness separation: mean positive and negative goodness per layer,
        /// error bars the spread (std over the examples).
        case goodness
        /// Accuracy of prediction by each layer's goodness alone.
        case layerAccuracy = "layer_accuracy"
        /// Fraction of dead units per layer.
        case deadFraction = "dead_fraction"
        /// Participation ratio (effective dimensionality) of each layer's
        /// activity on positive data (results written since session 11).
        case participationRatio = "participation_ratio"
    }

    /// Whether tidy rows are a diagnostics table (they hold goodness means).
    /// - Parameter rows: Tidy rows.
    public static func isDiagnostics(_ rows: [[String: String]]) -> Bool {
        rows.contains { $0["metric"] == "positive_goodness_mean" }
    }

    /// A chart of diagnostics rows (columns `epoch`, `layer`, `metric`, `value`)
    /// against the epoch, one line per layer (two for ``DiagnosticsMetric/goodness``:
    /// positive and negative).
    ///
    /// Rows of several runs (e.g. seeds) at the same layer and epoch are
    /// combined: for goodness, the means are averaged and the spreads pooled
    /// (root mean square of the stds); for the other metrics each point is
    /// the mean over runs with their sample std as error bar.
    /// - Parameters:
    ///   - rows: Tidy diagnostics rows.
    ///   - metric: What to draw.
    ///   - filter: Only rows whose columns have these values.
    ///   - title: Chart title (default derived from the data).
    /// - Throws: ``ChartBuilderError`` when a column is missing or a value is not a number.
    public static func diagnosticsChart(_ rows: [[String: String]], metric: DiagnosticsMetric,
                                        where filter: [String: String] = [:], title: String? = nil) throws -> LineChart {
        let selected = rows.filter { row in filter.allSatisfy { row[$0.key] == $0.value } }
        let dataset = Set(selected.compactMap { $0["dataset"] }).sorted().joined(separator: ", ")
        let goodness = Set(selected.compactMap { $0["goodness"] }).sorted().joined(separator: ", ")
        let runs = Set(selected.map { "\($0["seed"] ?? "")|\($0["goodness"] ?? "")|\($0["dataset"] ?? "")" }).count
        let context = "\(dataset), \(goodness), \(runs) run\(runs == 1 ? "" : "s")"
        switch metric {
        case .goodness:
            let series = try separationSeries(selected)
            return LineChart(title: title ?? "goodness separation per layer (\(context))", xLabel: "epoch",
                             yLabel: "goodness G (mean ± std over examples)", series: series)
        case .layerAccuracy, .deadFraction, .participationRatio:
            let labelled = selected.filter { $0["metric"] == metric.rawValue }.map { row -> [String: String] in
                var r = row
                r["series"] = "layer \(row["layer"] ?? "?")"
                return r
            }
            let what = switch metric {
            case .layerAccuracy: "accuracy by one layer's goodness"
            case .deadFraction: "fraction of dead units"
            default: "participation ratio of the activity"
            }
            return try ChartBuilder.lineChart(labelled, series: "series", x: "epoch", y: "value",
                                              title: title ?? "\(what) (\(context))", xLabel: "epoch", yLabel: what)
        }
    }

    /// "layer L positive" and "layer L negative" series: mean goodness with pooled std.
    private static func separationSeries(_ rows: [[String: String]]) throws -> [Series] {
        struct Key: Hashable, Comparable {
            var layer: Int
            var negative: Bool
            static func < (a: Key, b: Key) -> Bool { (a.layer, a.negative ? 1 : 0) < (b.layer, b.negative ? 1 : 0) }
        }
        var means = [Key: [Double: [Double]]]()
        var stds = [Key: [Double: [Double]]]()
        for (index, row) in rows.enumerated() {
            guard let metric = row["metric"], metric.hasSuffix("_goodness_mean") || metric.hasSuffix("_goodness_std")
            else { continue }
            func number(_ column: String) throws -> Double {
                guard let text = row[column] else { throw ChartBuilderError.missingColumn(column) }
                guard let v = Double(text.trimmingCharacters(in: .whitespaces)) else {
                    throw ChartBuilderError.notANumber(column: column, value: text, row: index + 1)
                }
                return v
            }
            let key = Key(layer: Int(try number("layer")), negative: metric.hasPrefix("negative"))
            let epoch = try number("epoch"), value = try number("value")
            if metric.hasSuffix("_mean") {
                means[key, default: [:]][epoch, default: []].append(value)
            } else {
                stds[key, default: [:]][epoch, default: []].append(value)
            }
        }
        return means.keys.sorted().map { key in
            let points = means[key]!.keys.sorted().map { epoch -> Series.Point in
                let m = means[key]![epoch]!
                let s = stds[key]?[epoch] ?? []
                let pooled = s.isEmpty ? nil : (s.reduce(0) { $0 + $1 * $1 } / Double(s.count)).squareRoot()
                return Series.Point(x: epoch, y: m.reduce(0, +) / Double(m.count), error: pooled)
            }
            return Series(label: "layer \(key.layer) \(key.negative ? "negative" : "positive")", points: points)
        }
    }
}

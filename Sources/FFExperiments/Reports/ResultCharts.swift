import Foundation
import FFPlots

/// The standard charts of ffanalog's tidy results.
public enum ResultCharts {
    /// What goes on the x axis.
    public enum XAxis: String, Sendable, CaseIterable {
        /// `--noise` level: accuracy against noise.
        case noise
        /// Seconds since programming, on a log axis: accuracy against drift.
        case driftTime = "drift_time"
        /// Training epoch: training curves.
        case epoch
    }

    /// A chart of tidy rows.
    /// - Parameters:
    ///   - rows: Tidy rows (columns `metric`, `value`, `method`, …).
    ///   - x: The x axis.
    ///   - metric: The metric to plot (default: `test_accuracy`, or `train_loss` against epochs).
    ///   - filter: Only rows whose columns have these values.
    ///   - title: Chart title (default derived from the data).
    /// - Throws: ``ChartBuilderError`` when a column is missing or a value is not a number.
    public static func chart(_ rows: [[String: String]], x: XAxis, metric: String? = nil,
                             where filter: [String: String] = [:], title: String? = nil) throws -> LineChart {
        let metric = metric ?? (x == .epoch ? "train_loss" : "test_accuracy")
        var filter = filter
        filter["metric"] = metric
        let selected = rows.filter { row in filter.allSatisfy { row[$0.key] == $0.value } && !(row[x.rawValue] ?? "").isEmpty }
        let devices = Set(selected.compactMap { $0["device"] }).sorted().joined(separator: ", ")
        let dataset = Set(selected.compactMap { $0["dataset"] }).sorted().joined(separator: ", ")
        let seeds = Set(selected.compactMap { $0["seed"] }).count
        let what = metric.replacingOccurrences(of: "_", with: " ")
        let defaultTitle: String
        let xLabel: String
        var ticks: [(Double, String)]? = nil
        switch x {
        case .noise:
            defaultTitle = "\(what) vs noise (\(dataset), \(devices), \(seeds) seed\(seeds == 1 ? "" : "s"))"
            xLabel = "noise σ (relative)"
        case .driftTime:
            defaultTitle = "\(what) vs drift (\(dataset), \(devices), \(seeds) seed\(seeds == 1 ? "" : "s"))"
            xLabel = "time since programming (s, log scale)"
            var seen = [Double: String]()
            for r in selected {
                if let t = r["drift_time"].flatMap(Double.init), let label = r["drift_label"], !label.isEmpty { seen[t] = label }
            }
            if !seen.isEmpty { ticks = seen.keys.sorted().map { ($0, seen[$0]!) } }
        case .epoch:
            defaultTitle = "\(what) over training (\(dataset), \(devices), \(seeds) seed\(seeds == 1 ? "" : "s"))"
            xLabel = "epoch"
        }
        return try ChartBuilder.lineChart(selected, series: "method", x: x.rawValue, y: "value", where: [:],
                                          title: title ?? defaultTitle, xLabel: xLabel, yLabel: what,
                                          xScale: x == .driftTime ? .log10 : .linear, xTickLabels: ticks)
    }

    /// Mean ± std of a metric per method (and per value of `by`, if given), as table rows.
    public static func summaryTable(_ rows: [[String: String]], metric: String = "test_accuracy",
                                    by column: String? = nil) -> (header: [String], rows: [[String]]) {
        func key(_ row: [String: String]) -> [String] {
            [row["method"] ?? ""] + (column.map { [row[$0] ?? ""] } ?? [])
        }
        var keys = [[String]]()
        var values = [[String]: [Double]]()
        for row in rows where row["metric"] == metric {
            guard let value = row["value"].flatMap(Double.init) else { continue }
            let k = key(row)
            if values[k] == nil { keys.append(k) }
            values[k, default: []].append(value)
        }
        let body = keys.map { k -> [String] in
            let (m, s) = meanAndStd(values[k]!)
            return k + ["\(SimulationReport.fixed(m, 4)) ± \(SimulationReport.fixed(s, 4))", "\(values[k]!.count)"]
        }
        return (["method"] + (column.map { [$0] } ?? []) + [metric + " (mean ± std)", "n"], body)
    }
}


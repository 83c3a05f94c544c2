import ArgumentParser
import Foundation
import FFAnalog

struct Plot: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Draw a standalone SVG line chart with error bars from a tidy result CSV.",
        discussion: """
            Per-layer diagnostics (train --diagnostics): give the train JSON (X.json) or its X.diagnostics.csv; the chart is drawn against the epoch, and --metric chooses goodness (default: mean positive and negative goodness per layer, error bars the std over the test examples), layer_accuracy, dead_fraction or participation_ratio.
            """)

    @Argument(help: "A CSV written by simulate, compare, sweep merge or train --diagnostics, or a train --output JSON with diagnostics.")
    var result: String

    @Option(name: .long, help: "x axis: noise (default), drift_time (log axis) or epoch (training curves; the only axis of diagnostics).")
    var x: String?

    @Option(name: .long, help: "Metric to plot (default test_accuracy; train_loss with --x epoch; diagnostics: goodness, layer_accuracy or dead_fraction).")
    var metric: String?

    @Option(name: .long, help: "Keep only rows with COLUMN=VALUE (repeatable), e.g. compensation=global.")
    var `where`: [String] = []

    @Option(name: .long, help: "Chart title (default: derived from the data).")
    var title: String?

    @Option(name: .long, help: "Output SVG (default: the CSV's name with .svg).")
    var out: String?

    func validate() throws {
        if let x, ResultCharts.XAxis(rawValue: x) == nil {
            throw ValidationError("unknown --x '\(x)'; choose noise, drift_time or epoch")
        }
        _ = try filters()
    }

    func filters() throws -> [String: String] {
        var f = [String: String]()
        for item in `where` {
            let parts = item.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2, !parts[0].isEmpty else { throw ValidationError("--where takes COLUMN=VALUE, got '\(item)'") }
            f[parts[0]] = parts[1]
        }
        return f
    }

    func run() throws {
        guard let data = FileManager.default.contents(atPath: result) else {
            throw ValidationError("cannot read \(result): no such file; pass a CSV written by simulate, compare or sweep merge, or a train JSON")
        }
        let rows: [[String: String]]
        if result.hasSuffix(".json") {
            rows = try diagnosticsRows(data)
        } else {
            rows = try CSVReader.parse(String(decoding: data, as: UTF8.self)).rows
        }
        let chart: LineChart
        if ResultCharts.isDiagnostics(rows) {
            if let x, x != "epoch" { throw ValidationError("diagnostics are drawn against the epoch; drop --x \(x)") }
            let choice = metric ?? ResultCharts.DiagnosticsMetric.goodness.rawValue
            guard let m = ResultCharts.DiagnosticsMetric(rawValue: choice) else {
                throw ValidationError("unknown diagnostics --metric '\(choice)'; choose \(ResultCharts.DiagnosticsMetric.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            chart = try ResultCharts.diagnosticsChart(rows, metric: m, where: try filters(), title: title)
        } else {
            chart = try ResultCharts.chart(rows, x: ResultCharts.XAxis(rawValue: x ?? "noise")!, metric: metric,
                                           where: try filters(), title: title)
        }
        if chart.series.isEmpty {
            printError("warning: no rows of \(result) match; the chart is empty (check --x, --metric and --where)")
        }
        let stem = result.hasSuffix(".csv") ? String(result.dropLast(4)) : result.hasSuffix(".json") ? String(result.dropLast(5)) : result
        let path = out ?? stem + ".svg"
        try AtomicFile.write(Data(chart.svg().utf8), to: path)
        print("wrote \(path)")
    }

    /// The tidy diagnostics rows of a `train --output` JSON.
    private func diagnosticsRows(_ data: Data) throws -> [[String: String]] {
        let decoded: TrainingResult
        do {
            decoded = try JSONFile.decoder().decode(TrainingResult.self, from: data)
        } catch {
            throw ValidationError("\(result) is not a train --output JSON (\(error)); plot draws CSVs and train results")
        }
        guard decoded.hasDiagnostics else {
            throw ValidationError("\(result) has no per-layer diagnostics; train with --diagnostics to record them")
        }
        let table = decoded.diagnosticsTable()
        return table.rows.map { Dictionary(uniqueKeysWithValues: zip(table.columns, $0)) }
    }
}

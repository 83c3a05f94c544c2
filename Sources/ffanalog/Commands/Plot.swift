import ArgumentParser
import Foundation
import FFAnalog

struct Plot: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Draw a standalone SVG line chart with error bars from a tidy result CSV.")

    @Argument(help: "A CSV written by simulate, compare or sweep merge.")
    var result: String

    @Option(name: .long, help: "x axis: noise, drift_time (log axis) or epoch (training curves).")
    var x: String = "noise"

    @Option(name: .long, help: "Metric to plot (default test_accuracy; train_loss with --x epoch).")
    var metric: String?

    @Option(name: .long, help: "Keep only rows with COLUMN=VALUE (repeatable), e.g. compensation=global.")
    var `where`: [String] = []

    @Option(name: .long, help: "Chart title (default: derived from the data).")
    var title: String?

    @Option(name: .long, help: "Output SVG (default: the CSV's name with .svg).")
    var out: String?

    func validate() throws {
        guard ResultCharts.XAxis(rawValue: x) != nil else {
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
            throw ValidationError("cannot read \(result): no such file; pass a CSV written by simulate, compare or sweep merge")
        }
        let table = try CSVReader.parse(String(decoding: data, as: UTF8.self))
        let chart = try ResultCharts.chart(table.rows, x: ResultCharts.XAxis(rawValue: x)!, metric: metric,
                                           where: try filters(), title: title)
        if chart.series.isEmpty {
            printError("warning: no rows of \(result) match; the chart is empty (check --x, --metric and --where)")
        }
        let path = out ?? (result.hasSuffix(".csv") ? String(result.dropLast(4)) : result) + ".svg"
        try AtomicFile.write(Data(chart.svg().utf8), to: path)
        print("wrote \(path)")
    }
}

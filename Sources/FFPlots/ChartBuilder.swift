import Foundation

/// Builds charts from tidy (long-format) tables: one observation per row.
///
/// Rows are grouped into series by one column and placed by an x and a y column.
/// Repeated observations of the same series at the same x (typically one per seed)
/// are aggregated into their mean, with the sample standard deviation as error bar.
///
/// ```swift
/// let (_, rows) = try CSVReader.parse(csvText)
/// let chart = try ChartBuilder.lineChart(rows, series: "method", x: "noise", y: "value",
///                                        where: ["metric": "test_accuracy"],
///                                        title: "Accuracy vs. noise")
/// ```
public enum ChartBuilder {
    /// The aggregate of the observations of one series at one x.
    public struct Summary: Sendable, Hashable {
        /// The series' label (the value of the series column).
        public var series: String
        /// The x value.
        public var x: Double
        /// The mean of the y values.
        public var mean: Double
        /// The sample standard deviation (divisor n − 1); `nil` for a single observation.
        public var standardDeviation: Double?
        /// The number of observations.
        public var count: Int

        /// Creates a summary.
        /// - Parameters:
        ///   - series: The series' label.
        ///   - x: The x value.
        ///   - mean: The mean of the y values.
        ///   - standardDeviation: The sample standard deviation, or `nil` for one observation.
        ///   - count: The number of observations.
        public init(series: String, x: Double, mean: Double, standardDeviation: Double?, count: Int) {
            self.series = series
            self.x = x
            self.mean = mean
            self.standardDeviation = standardDeviation
            self.count = count
        }
    }

    /// Aggregates observations per series and x value.
    ///
    /// Rows whose x or y field is missing or empty are skipped (a value that was not
    /// measured). Fields are trimmed of spaces before parsing. A y of `nan` or `inf` is
    /// accepted and makes its group's mean non-finite, which charts then skip; an x must
    /// be finite. A row without the series
    /// column belongs to the series labelled "".
    /// - Parameters:
    ///   - rows: The table, one dictionary of column → field per row.
    ///   - series: The column whose value names the series, e.g. `"method"`.
    ///   - x: The column of x values, e.g. `"noise"` or `"epoch"`.
    ///   - y: The column of y values, e.g. `"value"` or `"test_accuracy"`.
    ///   - filter: Only rows whose fields equal all of these column → value pairs are used,
    ///     e.g. `["metric": "test_accuracy"]`.
    ///   - order: Series labels to put first, in this order; other series follow in order
    ///     of first appearance.
    /// - Returns: One summary per (series, x), series in order, x ascending within each.
    /// - Throws: ``ChartBuilderError/missingColumn(_:)`` when no row has a needed column
    ///   (a filter column, or after filtering the x, y or series column);
    ///   ``ChartBuilderError/notANumber(column:value:row:)`` for an unparseable x or y, or
    ///   a non-finite x.
    public static func summarize(_ rows: [[String: String]], series: String, x: String, y: String,
                                 where filter: [String: String] = [:], order: [String] = []) throws -> [Summary] {
        for column in filter.keys.sorted() where !rows.isEmpty && !rows.contains(where: { $0[column] != nil }) {
            throw ChartBuilderError.missingColumn(column)
        }
        let selected = rows.enumerated().filter { _, row in filter.allSatisfy { row[$0.key] == $0.value } }
        if !selected.isEmpty {
            for column in [series, x, y] where !selected.contains(where: { $0.element[column] != nil }) {
                throw ChartBuilderError.missingColumn(column)
            }
        }

        struct Key: Hashable {
            var series: String
            var x: Double
        }
        var seriesOrder: [String] = []
        var known = Set<String>()
        var groups: [Key: [Double]] = [:]
        for (index, row) in selected {
            guard let xText = nonEmpty(row[x]), let yText = nonEmpty(row[y]) else { continue }
            let xValue = try number(xText, column: x, row: index + 1)
            guard xValue.isFinite else {
                throw ChartBuilderError.notANumber(column: x, value: xText, row: index + 1)
            }
            let yValue = try number(yText, column: y, row: index + 1)
            let label = row[series] ?? ""
            if known.insert(label).inserted { seriesOrder.append(label) }
            groups[Key(series: label, x: xValue), default: []].append(yValue)
        }

        let preferred = order.filter { known.contains($0) }
        let ordered = preferred + seriesOrder.filter { !preferred.contains($0) }
        let rank = Dictionary(ordered.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        return groups
            .map { key, values in
                let (mean, std) = meanAndSampleStandardDeviation(values)
                return Summary(series: key.series, x: key.x, mean: mean, standardDeviation: std, count: values.count)
            }
            .sorted { a, b in
                let (ra, rb) = (rank[a.series] ?? 0, rank[b.series] ?? 0)
                return ra != rb ? ra < rb : a.x < b.x
            }
    }

    /// Aggregates observations into series of mean ± sample standard deviation.
    ///
    /// See ``summarize(_:series:x:y:where:order:)`` for how rows are selected and grouped.
    /// - Parameters:
    ///   - rows: The table, one dictionary of column → field per row.
    ///   - series: The column whose value names the series.
    ///   - x: The column of x values.
    ///   - y: The column of y values.
    ///   - filter: Column → value pairs every used row must match.
    ///   - order: Series labels to put first, in this order.
    /// - Returns: One series per distinct series value, points ascending in x, each point's
    ///   `error` the sample standard deviation (`nil` for a single observation).
    /// - Throws: ``ChartBuilderError`` as ``summarize(_:series:x:y:where:order:)`` does.
    public static func series(_ rows: [[String: String]], series: String, x: String, y: String,
                              where filter: [String: String] = [:], order: [String] = []) throws -> [Series] {
        let summaries = try summarize(rows, series: series, x: x, y: y, where: filter, order: order)
        var result: [Series] = []
        for summary in summaries {
            let point = Series.Point(x: summary.x, y: summary.mean, error: summary.standardDeviation)
            if result.last?.label == summary.series {
                result[result.count - 1].points.append(point)
            } else {
                result.append(Series(label: summary.series, points: [point]))
            }
        }
        return result
    }

    /// Builds a line chart of mean ± sample standard deviation per series and x.
    ///
    /// See ``summarize(_:series:x:y:where:order:)`` for how rows are selected and grouped.
    /// - Parameters:
    ///   - rows: The table, one dictionary of column → field per row.
    ///   - series: The column whose value names the series, e.g. `"method"`.
    ///   - x: The column of x values, e.g. `"drift_seconds"`.
    ///   - y: The column of y values, e.g. `"value"`.
    ///   - filter: Column → value pairs every used row must match, e.g. `["metric": "test_accuracy"]`.
    ///   - order: Series labels to put first, in this order.
    ///   - title: The chart's title.
    ///   - xLabel: The x axis label; `nil` uses the x column's name.
    ///   - yLabel: The y axis label; `nil` uses the y column's name, or the filter's values
    ///     when `y` is a generic column such as `"value"` (e.g. `test_accuracy`).
    ///   - xScale: Scale of the x axis.
    ///   - yRange: A fixed y range, or `nil` to fit the data.
    ///   - xTickLabels: Custom x ticks as (position, label), or `nil` for computed ticks.
    /// - Returns: The chart, with the default size; adjust its properties as needed.
    /// - Throws: ``ChartBuilderError`` as ``summarize(_:series:x:y:where:order:)`` does.
    public static func lineChart(_ rows: [[String: String]], series: String, x: String, y: String,
                                 where filter: [String: String] = [:], order: [String] = [],
                                 title: String, xLabel: String? = nil, yLabel: String? = nil,
                                 xScale: AxisScale = .linear, yRange: ClosedRange<Double>? = nil,
                                 xTickLabels: [(Double, String)]? = nil) throws -> LineChart {
        let built = try self.series(rows, series: series, x: x, y: y, where: filter, order: order)
        let defaultYLabel = y == "value" && !filter.isEmpty
            ? filter.keys.sorted().compactMap { filter[$0] }.joined(separator: ", ")
            : y
        return LineChart(title: title, xLabel: xLabel ?? x, yLabel: yLabel ?? defaultYLabel, series: built,
                         xScale: xScale, yRange: yRange, xTickLabels: xTickLabels)
    }

    /// The mean and the sample standard deviation (n − 1 divisor; `nil` when n < 2),
    /// computed in two passes for accuracy.
    /// - Parameter values: The observations (at least one).
    /// - Returns: The mean and the sample standard deviation.
    public static func meanAndSampleStandardDeviation(_ values: [Double]) -> (mean: Double, standardDeviation: Double?) {
        guard !values.isEmpty else { return (.nan, nil) }
        let mean = values.reduce(0, +) / Double(values.count)
        guard values.count > 1 else { return (mean, nil) }
        let squares = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
        return (mean, (squares / Double(values.count - 1)).squareRoot())
    }

    private static func nonEmpty(_ field: String?) -> String? {
        guard let trimmed = field?.trimmingCharacters(in: .whitespaces), !trimmed.isEmpty else { return nil }
        return trimmed
    }

    private static func number(_ text: String, column: String, row: Int) throws -> Double {
        guard let value = Double(text) else {
            throw ChartBuilderError.notANumber(column: column, value: text, row: row)
        }
        return value
    }
}

import FFDevice
import FFPlots
import FFResults

/// Tables, tidy CSV, charts and the HTML page of a drift comparison.
public enum DriftReport {
    /// Mean ± std over seeds of every row label × time, for one compensation mode.
    /// - Returns: Row labels in order, and for each a cell per time (`nil`: the method cannot do it).
    public static func grid(_ measurements: [DriftMeasurement], compensation: DriftCompensation,
                            times: [DriftTime]) -> [(label: String, cells: [(mean: Double, std: Double)?])] {
        var labels = [String]()
        for m in measurements where m.compensation == compensation && !labels.contains(m.label) { labels.append(m.label) }
        return labels.map { label in
            let cells = times.map { time -> (mean: Double, std: Double)? in
                let values = measurements.filter {
                    $0.label == label && $0.compensation == compensation && $0.time == time
                }.compactMap(\.testAccuracy)
                return values.isEmpty ? nil : meanAndStd(values)
            }
            return (label, cells)
        }
    }

    /// Header and formatted rows (mean ± std, or "n/a (needs a model)") for one compensation mode.
    public static func rows(_ measurements: [DriftMeasurement], compensation: DriftCompensation,
                            times: [DriftTime]) -> (header: [String], rows: [[String]]) {
        let rows = grid(measurements, compensation: compensation, times: times).map { label, cells in
            [label] + cells.map { cell in
                cell.map { SimulationReport.percent($0.mean) + " ± " + SimulationReport.percent($0.std) }
                    ?? "n/a (needs a model)"
            }
        }
        return (["method"] + times.map(\.label), rows)
    }

    /// The printed table for one compensation mode.
    public static func table(_ measurements: [DriftMeasurement], compensation: DriftCompensation, times: [DriftTime]) -> String {
        let (header, body) = Self.rows(measurements, compensation: compensation, times: times)
        return (["drift compensation: \(compensation.rawValue)"] + TextTable.lines([header] + body)).joined(separator: "\n")
    }

    /// Tidy CSV: the training records and one row per drift measurement.
    public static func csv(records: [SimulationRecord], measurements: [DriftMeasurement]) -> CSVTable {
        var table = CSVTable(columns: SimulationReport.tidyColumns + ["variant", "compensation"])
        for r in records {
            for row in r.tidyRows(extra: ["variant": "trained", "compensation": ""]) { table.append(row) }
        }
        for m in measurements {
            guard let record = records.first(where: { $0.method == m.method && $0.seed == m.seed }) else { continue }
            var extra = ["method": m.label, "variant": m.variant.rawValue, "compensation": m.compensation.rawValue,
                         "drift_label": m.time.label]
            for (k, v) in (m.recalibrationCounts ?? DeviceOperationCounts()).fields { extra["recalibration_" + k] = v }
            extra["recalibration_energy_j"] = m.recalibrationEnergy.map { "\($0.total)" } ?? ""
            table.append(record.observation("test_accuracy", m.testAccuracy, driftTime: m.time.seconds, extra: extra))
        }
        return table
    }

    /// Accuracy against drift time on a log axis, one line per method and
    /// variant, error bars the std over seeds.
    public static func chart(_ measurements: [DriftMeasurement], compensation: DriftCompensation, times: [DriftTime],
                             title: String) -> LineChart {
        let series = grid(measurements, compensation: compensation, times: times).compactMap { label, cells -> Series? in
            let points = zip(times, cells).compactMap { time, cell in
                cell.map { Series.Point(x: time.seconds, y: $0.mean, error: $0.std) }
            }
            return points.isEmpty ? nil : Series(label: label, points: points)
        }
        return LineChart(title: title, xLabel: "time since programming (log scale)", yLabel: "test accuracy",
                         series: series, xScale: .log10, xTickLabels: times.map { ($0.seconds, $0.label) })
    }
}

/// The drawable part of a chart's series: finite points that the axis scales accept,
/// split into runs at skipped points, with counts of what was skipped.
struct ChartData {
    /// The drawable points of one series, as runs of consecutive drawable points.
    struct SeriesRuns {
        var label: String
        var runs: [[Series.Point]]
        var points: [Series.Point] { runs.flatMap { $0 } }
    }

    var series: [SeriesRuns]
    /// Points with a NaN or infinite coordinate.
    var skippedNonFinite = 0
    /// Points with x ≤ 0 on a log10 x axis.
    var skippedNonPositiveX = 0
    /// Points with y ≤ 0 on a log10 y axis.
    var skippedNonPositiveY = 0

    init(series input: [Series], xScale: AxisScale, yScale: AxisScale) {
        var prepared: [SeriesRuns] = []
        var nonFinite = 0, nonPositiveX = 0, nonPositiveY = 0
        for s in input {
            var runs: [[Series.Point]] = []
            var current: [Series.Point] = []
            for p in s.points {
                var keep = true
                if !p.x.isFinite || !p.y.isFinite {
                    nonFinite += 1
                    keep = false
                } else {
                    if !xScale.accepts(p.x) { nonPositiveX += 1; keep = false }
                    if !yScale.accepts(p.y) { nonPositiveY += 1; keep = false }
                }
                if keep {
                    var point = p
                    if let e = p.error, !(e.isFinite && e > 0) { point.error = nil }
                    current.append(point)
                } else if !current.isEmpty {
                    runs.append(current)
                    current = []
                }
            }
            if !current.isEmpty { runs.append(current) }
            prepared.append(SeriesRuns(label: s.label, runs: runs))
        }
        series = prepared
        skippedNonFinite = nonFinite
        skippedNonPositiveX = nonPositiveX
        skippedNonPositiveY = nonPositiveY
    }

    /// Whether any point can be drawn.
    var isEmpty: Bool { series.allSatisfy { $0.runs.isEmpty } }

    /// All drawable x values.
    var xValues: [Double] { series.flatMap { $0.points.map(\.x) } }

    /// All drawable y values, including the ends of error bars that the scale accepts.
    func yValues(scale: AxisScale) -> [Double] {
        var values: [Double] = []
        for s in series {
            for p in s.points {
                values.append(p.y)
                if let e = p.error {
                    for end in [p.y - e, p.y + e] where scale.accepts(end) { values.append(end) }
                }
            }
        }
        return values
    }

    /// A sentence describing skipped points, or `nil` when nothing was skipped.
    var skippedDescription: String? {
        var parts: [String] = []
        if skippedNonFinite > 0 {
            parts.append("skipped \(skippedNonFinite) point(s) with a NaN or infinite coordinate")
        }
        if skippedNonPositiveX > 0 {
            parts.append("skipped \(skippedNonPositiveX) point(s) with x <= 0, which a log10 x axis cannot show")
        }
        if skippedNonPositiveY > 0 {
            parts.append("skipped \(skippedNonPositiveY) point(s) with y <= 0, which a log10 y axis cannot show")
        }
        guard !parts.isEmpty else { return nil }
        return "Not drawn: " + parts.joined(separator: "; ") + "."
    }
}

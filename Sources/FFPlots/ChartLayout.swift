/// Where everything of a ``LineChart`` goes: margins, plot area, axes, legend.
///
/// Text cannot be measured while writing SVG, so widths come from ``TextMetrics``
/// estimates, which err on the wide side.
struct ChartLayout {
    static let tickFontSize = 11.0
    static let axisLabelFontSize = 12.5
    static let legendFontSize = 11.5
    static let maxTitleFontSize = 15.0
    static let tickLength = 5.0
    static let legendRowHeight = 18.0
    static let legendSampleWidth = 30.0
    static let legendPadding = 8.0

    /// A legend entry and its position (the left end of its line sample, at its centre line).
    struct LegendEntry {
        var label: String
        var fullLabel: String
        var style: SeriesStyle
        var x: Double
        var y: Double
    }

    var width: Double
    var height: Double
    var titleFontSize: Double
    var title: String
    var plotLeft: Double
    var plotTop: Double
    var plotRight: Double
    var plotBottom: Double
    var x: AxisPlan
    var y: AxisPlan
    var xLabel: String
    var yLabel: String
    /// Baseline of the x label.
    var xLabelBaseline: Double
    /// Centre line of the rotated y label.
    var yLabelCenterX: Double
    /// Legend box (x, y, width, height), or `nil` when there is no legend.
    var legendBox: (x: Double, y: Double, width: Double, height: Double)?
    var legendEntries: [LegendEntry]

    var plotWidth: Double { plotRight - plotLeft }
    var plotHeight: Double { plotBottom - plotTop }

    init(chart: LineChart, data: ChartData) {
        width = max(chart.width.isFinite ? chart.width : 640, 200)
        height = max(chart.height.isFinite ? chart.height : 420, 150)
        let outer = 10.0

        // Title: shrink to fit, then truncate. Bold text runs about 12 % wider.
        let bold = 1.12
        var titleSize = Self.maxTitleFontSize
        while titleSize > 10, TextMetrics.width(chart.title, fontSize: titleSize * bold) > width - 2 * outer {
            titleSize -= 0.5
        }
        titleFontSize = titleSize
        title = TextMetrics.truncated(chart.title, fontSize: titleSize * bold, maxWidth: width - 2 * outer)
        let top = chart.title.isEmpty ? 14 : outer + titleSize * 1.3 + 10

        // Bottom: tick marks, tick labels, x label.
        var bottom = Self.tickLength + 4 + Self.tickFontSize + 6
            + (chart.xLabel.isEmpty ? 0 : Self.axisLabelFontSize + 6) + outer

        // Legend: right of the plot if narrow enough, else below.
        let labels = chart.series.map(\.label)
        let sampleAndGap = Self.legendSampleWidth + 6
        let rightLabelLimit = width * 0.3 - 2 * Self.legendPadding - sampleAndGap
        let naturalLabelWidth = labels.map { TextMetrics.width($0, fontSize: Self.legendFontSize) }.max() ?? 0
        let rightBoxHeight = Double(labels.count) * Self.legendRowHeight + 2 * Self.legendPadding - 4
        var placement = chart.legendPlacement
        if labels.isEmpty { placement = .hidden }
        if placement == .automatic {
            let roughPlotHeight = height - top - bottom
            placement = naturalLabelWidth <= rightLabelLimit && rightBoxHeight <= roughPlotHeight ? .right : .bottom
        }

        var right = 24.0
        var entries: [LegendEntry] = []
        var box: (x: Double, y: Double, width: Double, height: Double)?
        // Bottom legend: one row when everything fits, else a grid of equal columns.
        var bottomEntries: [(label: String, full: String, style: SeriesStyle, width: Double)] = []
        var bottomColumns = 1
        var bottomColumnWidth = 0.0
        switch placement {
        case .right:
            let limit = max(rightLabelLimit, width * 0.45 - 2 * Self.legendPadding - sampleAndGap)
            let shown = labels.map { TextMetrics.truncated($0, fontSize: Self.legendFontSize, maxWidth: limit) }
            let labelWidth = shown.map { TextMetrics.width($0, fontSize: Self.legendFontSize) }.max() ?? 0
            let boxWidth = 2 * Self.legendPadding + sampleAndGap + labelWidth
            right = boxWidth + 12 + outer
            let boxX = width - outer - boxWidth
            box = (boxX, top, boxWidth, rightBoxHeight)
            for (i, label) in shown.enumerated() {
                entries.append(LegendEntry(label: label, fullLabel: labels[i], style: Palette.style(at: i),
                                           x: boxX + Self.legendPadding,
                                           y: top + Self.legendPadding - 2 + Self.legendRowHeight * (Double(i) + 0.5)))
            }
        case .bottom:
            let gap = 16.0
            let available = width - 2 * outer - 2 * Self.legendPadding
            for (i, full) in labels.enumerated() {
                let label = TextMetrics.truncated(full, fontSize: Self.legendFontSize, maxWidth: available - sampleAndGap)
                let entryWidth = sampleAndGap + TextMetrics.width(label, fontSize: Self.legendFontSize)
                bottomEntries.append((label, full, Palette.style(at: i), entryWidth))
            }
            let total = bottomEntries.reduce(0) { $0 + $1.width + gap } - gap
            if total <= available {
                bottomColumns = bottomEntries.count
            } else {
                bottomColumnWidth = (bottomEntries.map(\.width).max() ?? 0) + gap
                bottomColumns = max(1, Int((available + gap) / bottomColumnWidth))
            }
            let rows = (bottomEntries.count + bottomColumns - 1) / bottomColumns
            bottom += Double(rows) * Self.legendRowHeight + 2 * Self.legendPadding - 4 + 6
        case .hidden, .automatic:
            break
        }

        plotTop = top
        plotBottom = max(height - bottom, top + 40)
        y = AxisPlan.make(scale: chart.yScale, values: data.yValues(scale: chart.yScale), range: chart.yRange,
                          customTicks: nil, pixelStart: plotBottom, pixelEnd: plotTop,
                          horizontal: false, fontSize: Self.tickFontSize)
        yLabelCenterX = outer + Self.axisLabelFontSize * 0.5
        plotLeft = outer + (chart.yLabel.isEmpty ? 0 : Self.axisLabelFontSize + 8)
            + y.maxLabelWidth(fontSize: Self.tickFontSize) + 4 + Self.tickLength
        plotRight = max(width - right, plotLeft + 40)
        x = AxisPlan.make(scale: chart.xScale, values: data.xValues, range: chart.xRange,
                          customTicks: chart.xTickLabels, pixelStart: plotLeft, pixelEnd: plotRight,
                          horizontal: true, fontSize: Self.tickFontSize)
        xLabelBaseline = plotBottom + Self.tickLength + 4 + Self.tickFontSize + 6 + Self.axisLabelFontSize
        xLabel = TextMetrics.truncated(chart.xLabel, fontSize: Self.axisLabelFontSize, maxWidth: plotRight - plotLeft)
        yLabel = TextMetrics.truncated(chart.yLabel, fontSize: Self.axisLabelFontSize, maxWidth: plotBottom - plotTop)

        if placement == .bottom, !bottomEntries.isEmpty {
            let gap = 16.0
            let rows = (bottomEntries.count + bottomColumns - 1) / bottomColumns
            let contentWidth = bottomColumnWidth == 0
                ? bottomEntries.reduce(0) { $0 + $1.width + gap } - gap
                : Double(bottomColumns - 1) * bottomColumnWidth + (bottomEntries.map(\.width).max() ?? 0)
            let boxWidth = contentWidth + 2 * Self.legendPadding
            let boxHeight = Double(rows) * Self.legendRowHeight + 2 * Self.legendPadding - 4
            let centre = (plotLeft + plotRight) / 2
            let boxX = min(max(centre - boxWidth / 2, outer), width - outer - boxWidth)
            let boxY = height - outer - boxHeight
            box = (boxX, boxY, boxWidth, boxHeight)
            var cursor = boxX + Self.legendPadding
            for (i, entry) in bottomEntries.enumerated() {
                let row = i / bottomColumns, column = i % bottomColumns
                let x: Double
                if bottomColumnWidth == 0 {
                    x = cursor
                    cursor += entry.width + gap
                } else {
                    x = boxX + Self.legendPadding + Double(column) * bottomColumnWidth
                }
                entries.append(LegendEntry(label: entry.label, fullLabel: entry.full, style: entry.style, x: x,
                                           y: boxY + Self.legendPadding - 2 + Self.legendRowHeight * (Double(row) + 0.5)))
            }
        }
        legendBox = box
        legendEntries = entries
    }
}

/// A line chart of one or more series, rendered as a standalone SVG document.
///
/// Every series gets its own colour (Okabe–Ito), marker and dash pattern, so charts
/// stay readable in greyscale print. Points with an `error` get vertical error bars
/// with caps. The legend sits outside the plot area, right of it or below it.
///
/// Points that cannot be drawn are skipped and listed in the SVG's `<desc>`: a NaN or
/// infinite coordinate, or a non-positive value on a log10 axis. The line breaks at a
/// skipped point. A chart with nothing to draw shows its axes and a "no data" note.
///
/// ```swift
/// let chart = LineChart(title: "Accuracy under drift", xLabel: "drift time", yLabel: "test accuracy",
///                       series: [Series(label: "FF", x: [1, 3600, 86400], y: [0.97, 0.95, 0.91])],
///                       xScale: .log10, xTickLabels: [(1, "1s"), (3600, "1h"), (86400, "1d")])
/// let svg = chart.svg()
/// ```
public struct LineChart: Sendable {
    /// The heading above the plot.
    public var title: String
    /// The horizontal axis' label.
    public var xLabel: String
    /// The vertical axis' label.
    public var yLabel: String
    /// The series, drawn and listed in the legend in this order.
    public var series: [Series]
    /// Scale of the horizontal axis.
    public var xScale: AxisScale
    /// Scale of the vertical axis.
    public var yScale: AxisScale
    /// A fixed horizontal range; `nil` fits the data (widened to nice tick values). A range
    /// the scale cannot show (empty, or not positive on a log axis) is ignored.
    public var xRange: ClosedRange<Double>?
    /// A fixed vertical range; `nil` fits the data and error bars (widened to nice tick values).
    /// A range the scale cannot show is ignored. Data outside a fixed range is clipped.
    public var yRange: ClosedRange<Double>?
    /// Custom x ticks as (position, label), replacing the computed ticks, e.g.
    /// `[(1, "1s"), (3600, "1h"), (86400, "1d")]` on a log10 axis. Positions are data values.
    public var xTickLabels: [(Double, String)]?
    /// Width of the document in pixels.
    public var width: Double
    /// Height of the document in pixels.
    public var height: Double
    /// Where the legend goes.
    public var legendPlacement: LegendPlacement
    /// Whether markers are drawn at the points (turn off for long, dense series).
    public var showsMarkers: Bool

    /// Creates a chart.
    /// - Parameters:
    ///   - title: The heading above the plot.
    ///   - xLabel: The horizontal axis' label.
    ///   - yLabel: The vertical axis' label.
    ///   - series: The series to draw, in legend order.
    ///   - xScale: Scale of the horizontal axis.
    ///   - yScale: Scale of the vertical axis.
    ///   - xRange: A fixed horizontal range, or `nil` to fit the data.
    ///   - yRange: A fixed vertical range, or `nil` to fit the data.
    ///   - xTickLabels: Custom x ticks as (position, label), or `nil` for computed ticks.
    ///   - width: Width in pixels (at least 200).
    ///   - height: Height in pixels (at least 150).
    ///   - legendPlacement: Where the legend goes.
    ///   - showsMarkers: Whether markers are drawn at the points.
    public init(title: String, xLabel: String, yLabel: String, series: [Series] = [],
                xScale: AxisScale = .linear, yScale: AxisScale = .linear,
                xRange: ClosedRange<Double>? = nil, yRange: ClosedRange<Double>? = nil,
                xTickLabels: [(Double, String)]? = nil, width: Double = 640, height: Double = 420,
                legendPlacement: LegendPlacement = .automatic, showsMarkers: Bool = true) {
        self.title = title
        self.xLabel = xLabel
        self.yLabel = yLabel
        self.series = series
        self.xScale = xScale
        self.yScale = yScale
        self.xRange = xRange
        self.yRange = yRange
        self.xTickLabels = xTickLabels
        self.width = width
        self.height = height
        self.legendPlacement = legendPlacement
        self.showsMarkers = showsMarkers
    }

    /// Renders the chart as a standalone SVG 1.1 document.
    ///
    /// The document declares the SVG namespace, its size and view box, uses only the
    /// generic `sans-serif` font family, and references no external resources.
    /// Output is deterministic: the same chart gives the same text.
    /// - Returns: The SVG document, starting with an XML declaration.
    public func svg() -> String {
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + svgElement()
    }

    /// The `<svg>` element alone, without XML declaration, for embedding in HTML.
    func svgElement() -> String {
        let data = ChartData(series: series, xScale: xScale, yScale: yScale)
        let layout = ChartLayout(chart: self, data: data)
        var w = SVGWriter()
        w.open("svg", [
            "xmlns": "http://www.w3.org/2000/svg", "version": "1.1",
            "width": .number(layout.width), "height": .number(layout.height),
            "viewBox": .text("0 0 \(NumberFormatting.coordinate(layout.width)) \(NumberFormatting.coordinate(layout.height))"),
            "font-family": "sans-serif", "font-size": .number(ChartLayout.tickFontSize),
        ])
        w.element("title", text: title.isEmpty ? "Line chart" : title)
        w.element("desc", text: describe(data))
        w.element("rect", ["width": .number(layout.width), "height": .number(layout.height), "fill": "#FFFFFF"])
        drawGrid(layout, into: &w)
        drawData(data, layout, into: &w)
        drawAxes(layout, into: &w)
        drawLabels(layout, data: data, into: &w)
        drawLegend(layout, into: &w)
        w.close("svg")
        return w.markup
    }

    /// The text of the `<desc>` element: what the chart shows and what was skipped.
    private func describe(_ data: ChartData) -> String {
        var text = "Line chart of \(series.count) series"
        if !series.isEmpty { text += " (" + series.map(\.label).joined(separator: ", ") + ")" }
        text += "; x: \(xLabel.isEmpty ? "unlabelled" : xLabel)\(xScale == .log10 ? " (log10 scale)" : "")"
        text += "; y: \(yLabel.isEmpty ? "unlabelled" : yLabel)\(yScale == .log10 ? " (log10 scale)" : "")."
        if data.isEmpty { text += " No data to draw." }
        if let skipped = data.skippedDescription { text += " " + skipped }
        return text
    }
}

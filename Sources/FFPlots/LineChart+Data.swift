/// Drawing of the series: error bars, lines and markers, clipped to the plot area.
extension LineChart {
    static let markerRadius = 3.6
    static let errorCapHalfWidth = 3.5

    /// Writes each series' error bars, line runs and markers inside a clip region.
    func drawData(_ data: ChartData, _ layout: ChartLayout, into w: inout SVGWriter) {
        guard !data.isEmpty else { return }
        let f = NumberFormatting.coordinate
        // Markers and error-bar caps at the edge of a fixed range should show whole,
        // so the clip region reaches a little beyond the frame.
        let slack = Self.markerRadius + 2
        let clipID = "ffplots-clip-\(Int(layout.plotLeft))-\(Int(layout.plotTop))-\(Int(layout.plotWidth))-\(Int(layout.plotHeight))"
        w.open("defs")
        w.open("clipPath", ["id": .text(clipID)])
        w.element("rect", ["x": .number(layout.plotLeft - slack), "y": .number(layout.plotTop - slack),
                           "width": .number(layout.plotWidth + 2 * slack), "height": .number(layout.plotHeight + 2 * slack)])
        w.close("clipPath")
        w.close("defs")
        w.open("g", ["clip-path": .text("url(#\(clipID))")])
        for (index, s) in data.series.enumerated() where !s.runs.isEmpty {
            let style = Palette.style(at: index)
            w.open("g", ["stroke": .text(style.color)])
            var bars = ""
            for p in s.points {
                guard let e = p.error else { continue }
                let px = layout.x.pixel(p.x)
                let top = layout.y.pixel(p.y + e)
                let bottom = yScale.accepts(p.y - e) ? layout.y.pixel(p.y - e) : layout.plotBottom + slack
                let c = Self.errorCapHalfWidth
                bars += "M\(f(px)),\(f(top))V\(f(bottom))"
                bars += "M\(f(px - c)),\(f(top))h\(f(2 * c))"
                if yScale.accepts(p.y - e) { bars += "M\(f(px - c)),\(f(bottom))h\(f(2 * c))" }
            }
            if !bars.isEmpty {
                w.element("path", ["d": .text(bars), "fill": "none", "stroke-width": 1.2])
            }
            var line = ""
            for run in s.runs where run.count > 1 {
                for (i, p) in run.enumerated() {
                    line += (i == 0 ? "M" : "L") + "\(f(layout.x.pixel(p.x))),\(f(layout.y.pixel(p.y)))"
                }
            }
            if !line.isEmpty {
                w.element("path", ["d": .text(line), "fill": "none", "stroke-width": 1.8,
                                   "stroke-linejoin": "round", "stroke-linecap": "round",
                                   "stroke-dasharray": style.dash.map { .text($0) }])
            }
            // A lone point has no line, so it always gets a marker.
            let markerPoints = showsMarkers ? s.points : s.runs.filter { $0.count == 1 }.flatMap { $0 }
            if !markerPoints.isEmpty {
                writeMarkers(markerPoints.map { (layout.x.pixel($0.x), layout.y.pixel($0.y)) }, style: style, into: &w)
            }
            w.close("g")
        }
        w.close("g")
    }

    /// Writes markers of one style at pixel positions.
    func writeMarkers(_ positions: [(Double, Double)], style: SeriesStyle, into w: inout SVGWriter) {
        let f = NumberFormatting.coordinate
        let shape = style.marker.pathData(radius: Self.markerRadius)
        if style.marker.isStrokeOnly {
            w.open("g", ["fill": "none", "stroke": .text(style.color), "stroke-width": 1.6])
        } else {
            w.open("g", ["fill": .text(style.color), "stroke": "#FFFFFF", "stroke-width": 0.8])
        }
        for (x, y) in positions {
            w.element("path", ["d": .text(shape), "transform": .text("translate(\(f(x)) \(f(y)))")])
        }
        w.close("g")
    }
}

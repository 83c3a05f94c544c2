/// Drawing of grid lines, the plot frame, tick marks and tick labels.
extension LineChart {
    /// Writes the grid: light lines at major ticks, lighter ones at log minor ticks.
    func drawGrid(_ layout: ChartLayout, into w: inout SVGWriter) {
        let f = NumberFormatting.coordinate
        var minorPath = ""
        var majorPath = ""
        for v in layout.x.minor {
            minorPath += "M\(f(layout.x.pixel(v))),\(f(layout.plotTop))V\(f(layout.plotBottom))"
        }
        for v in layout.y.minor {
            minorPath += "M\(f(layout.plotLeft)),\(f(layout.y.pixel(v)))H\(f(layout.plotRight))"
        }
        for tick in layout.x.major {
            majorPath += "M\(f(layout.x.pixel(tick.value))),\(f(layout.plotTop))V\(f(layout.plotBottom))"
        }
        for tick in layout.y.major {
            majorPath += "M\(f(layout.plotLeft)),\(f(layout.y.pixel(tick.value)))H\(f(layout.plotRight))"
        }
        w.open("g", ["fill": "none", "stroke-width": 1, "shape-rendering": "crispEdges"])
        if !minorPath.isEmpty { w.element("path", ["d": .text(minorPath), "stroke": "#F1F1F1"]) }
        if !majorPath.isEmpty { w.element("path", ["d": .text(majorPath), "stroke": "#DEDEDE"]) }
        w.close("g")
    }

    /// Writes the plot frame, tick marks and tick labels.
    func drawAxes(_ layout: ChartLayout, into w: inout SVGWriter) {
        let f = NumberFormatting.coordinate
        let tick = ChartLayout.tickLength
        var marks = ""
        for t in layout.x.major {
            marks += "M\(f(layout.x.pixel(t.value))),\(f(layout.plotBottom))v\(f(tick))"
        }
        for t in layout.y.major {
            marks += "M\(f(layout.plotLeft)),\(f(layout.y.pixel(t.value)))h\(f(-tick))"
        }
        var minorMarks = ""
        for v in layout.x.minor {
            minorMarks += "M\(f(layout.x.pixel(v))),\(f(layout.plotBottom))v\(f(tick * 0.6))"
        }
        for v in layout.y.minor {
            minorMarks += "M\(f(layout.plotLeft)),\(f(layout.y.pixel(v)))h\(f(-tick * 0.6))"
        }
        w.open("g", ["fill": "none", "stroke": "#333333", "stroke-width": 1, "shape-rendering": "crispEdges"])
        w.element("rect", ["x": .number(layout.plotLeft), "y": .number(layout.plotTop),
                           "width": .number(layout.plotWidth), "height": .number(layout.plotHeight)])
        if !marks.isEmpty { w.element("path", ["d": .text(marks)]) }
        if !minorMarks.isEmpty { w.element("path", ["d": .text(minorMarks)]) }
        w.close("g")

        let size = ChartLayout.tickFontSize
        w.open("g", ["fill": "#222222", "text-anchor": "middle"])
        let xBaseline = layout.plotBottom + tick + 4 + size * 0.8
        for t in layout.x.major {
            guard let label = t.label else { continue }
            writeTickLabel(label, x: layout.x.pixel(t.value), y: xBaseline, into: &w)
        }
        w.close("g")
        w.open("g", ["fill": "#222222", "text-anchor": "end"])
        for t in layout.y.major {
            guard let label = t.label else { continue }
            writeTickLabel(label, x: layout.plotLeft - tick - 4, y: layout.y.pixel(t.value) + size * 0.35, into: &w)
        }
        w.close("g")
    }

    /// Writes one tick label, with its exponent raised when it has one.
    private func writeTickLabel(_ label: AxisPlan.Label, x: Double, y: Double, into w: inout SVGWriter) {
        let f = NumberFormatting.coordinate
        var markup = "<text x=\"\(f(x))\" y=\"\(f(y))\">\(XMLEscaping.escape(label.text))"
        if let exponent = label.exponent {
            let size = ChartLayout.tickFontSize * 0.75
            markup += "<tspan dy=\"\(f(-size * 0.6))\" font-size=\"\(f(size))\">\(XMLEscaping.escape(exponent))</tspan>"
        }
        w.raw(markup + "</text>")
    }
}

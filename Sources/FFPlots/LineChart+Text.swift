/// Drawing of the title, the axis labels and the "no data" note.
extension LineChart {
    /// Writes the title, the x label, the rotated y label and, without data, the note.
    func drawLabels(_ layout: ChartLayout, data: ChartData, into w: inout SVGWriter) {
        let f = NumberFormatting.coordinate
        if !layout.title.isEmpty {
            w.element("text", ["x": .number(layout.width / 2), "y": .number(10 + layout.titleFontSize),
                               "text-anchor": "middle", "font-size": .number(layout.titleFontSize),
                               "font-weight": "bold", "fill": "#111111"], text: layout.title)
        }
        if !layout.xLabel.isEmpty {
            w.element("text", ["x": .number((layout.plotLeft + layout.plotRight) / 2), "y": .number(layout.xLabelBaseline),
                               "text-anchor": "middle", "font-size": .number(ChartLayout.axisLabelFontSize),
                               "fill": "#111111"], text: layout.xLabel)
        }
        if !layout.yLabel.isEmpty {
            let centreY = (layout.plotTop + layout.plotBottom) / 2
            w.element("text", ["transform": .text("translate(\(f(layout.yLabelCenterX)) \(f(centreY))) rotate(-90)"),
                               "y": .number(ChartLayout.axisLabelFontSize * 0.35), "text-anchor": "middle",
                               "font-size": .number(ChartLayout.axisLabelFontSize), "fill": "#111111"],
                      text: layout.yLabel)
        }
        if data.isEmpty {
            w.element("text", ["x": .number((layout.plotLeft + layout.plotRight) / 2),
                               "y": .number((layout.plotTop + layout.plotBottom) / 2 + 5),
                               "text-anchor": "middle", "font-size": 14, "font-style": "italic", "fill": "#777777"],
                      text: "no data")
        }
    }
}

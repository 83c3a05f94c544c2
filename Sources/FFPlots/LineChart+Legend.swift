/// Drawing of the legend box: a line sample with marker and the label per series.
extension LineChart {
    /// Writes the legend box and its entries, if the layout has a legend.
    func drawLegend(_ layout: ChartLayout, into w: inout SVGWriter) {
        guard let box = layout.legendBox, !layout.legendEntries.isEmpty else { return }
        let f = NumberFormatting.coordinate
        w.open("g", ["font-size": .number(ChartLayout.legendFontSize)])
        w.element("rect", ["x": .number(box.x), "y": .number(box.y), "width": .number(box.width),
                           "height": .number(box.height), "rx": 3, "fill": "#FFFFFF", "stroke": "#BBBBBB",
                           "stroke-width": 1])
        let sample = ChartLayout.legendSampleWidth
        for entry in layout.legendEntries {
            w.element("path", ["d": .text("M\(f(entry.x)),\(f(entry.y))h\(f(sample))"), "fill": "none",
                               "stroke": .text(entry.style.color), "stroke-width": 1.8,
                               "stroke-dasharray": entry.style.dash.map { .text($0) }])
            if showsMarkers {
                writeMarkers([(entry.x + sample / 2, entry.y)], style: entry.style, into: &w)
            }
            let attributes: KeyValuePairs<String, SVGWriter.Value?> = [
                "x": .number(entry.x + sample + 6), "y": .number(entry.y + ChartLayout.legendFontSize * 0.35),
                "fill": "#111111",
            ]
            if entry.label == entry.fullLabel {
                w.element("text", attributes, text: entry.label)
            } else {
                // Truncated: keep the full label as a tooltip and for text search.
                w.raw("<text\(SVGWriter.format(attributes))><title>\(XMLEscaping.escape(entry.fullLabel))</title>"
                      + "\(XMLEscaping.escape(entry.label))</text>")
            }
        }
        w.close("g")
    }
}

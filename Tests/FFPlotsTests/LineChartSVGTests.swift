import Testing
@testable import FFPlots

@Suite("LineChart SVG documents")
struct LineChartSVGTests {
    @Test("every sample chart is a well-formed standalone SVG document", arguments: SampleCharts.names)
    func wellFormed(name: String) throws {
        let chart = SampleCharts.chart(named: name)
        let svg = chart.svg()
        let xml = XMLCheck(svg)
        #expect(xml.wellFormed, "\(name): \(xml.error ?? "")")
        #expect(xml.rootName == "svg")
        #expect(xml.rootAttributes["xmlns"] == "http://www.w3.org/2000/svg")
        #expect(xml.rootAttributes["version"] == "1.1")
        #expect(xml.rootAttributes["width"] == "640")
        #expect(xml.rootAttributes["height"] == "420")
        #expect(xml.rootAttributes["viewBox"] == "0 0 640 420")
        #expect(xml.rootAttributes["font-family"] == "sans-serif")
        #expect(svg.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg "))
        // Nothing external: no scripts, links, images, or font files.
        #expect(!xml.elementNames.contains("script"))
        #expect(!xml.elementNames.contains("image"))
        #expect(!svg.contains("href"))
        #expect(!svg.contains("@font-face"))
        #expect(!svg.contains("url(http"))
    }

    @Test("title, axis labels and every legend label appear, escaped", arguments: SampleCharts.names)
    func labelsPresent(name: String) {
        let chart = SampleCharts.chart(named: name)
        let svg = chart.svg()
        let xml = XMLCheck(svg)
        for text in [chart.title, chart.xLabel, chart.yLabel] + chart.series.map(\.label) {
            let escaped = XMLEscaping.escape(text)
            #expect(svg.contains(">\(escaped)<"), "\(name): missing \(escaped)")
        }
        // The parser resolves entities back to the original text (control characters become U+FFFD).
        let visible = xml.textByElement["text", default: []]
        for label in chart.series.map(\.label) {
            let expected = String(String.UnicodeScalarView(label.unicodeScalars.map {
                XMLEscaping.isAllowedInXML($0) ? $0 : "\u{FFFD}"
            }))
            #expect(visible.contains(expected), "\(name): legend label \(expected) not found as text")
        }
        #expect(xml.textByElement["title"]?.first == (chart.title.isEmpty ? "Line chart" : chart.title))
    }

    @Test("hostile text never opens an element")
    func hostileTextIsEscaped() {
        let xml = XMLCheck(SampleCharts.hostileLabels.svg())
        #expect(xml.wellFormed)
        #expect(!xml.elementNames.contains("script"))
        #expect(xml.elementNames.filter { $0 == "svg" }.count == 1)
        #expect(xml.text.contains("<&>\"' & </svg><script>"))
        #expect(xml.text.contains("<one>"))
        #expect(xml.text.contains("two & 'half'"))
    }

    @Test("linear chart has error bars with caps, one line per series, and a legend")
    func errorBars() {
        let svg = SampleCharts.noise.svg()
        // Five points with errors in each of two series: every bar is a vertical line plus two caps.
        let bars = svg.components(separatedBy: "stroke-width=\"1.2\"").count - 1
        #expect(bars == 2)
        #expect(svg.contains("stroke=\"#0072B2\""))
        #expect(svg.contains("stroke=\"#D55E00\""))
        #expect(svg.contains("stroke-dasharray=\"7 3\""))
        #expect(svg.contains("<clipPath"))
        // Nice ticks on the x axis, with equal decimals.
        for label in ["0.00", "0.02", "0.04", "0.06", "0.08", "0.10"] {
            #expect(svg.contains(">\(label)</text>"), "x tick \(label)")
        }
    }

    @Test("custom tick labels replace computed ticks on a log axis")
    func customLogTicks() {
        let svg = SampleCharts.drift.svg()
        for label in ["1s", "1h", "1d", "30d"] { #expect(svg.contains(">\(label)</text>")) }
        #expect(!svg.contains(">1000</text>"))
        // Ticks sit at log positions: 1h is log10(3600) / log10(86400) ≈ 72 % of the way from 1s to 1d.
        let layout = ChartLayout(chart: SampleCharts.drift,
                                 data: ChartData(series: SampleCharts.drift.series, xScale: .log10, yScale: .linear))
        let (a, b, c) = (layout.x.pixel(1), layout.x.pixel(3600), layout.x.pixel(86400))
        #expect(abs((b - a) / (c - a) - 3.5563 / 4.9365) < 1e-3)
    }

    @Test("empty charts draw axes and say there is no data", arguments: ["empty", "emptySeries"])
    func emptyChart(name: String) {
        let svg = SampleCharts.chart(named: name).svg()
        let xml = XMLCheck(svg)
        #expect(xml.wellFormed)
        #expect(xml.textByElement["text", default: []].contains("no data"))
        #expect(xml.textByElement["desc"]?.first?.contains("No data") == true)
        #expect(svg.contains("<rect x="))  // the plot frame
    }

    @Test("NaN and infinite points are skipped, the line breaks, and <desc> says so")
    func nonFinite() {
        let svg = SampleCharts.withNaN.svg()
        // No coordinate anywhere is NaN or infinite.
        for attribute in [" d=\"", "translate(", " x=\"", " y=\""] {
            for piece in svg.components(separatedBy: attribute).dropFirst() {
                let value = piece.prefix { $0 != "\"" && $0 != ")" }.lowercased()
                #expect(!value.contains("nan") && !value.contains("inf"), "\(attribute)\(value)")
            }
        }
        let desc = XMLCheck(svg).textByElement["desc"]?.first ?? ""
        #expect(desc.contains("skipped 4 point(s) with a NaN or infinite coordinate"))
        // 0–1–NaN–3–inf–5: runs [0], [2], [4] have no segment, so no line path is written at all.
        #expect(!svg.contains("stroke-width=\"1.8\" stroke-linejoin"))
    }

    @Test("non-positive x on a log axis is skipped and described")
    func logNonPositive() {
        let svg = SampleCharts.logNonPositive.svg()
        let desc = XMLCheck(svg).textByElement["desc"]?.first ?? ""
        #expect(desc.contains("skipped 1 point(s) with x <= 0"))
        #expect(desc.contains("log10"))
        #expect(svg.contains(">0.001</text>"))
        #expect(svg.contains(">0.1</text>"))
    }

    @Test("a single point and a flat series get a padded, labelled range", arguments: ["single", "flat"])
    func degenerateRanges(name: String) {
        let chart = SampleCharts.chart(named: name)
        let layout = ChartLayout(chart: chart, data: ChartData(series: chart.series, xScale: .linear, yScale: .linear))
        #expect(layout.y.upper > layout.y.lower)
        #expect(layout.x.upper > layout.x.lower)
        #expect(layout.y.major.compactMap(\.label).count >= 2)
        let point = chart.series[0].points[0]
        #expect(layout.y.pixel(point.y) < layout.plotBottom && layout.y.pixel(point.y) > layout.plotTop)
    }

    @Test("log decades beyond ±4 use superscript exponents with a true minus")
    func superscripts() {
        let svg = SampleCharts.logLog.svg()
        #expect(svg.contains(">10<tspan"))
        #expect(svg.contains(">\u{2212}6</tspan>"))
        #expect(svg.contains(">5</tspan>"))
    }

    @Test("the legend sits outside the plot area")
    func legendOutsidePlot() throws {
        for (name, chart) in SampleCharts.all where !chart.series.isEmpty {
            let layout = ChartLayout(chart: chart, data: ChartData(series: chart.series, xScale: chart.xScale,
                                                                   yScale: chart.yScale))
            let box = try #require(layout.legendBox, "\(name)")
            let right = box.x >= layout.plotRight
            let below = box.y >= layout.plotBottom
            #expect(right || below, "\(name): legend overlaps the plot")
            #expect(box.x >= 0 && box.x + box.width <= layout.width && box.y + box.height <= layout.height)
        }
    }

    @Test("long legends move below the plot; hidden legends are omitted")
    func legendPlacement() {
        let long = (0..<6).map { Series(label: "configuration with a rather long name #\($0)", x: [1, 2], y: [1, 2]) }
        var chart = LineChart(title: "t", xLabel: "x", yLabel: "y", series: long)
        let data = ChartData(series: long, xScale: .linear, yScale: .linear)
        let layout = ChartLayout(chart: chart, data: data)
        #expect(layout.legendBox.map { $0.y >= layout.plotBottom } == true)
        #expect(Set(layout.legendEntries.map(\.y)).count < long.count)  // two or more columns
        chart.legendPlacement = .hidden
        #expect(ChartLayout(chart: chart, data: data).legendBox == nil)
        #expect(XMLCheck(chart.svg()).wellFormed)
    }

    @Test("computed x tick labels never overlap, even on a narrow chart")
    func tickLabelsDoNotOverlap() {
        let chart = LineChart(title: "", xLabel: "", yLabel: "", series: [
            Series(label: "s", x: [123_456.5, 987_654.25], y: [0, 1]),
        ], width: 220, height: 160)
        let layout = ChartLayout(chart: chart, data: ChartData(series: chart.series, xScale: .linear, yScale: .linear))
        let spans = layout.x.major.compactMap { tick -> (Double, Double)? in
            guard let label = tick.label else { return nil }
            let half = label.width(fontSize: ChartLayout.tickFontSize) / 2
            return (layout.x.pixel(tick.value) - half, layout.x.pixel(tick.value) + half)
        }
        #expect(spans.count >= 2)
        for (a, b) in zip(spans, spans.dropFirst()) { #expect(a.1 < b.0) }
        #expect(XMLCheck(chart.svg()).wellFormed)
    }

    @Test("output is deterministic and locale-independent in its numbers")
    func deterministic() {
        let a = SampleCharts.noise.svg(), b = SampleCharts.noise.svg()
        #expect(a == b)
        // No decimal commas or grouping in attributes: every number attribute is plain.
        #expect(!a.contains(",5\"") && !a.contains("e+"))
    }

    @Test("a fixed y range is used as is and clips data outside it")
    func fixedRange() {
        var chart = SampleCharts.noise
        chart.yRange = 0.95...1.0
        let layout = ChartLayout(chart: chart, data: ChartData(series: chart.series, xScale: .linear, yScale: .linear))
        #expect(layout.y.lower == 0.95 && layout.y.upper == 1.0)
        #expect(layout.y.major.first?.value == 0.95 && layout.y.major.last?.value == 1.0)
        #expect(chart.svg().contains("clip-path=\"url(#ffplots-clip-"))
    }
}

import Testing
@testable import FFPlots

@Suite("HTML report")
struct HTMLReportTests {
    static func report() -> HTMLReport {
        var report = HTMLReport(title: "Drift <study> & 'notes'")
        report.addHeading("Results")
        report.addParagraph("Five seeds; mean ± std.\nSecond line with <b>not bold</b>.")
        report.addTable(header: ["method", "accuracy", "note"],
                        rows: [["FF", "0.973", "a < b & c"], ["BP", "97.2 %", "\"quoted\""], ["short"]],
                        caption: "Table 1 <caption>")
        report.addPreformatted("method  acc\nFF      0.97")
        report.addChart(SampleCharts.noise, caption: "Figure 1. Accuracy & noise.")
        report.addChart(SampleCharts.drift)
        return report
    }

    @Test("a self-contained HTML5 page with escaped text and inline SVG")
    func page() {
        let html = Self.report().html()
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">"))
        #expect(html.contains("<meta charset=\"utf-8\">"))
        #expect(html.contains("<title>Drift &lt;study&gt; &amp; &#39;notes&#39;</title>"))
        #expect(html.contains("<h2>Results</h2>"))
        #expect(html.contains("Second line with &lt;b&gt;not bold&lt;/b&gt;."))
        #expect(html.contains("<caption>Table 1 &lt;caption&gt;</caption>"))
        #expect(html.contains("<th>method</th><th>accuracy</th><th>note</th>"))
        #expect(html.contains("<td>a &lt; b &amp; c</td>"))
        #expect(html.contains("<td class=\"num\">0.973</td>"))
        #expect(html.contains("<td>&quot;quoted&quot;</td>"))
        #expect(html.contains("<tr><td>short</td><td></td><td></td></tr>"))
        #expect(html.contains("<pre>method  acc\nFF      0.97</pre>"))
        #expect(html.contains("<figcaption>Figure 1. Accuracy &amp; noise.</figcaption>"))
        #expect(html.components(separatedBy: "<svg xmlns=\"http://www.w3.org/2000/svg\"").count == 3)
        #expect(!html.contains("<?xml"))
        #expect(html.hasSuffix("</body>\n</html>\n"))
        // Self-contained: nothing loaded from elsewhere.
        for external in ["<script", "<link", "src=", "href=", "@import", "url(http"] {
            #expect(!html.contains(external), "found \(external)")
        }
    }

    @Test("the page is well-formed as XML apart from the doctype")
    func wellFormed() {
        let html = Self.report().html()
        let body = html.replacingOccurrences(of: "<!DOCTYPE html>\n", with: "")
            .replacingOccurrences(of: "<meta charset=\"utf-8\">", with: "<meta charset=\"utf-8\"/>")
            .replacingOccurrences(of: "initial-scale=1\">", with: "initial-scale=1\"/>")
            .replacingOccurrences(of: "content=\"ffanalog FFPlots\">", with: "content=\"ffanalog FFPlots\"/>")
        let xml = XMLCheck(body)
        #expect(xml.wellFormed, "\(xml.error ?? "")")
        #expect(xml.rootName == "html")
        #expect(xml.elementNames.filter { $0 == "svg" }.count == 2)
        #expect(xml.elementNames.filter { $0 == "table" }.count == 1)
    }

    @Test("each inline chart has its own clip path id when layouts differ")
    func clipIDs() {
        var small = SampleCharts.noise
        small.width = 400
        var report = HTMLReport(title: "t")
        report.addChart(SampleCharts.noise)
        report.addChart(small)
        let ids = report.html().components(separatedBy: "<clipPath id=\"").dropFirst().map { $0.prefix { $0 != "\"" } }
        #expect(ids.count == 2 && Set(ids).count == 2)
    }
}

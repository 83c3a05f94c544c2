/// A self-contained HTML5 report: a title, then headings, paragraphs, tables and charts.
///
/// The page references nothing external: styles are inline and charts are inline SVG,
/// so the single file can be archived, mailed or attached as supplementary material.
/// All text is escaped. Output is deterministic (no timestamps).
///
/// ```swift
/// var report = HTMLReport(title: "Drift study")
/// report.addParagraph("Five seeds per method.")
/// report.addTable(header: ["method", "accuracy"], rows: [["FF", "0.973"], ["BP", "0.981"]])
/// report.addChart(chart, caption: "Figure 1. Accuracy against drift time.")
/// let page = report.html()
/// ```
public struct HTMLReport: Sendable {
    /// The page title, shown as the top heading and in the browser's title bar.
    public var title: String
    /// The content, in page order.
    public var blocks: [Block]

    /// Creates a report.
    /// - Parameters:
    ///   - title: The page title.
    ///   - blocks: Initial content, in page order.
    public init(title: String, blocks: [Block] = []) {
        self.title = title
        self.blocks = blocks
    }

    /// Appends a section heading.
    /// - Parameter text: The heading text.
    public mutating func addHeading(_ text: String) {
        blocks.append(.heading(text))
    }

    /// Appends a paragraph of text.
    /// - Parameter text: The paragraph; line breaks in it are kept.
    public mutating func addParagraph(_ text: String) {
        blocks.append(.paragraph(text))
    }

    /// Appends preformatted text in a monospaced font, such as a printed summary table.
    /// - Parameter text: The text, shown with its spacing and line breaks.
    public mutating func addPreformatted(_ text: String) {
        blocks.append(.preformatted(text))
    }

    /// Appends a table. Cells that are numbers are right-aligned.
    /// - Parameters:
    ///   - header: The column headings.
    ///   - rows: The rows; a row shorter than the header is padded with empty cells.
    ///   - caption: A caption shown above the table, or `nil`.
    public mutating func addTable(header: [String], rows: [[String]], caption: String? = nil) {
        blocks.append(.table(header: header, rows: rows, caption: caption))
    }

    /// Appends a chart as inline SVG.
    /// - Parameters:
    ///   - chart: The chart.
    ///   - caption: A caption shown below the chart, or `nil`.
    public mutating func addChart(_ chart: LineChart, caption: String? = nil) {
        blocks.append(.chart(chart, caption: caption))
    }

    /// Renders the report as one HTML5 document.
    /// - Returns: The page, UTF-8 text starting with `<!DOCTYPE html>`.
    public func html() -> String {
        let e = XMLEscaping.escape
        var out = """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="generator" content="ffanalog FFPlots">
        <title>\(e(title))</title>
        <style>\(Self.style)</style>
        </head>
        <body>
        <h1>\(e(title))</h1>

        """
        for block in blocks {
            out += block.html() + "\n"
        }
        out += "</body>\n</html>\n"
        return out
    }

    private static let style = """

    body { font-family: system-ui, -apple-system, "Segoe UI", Helvetica, Arial, sans-serif; color: #111;
           max-width: 60rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.45; }
    h1 { font-size: 1.6rem; } h2 { font-size: 1.25rem; margin-top: 2rem; }
    p { white-space: pre-line; }
    pre { background: #f6f6f6; padding: 0.75rem; overflow-x: auto; font-size: 0.85rem; }
    table { border-collapse: collapse; margin: 1rem 0; font-variant-numeric: tabular-nums; }
    caption { text-align: left; font-weight: 600; padding-bottom: 0.3rem; }
    th, td { border-bottom: 1px solid #ddd; padding: 0.3rem 0.7rem; text-align: left; vertical-align: top; }
    th { border-bottom: 2px solid #999; }
    td.num { text-align: right; }
    figure { margin: 1.5rem 0; }
    figure svg { max-width: 100%; height: auto; }
    figcaption { font-size: 0.9rem; color: #444; }

    """
}

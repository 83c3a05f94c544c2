extension HTMLReport {
    /// One piece of report content.
    public enum Block: Sendable {
        /// A section heading.
        case heading(String)
        /// A paragraph of text.
        case paragraph(String)
        /// Monospaced text with its spacing kept.
        case preformatted(String)
        /// A table with column headings, rows and an optional caption.
        case table(header: [String], rows: [[String]], caption: String?)
        /// A chart shown as inline SVG, with an optional caption.
        case chart(LineChart, caption: String?)

        /// The block as HTML.
        func html() -> String {
            let e = XMLEscaping.escape
            switch self {
            case .heading(let text):
                return "<h2>\(e(text))</h2>"
            case .paragraph(let text):
                return "<p>\(e(text))</p>"
            case .preformatted(let text):
                return "<pre>\(e(text))</pre>"
            case .table(let header, let rows, let caption):
                var out = "<table>\n"
                if let caption { out += "<caption>\(e(caption))</caption>\n" }
                out += "<thead><tr>" + header.map { "<th>\(e($0))</th>" }.joined() + "</tr></thead>\n<tbody>\n"
                let width = max(header.count, rows.map(\.count).max() ?? 0)
                for row in rows {
                    let cells = row + Array(repeating: "", count: width - row.count)
                    out += "<tr>" + cells.map(Self.cell).joined() + "</tr>\n"
                }
                return out + "</tbody>\n</table>"
            case .chart(let chart, let caption):
                var out = "<figure>\n" + chart.svgElement()
                if let caption { out += "<figcaption>\(e(caption))</figcaption>\n" }
                return out + "</figure>"
            }
        }

        /// A table cell; numbers (optionally with ± parts or a % sign) are right-aligned.
        private static func cell(_ text: String) -> String {
            let numeric = !text.isEmpty && text.split(separator: " ").allSatisfy { part in
                part == "±" || Double(part.hasSuffix("%") ? part.dropLast() : part) != nil
            }
            return numeric ? "<td class=\"num\">\(XMLEscaping.escape(text))</td>" : "<td>\(XMLEscaping.escape(text))</td>"
        }
    }
}

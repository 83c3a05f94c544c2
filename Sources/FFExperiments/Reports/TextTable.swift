/// Plain-text tables for the terminal: left-aligned columns two spaces
/// apart, a dashed rule under the header.
public enum TextTable {
    /// The table's lines.
    /// - Parameter rows: The header first, then the body; every row has the header's column count.
    public static func lines(_ rows: [[String]]) -> [String] {
        guard let header = rows.first else { return [] }
        let widths = (0..<header.count).map { c in rows.map { $0[c].count }.max() ?? 0 }
        var lines = [String]()
        for (i, row) in rows.enumerated() {
            lines.append(row.enumerated().map { c, v in v + String(repeating: " ", count: widths[c] - v.count) }
                .joined(separator: "  "))
            if i == 0 { lines.append(widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ")) }
        }
        return lines
    }
}

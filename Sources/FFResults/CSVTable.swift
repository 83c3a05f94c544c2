import Foundation
import FFDatasets

/// A table written as RFC 4180 CSV: comma-separated, CRLF-free (`\n` line
/// ends), every field that holds a comma, quote, CR or LF quoted, with quotes
/// doubled. pandas' `read_csv` and R's `read.csv` read it without options.
public struct CSVTable: Sendable {
    /// Column names.
    public private(set) var columns: [String]
    /// Rows, each with one field per column.
    public private(set) var rows: [[String]] = []

    /// Creates an empty table.
    /// - Parameter columns: Column names.
    public init(columns: [String]) {
        self.columns = columns
    }

    /// Appends a row given as column → value; missing columns are empty,
    /// unknown columns are added (earlier rows get empty fields).
    /// - Parameter values: The row's fields by column name.
    public mutating func append(_ values: [String: String]) {
        for key in values.keys.sorted() where !columns.contains(key) {
            columns.append(key)
            for i in rows.indices { rows[i].append("") }
        }
        rows.append(columns.map { values[$0] ?? "" })
    }

    /// The table as CSV text.
    public var text: String {
        var out = columns.map(Self.quote).joined(separator: ",") + "\n"
        for row in rows { out += row.map(Self.quote).joined(separator: ",") + "\n" }
        return out
    }

    /// Writes the CSV atomically.
    /// - Parameter path: Destination file.
    public func write(to path: String) throws {
        try AtomicFile.write(Array(text.utf8), to: path)
    }

    /// Quotes one field when it needs it.
    public static func quote(_ field: String) -> String {
        // Scalars, not Characters: "\r\n" is one Character equal to neither "\r" nor "\n".
        guard field.unicodeScalars.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else {
            return field
        }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}


/// Why ``CSVReader`` rejected a text. Line numbers are 1-based physical lines.
public enum CSVReaderError: Error, Equatable, CustomStringConvertible {
    /// The text holds no header line.
    case empty
    /// A quoted field opened on `line` never closes.
    case unterminatedQuote(line: Int)
    /// A quote appears inside a field that did not start with one.
    case unexpectedQuote(line: Int)
    /// A closing quote is followed by something other than a comma or a line end.
    case textAfterClosingQuote(line: Int)
    /// The record starting on `line` has `found` fields, but the header has `expected`.
    case wrongFieldCount(line: Int, expected: Int, found: Int)
    /// The header names a column twice.
    case duplicateColumn(String)

    /// A message naming the problem and where it is.
    public var description: String {
        switch self {
        case .empty:
            return "CSV text is empty: no header line"
        case .unterminatedQuote(let line):
            return "CSV line \(line): quoted field is never closed (missing closing \")"
        case .unexpectedQuote(let line):
            return "CSV line \(line): quote inside an unquoted field (quote the whole field and double the quote)"
        case .textAfterClosingQuote(let line):
            return "CSV line \(line): text after the closing quote of a field (expected a comma or a line end)"
        case .wrongFieldCount(let line, let expected, let found):
            return "CSV line \(line): record has \(found) field(s), the header has \(expected)"
        case .duplicateColumn(let name):
            return "CSV header names column \"\(name)\" more than once"
        }
    }
}

/// A reader of RFC 4180 CSV text, such as the tables ffanalog writes.
///
/// Fields are separated by commas; a field in double quotes may hold commas, line
/// breaks and doubled quotes (`""` for `"`). Records end with LF or CRLF (a lone CR
/// also counts). The first record is the header. A leading byte-order mark is ignored,
/// a final line break is optional, and blank lines are skipped (in a one-column table
/// a blank line between rows is a row with an empty field; blank lines at the end are
/// always ignored).
public enum CSVReader {
    /// Parses CSV text with a header line.
    /// - Parameter text: The whole CSV document.
    /// - Returns: The column names in header order, and each row as column → field.
    /// - Throws: ``CSVReaderError`` on an unterminated or misplaced quote, a row whose
    ///   field count differs from the header's, a repeated column name, or no header.
    public static func parse(_ text: String) throws -> (columns: [String], rows: [[String: String]]) {
        var records = try self.records(text)
        while records.last?.isBlank == true { records.removeLast() }
        guard let headerIndex = records.firstIndex(where: { !$0.isBlank }) else { throw CSVReaderError.empty }
        let columns = records[headerIndex].fields
        var seen = Set<String>()
        for name in columns where !seen.insert(name).inserted { throw CSVReaderError.duplicateColumn(name) }

        var rows: [[String: String]] = []
        for record in records[(headerIndex + 1)...] {
            if record.isBlank && columns.count != 1 { continue }
            guard record.fields.count == columns.count else {
                throw CSVReaderError.wrongFieldCount(line: record.line, expected: columns.count,
                                                     found: record.fields.count)
            }
            var row: [String: String] = [:]
            for (name, field) in zip(columns, record.fields) { row[name] = field }
            rows.append(row)
        }
        return (columns, rows)
    }

    /// One record: its fields, the line it starts on, and whether the line was empty.
    struct Record {
        var fields: [String]
        var line: Int
        var isBlank: Bool
    }

    private enum State {
        case fieldStart, unquoted, quoted, quoteInQuoted
    }

    /// Splits CSV text into records of fields.
    static func records(_ text: String) throws -> [Record] {
        var scalars = Array(text.unicodeScalars)
        if scalars.first == "\u{FEFF}" { scalars.removeFirst() }

        var records: [Record] = []
        var fields: [String] = []
        var field = String.UnicodeScalarView()
        var state = State.fieldStart
        var line = 1
        var recordLine = 1
        var quoteLine = 1
        var recordHasContent = false

        func endField() {
            fields.append(String(field))
            field = String.UnicodeScalarView()
        }
        func endRecord() {
            endField()
            records.append(Record(fields: fields, line: recordLine, isBlank: !recordHasContent))
            fields = []
            recordHasContent = false
        }

        var i = 0
        while i < scalars.count {
            let c = scalars[i]
            let isLineBreak = c == "\n" || c == "\r"
            // CRLF is one line break.
            let breakLength = c == "\r" && i + 1 < scalars.count && scalars[i + 1] == "\n" ? 2 : 1
            switch state {
            case .fieldStart, .unquoted, .quoteInQuoted:
                if isLineBreak {
                    endRecord()
                    state = .fieldStart
                    line += 1
                    recordLine = line
                    i += breakLength
                    continue
                }
                recordHasContent = true
                if c == "," {
                    endField()
                    state = .fieldStart
                } else if c == "\"" {
                    switch state {
                    case .fieldStart:
                        state = .quoted
                        quoteLine = line
                    case .quoteInQuoted:
                        field.append("\"")
                        state = .quoted
                    default:
                        throw CSVReaderError.unexpectedQuote(line: line)
                    }
                } else if state == .quoteInQuoted {
                    throw CSVReaderError.textAfterClosingQuote(line: line)
                } else {
                    field.append(c)
                    state = .unquoted
                }
            case .quoted:
                if c == "\"" {
                    state = .quoteInQuoted
                } else {
                    if isLineBreak {
                        line += 1
                        field.append(contentsOf: scalars[i..<(i + breakLength)])
                        i += breakLength
                        continue
                    }
                    field.append(c)
                }
            }
            i += 1
        }
        if state == .quoted { throw CSVReaderError.unterminatedQuote(line: quoteLine) }
        if recordHasContent || !fields.isEmpty { endRecord() }
        return records
    }
}

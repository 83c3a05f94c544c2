import Testing
@testable import FFPlots

@Suite("CSV reader")
struct CSVReaderTests {
    /// Writes a field the way RFC 4180 writers do. Checks scalars, not Characters: "\r\n" is one
    /// Character, equal to neither "\r" nor "\n".
    static func quote(_ field: String) -> String {
        guard field.unicodeScalars.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else {
            return field
        }
        return "\"" + field.split(separator: "\"", omittingEmptySubsequences: false).joined(separator: "\"\"") + "\""
    }

    @Test("tricky fields survive a write–read round trip")
    func roundTrip() throws {
        let columns = ["method", "note", "value"]
        let rows: [[String]] = [
            ["FF", "plain", "0.97"],
            ["BP, Adam", "comma, inside", "0.98"],
            ["\"quoted\"", "she said \"\"hi\"\"", "-1e-3"],
            ["multi\nline", "CRLF\r\nin field", ""],
            ["", "", ""],
            ["σ ≈ 0.1", "emoji 🧪 and ünïcödé", " padded "],
        ]
        for lineEnd in ["\n", "\r\n"] {
            let text = ([columns] + rows).map { $0.map(Self.quote).joined(separator: ",") }.joined(separator: lineEnd) + lineEnd
            let parsed = try CSVReader.parse(text)
            #expect(parsed.columns == columns)
            #expect(parsed.rows.count == rows.count)
            for (row, expected) in zip(parsed.rows, rows) {
                #expect(columns.map { row[$0] ?? "<missing>" } == expected)
            }
        }
    }

    @Test("no final line break, a byte-order mark and blank lines are accepted")
    func lenientEdges() throws {
        let parsed = try CSVReader.parse("\u{FEFF}a,b\n1,2\n\n3,4")
        #expect(parsed.columns == ["a", "b"])
        #expect(parsed.rows == [["a": "1", "b": "2"], ["a": "3", "b": "4"]])
        let single = try CSVReader.parse("x\n1\n\n2\n\n")
        #expect(single.rows.map { $0["x"] } == ["1", "", "2"])
        let trailingEmpty = try CSVReader.parse("a,b\n1,\n")
        #expect(trailingEmpty.rows == [["a": "1", "b": ""]])
    }

    @Test("malformed input fails with the line number",
          arguments: [
              ("a,b\n1,\"open\n2,3\n", CSVReaderError.unterminatedQuote(line: 2)),
              ("a,b\n1,2\n3,4,5\n", .wrongFieldCount(line: 3, expected: 2, found: 3)),
              ("a,b\n\"x\ny\",2\n7\n", .wrongFieldCount(line: 4, expected: 2, found: 1)),
              ("a,b\n1,ab\"c\n", .unexpectedQuote(line: 2)),
              ("a,b\n\"x\"y,2\n", .textAfterClosingQuote(line: 2)),
              ("a,a\n1,2\n", .duplicateColumn("a")),
              ("", .empty),
              ("\n\n", .empty),
          ])
    func malformed(text: String, expected: CSVReaderError) {
        #expect(throws: expected) { try CSVReader.parse(text) }
    }

    @Test("error messages name the line")
    func messages() {
        #expect(CSVReaderError.unterminatedQuote(line: 7).description.contains("line 7"))
        #expect(CSVReaderError.wrongFieldCount(line: 3, expected: 2, found: 5).description
                == "CSV line 3: record has 5 field(s), the header has 2")
    }
}

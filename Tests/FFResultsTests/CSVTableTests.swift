import Foundation
import Testing
@testable import FFResults

@Suite("CSV tables")
struct CSVTableTests {
    @Test("fields with commas, quotes and newlines are quoted; others are not")
    func quoting() {
        #expect(CSVTable.quote("plain") == "plain")
        #expect(CSVTable.quote("a,b") == "\"a,b\"")
        #expect(CSVTable.quote("say \"hi\"") == "\"say \"\"hi\"\"\"")
        #expect(CSVTable.quote("two\nlines") == "\"two\nlines\"")
        #expect(CSVTable.quote("crlf\r\nline") == "\"crlf\r\nline\"")
    }

    @Test("rows fill missing columns and new columns extend earlier rows")
    func columns() {
        var t = CSVTable(columns: ["a", "b"])
        t.append(["a": "1", "b": "2"])
        t.append(["a": "3", "c": "x,y"])
        #expect(t.text == "a,b,c\n1,2,\n3,,\"x,y\"\n")
    }

    @Test("Python's csv module reads every value back unchanged", .enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/python3")))
    func pythonReadsIt() throws {
        var t = CSVTable(columns: ["name", "value"])
        let tricky = ["comma, inside", "quote \" inside", "new\nline", "windows\r\nline", "plain", ""]
        for (i, s) in tricky.enumerated() { t.append(["name": s, "value": "\(i)"]) }
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("ffanalog-\(UUID().uuidString).csv").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try t.write(to: path)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        process.arguments = ["-c", "import csv,json,sys; print(json.dumps([r['name'] for r in csv.DictReader(open(sys.argv[1], newline=''))]))", path]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let names = try JSONDecoder().decode([String].self, from: data)
        #expect(names == tricky)
    }
}

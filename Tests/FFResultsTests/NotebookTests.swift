import Foundation
import Testing

@Suite("notebooks-export/analysis.ipynb")
struct NotebookTests {
    static let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("notebooks-export/analysis.ipynb").path

    @Test("is a valid nbformat 4 notebook whose code loads the CSVs with pandas and plots with matplotlib")
    func structure() throws {
        let data = try #require(FileManager.default.contents(atPath: Self.path))
        let nb = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(nb["nbformat"] as? Int == 4)
        #expect((nb["metadata"] as? [String: Any])?["kernelspec"] != nil)
        let cells = try #require(nb["cells"] as? [[String: Any]])
        #expect(cells.count >= 5)
        var ids = Set<String>()
        for cell in cells {
            let type = try #require(cell["cell_type"] as? String)
            #expect(["markdown", "code"].contains(type))
            #expect(cell["source"] is [String])
            #expect(cell["metadata"] is [String: Any])
            if let id = cell["id"] as? String { #expect(ids.insert(id).inserted) }
            if type == "code" {
                #expect(cell["outputs"] is [Any])
                #expect(cell.keys.contains("execution_count"))
            }
        }
        let code = cells.filter { $0["cell_type"] as? String == "code" }
            .flatMap { ($0["source"] as? [String]) ?? [] }.joined()
        #expect(code.contains("pd.read_csv") && code.contains("matplotlib"))
    }

    @Test("runs end to end where jupyter is installed",
          .enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/jupyter")
                   || FileManager.default.isExecutableFile(atPath: "/usr/local/bin/jupyter")))
    func executes() throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("ffanalog-nb-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: out) }
        process.arguments = ["jupyter", "nbconvert", "--to", "notebook", "--execute", "--output-dir", out, Self.path]
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
    }
}

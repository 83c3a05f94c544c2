import FFDatasets
import Foundation
import Testing

@Suite("Atomic file writes")
struct AtomicFileTests {
    func leftovers(in directory: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0.contains(".tmp-") }
    }

    @Test("creates parent directories and writes the contents")
    func createsFile() throws {
        let directory = TemporaryDirectory("atomic")
        defer { directory.remove() }
        let path = directory.file("a/b/result.json")
        try AtomicFile.write(Data("first".utf8), to: path)
        #expect(FileManager.default.contents(atPath: path) == Data("first".utf8))
        #expect(try leftovers(in: directory.file("a/b")).isEmpty)
    }

    @Test("replaces old contents; readers see old or new, never a mix")
    func replaces() async throws {
        let directory = TemporaryDirectory("atomic")
        defer { directory.remove() }
        let path = directory.file("checkpoint.bin")
        let old = Data(repeating: 1, count: 200_000)
        let new = Data(repeating: 2, count: 300_000)
        try AtomicFile.write(old, to: path)
        let reader = Task.detached { () -> Bool in
            for _ in 0..<200 {
                guard let seen = FileManager.default.contents(atPath: path) else { return false }
                if seen != old && seen != new { return false }
            }
            return true
        }
        for round in 0..<20 { try AtomicFile.write(round % 2 == 0 ? new : old, to: path) }
        #expect(await reader.value)
        #expect(FileManager.default.contents(atPath: path) == old)   // round 19 wrote `old`
        #expect(try leftovers(in: directory.path).isEmpty)
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        #expect((attributes[.posixPermissions] as? Int) == 0o644)
    }

    @Test("a failed write leaves the target and no temporary file")
    func failureCleansUp() throws {
        let directory = TemporaryDirectory("atomic")
        defer { directory.remove() }
        // Renaming a file over a non-empty directory fails after the data was written.
        let target = directory.subdirectory("occupied")
        _ = FileManager.default.createFile(atPath: target + "/keep", contents: Data("x".utf8))
        let error = datasetError { () throws(DatasetError) in try AtomicFile.write(Data("new".utf8), to: target) }
        guard case .writeFailed(let path, _) = error else {
            Issue.record("expected writeFailed, got \(String(describing: error))")
            return
        }
        #expect(path == target)
        #expect(error?.description.contains(target) == true)
        #expect(try leftovers(in: directory.path).isEmpty)
        #expect(FileManager.default.contents(atPath: target + "/keep") == Data("x".utf8))
    }
}

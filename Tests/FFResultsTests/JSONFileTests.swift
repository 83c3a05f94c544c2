import Foundation
import Testing
import FFTraining
@testable import FFResults

@Suite("JSON results")
struct JSONFileTests {
    @Test("results are written with snake_case keys and read back")
    func snakeCase() throws {
        let record = EpochRecord(epoch: 1, layer: nil, loss: 0.5, testAccuracy: 0.9, testAccuracyReadout: nil, seconds: 1.5)
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("ffanalog-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("r.json").path
        try JSONFile.write([record], to: path)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.contains("\"test_accuracy\""))
        let back = try JSONFile.decoder().decode([EpochRecord].self, from: Data(text.utf8))
        #expect(back == [record])
    }
}

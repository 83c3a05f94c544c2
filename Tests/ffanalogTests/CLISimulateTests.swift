import Foundation
import Testing
import FFPlots

@Suite("ffanalog simulate: energy estimate", .serialized)
struct CLISimulateTests {
    @Test("simulate prints and writes every method's energy estimate with the operation counts behind it")
    func energyInOutput() throws {
        try #require(FileManager.default.fileExists(atPath: CLI.fashionDirectory), "apt-get install dataset-fashion-mnist")
        let directory = try CLI.temporaryDirectory()
        defer { CLI.remove(directory) }
        let methods = ["ff", "bp-ideal", "bp-pat"]
        let output = try CLI.run(["simulate", "--device", "generic", "--methods", methods.joined(separator: ","),
                                  "--seeds", "1", "--dataset", "fashion-mnist", "--data-dir", CLI.fashionDirectory,
                                  "--train-examples", "200", "--test-examples", "50", "--hidden", "16", "--epochs", "1",
                                  "--threads", "1", "--quiet", "--output", directory.path])
        #expect(output.status == 0, "\(output.stderr)")
        let text = output.stdout
        #expect(text.contains("energy estimate: counted operations × the preset's per-operation costs"))
        #expect(text.contains("costs: analog MAC 0.151 pJ, DAC 8 bit 2.608 pJ, ADC 8 bit 2.586 pJ"))
        #expect(text.contains("operation counts behind it"))
        for m in methods {
            #expect(text.split(separator: "\n").filter { $0.hasPrefix(m + " ") }.count == 6, "\(m)")
        }
        let stem = directory.appendingPathComponent("simulate-fashion-mnist-generic").path
        let rows = try CSVReader.parse(String(contentsOfFile: stem + ".csv", encoding: .utf8)).rows
        for m in methods {
            let energy = rows.first { $0["method"] == m && $0["metric"] == "train_energy_j" }
            #expect(Double(energy?["value"] ?? "") ?? 0 > 0, "\(m)")
            #expect(Int(energy?["train_dram_bytes"] ?? "") ?? 0 > 0, "\(m)")
        }
        let json = try String(contentsOfFile: stem + ".json", encoding: .utf8)
        #expect(json.contains("inference_energy_per_sample") && json.contains("\"energy\""))
        #expect(json.contains("\"blas\" : \"OpenBLAS"), "the kernel set, for reproducibility")
    }
}

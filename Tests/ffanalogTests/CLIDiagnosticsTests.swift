import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing

@Suite("ffanalog train --diagnostics and plot", .serialized)
struct CLIDiagnosticsTests {
    static let common = ["--dataset", "fashion-mnist", "--data-dir", CLI.fashionDirectory, "--train-examples", "500",
                         "--epochs", "2", "--hidden", "32,16", "--threads", "1", "--seed", "3", "--quiet"]

    func wellFormed(_ path: String) throws -> Bool {
        let parser = try #require(XMLParser(contentsOf: URL(fileURLWithPath: path)))
        return parser.parse()
    }

    @Test("--diagnostics writes per-layer records into the JSON and X.diagnostics.csv; plot draws them")
    func diagnosticsAndPlot() throws {
        let dir = try CLI.temporaryDirectory()
        defer { CLI.remove(dir) }
        let json = dir.appendingPathComponent("r.json").path
        let train = try CLI.run(["train", "--diagnostics", "--goodness", "softmax:4:3", "--output", json] + Self.common)
        #expect(train.status == 0, "\(train.stderr)")
        let object = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: json))) as? [String: Any]
        let history = try #require(object?["history"] as? [[String: Any]])
        #expect(history.count == 2)
        for record in history {
            let layers = try #require(record["diagnostics"] as? [[String: Any]])
            #expect(layers.count == 2)
            #expect(layers.allSatisfy { $0["accuracy"] is Double && $0["dead_fraction"] is Double && $0["examples"] as? Int == 10_000 })
            #expect(layers.allSatisfy { ($0["participation_ratio"] as? Double).map { $0 >= 1 } == true })
        }
        let csv = try String(contentsOfFile: dir.appendingPathComponent("r.diagnostics.csv").path, encoding: .utf8)
        let lines = csv.split(separator: "\n")
        #expect(lines.first?.hasPrefix("command,dataset,algorithm,goodness") == true)
        #expect(lines.count == 1 + 2 * 2 * 7)
        #expect(csv.contains(",softmax:4.0:3,") && csv.contains("positive_goodness_mean"))

        for (input, metric) in [(json, "goodness"), (json, "layer_accuracy"),
                                (dir.appendingPathComponent("r.diagnostics.csv").path, "dead_fraction"),
                                (json, "participation_ratio")] {
            let svg = dir.appendingPathComponent("\(metric).svg").path
            let plot = try CLI.run(["plot", input, "--metric", metric, "--out", svg])
            #expect(plot.status == 0, "\(plot.stderr)")
            #expect(try wellFormed(svg))
            let text = try String(contentsOfFile: svg, encoding: .utf8)
            #expect(text.contains("layer 1") && text.contains("layer 2"))
            if metric == "goodness" { #expect(text.contains("layer 2 negative") && text.contains("goodness separation")) }
        }
        let bad = try CLI.run(["plot", json, "--metric", "test_accuracy"])
        #expect(bad.status != 0 && bad.stderr.contains("unknown diagnostics --metric 'test_accuracy'"))
    }

    @Test("without --output the last epoch's diagnostics are printed; bp and plain results are refused")
    func printedAndRefused() throws {
        let printed = try CLI.run(["train", "--diagnostics", "--goodness", "min-sum-squares"] + Self.common)
        #expect(printed.status == 0, "\(printed.stderr)")
        #expect(printed.stdout.contains("per-layer diagnostics after the last FF epoch, on 10000 test examples"))
        #expect(printed.stdout.contains("positive G") && printed.stdout.contains("dead"))

        // Unsupervised FF: real test images against their hybrids; the readout-only epoch has no record.
        let unsupervised = try CLI.run(["train", "--algorithm", "ff-unsupervised", "--readout-epochs", "1", "--diagnostics"]
                                       + Self.common)
        #expect(unsupervised.status == 0, "\(unsupervised.stderr)")
        #expect(unsupervised.stdout.contains("per-layer diagnostics after the last FF epoch, on 10000 test examples"))

        let bp = try CLI.run(["train", "--algorithm", "bp", "--diagnostics"] + Self.common)
        #expect(bp.status != 0 && bp.stderr.contains("--diagnostics"))

        let dir = try CLI.temporaryDirectory()
        defer { CLI.remove(dir) }
        let json = dir.appendingPathComponent("plain.json").path
        let plain = try CLI.run(["train", "--output", json] + Self.common)
        #expect(plain.status == 0, "\(plain.stderr)")
        let plot = try CLI.run(["plot", json])
        #expect(plot.status != 0 && plot.stderr.contains("--diagnostics"))
    }
}

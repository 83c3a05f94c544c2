import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing

@Suite("ffanalog plot, report and compare arguments")
struct CLIPlotTests {
    static let csv = """
        run_id,command,dataset,method,seed,device,noise,drift_time,epoch,metric,value,drift_label,compensation
        a,compare,mnist,ff,1,pcm,,1,,test_accuracy,0.9,1s,none
        b,compare,mnist,ff,2,pcm,,1,,test_accuracy,0.92,1s,none
        c,compare,mnist,ff,1,pcm,,86400,,test_accuracy,0.85,1d,none
        d,compare,mnist,"bp, offline",1,pcm,,1,,test_accuracy,0.95,1s,none
        e,compare,mnist,"bp, offline",1,pcm,,86400,,test_accuracy,0.8,1d,none
        f,compare,mnist,ff,1,pcm,,,1,train_loss,1.5,,
        g,compare,mnist,ff,1,pcm,,,2,train_loss,1.1,,

        """

    func wellFormed(_ path: String) throws -> Bool {
        let parser = try #require(XMLParser(contentsOf: URL(fileURLWithPath: path)))
        return parser.parse()
    }

    @Test("plot draws valid SVG for drift and epoch axes; report writes one HTML page")
    func plotAndReport() throws {
        let dir = try CLI.temporaryDirectory()
        defer { CLI.remove(dir) }
        let csv = dir.appendingPathComponent("compare-test.csv")
        try Self.csv.write(to: csv, atomically: true, encoding: .utf8)
        for x in ["drift_time", "epoch"] {
            let svg = dir.appendingPathComponent("\(x).svg").path
            let output = try CLI.run(["plot", csv.path, "--x", x, "--out", svg])
            #expect(output.status == 0, "\(output.stderr)")
            #expect(try wellFormed(svg))
            let text = try String(contentsOfFile: svg, encoding: .utf8)
            #expect(text.contains("<svg") && text.contains(">ff<"))
            if x == "drift_time" { #expect(text.contains("bp, offline")) }
        }
        let report = try CLI.run(["report", dir.path])
        #expect(report.status == 0, "\(report.stderr)")
        let html = try String(contentsOfFile: dir.appendingPathComponent("report.html").path, encoding: .utf8)
        #expect(html.contains("<svg") && html.contains("compare-test.csv") && html.contains("0.9100 ± 0.0141"))
    }

    @Test("malformed --drift values are refused before any work", arguments: ["1parsec", "", "-1h", "1h,,1d"])
    func badDrift(value: String) throws {
        let scratch = try CLI.temporaryDirectory()
        defer { CLI.remove(scratch) }
        let dir = scratch.appendingPathComponent("out")
        let output = try CLI.run(["compare", "--drift", value, "--output", dir.path])
        #expect(output.status != 0)
        #expect(output.stderr.contains("--drift"))
        #expect(!FileManager.default.fileExists(atPath: dir.path))
    }
}

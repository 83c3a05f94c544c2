import Foundation
import Testing

@Suite("ffanalog bench memory", .serialized)
struct CLIBenchMemoryTests {
    @Test("each configuration runs in a child process; ff-stream's peak stays flat while ff's grows with depth")
    func childProcesses() throws {
        let dir = try CLI.temporaryDirectory()
        defer { CLI.remove(dir) }
        let output = try CLI.run(["bench", "memory", "--depth", "2,24", "--hidden", "256", "--batch-size", "256",
                                  "--algorithms", "ff,ff-stream,bp", "--dataset", "fashion-mnist",
                                  "--data-dir", CLI.fashionDirectory, "--threads", "1", "--output", dir.path, "--quiet"])
        #expect(output.status == 0, "\(output.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(
            with: Data(contentsOf: dir.appendingPathComponent("bench-memory.json"))) as? [String: Any])
        let results = try #require(json["results"] as? [String: Any])
        let rows = try #require(results["measurements"] as? [[String: Any]])
        #expect(rows.count == 6)
        var peak = [String: Double]()
        for row in rows {
            let key = "\(row["algorithm"] as? String ?? "?")@\(row["depth"] as? Int ?? 0)"
            peak[key] = row["peak_rss_mib"] as? Double
            #expect(row["error"] == nil, "\(key): \(row["error"] ?? "")")
        }
        let stream2 = try #require(peak["ff-stream@2"]), stream24 = try #require(peak["ff-stream@24"])
        let ff2 = try #require(peak["ff@2"]), ff24 = try #require(peak["ff@24"])
        // 22 more 256×256 layers are ≈ 33 MiB of parameters and Adam state for ff, nothing for ff-stream.
        #expect(ff24 - ff2 > 20, "ff: \(ff2) → \(ff24) MiB")
        #expect(stream24 - stream2 < 0.25 * (ff24 - ff2), "ff-stream: \(stream2) → \(stream24) MiB")
        #expect(stream24 <= 1.1 * stream2)
        let csv = try String(contentsOf: dir.appendingPathComponent("bench-memory.csv"), encoding: .utf8)
        #expect(csv.split(separator: "\n").count == 7)
        let svg = try String(contentsOf: dir.appendingPathComponent("bench-memory.svg"), encoding: .utf8)
        #expect(svg.hasPrefix("<?xml") && svg.contains("ff-stream"))
        #expect(output.stdout.contains("ff-stream: peak"))
    }

    @Test("unknown algorithms and bad depths are refused before anything runs")
    func validation() throws {
        let bad = try CLI.run(["bench", "memory", "--algorithms", "ff,sgd"])
        #expect(bad.status != 0 && bad.stderr.contains("unknown algorithm 'sgd'"))
        let depth = try CLI.run(["bench", "memory", "--depth", "2,x"])
        #expect(depth.status != 0 && depth.stderr.contains("--depth"))
    }
}

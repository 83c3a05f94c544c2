import Foundation
import Testing
import FFPlots
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

@Suite("ffanalog sweep", .serialized)
struct CLISweepTests {
    /// 2 noise levels × 2 methods × 2 seeds on a small Fashion-MNIST slice: 8 jobs of about a second in all.
    static func arguments(_ directory: URL, seeds: Int = 2) -> [String] {
        ["sweep", "--grid", "noise=0,0.05", "--device", "ideal", "--methods", "ff,bp-offline", "--seeds", "\(seeds)",
         "--dataset", "fashion-mnist", "--data-dir", CLI.fashionDirectory, "--train-examples", "300",
         "--test-examples", "100", "--hidden", "16", "--epochs", "1", "--threads", "1", "--output", directory.path]
    }

    static func requireData() throws {
        try #require(FileManager.default.fileExists(atPath: CLI.fashionDirectory), "apt-get install dataset-fashion-mnist")
    }

    /// The result CSVs in `jobs/` (what resume and merge consider).
    static func resultFiles(_ directory: URL) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.appendingPathComponent("jobs").path)) ?? []
        return names.filter { $0.hasSuffix(".csv") && !$0.hasPrefix(".") }.sorted()
    }

    /// Rows of a CSV, parsed strictly (a truncated file fails).
    static func rows(_ path: String) throws -> [[String: String]] {
        try CSVReader.parse(String(contentsOfFile: path, encoding: .utf8)).rows
    }

    /// A merged CSV's rows by job id, without timing rows.
    static func rowsWithoutTimings(_ path: String) throws -> [String: [[String: String]]] {
        Dictionary(grouping: try rows(path).filter { $0["metric"] != "train_seconds" }) { $0["run_id"]! }
    }

    @Test("malformed options fail with one line, before any work and without creating the directory", arguments: [
        ["--grid", "noise=-1"], ["--grid", "noise=abc"], ["--grid", "noise="], ["--grid", "colour=red"],
        ["--grid", "noise0.1"], ["--grid", "noise=0", "--grid", "noise=1"], ["--grid", "device=no-such-preset"],
        ["--grid", "hidden=500,,500"], ["--shard", "2/2"], ["--shard", "1"], ["--grid", "epochs=1,2", "--epochs", "3"],
        ["--methods", "ff,nope"],
    ])
    func malformedOptions(extra: [String]) throws {
        let parent = try CLI.temporaryDirectory()
        defer { CLI.remove(parent) }
        let directory = parent.appendingPathComponent("sweep")
        let output = try CLI.run(["sweep", "--dataset", "fashion-mnist", "--data-dir", CLI.fashionDirectory,
                                  "--output", directory.path] + extra)
        #expect(output.status != 0)
        let lines = output.stderr.split(separator: "\n").filter { !$0.isEmpty }
        #expect(lines.count == 1, "expected one line, got: \(output.stderr)")
        #expect(output.stderr.hasPrefix("Error: "))
        #expect(!FileManager.default.fileExists(atPath: directory.path))
    }

    @Test("a sweep killed with SIGKILL resumes: whole files only, every job once, merge complete")
    func resumeAfterKill() throws {
        try Self.requireData()
        let scratch = try CLI.temporaryDirectory()
        defer { CLI.remove(scratch) }
        let directory = scratch.appendingPathComponent("sweep")
        let process = Process()
        process.executableURL = CLI.binary
        process.arguments = Self.arguments(directory)
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(120)
        while Self.resultFiles(directory).isEmpty && process.isRunning && Date() < deadline { usleep(2_000) }
        // Children of Foundation's Process may inherit a blocked SIGTERM: SIGKILL cannot be blocked.
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        let done = Self.resultFiles(directory)
        #expect(!done.isEmpty && done.count < 8, "killed after \(done.count) of 8 jobs")

        // Every result file is whole; a leftover temporary file (as a kill during a write leaves) is not a result.
        for name in done { #expect(try !Self.rows(directory.appendingPathComponent("jobs/\(name)").path).isEmpty) }
        let leftover = directory.appendingPathComponent("jobs/.\(done[0]).tmp-Q1w2E3")
        try Data("run_id,command,dataset\nnoise=0.0;meth".utf8).write(to: leftover)

        let partial = try CLI.run(["sweep", "merge", directory.path])
        #expect(partial.status != 0)
        #expect(partial.stdout.contains("INCOMPLETE") && partial.stderr.contains("missing: "))

        let resumed = try CLI.run(Self.arguments(directory))
        #expect(resumed.status == 0, "\(resumed.stderr)")
        #expect(resumed.stderr.components(separatedBy: "skipped (done)").count - 1 == done.count)
        #expect(resumed.stdout.contains("ran \(8 - done.count) and skipped \(done.count) (done) of 8 jobs"))
        #expect(Self.resultFiles(directory).count == 8)

        let merge = try CLI.run(["sweep", "merge", directory.path])
        #expect(merge.status == 0, "\(merge.stdout) \(merge.stderr)")
        #expect(merge.stdout.contains("merged 8 of 8 jobs") && !merge.stdout.contains("INCOMPLETE"))
        #expect(!merge.stderr.contains("missing") && !merge.stderr.contains("corrupt") && !merge.stderr.contains("duplicate"))
        let merged = try Self.rows(directory.appendingPathComponent("merged.csv").path)
        let accuracies = merged.filter { $0["metric"] == "test_accuracy" }.map { $0["run_id"]! }
        #expect(accuracies.count == 8 && Set(accuracies).count == 8)

        // The same directory with another configuration is refused, and nothing is written.
        let other = try CLI.run(Self.arguments(directory, seeds: 3))
        #expect(other.status != 0)
        #expect(other.stderr.contains("different sweep") && other.stderr.contains("seeds"))
        #expect(Self.resultFiles(directory).count == 8)
    }

    @Test("--shard 0/2 and 1/2 into one directory, merged, equal the unsharded sweep job for job")
    func shards() throws {
        try Self.requireData()
        let root = try CLI.temporaryDirectory()
        defer { CLI.remove(root) }
        let whole = root.appendingPathComponent("whole"), sharded = root.appendingPathComponent("sharded")
        // One seed: 4 jobs.
        let unsharded = try CLI.run(Self.arguments(whole, seeds: 1) + ["--quiet"])
        #expect(unsharded.status == 0, "\(unsharded.stderr)")
        for i in 0..<2 {
            let shard = try CLI.run(Self.arguments(sharded, seeds: 1) + ["--shard", "\(i)/2"])
            #expect(shard.status == 0, "\(shard.stderr)")
            #expect(shard.stdout.contains("of 2 jobs of shard \(i)/2"))
        }
        for directory in [whole, sharded] {
            let merge = try CLI.run(["sweep", "merge", directory.path])
            #expect(merge.status == 0, "\(merge.stderr)")
        }
        let a = try Self.rowsWithoutTimings(whole.appendingPathComponent("merged.csv").path)
        let b = try Self.rowsWithoutTimings(sharded.appendingPathComponent("merged.csv").path)
        #expect(a.count == 4)
        #expect(Set(a.keys) == Set(b.keys))
        for (id, rows) in a { #expect(rows == b[id], "\(id)") }
    }
}

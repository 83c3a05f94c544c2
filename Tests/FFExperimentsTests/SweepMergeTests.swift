import Foundation
import Testing
import FFPlots
@testable import FFExperiments

@Suite("Sweep merge", .serialized)
struct SweepMergeTests {
    func completeSweep() throws -> (SweepPlan, SweepDirectory) {
        let plan = try SweepTestSupport.plan(try SweepTestSupport.configuration(methods: [.bpIdeal, .bpOffline]))
        let directory = SweepTestSupport.temporaryDirectory()
        _ = try SweepTestSupport.runner(plan, in: directory).run()
        return (plan, directory)
    }

    @Test("a complete sweep merges every job once, in job order")
    func complete() throws {
        let (plan, directory) = try completeSweep()
        defer { SweepTestSupport.remove(directory) }
        let report = try SweepMerge.merge(directory)
        #expect(report.isComplete && report.merged == 8 && report.jobs == 8)
        #expect(report.duplicates.isEmpty && report.corrupt.isEmpty)
        #expect(report.output == directory.mergedPath)
        let rows = try CSVReader.parse(String(contentsOfFile: report.output, encoding: .utf8)).rows
        #expect(rows.count == report.rows)
        var order = [String]()
        for row in rows where order.last != row["run_id"] { order.append(row["run_id"]!) }
        #expect(order == plan.jobs.map(\.id))
        #expect(report.summary.hasPrefix("merged 8 of 8 jobs"))
    }

    @Test("one corrupt file and one duplicate are reported and left out; the rest is merged")
    func corruptAndDuplicate() throws {
        let (plan, directory) = try completeSweep()
        defer { SweepTestSupport.remove(directory) }
        let broken = plan.jobs[2], copied = plan.jobs[5]
        try Data("run_id,command\n\"unterminated".utf8).write(to: URL(fileURLWithPath: directory.csvPath(broken)))
        // A copy brought from another machine, named differently.
        try FileManager.default.copyItem(atPath: directory.csvPath(copied), toPath: directory.jobsPath + "/aaa-copy.csv")
        // Leftovers that are not results at all.
        try Data("x".utf8).write(to: URL(fileURLWithPath: directory.jobsPath + "/.\(copied.fileStem).csv.tmp-Zx81Qa"))
        try Data("a,b\n1,2\n".utf8).write(to: URL(fileURLWithPath: directory.jobsPath + "/notes.csv"))

        let output = directory.path + "/out/partial.csv"
        let report = try SweepMerge.merge(directory, output: output)
        #expect(report.duplicates == [SweepMerge.Duplicate(jobId: copied.id, kept: copied.fileStem + ".csv", dropped: "aaa-copy.csv")])
        #expect(report.corrupt.map(\.file) == [broken.fileStem + ".csv", "notes.csv"].sorted())
        #expect(report.missing == [broken.id])
        #expect(!report.isComplete && report.merged == 7)
        #expect(report.summary.contains("INCOMPLETE") && report.summary.contains("partial"))
        for c in report.corrupt { #expect(!c.problem.contains("\n")) }
        // The partial merge is written: every other job exactly once.
        let rows = try CSVReader.parse(String(contentsOfFile: output, encoding: .utf8)).rows
        let ids = Set(rows.map { $0["run_id"]! })
        #expect(ids == Set(plan.jobs.map(\.id)).subtracting([broken.id]))
        #expect(rows.filter { $0["run_id"] == copied.id && $0["metric"] == "test_accuracy" }.count == 1)
    }

    @Test("a file of a job the manifest does not list is corrupt; a directory without a manifest is an error")
    func foreignJobAndNoManifest() throws {
        let (plan, directory) = try completeSweep()
        defer { SweepTestSupport.remove(directory) }
        let text = try String(contentsOfFile: directory.csvPath(plan.jobs[0]), encoding: .utf8)
        try text.replacingOccurrences(of: plan.jobs[0].id, with: "noise=9.0;method=ff;seed=1")
            .write(toFile: directory.jobsPath + "/foreign.csv", atomically: true, encoding: .utf8)
        let report = try SweepMerge.merge(directory)
        #expect(report.isComplete)
        #expect(report.corrupt.map(\.file) == ["foreign.csv"])
        #expect(report.corrupt[0].problem.contains("does not list"))

        let empty = SweepTestSupport.temporaryDirectory()
        defer { SweepTestSupport.remove(empty) }
        #expect(throws: SweepError.noManifest(directory: empty.path)) { try SweepMerge.merge(empty) }
    }
}

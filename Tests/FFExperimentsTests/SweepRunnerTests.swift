import Foundation
import Testing
import FFDatasets
import FFDevice
import FFTraining
@testable import FFExperiments

@Suite("Sweep runs: results, resume, refusal, shards", .serialized)
struct SweepRunnerTests {
    func csvNames(_ directory: SweepDirectory) -> [String] { directory.resultFileNames() }

    @Test("every job is written, equals simulate's result for its point, and a second run skips them all")
    func runsAndResumes() throws {
        let plan = try SweepTestSupport.plan(try SweepTestSupport.configuration())
        let directory = SweepTestSupport.temporaryDirectory()
        defer { SweepTestSupport.remove(directory) }
        let runner = SweepTestSupport.runner(plan, in: directory)
        var finished = [SimulationRecord]()
        let first = try runner.run { if case let .jobFinished(_, record, _, _) = $0 { finished.append(record) } }
        #expect(first == SweepRunner.Summary(jobs: 8, ran: 8, skipped: 0, rerun: 0))
        #expect(FileManager.default.fileExists(atPath: directory.manifestPath))
        #expect(csvNames(directory).count == 8)
        for job in plan.jobs {
            #expect(SweepResultFile.check(directory.csvPath(job), jobId: job.id) == nil)
            #expect(FileManager.default.fileExists(atPath: directory.jsonPath(job)))
        }

        // The same point through `simulate`'s Simulation: bit-identical apart from timings.
        let job = try #require(plan.jobs.first { $0.method == .ff && $0.point[.noise] == "0.05" && $0.seed == 2 })
        let recorded = try #require(finished.first { $0.runId == job.id })
        let preset = try DevicePreset.named("ideal", directory: SweepTestSupport.modelsDirectory).withNoise(0.05)
        let (train, test) = plan.examples(from: SweepTestSupport.dataset)
        let simulated = try Simulation(train: train, test: test, datasetName: "synthetic", preset: preset, noise: 0.05,
                                       methods: [.ff], ff: plan.configuration.ff, bp: plan.configuration.bp, seeds: [2]).run()[0]
        #expect(recorded.testAccuracy == simulated.testAccuracy)
        #expect(recorded.testAccuracyReadout == simulated.testAccuracyReadout)
        #expect(recorded.history.map(\.loss) == simulated.history.map(\.loss))
        #expect(recorded.trainingCounts == simulated.trainingCounts)
        #expect(recorded.deviceParameters == simulated.deviceParameters)
        #expect(recorded.command == "sweep" && recorded.noise == 0.05)

        // The tidy CSV: the shared leading columns, the grid values, and the metrics.
        let file = try SweepResultFile.read(directory.csvPath(job)).get()
        #expect(Array(file.columns.prefix(SimulationReport.tidyColumns.count)) == SimulationReport.tidyColumns)
        #expect(file.rows.allSatisfy { $0["grid.noise"] == "0.05" && $0["run_id"] == job.id })
        #expect(Set(file.rows.compactMap { $0["metric"] }) == ["test_accuracy", "test_accuracy_readout", "train_seconds", "train_loss",
                                                               "train_energy_j", "train_energy_per_sample_j",
                                                               "inference_energy_per_sample_j"])
        #expect(recorded.trainingEnergy == simulated.trainingEnergy)
        #expect(file.rows.filter { $0["metric"] == "train_loss" }.map { $0["epoch"] } == ["1"])

        let again = try runner.run()
        #expect(again == SweepRunner.Summary(jobs: 8, ran: 0, skipped: 8, rerun: 0))
    }

    @Test("a truncated or foreign result is reported and run again; temporary files are ignored")
    func corruptResultsRerun() throws {
        let plan = try SweepTestSupport.plan(try SweepTestSupport.configuration(methods: [.bpIdeal]))
        let directory = SweepTestSupport.temporaryDirectory()
        defer { SweepTestSupport.remove(directory) }
        let runner = SweepTestSupport.runner(plan, in: directory)
        _ = try runner.run()
        let (a, b) = (plan.jobs[0], plan.jobs[1])
        // A write cut short, and a file holding another job's rows.
        let text = try String(contentsOfFile: directory.csvPath(a), encoding: .utf8)
        try String(text.prefix(text.count / 3)).write(toFile: directory.csvPath(a), atomically: false, encoding: .utf8)
        try FileManager.default.removeItem(atPath: directory.csvPath(b))
        try FileManager.default.copyItem(atPath: directory.csvPath(plan.jobs[2]), toPath: directory.csvPath(b))
        // The leftover of a killed atomic write.
        let temporary = directory.jobsPath + "/" + AtomicFile.temporaryPrefix(for: directory.csvPath(plan.jobs[3])) + "Ab12Cd"
        try "run_id,comm".write(toFile: temporary, atomically: false, encoding: .utf8)
        try FileManager.default.removeItem(atPath: directory.csvPath(plan.jobs[3]))

        var corrupt = [String]()
        let summary = try runner.run { if case let .corruptResult(job, _, _) = $0 { corrupt.append(job.id) } }
        #expect(Set(corrupt) == [a.id, b.id])
        #expect(summary == SweepRunner.Summary(jobs: 4, ran: 3, skipped: 1, rerun: 2))
        for job in plan.jobs { #expect(SweepResultFile.check(directory.csvPath(job), jobId: job.id) == nil) }
        #expect(csvNames(directory).count == 4)
    }

    @Test("a different configuration into the same directory is refused before any job runs")
    func refusesOtherConfiguration() throws {
        let directory = SweepTestSupport.temporaryDirectory()
        defer { SweepTestSupport.remove(directory) }
        let plan = try SweepTestSupport.plan(try SweepTestSupport.configuration(methods: [.bpIdeal], seeds: 1))
        _ = try SweepTestSupport.runner(plan, in: directory).run()
        let before = csvNames(directory)
        let other = try SweepTestSupport.plan(try SweepTestSupport.configuration(grid: ["noise=0,0.1"], methods: [.bpIdeal], seeds: 2))
        #expect {
            try SweepTestSupport.runner(other, in: directory).run()
        } throws: { error in
            guard case let SweepError.configurationMismatch(path, differences) = error else { return false }
            return path == directory.path && differences == ["grid", "seeds"] && !"\(error)".contains("\n")
        }
        #expect(csvNames(directory) == before)
        // The same configuration (e.g. another shard) is accepted.
        #expect(try SweepManifest(plan: plan, threads: 1).checkCompatible(with: directory).count == 1)  // thread-count warning
        // Its default directory is stable and depends on the configuration.
        #expect(SweepDirectory.defaultPath(for: SweepManifest(plan: plan, threads: 1))
                == SweepDirectory.defaultPath(for: SweepManifest(plan: try SweepTestSupport.plan(plan.configuration), threads: 4)))
        #expect(SweepDirectory.defaultPath(for: SweepManifest(plan: plan, threads: 1))
                != SweepDirectory.defaultPath(for: SweepManifest(plan: other, threads: 1)))
    }

    @Test("shards 0/2 and 1/2 into one directory equal the whole sweep, job for job")
    func shardsEqualWhole() throws {
        let plan = try SweepTestSupport.plan(try SweepTestSupport.configuration(grid: ["noise=0,0.05", "hidden=8,16"],
                                                                                methods: [.ff, .bpPAT], seeds: 1))
        let whole = SweepTestSupport.temporaryDirectory(), sharded = SweepTestSupport.temporaryDirectory()
        defer { SweepTestSupport.remove(whole) }
        defer { SweepTestSupport.remove(sharded) }
        _ = try SweepTestSupport.runner(plan, in: whole).run()
        let s0 = try SweepTestSupport.runner(plan, in: sharded, shard: SweepShard(index: 0, count: 2)).run()
        let s1 = try SweepTestSupport.runner(plan, in: sharded, shard: SweepShard(index: 1, count: 2)).run()
        #expect(s0.ran + s1.ran == plan.jobs.count && s0.ran == 4)
        let a = try SweepMerge.merge(whole), b = try SweepMerge.merge(sharded)
        #expect(a.isComplete && b.isComplete && a.rows == b.rows)
        let rowsA = try SweepTestSupport.rowsWithoutTimings(a.output)
        let rowsB = try SweepTestSupport.rowsWithoutTimings(b.output)
        #expect(rowsA.count == plan.jobs.count)
        for job in plan.jobs { #expect(rowsA[job.id] == rowsB[job.id], "\(job.id)") }
    }
}

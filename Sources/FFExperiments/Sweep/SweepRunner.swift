import Foundation
import FFNumerics
import FFResults
import FFTraining

/// Runs a sweep, or one shard of it, into a directory, skipping jobs whose
/// results are already there.
///
/// Each job is exactly what `ffanalog simulate` computes for that grid point,
/// method and seed (the ``Simulation`` of the point builds its context and
/// record), so the
/// same seed draws the same device instance and, at the same thread count,
/// gives bit-identical results apart from timings.
public struct SweepRunner: Sendable {
    /// The sweep.
    public var plan: SweepPlan
    /// Where results go.
    public var directory: SweepDirectory
    /// Which jobs this run does.
    public var shard: SweepShard
    /// Training examples prepared by ``SweepPlan/examples(from:)``.
    public var train: Examples
    /// Test examples prepared by ``SweepPlan/examples(from:)``.
    public var test: Examples

    /// Creates a runner.
    /// - Parameters:
    ///   - plan: The sweep.
    ///   - directory: Where results go.
    ///   - shard: Which jobs to run (default: all).
    ///   - train: Training examples from ``SweepPlan/examples(from:)``.
    ///   - test: Test examples from ``SweepPlan/examples(from:)``.
    public init(plan: SweepPlan, directory: SweepDirectory, shard: SweepShard = .whole, train: Examples, test: Examples) {
        self.plan = plan
        self.directory = directory
        self.shard = shard
        self.train = train
        self.test = test
    }

    /// What the runner reports while it runs. `index` counts this shard's jobs from 1 to `of`.
    public enum Event {
        /// Something the user should know that does not stop the sweep.
        case warning(String)
        /// A job's result file exists but cannot be used; the job runs again.
        case corruptResult(job: SweepJob, path: String, problem: String)
        /// A job already has a whole result and is skipped.
        case jobSkipped(job: SweepJob, index: Int, of: Int)
        /// A job starts.
        case jobStarted(job: SweepJob, index: Int, of: Int)
        /// Training progress of the current job.
        case training(TrainingEvent)
        /// A job finished and its files are written.
        case jobFinished(job: SweepJob, record: SimulationRecord, index: Int, of: Int)
    }

    /// What a run did.
    public struct Summary: Sendable, Equatable {
        /// This shard's jobs.
        public var jobs: Int
        /// Jobs run now.
        public var ran: Int
        /// Jobs skipped because their results were there.
        public var skipped: Int
        /// Jobs run again because their result file was corrupt.
        public var rerun: Int
    }

    /// Writes (or checks) the manifest, then runs every job of the shard that has no whole result.
    /// - Parameters:
    ///   - threads: BLAS threads, for the manifest.
    ///   - progress: Receives events.
    /// - Returns: What was run and skipped.
    /// - Throws: ``SweepError`` when the directory holds another sweep or a file cannot be
    ///   written; a training error of a job (earlier jobs' results stay).
    public func run(threads: Int = BLAS.threadCount, progress: (Event) -> Void = { _ in }) throws -> Summary {
        let manifest = SweepManifest(plan: plan, threads: threads)
        for warning in try manifest.prepare(directory) { progress(.warning(warning)) }
        let mine = shard.select(plan.jobs)
        var summary = Summary(jobs: mine.count, ran: 0, skipped: 0, rerun: 0)
        for (k, job) in mine.enumerated() {
            let path = directory.csvPath(job)
            if FileManager.default.fileExists(atPath: path) {
                if let problem = SweepResultFile.check(path, jobId: job.id) {
                    progress(.corruptResult(job: job, path: path, problem: problem.description))
                    summary.rerun += 1
                } else {
                    progress(.jobSkipped(job: job, index: k + 1, of: mine.count))
                    summary.skipped += 1
                    continue
                }
            }
            progress(.jobStarted(job: job, index: k + 1, of: mine.count))
            let record = try runJob(job) { progress(.training($0)) }
            try write(record, of: job)
            summary.ran += 1
            progress(.jobFinished(job: job, record: record, index: k + 1, of: mine.count))
        }
        return summary
    }

    /// Runs one job and returns its record (`command` `sweep`, `run_id` the job id); writes nothing.
    /// - Parameters:
    ///   - job: One of the plan's jobs.
    ///   - progress: Receives training progress.
    public func runJob(_ job: SweepJob, progress: ProgressHandler = { _ in }) throws -> SimulationRecord {
        let s = plan.settings(for: job)
        let simulation = Simulation(
            train: train.prefix(s.ff.trainingExamples), test: test, datasetName: plan.configuration.dataset,
            preset: s.preset, noise: s.noise, methods: [job.method], ff: s.ff, bp: s.bp, seeds: [job.seed])
        let outcome = try job.method.method.run(simulation.context(seed: job.seed), progress: progress)
        var record = simulation.record(method: job.method, seed: job.seed, outcome: outcome, command: "sweep")
        record.runId = job.id
        return record
    }

    /// The job's tidy rows: ``SimulationRecord/tidyRows(driftTime:extra:)`` plus a `grid.<key>` column per grid key.
    /// - Parameters:
    ///   - record: The job's record.
    ///   - job: The job.
    public static func table(_ record: SimulationRecord, of job: SweepJob) -> CSVTable {
        var extra = [String: String]()
        for (key, value) in job.point.values { extra["grid." + key.rawValue] = value }
        var table = CSVTable(columns: SimulationReport.tidyColumns)
        for row in record.tidyRows(extra: extra) { table.append(row) }
        return table
    }

    /// Writes the record (JSON), then the rows (CSV): the CSV, written last and atomically, marks the job done.
    private func write(_ record: SimulationRecord, of job: SweepJob) throws {
        try JSONFile.write(record, to: directory.jsonPath(job))
        try Self.table(record, of: job).write(to: directory.csvPath(job))
    }
}

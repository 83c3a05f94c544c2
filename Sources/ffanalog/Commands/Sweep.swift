import ArgumentParser
import FFAnalog

struct Sweep: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run simulate over a grid of settings × methods × seeds; resumable, shardable, mergeable.",
        discussion: """
            ffanalog sweep --grid noise=0,0.01,0.05 --grid device=generic,pcm --methods ff,bp-offline --seeds 5
            ffanalog sweep merge DIR

            Every grid point × method × seed is one job, computed exactly as `simulate` computes it for that point (seed s draws device instance s). Results go to DIR/jobs/<job>.csv (tidy rows) and DIR/jobs/<job>.json (the record), each written atomically; a job whose CSV is already there and whole is skipped, so running the same command again resumes a killed sweep.

            `--shard I/N` runs every N-th job in job-id order, starting at job I, so N processes or machines can share one DIR. `sweep merge DIR` then collects the jobs into DIR/merged.csv.

            Options and grid keys: ffanalog sweep run --help.
            """,
        subcommands: [Run.self, Merge.self],
        defaultSubcommand: Run.self)

    struct Run: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "run",
            abstract: "Run the jobs of a sweep (the default subcommand).",
            discussion: """
                Grid keys (--grid KEY=V1,V2,...; one --grid per key; a swept key may not also be set by its plain option such as --epochs):
                  device          preset names in models/ or .json preset files
                  noise           relative noise σ ≥ 0 on the job's preset (see below)
                  epochs          epochs of every method
                  train_examples  the first N training examples
                  hidden          hidden sizes, x between layers: hidden=500x500,1000
                  learning_rate   base learning rate of every method

                noise (like a plain --noise here) applies DevicePreset.withNoise(σ) to whatever preset the job uses, not only to generic as simulate's --noise does: device=pcm with noise=0.05 replaces pcm's programming noise, output read noise and device gain spread. learning_rate sets FF's and backprop's alike, as --learning-rate does.

                Plain options (--device, --noise, --epochs, ...) fix a setting for every job. Without --epochs and --train-examples the defaults of simulate apply (\(ExperimentOptions.defaultEpochs) epochs, \(ExperimentOptions.defaultTrainExamples) examples).

                Methods:
                """ + "\n" + MethodName.allCases.map { "  \($0.rawValue): \($0.summary)" }.joined(separator: "\n"))

        @OptionGroup var deviceOptions: DeviceOptions
        @OptionGroup var experiment: ExperimentOptions
        @OptionGroup var data: DataOptions
        @OptionGroup var training: TrainingOptions
        @OptionGroup var runtime: RunOptions

        @Option(name: .long, help: ArgumentHelp("A swept setting and its values, KEY=V1,V2,...; repeatable.", valueName: "key=values"))
        var grid: [String] = []

        @Option(name: .long, help: "Run only slice I of N (0 ≤ I < N) of the jobs, e.g. 0/4.")
        var shard: String?

        /// The swept settings that a plain option also fixes.
        var fixedKeys: Set<SweepKey> {
            var keys = Set<SweepKey>()
            if deviceOptions.device != nil { keys.insert(.device) }
            if deviceOptions.noise != nil { keys.insert(.noise) }
            if training.epochs != nil { keys.insert(.epochs) }
            if training.hidden != nil { keys.insert(.hidden) }
            if training.learningRate != nil { keys.insert(.learningRate) }
            if training.trainExamples != nil { keys.insert(.trainExamples) }
            return keys
        }

        func validate() throws {
            try SweepGrid(parsing: grid).checkNotFixed(fixedKeys)
            _ = try SweepConfiguration.seeds(from: runtime.seed, count: experiment.seeds)
            if let shard { _ = try SweepShard(parsing: shard) }
        }

        func run() throws {
            runtime.apply()
            // The defaults of simulate, so a sweep point equals the simulate run with the same options.
            let (ff, bp) = try experiment.configurations(training)
            let configuration = SweepConfiguration(
                dataset: try DatasetName(parsing: data.dataset).rawValue, testExamples: experiment.testExamples,
                grid: try SweepGrid(parsing: grid), methods: try experiment.methodNames(),
                seeds: try SweepConfiguration.seeds(from: runtime.seed, count: experiment.seeds),
                ff: ff, bp: bp, device: deviceOptions.device ?? "generic", noise: deviceOptions.noise)
            // Every check (presets, an existing directory of another sweep) before the data is loaded.
            let plan = try SweepPlan(configuration: configuration, modelsDirectory: deviceOptions.modelsDir)
            let shard = try shard.map(SweepShard.init(parsing:)) ?? .whole
            let manifest = SweepManifest(plan: plan, threads: BLAS.threadCount)
            let directory = SweepDirectory(path: experiment.output ?? SweepDirectory.defaultPath(for: manifest))
            try manifest.checkCompatible(with: directory)

            let dataset = try data.load()
            for warning in dataset.verification.warnings { printError("warning: \(warning)") }
            let (train, test) = plan.examples(from: dataset)
            let runner = SweepRunner(plan: plan, directory: directory, shard: shard, train: train, test: test)
            if !runtime.quiet {
                let slice = shard == .whole ? "" : ", shard \(shard): \(shard.select(plan.jobs).count) of them"
                printError("sweep of \(plan.jobs.count) jobs\(slice) into \(directory.path)")
            }
            let summary = try runner.run { event in
                switch event {
                case let .warning(text):
                    printError("warning: \(text)")
                case let .corruptResult(job, path, problem):
                    printError("warning: \(path) (job \(job.id)) is not a whole result (\(problem)); running the job again")
                case let .jobSkipped(job, index, total):
                    if !runtime.quiet { printError("[\(index)/\(total)] \(job.id) skipped (done)") }
                case .jobStarted, .training:
                    break
                case let .jobFinished(job, r, index, total):
                    guard !runtime.quiet else { break }
                    var line = "[\(index)/\(total)] \(job.id) … test accuracy \(format(100 * r.testAccuracy, 2))%"
                    if let readout = r.testAccuracyReadout { line += ", readout \(format(100 * readout, 2))%" }
                    printError(line + " (\(format(r.trainSeconds, 1)) s)")
                }
            }
            print("ran \(summary.ran) and skipped \(summary.skipped) (done) of \(summary.jobs) jobs"
                  + (shard == .whole ? "" : " of shard \(shard)") + " in \(directory.path)")
            print("merge with: ffanalog sweep merge \(directory.path)")
        }
    }

    struct Merge: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Collect DIR/jobs/*.csv into one tidy CSV; report missing, duplicate and corrupt job files.",
            discussion: "Exits 0 when every job of DIR/sweep.json is merged, 1 when some are missing (the partial merge is still written).")

        @Argument(help: "The sweep directory.")
        var directory: String

        @Option(name: .long, help: "The merged CSV (default: DIR/merged.csv).")
        var output: String?

        func run() throws {
            let report = try SweepMerge.merge(SweepDirectory(path: directory), output: output)
            for d in report.duplicates { printError("duplicate: jobs/\(d.dropped) repeats job \(d.jobId) of jobs/\(d.kept); left out") }
            for c in report.corrupt { printError("corrupt: jobs/\(c.file): \(c.problem); left out") }
            let shown = 20
            for id in report.missing.prefix(shown) { printError("missing: \(id)") }
            if report.missing.count > shown { printError("missing: ... and \(report.missing.count - shown) more") }
            print(report.summary)
            if !report.isComplete { throw ExitCode(1) }
        }
    }
}

import ArgumentParser
import Foundation
import FFAnalog

extension Bench {
    struct Memory: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Peak resident memory of a short training run against depth, each configuration in its own process (run from a release build).",
            discussion: """
                Every (algorithm, depth) pair is trained in a fresh child process of this binary on the first \
                --batch-size training examples, --steps optimizer steps per layer, and its peak resident set \
                (VmHWM) is recorded. ff is Forward-Forward with every layer in memory, ff-stream trains one layer \
                at a time from disk, bp is backprop. No readout is trained. Writes bench-memory.csv, .json and \
                .svg to --output.
                """)

        @Option(name: .long, help: "Depths (numbers of hidden layers), comma-separated.")
        var depth = "2,7,12,17,22,27,32,37,42,47"

        @Option(name: .long, help: "Units per hidden layer.")
        var hidden = 2000

        @Option(name: .long, help: "Examples per batch; each run trains on the first this many training examples.")
        var batchSize = 5000

        @Option(name: .long, help: "Comma-separated: ff, ff-stream, bp.")
        var algorithms = "ff,ff-stream,bp"

        @Option(name: .long, help: "Optimizer steps per layer (each on the whole batch).")
        var steps = 1

        @Option(name: .long, help: "Seconds before a configuration's process is killed.")
        var timeout: Double = 3600

        @Option(name: .long, help: "Directory for bench-memory.csv, bench-memory.json and bench-memory.svg.")
        var output = "notebooks-export"

        @OptionGroup var data: DataOptions
        @OptionGroup var runtime: RunOptions

        func depths() throws -> [Int] {
            guard let values = positiveIntegerList(depth) else {
                throw ValidationError("--depth takes positive integers separated by commas, e.g. 2,7,12; got '\(depth)'")
            }
            return values
        }

        func algorithmList() throws -> [MemoryBenchmark.Algorithm] {
            try algorithms.split(separator: ",").map { name in
                let trimmed = name.trimmingCharacters(in: .whitespaces)
                guard let a = MemoryBenchmark.Algorithm(rawValue: trimmed) else {
                    throw ValidationError("unknown algorithm '\(trimmed)' in --algorithms; choose from ff, ff-stream, bp")
                }
                return a
            }
        }

        func validate() throws {
            _ = try depths()
            guard try !algorithmList().isEmpty else { throw ValidationError("--algorithms is empty") }
            guard hidden >= 1, batchSize >= 1, steps >= 1 else {
                throw ValidationError("--hidden, --batch-size and --steps must be at least 1")
            }
            guard timeout > 0 else { throw ValidationError("--timeout must be positive") }
        }

        func run() throws {
            runtime.apply()
            #if DEBUG
            printError("warning: this is a debug build; times are not representative (swift build -c release, then .build/release/ffanalog)")
            #endif
            let dataset = try data.load()
            guard dataset.train.count >= batchSize else {
                throw ValidationError("--batch-size \(batchSize) exceeds the \(dataset.train.count) training examples of \(dataset.name.rawValue)")
            }
            let scratch = FileManager.default.temporaryDirectory
                .appendingPathComponent("ffanalog-bench-memory-\(UUID().uuidString)").path
            defer { try? FileManager.default.removeItem(atPath: scratch) }
            let examples = scratch + "/examples"
            try MemoryBenchmark.writeExamples(dataset.train, count: batchSize, to: examples)

            var measurements = [MemoryBenchmark.Measurement]()
            let list = try algorithmList()
            for d in try depths() {
                for algorithm in list {
                    let config = MemoryBenchmark.Configuration(algorithm: algorithm, depth: d, hidden: hidden,
                                                               batchSize: batchSize, steps: steps, seed: runtime.seed)
                    let m = try measureInChild(config, examples: examples, scratch: scratch + "/run-\(measurements.count)")
                    if !runtime.quiet {
                        let peak = m.peakRssMib.map { "peak \(MemoryBenchmark.mib($0)) MiB" } ?? "failed: \(m.error ?? "")"
                        printError("\(algorithm.rawValue) depth \(d): \(peak), \(format(m.seconds, 1)) s training")
                    }
                    measurements.append(m)
                }
            }
            measurements.sort { ($0.algorithm, $0.depth) < ($1.algorithm, $1.depth) }

            let verdict = MemoryBenchmark.verdict(measurements)
            let base = (output as NSString).appendingPathComponent("bench-memory")
            try MemoryBenchmark.csv(measurements).write(to: base + ".csv")
            try AtomicFile.write(Array(MemoryBenchmark.chart(measurements).svg().utf8), to: base + ".svg")
            try JSONFile.write(BenchmarkDocument(
                benchmark: "memory", threads: BLAS.threadCount, blas: BLAS.configuration,
                results: Results(command: command, build: Self.build, dataset: dataset.name.rawValue,
                                 measurements: measurements, verdict: verdict)), to: base + ".json")

            print("Peak resident memory, hidden \(hidden), batch \(batchSize), \(steps) step\(steps == 1 ? "" : "s") per layer:")
            for line in MemoryBenchmark.tableLines(measurements) { print("  " + line) }
            for check in verdict.checks {
                print("\(check.algorithm): \(check.statement): \(check.met ? "met" : "NOT met")")
            }
            print("wrote \(base).csv, .json and .svg")
        }

        /// The command line as typed, for the record.
        var command: String {
            (["ffanalog"] + CommandLine.arguments.dropFirst()).joined(separator: " ")
        }

        /// Runs one configuration in a child process of this binary and reads its measurement.
        func measureInChild(_ config: MemoryBenchmark.Configuration, examples: String,
                            scratch: String) throws -> MemoryBenchmark.Measurement {
            try FileManager.default.createDirectory(atPath: scratch, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(atPath: scratch) }
            let result = scratch + "/measurement.json"
            var arguments = ["bench", "memory-run", "--algorithm", config.algorithm.rawValue, "--depth", "\(config.depth)",
                             "--hidden", "\(config.hidden)", "--batch-size", "\(config.batchSize)",
                             "--steps", "\(config.steps)", "--seed", "\(config.seed)",
                             "--examples", examples, "--scratch", scratch + "/layers", "--result", result]
            if let threads = runtime.threads { arguments += ["--threads", "\(threads)"] }
            let outcome = try ChildProcess.run(ChildProcess.currentExecutable, arguments: arguments, timeout: timeout,
                                               standardErrorPath: scratch + "/stderr.txt")
            if outcome.status == 0, !outcome.timedOut, let data = FileManager.default.contents(atPath: result) {
                return try JSONFile.decoder().decode(MemoryBenchmark.Measurement.self, from: data)
            }
            let why = outcome.timedOut
                ? "killed after the \(Int(timeout)) s limit"
                : "exit status \(outcome.status): \(outcome.standardError.split(separator: "\n").last ?? "")"
            return MemoryBenchmark.Measurement(
                configuration: config, peakRssMib: nil, baselineRssMib: nil,
                estimate: MemoryBenchmark.estimate(config, inputSize: 784, classes: 10),
                seconds: outcome.seconds, loss: nil, error: why)
        }

        /// `debug` or `release`.
        static var build: String {
            #if DEBUG
            "debug"
            #else
            "release"
            #endif
        }

        /// The JSON's `results`.
        struct Results: Codable {
            var command: String
            var build: String
            var dataset: String
            var measurements: [MemoryBenchmark.Measurement]
            var verdict: MemoryBenchmark.Verdict
        }
    }

    /// One configuration of `bench memory`, run by it in a child process.
    struct MemoryRun: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "memory-run", abstract: "Measure one configuration of `bench memory` (internal).",
            shouldDisplay: false)

        @Option(name: .long) var algorithm: String
        @Option(name: .long) var depth: Int
        @Option(name: .long) var hidden: Int
        @Option(name: .long) var batchSize: Int
        @Option(name: .long) var steps: Int
        @Option(name: .long, help: "Directory of the examples written by `bench memory`.") var examples: String
        @Option(name: .long, help: "Directory for ff-stream's layers.") var scratch: String
        @Option(name: .long, help: "Where to write the measurement (JSON).") var result: String
        @OptionGroup var runtime: RunOptions

        func run() throws {
            runtime.apply()
            guard let a = MemoryBenchmark.Algorithm(rawValue: algorithm) else {
                throw ValidationError("unknown --algorithm '\(algorithm)'")
            }
            let train = try MemoryBenchmark.readExamples(from: examples)
            let config = MemoryBenchmark.Configuration(algorithm: a, depth: depth, hidden: hidden, batchSize: batchSize,
                                                       steps: steps, seed: runtime.seed)
            try JSONFile.write(try MemoryBenchmark.measure(config, train: train, scratchDirectory: scratch), to: result)
        }
    }
}

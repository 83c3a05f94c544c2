import ArgumentParser
import Foundation
import FFAnalog

struct Simulate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Train FF and the backprop baselines through a simulated device and compare them.",
        discussion: "Methods:\n" + MethodName.allCases.map { "  \($0.rawValue): \($0.summary)" }.joined(separator: "\n"))

    @OptionGroup var deviceOptions: DeviceOptions
    @OptionGroup var data: DataOptions
    @OptionGroup var training: TrainingOptions
    @OptionGroup var runtime: RunOptions

    @Option(name: .long, help: "Comma-separated methods (default: all).")
    var methods: String = MethodName.allCases.map(\.rawValue).joined(separator: ",")

    @Option(name: .long, help: "Number of seeds; seed s draws device instance s.")
    var seeds: Int = 3

    @Option(name: .long, help: "Test examples evaluated on the device (default: all).")
    var testExamples: Int?

    @Option(name: .long, help: "Directory for the CSV and JSON results.")
    var output: String = "notebooks-export"

    static let defaultTrainExamples = 10_000
    static let defaultEpochs = 3

    func validate() throws {
        _ = try methodNames()
        guard seeds >= 1 else { throw ValidationError("--seeds must be at least 1") }
        if let testExamples, testExamples < 1 { throw ValidationError("--test-examples must be at least 1") }
    }

    func methodNames() throws -> [MethodName] {
        try methods.split(separator: ",").map { part in
            guard let m = MethodName(rawValue: part.trimmingCharacters(in: .whitespaces)) else {
                throw ValidationError("unknown method '\(part)' in --methods; choose from \(MethodName.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            return m
        }
    }

    func run() throws {
        runtime.apply()
        let preset = try deviceOptions.resolve()
        let dataset = try data.load()
        for warning in dataset.verification.warnings { printError("warning: \(warning)") }
        var ff = try training.ffConfiguration()
        var bp = try training.bpConfiguration()
        // Small defaults so the comparison finishes in minutes; every method gets the same budget.
        if training.trainExamples == nil { ff.trainingExamples = Self.defaultTrainExamples; bp.trainingExamples = Self.defaultTrainExamples }
        if training.epochs == nil { ff.epochs = Self.defaultEpochs; bp.epochs = Self.defaultEpochs }
        let train = Examples(dataset.train).prefix(ff.trainingExamples).standardized(ff.pixelStandardization)
        let test = Examples(dataset.test).prefix(testExamples).standardized(ff.pixelStandardization)
        let simulation = Simulation(
            train: train, test: test, datasetName: dataset.name.rawValue, preset: preset, noise: deviceOptions.noise,
            methods: try methodNames(), ff: ff, bp: bp, seeds: (0..<seeds).map { runtime.seed + UInt64($0) })

        let started = WallClock.seconds()
        var display: ProgressDisplay? = nil
        let records = try simulation.run { event in
            switch event {
            case let .methodStarted(method, seed, index, total):
                display = ProgressDisplay(label: "[\(index)/\(total)] \(method.rawValue) seed \(seed)", quiet: runtime.quiet)
            case let .training(e):
                display?.handle(e)
            case let .methodFinished(r):
                if !runtime.quiet {
                    printError("[\(r.method.rawValue) seed \(r.seed)] test accuracy on device \(format(100 * r.testAccuracy, 2))%")
                }
            }
        }
        let wall = WallClock.seconds() - started
        let summaries = MethodSummary.summarize(records)
        print(SimulationReport.table(summaries, preset: preset, noise: deviceOptions.noise, dataset: dataset.name.rawValue,
                                     seeds: seeds, trainExamples: train.count, testExamples: test.count,
                                     epochs: ff.epochs, wallSeconds: wall))
        let stem = SimulationReport.fileStem(preset: preset, noise: deviceOptions.noise, dataset: dataset.name.rawValue)
        let csvPath = "\(output)/\(stem).csv"
        let jsonPath = "\(output)/\(stem).json"
        try SimulationReport.csv(records).write(to: csvPath)
        try JSONFile.write(SimulationReport.Document(
            ffanalogVersion: FFAnalogVersion.current, command: CommandLine.arguments.joined(separator: " "),
            threads: BLAS.threadCount, preset: preset, ffConfiguration: ff, bpConfiguration: bp,
            summaries: summaries, records: records, wallSeconds: wall), to: jsonPath)
        print("wrote \(csvPath) and \(jsonPath)")
    }
}

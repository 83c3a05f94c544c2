import ArgumentParser
import Foundation
import FFAnalog

struct Simulate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Train FF and the backprop baselines through a simulated device and compare them.",
        discussion: "Methods:\n" + MethodName.allCases.map { "  \($0.rawValue): \($0.summary)" }.joined(separator: "\n")
            + "\nWithout --train-examples and --epochs: \(ExperimentOptions.defaultTrainExamples) examples, \(ExperimentOptions.defaultEpochs) epochs.")

    @OptionGroup var deviceOptions: DeviceOptions
    @OptionGroup var experiment: ExperimentOptions
    @OptionGroup var data: DataOptions
    @OptionGroup var training: TrainingOptions
    @OptionGroup var variants: VariantOptions
    @OptionGroup var runtime: RunOptions

    func run() throws {
        runtime.apply()
        let preset = try deviceOptions.resolve()
        let dataset = try data.load()
        for warning in dataset.verification.warnings { printError("warning: \(warning)") }
        var simulation = try experiment.simulation(dataset: dataset, preset: preset, noise: deviceOptions.noise,
                                                   training: training, firstSeed: runtime.seed)
        try variants.apply(to: &simulation, training: training)
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
                                     seeds: experiment.seeds, trainExamples: simulation.train.count,
                                     testExamples: simulation.test.count, epochs: simulation.ff.epochs, wallSeconds: wall))
        let stem = "\(experiment.outputDirectory)/" + SimulationReport.fileStem(preset: preset, noise: deviceOptions.noise,
                                                                      dataset: dataset.name.rawValue)
        try SimulationReport.csv(records).write(to: stem + ".csv")
        try JSONFile.write(SimulationReport.Document(
            ffanalogVersion: FFAnalogVersion.current, command: CommandLine.arguments.joined(separator: " "),
            threads: BLAS.threadCount, preset: preset, ffConfiguration: simulation.ff, bpConfiguration: simulation.bp,
            summaries: summaries, records: records, wallSeconds: wall), to: stem + ".json")
        print("wrote \(stem).csv and \(stem).json")
    }
}

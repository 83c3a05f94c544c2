import ArgumentParser
import Foundation
import FFAnalog

struct Compare: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "FF against backprop as the device drifts: train once, evaluate at every drift time, recalibrate where possible.",
        discussion: """
            Every method is trained once per seed at t = 0 and evaluated on the same drifted device instance at each \
            --drift time. Recalibration at time t uses the same --calibration-examples and --recalibration-epochs for \
            every method that can do it in place: ff-recal (FF steps in situ) and bp-pat-recal (hardware-in-the-loop \
            backprop steps). Methods that cannot recalibrate without a model are listed as n/a.
            Drift units: \(DriftTime.units.map(\.suffix).joined(separator: ", ")) (mo = 30.44 d, y = 365.25 d).
            """)

    @OptionGroup var deviceOptions: DeviceOptions
    @OptionGroup var experiment: ExperimentOptions
    @OptionGroup var data: DataOptions
    @OptionGroup var training: TrainingOptions
    @OptionGroup var variants: VariantOptions
    @OptionGroup var runtime: RunOptions

    @Option(name: .long, help: "Comma-separated times since programming, e.g. 1s,1h,1d,1w,1mo,1y.")
    var drift: String = "1s,1h,1d,1w,1mo,1y"

    @Option(name: .long, help: "Drift compensation: none, global or both.")
    var compensation: String = "both"

    @Option(name: .long, help: "Labelled calibration examples for recalibration (taken after the training examples).")
    var calibrationExamples: Int = 1000

    @Option(name: .long, help: "Passes over the calibration examples per recalibration.")
    var recalibrationEpochs: Int = 1

    func validate() throws {
        _ = try DriftTime.parseList(drift)
        _ = try compensations()
        guard calibrationExamples >= 1 else { throw ValidationError("--calibration-examples must be at least 1") }
        guard recalibrationEpochs >= 1 else { throw ValidationError("--recalibration-epochs must be at least 1") }
    }

    func compensations() throws -> [DriftCompensation] {
        switch compensation {
        case "none": return [.none]
        case "global": return [.global]
        case "both": return [.none, .global]
        default: throw ValidationError("unknown --compensation '\(compensation)'; choose none, global or both")
        }
    }

    func run() throws {
        runtime.apply()
        let times = try DriftTime.parseList(drift)
        var options = deviceOptions
        if options.device == nil { options.device = "pcm" }
        let preset = try options.resolve()
        let dataset = try data.load()
        for warning in dataset.verification.warnings { printError("warning: \(warning)") }
        var simulation = try experiment.simulation(dataset: dataset, preset: preset, noise: options.noise,
                                                   training: training, firstSeed: runtime.seed)
        try variants.apply(to: &simulation, training: training)
        // Calibration data: the examples right after the training slice, the same for every method.
        let all = Examples(dataset.train).standardized(simulation.ff.pixelStandardization)
        let start = simulation.train.count
        guard all.count - start >= calibrationExamples else {
            throw ValidationError("--calibration-examples \(calibrationExamples) needs that many training examples not used for training; "
                                  + "only \(all.count - start) are left after --train-examples \(start); lower one of them")
        }
        let calibration = all.slice(start..<(start + calibrationExamples))
        let comparison = DriftComparison(simulation: simulation, calibration: calibration,
                                         recalibrationEpochs: recalibrationEpochs, times: times,
                                         compensations: try compensations())
        let started = WallClock.seconds()
        var display: ProgressDisplay? = nil
        let (records, measurements) = try comparison.run { event in
            switch event {
            case let .training(method, seed, index, total):
                display = ProgressDisplay(label: "[\(index)/\(total)] \(method.rawValue) seed \(seed)", quiet: runtime.quiet)
            case let .trainingProgress(e):
                display?.handle(e)
            case let .measured(m):
                if !runtime.quiet, let a = m.testAccuracy {
                    printError("  \(m.label) seed \(m.seed) at \(m.time.label) (\(m.compensation.rawValue)): \(format(100 * a, 2))%")
                }
            }
        }
        let wall = WallClock.seconds() - started
        print("device \(preset.name); \(dataset.name.rawValue), \(simulation.train.count) train / \(simulation.test.count) test examples, "
              + "\(simulation.ff.epochs) epochs, \(experiment.seeds) seed(s); recalibration: \(calibration.count) examples × \(recalibrationEpochs) epoch(s)")
        var report = HTMLReport(title: "ffanalog compare: \(preset.name) drift")
        report.addParagraph("Command: \(CommandLine.arguments.joined(separator: " "))")
        report.addParagraph("Test accuracy (mean ± std over \(experiment.seeds) seeds) of each method on the same drifted device instance. "
                            + "'-recal' rows: after recalibration in place at that time with \(calibration.count) labelled examples.")
        let stem = "\(experiment.outputDirectory)/compare-\(dataset.name.rawValue)-\(preset.name)"
        var written = [stem + ".csv", stem + ".json", stem + ".html"]
        for c in try compensations() {
            print("")
            print(DriftReport.table(measurements, compensation: c, times: times))
            let chart = DriftReport.chart(measurements, compensation: c, times: times,
                                          title: "\(preset.name): accuracy vs drift (compensation \(c.rawValue))")
            let svgPath = "\(stem)-\(c.rawValue).svg"
            try AtomicFile.write(Data(chart.svg().utf8), to: svgPath)
            written.append(svgPath)
            let table = DriftReport.rows(measurements, compensation: c, times: times)
            report.addHeading("Drift compensation: \(c.rawValue)")
            report.addTable(header: table.header, rows: table.rows)
            report.addChart(chart)
        }
        print("")
        let summaries = MethodSummary.summarize(records)
        let energy = SimulationReport.energyLines(summaries, model: EnergyModel(preset: preset))
        print(energy.joined(separator: "\n"))
        report.addHeading("Energy estimate (training at t = 0 and inference per test example)")
        report.addParagraph(energy.prefix(2).joined(separator: " "))
        report.addTable(header: ["method", "train energy", "train energy/sample", "inference energy/sample"],
                        rows: summaries.map { s in
                            [s.method.rawValue, SimulationReport.joules(s.trainingEnergy.total),
                             SimulationReport.joules(s.trainingEnergyPerSample.total),
                             SimulationReport.joules(s.inferenceEnergyPerSample.total)]
                        })
        print("")
        print("wall time \(format(wall, 1)) s")
        try DriftReport.csv(records: records, measurements: measurements).write(to: stem + ".csv")
        try JSONFile.write(DriftDocument(ffanalogVersion: FFAnalogVersion.current,
                                         command: CommandLine.arguments.joined(separator: " "), threads: BLAS.threadCount,
                                         preset: preset, times: times, records: records, measurements: measurements,
                                         wallSeconds: wall), to: stem + ".json")
        try AtomicFile.write(Data(report.html().utf8), to: stem + ".html")
        print("wrote " + written.joined(separator: ", "))
    }
}

/// The JSON written beside a comparison's CSV.
struct DriftDocument: Codable {
    var ffanalogVersion: String
    var gitCommit: String? = FFAnalogVersion.gitCommit
    var command: String
    var threads: Int
    var blas: String = BLAS.configuration
    var preset: DevicePreset
    var times: [DriftTime]
    var records: [SimulationRecord]
    var measurements: [DriftMeasurement]
    var wallSeconds: Double
}

import ArgumentParser
import Foundation
import FFAnalog

struct Train: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Train Forward-Forward or backprop on ideal digital hardware.",
        discussion: "Recipes:\n" + Recipe.allCases.map { "  \($0.rawValue): \($0.summary)" }.joined(separator: "\n"))

    @Option(name: .long, help: "Learning rule: ff, bp, or ff-stream (layerwise FF with fixed negatives, one layer in memory at a time, the others on disk).")
    var algorithm: String = "ff"

    @OptionGroup var data: DataOptions
    @OptionGroup var training: TrainingOptions
    @OptionGroup var runtime: RunOptions

    @Option(name: .long, help: "Write the JSON result here (atomically).")
    var output: String?

    @Option(name: .long, help: "Save the trained model here (atomically).")
    var save: String?

    @Option(name: .long, help: "ff-stream: keep the layer files in this directory (default: a temporary directory, removed).")
    var streamDir: String?

    @Flag(name: .long, help: ArgumentHelp(
        "FF: after every epoch, measure each layer on the test set: its own goodness accuracy, positive and negative goodness (mean, std) and dead units.",
        discussion: "The records go into the JSON history and, with --output X.json, into the tidy CSV X.diagnostics.csv; without --output the last epoch's are printed. `ffanalog plot X.json` draws the goodness separation."))
    var diagnostics = false

    func validate() throws {
        guard TrainingRun.Algorithm(rawValue: algorithm) != nil else {
            throw ValidationError("unknown --algorithm '\(algorithm)'; choose ff, bp or ff-stream")
        }
        if streamDir != nil && algorithm != TrainingRun.Algorithm.ffStream.rawValue {
            throw ValidationError("--stream-dir applies to --algorithm ff-stream only")
        }
        if diagnostics && algorithm != "ff" {
            throw ValidationError("--diagnostics measures Forward-Forward layers; it needs --algorithm ff")
        }
    }

    func run() throws {
        runtime.apply()
        let dataset = try data.load()
        for warning in dataset.verification.warnings { printError("warning: \(warning)") }
        let spec = TrainingRun(algorithm: TrainingRun.Algorithm(rawValue: algorithm)!,
                               ff: try training.ffConfiguration(), bp: try training.bpConfiguration(),
                               recipe: training.recipe.flatMap(Recipe.init(rawValue:)), seed: runtime.seed,
                               diagnostics: diagnostics)
        let display = ProgressDisplay(label: algorithm, quiet: runtime.quiet)
        let result: TrainingResult
        if spec.algorithm == .ffStream {
            let directory = streamDir ?? FileManager.default.temporaryDirectory
                .appendingPathComponent("ffanalog-stream-\(UUID().uuidString)").path
            defer { if streamDir == nil { try? FileManager.default.removeItem(atPath: directory) } }
            result = try spec.runStreaming(on: dataset, directory: directory, progress: display.handle)
            // A single-file model holds every layer in memory at once, so it is assembled only when asked for.
            if let save { try LayerDirectory.open(directory).checkpoint().write(to: save) }
        } else {
            let (r, checkpoint) = try spec.run(on: dataset, progress: display.handle)
            result = r
            if let save { try checkpoint.write(to: save) }
        }
        if let output {
            try JSONFile.write(result, to: output)
            if diagnostics { try result.diagnosticsTable().write(to: Self.diagnosticsPath(forOutput: output)) }
        }
        var line = "\(algorithm) on \(dataset.name.rawValue): test accuracy \(format(100 * result.testAccuracy, 2))%"
        if let r = result.testAccuracyReadout { line += " (goodness), \(format(100 * r, 2))% (readout)" }
        line += "; train accuracy \(format(100 * result.trainAccuracy, 2))%"
        line += "; \(format(result.trainSeconds, 1))s training on \(result.threads) BLAS threads"
        print(line)
        if diagnostics && output == nil, let last = result.history.last?.diagnostics {
            print("per-layer diagnostics after the last epoch, on \(last.first?.examples ?? 0) test examples:")
            var rows = [["layer", "accuracy", "positive G", "negative G", "dead"]]
            for (l, d) in last.enumerated() {
                rows.append(["\(l + 1)", "\(format(100 * d.accuracy, 2))%",
                             "\(format(d.positiveGoodnessMean, 3)) ± \(format(d.positiveGoodnessStd, 3))",
                             "\(format(d.negativeGoodnessMean, 3)) ± \(format(d.negativeGoodnessStd, 3))",
                             "\(format(100 * d.deadFraction, 1))%"])
            }
            for line in TextTable.lines(rows) { print(line) }
        }
    }

    /// Where `--diagnostics` writes its CSV beside `--output`: `X.json` → `X.diagnostics.csv`.
    static func diagnosticsPath(forOutput output: String) -> String {
        (output.hasSuffix(".json") ? String(output.dropLast(5)) : output) + ".diagnostics.csv"
    }
}

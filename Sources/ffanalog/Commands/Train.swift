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

    func validate() throws {
        guard TrainingRun.Algorithm(rawValue: algorithm) != nil else {
            throw ValidationError("unknown --algorithm '\(algorithm)'; choose ff, bp or ff-stream")
        }
        if streamDir != nil && algorithm != TrainingRun.Algorithm.ffStream.rawValue {
            throw ValidationError("--stream-dir applies to --algorithm ff-stream only")
        }
    }

    func run() throws {
        runtime.apply()
        let dataset = try data.load()
        for warning in dataset.verification.warnings { printError("warning: \(warning)") }
        let spec = TrainingRun(algorithm: TrainingRun.Algorithm(rawValue: algorithm)!,
                               ff: try training.ffConfiguration(), bp: try training.bpConfiguration(),
                               recipe: training.recipe.flatMap(Recipe.init(rawValue:)), seed: runtime.seed)
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
        if let output { try JSONFile.write(result, to: output) }
        var line = "\(algorithm) on \(dataset.name.rawValue): test accuracy \(format(100 * result.testAccuracy, 2))%"
        if let r = result.testAccuracyReadout { line += " (goodness), \(format(100 * r, 2))% (readout)" }
        line += "; train accuracy \(format(100 * result.trainAccuracy, 2))%"
        line += "; \(format(result.trainSeconds, 1))s training on \(result.threads) BLAS threads"
        print(line)
    }
}

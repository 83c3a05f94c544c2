import Foundation
import FFDatasets
import FFPlots
import FFTraining
@testable import FFExperiments

/// Small sweeps on the synthetic data of ``TrainingRunTests``: every job takes milliseconds.
enum SweepTestSupport {
    /// The package's `models/` directory.
    static let modelsDirectory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("models").path

    static let dataset = TrainingRunTests.dataset()

    /// A configuration with tiny networks and one epoch.
    static func configuration(grid: [String] = ["noise=0,0.05"], methods: [MethodName] = [.ff, .bpOffline],
                              seeds: Int = 2, device: String = "ideal") throws -> SweepConfiguration {
        var ff = Recipe.ffanalog.ffConfiguration
        ff.hiddenSizes = [16]; ff.epochs = 1; ff.batchSize = 50; ff.learningRate = 0.003
        var bp = Recipe.ffanalog.bpConfiguration
        bp.hiddenSizes = [16]; bp.epochs = 1; bp.batchSize = 50; bp.learningRate = 0.01
        return SweepConfiguration(dataset: "synthetic", testExamples: 100, grid: try SweepGrid(parsing: grid),
                                  methods: methods, seeds: try SweepConfiguration.seeds(from: 1, count: seeds),
                                  ff: ff, bp: bp, device: device)
    }

    static func plan(_ configuration: SweepConfiguration) throws -> SweepPlan {
        try SweepPlan(configuration: configuration, modelsDirectory: modelsDirectory)
    }

    static func runner(_ plan: SweepPlan, in directory: SweepDirectory, shard: SweepShard = .whole) -> SweepRunner {
        let (train, test) = plan.examples(from: dataset)
        return SweepRunner(plan: plan, directory: directory, shard: shard, train: train, test: test)
    }

    /// A fresh, not yet created directory.
    static func temporaryDirectory() -> SweepDirectory {
        SweepDirectory(path: FileManager.default.temporaryDirectory
            .appendingPathComponent("ffanalog-sweep-\(UUID().uuidString)").path)
    }

    /// Removes a directory made by ``temporaryDirectory()``, with everything in it.
    static func remove(_ directory: SweepDirectory) {
        try? FileManager.default.removeItem(atPath: directory.path)
    }

    /// The merged CSV's rows by job id, without the timing rows, for job-by-job comparison.
    static func rowsWithoutTimings(_ path: String) throws -> [String: [[String: String]]] {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let rows = try CSVReader.parse(text).rows
        return Dictionary(grouping: rows.filter { $0["metric"] != "train_seconds" }) { $0["run_id"]! }
    }
}

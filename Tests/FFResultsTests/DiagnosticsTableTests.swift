import Foundation
import Testing
import FFTraining
@testable import FFResults

@Suite("Diagnostics CSV")
struct DiagnosticsTableTests {
    static func result(layerwise: Bool) -> TrainingResult {
        let d1 = LayerDiagnostics(examples: 10, accuracy: 0.5, positiveGoodnessMean: 3, positiveGoodnessStd: 1,
                                  negativeGoodnessMean: 2, negativeGoodnessStd: 0.5, deadFraction: 0.25)
        var d2 = d1
        d2.accuracy = 0.75
        let history = (0..<2).map { e in
            EpochRecord(epoch: layerwise ? 1 : e + 1, layer: layerwise ? e : nil, loss: 1, seconds: 1,
                        diagnostics: [d1, d2])
        }
        var ff = FFConfiguration(hiddenSizes: [4, 3], goodness: .softmax(alpha: 4, negatives: nil))
        ff.schedule = layerwise ? .layerwise : .simultaneous
        return TrainingResult(
            ffanalogVersion: "test", algorithm: "ff", recipe: nil, dataset: "mnist", dataDirectory: "/d",
            dataVerified: true, dataWarnings: [], hidden: [4, 3], epochs: 2, batchSize: 10, learningRate: 0.1,
            optimizer: "adam", seed: 3, threads: 1, blas: "b", trainExamples: 100, testExamples: 10,
            testAccuracy: 0.5, testAccuracyReadout: nil, trainAccuracy: 0.5, trainAccuracyReadout: nil,
            trainAccuracyExamples: 100, trainSeconds: 2, totalSeconds: 3, history: history,
            ffConfiguration: ff, bpConfiguration: nil)
    }

    @Test("one tidy row per epoch × layer × metric, epochs counted through the run, layers 1-based")
    func tidyRows() throws {
        let result = Self.result(layerwise: true)
        #expect(result.hasDiagnostics)
        let table = result.diagnosticsTable()
        #expect(table.columns == TrainingResult.diagnosticsColumns)
        #expect(table.rows.count == 2 * 2 * 6)
        let rows = table.rows.map { Dictionary(uniqueKeysWithValues: zip(table.columns, $0)) }
        let accuracy = rows.filter { $0["metric"] == "layer_accuracy" }
        #expect(accuracy.map { $0["epoch"]! } == ["1", "1", "2", "2"])
        #expect(accuracy.map { $0["trained_layer"]! } == ["1", "1", "2", "2"])
        #expect(accuracy.map { $0["layer"]! } == ["1", "2", "1", "2"])
        #expect(accuracy.map { $0["value"]! } == ["0.5", "0.75", "0.5", "0.75"])
        #expect(rows.allSatisfy { $0["goodness"] == "softmax:4.0" && $0["hidden"] == "4x3" && $0["seed"] == "3" })
        #expect(rows.first { $0["metric"] == "dead_fraction" }?["value"] == "0.25")
        // Diagnostics survive the JSON round trip.
        let data = try JSONFile.encoder().encode(result)
        #expect(String(decoding: data, as: UTF8.self).contains("\"positive_goodness_mean\""))
        let back = try JSONFile.decoder().decode(TrainingResult.self, from: data)
        #expect(back.history == result.history)
        #expect(Self.result(layerwise: false).diagnosticsTable().rows.allSatisfy { $0[10] == "" })
    }
}

@Suite("Diagnostics CSV: participation ratio")
struct DiagnosticsParticipationRatioTests {
    @Test("a participation ratio gets its own rows where measured, and none where it is nil")
    func onlyWhereMeasured() throws {
        var result = DiagnosticsTableTests.result(layerwise: false)
        result.history[1].diagnostics?[1].participationRatio = 2.5
        let table = result.diagnosticsTable()
        #expect(table.rows.count == 2 * 2 * 6 + 1)
        let rows = table.rows.map { Dictionary(uniqueKeysWithValues: zip(table.columns, $0)) }
        let ratio = rows.filter { $0["metric"] == "participation_ratio" }
        #expect(ratio.count == 1 && ratio[0]["epoch"] == "2" && ratio[0]["layer"] == "2" && ratio[0]["value"] == "2.5")
        let data = try JSONFile.encoder().encode(result)
        #expect(String(decoding: data, as: UTF8.self).components(separatedBy: "\"participation_ratio\"").count == 2)
        #expect(try JSONFile.decoder().decode(TrainingResult.self, from: data).history == result.history)
    }
}

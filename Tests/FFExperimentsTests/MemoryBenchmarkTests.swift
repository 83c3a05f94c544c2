import Foundation
import Testing
import FFDatasets
import FFNumerics
import FFTraining
@testable import FFExperiments

@Suite("Memory benchmark")
struct MemoryBenchmarkTests {
    func estimate(_ algorithm: MemoryBenchmark.Algorithm, depth: Int) -> MemoryBenchmark.Estimate {
        MemoryBenchmark.estimate(.init(algorithm: algorithm, depth: depth, hidden: 32, batchSize: 64), inputSize: 784, classes: 10)
    }

    @Test("the analytic account: ff-stream flat in depth, ff grows by 6 parameter copies, bp by its stored outputs too")
    func analyticAccount() {
        let layer = 32 * 32 + 32
        #expect(estimate(.ffStream, depth: 4) == estimate(.ffStream, depth: 2))
        #expect(estimate(.ffStream, depth: 2).parameterOptimizerBytes == 4 * 5 * (784 * 32 + 32))
        #expect(estimate(.ff, depth: 4).parameterOptimizerBytes - estimate(.ff, depth: 2).parameterOptimizerBytes == 4 * 6 * 2 * layer)
        #expect(estimate(.ff, depth: 4).activationBytes == estimate(.ff, depth: 2).activationBytes)
        #expect(estimate(.bp, depth: 4).parameterOptimizerBytes - estimate(.bp, depth: 2).parameterOptimizerBytes == 4 * 6 * 2 * layer)
        #expect(estimate(.bp, depth: 4).activationBytes - estimate(.bp, depth: 2).activationBytes == 4 * 64 * 2 * 32)
    }

    @Test("a short run is measured in this process and reports a peak at least its baseline",
          arguments: MemoryBenchmark.Algorithm.allCases)
    func measureInProcess(algorithm: MemoryBenchmark.Algorithm) throws {
        let train = Examples(TrainingRunTests.dataset().train).prefix(64)
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("ffanalog-mem-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        let m = try MemoryBenchmark.measure(.init(algorithm: algorithm, depth: 2, hidden: 16, batchSize: 64, steps: 2),
                                            train: train, scratchDirectory: scratch)
        #expect(m.algorithm == algorithm.rawValue && m.depth == 2 && m.steps == 2)
        let peak = try #require(m.peakRssMib), baseline = try #require(m.baselineRssMib)
        #expect(peak >= baseline && baseline > 0)
        #expect(m.loss?.isFinite == true)
    }

    @Test("the targets are judged between the smallest and the largest depth")
    func verdict() {
        func m(_ a: MemoryBenchmark.Algorithm, _ depth: Int, peak: Double) -> MemoryBenchmark.Measurement {
            let c = MemoryBenchmark.Configuration(algorithm: a, depth: depth, hidden: 1000, batchSize: 1000)
            return .init(configuration: c, peakRssMib: peak, baselineRssMib: 30,
                         estimate: MemoryBenchmark.estimate(c, inputSize: 784, classes: 10), seconds: 1, loss: 1)
        }
        let ff10 = MemoryBenchmark.estimate(.init(algorithm: .ff, depth: 10, hidden: 1000, batchSize: 1000), inputSize: 784, classes: 10)
        let ff2 = MemoryBenchmark.estimate(.init(algorithm: .ff, depth: 2, hidden: 1000, batchSize: 1000), inputSize: 784, classes: 10)
        let parameterGrowth = Double(ff10.parameterOptimizerBytes - ff2.parameterOptimizerBytes) / ProcessMemory.mebibyte
        let checks = MemoryBenchmark.verdict([
            m(.ffStream, 2, peak: 100), m(.ffStream, 10, peak: 105),
            m(.ff, 2, peak: 100), m(.ff, 10, peak: 100 + parameterGrowth * 1.5),
            m(.bp, 2, peak: 100), m(.bp, 6, peak: 100),
        ]).checks
        #expect(checks.map(\.algorithm) == ["ff", "ff-stream", "bp"])
        #expect(checks.map(\.met) == [false, true, false])
        #expect(MemoryBenchmark.verdict([m(.ffStream, 2, peak: 100)]).checks.isEmpty)
    }

    @Test("CSV, chart and table carry every configuration; failed ones are marked")
    func report() {
        let c = MemoryBenchmark.Configuration(algorithm: .bp, depth: 3, hidden: 8, batchSize: 4)
        let e = MemoryBenchmark.estimate(c, inputSize: 784, classes: 10)
        let rows = [MemoryBenchmark.Measurement(configuration: c, peakRssMib: 42.25, baselineRssMib: 30, estimate: e, seconds: 1, loss: 2),
                    MemoryBenchmark.Measurement(configuration: .init(algorithm: .ff, depth: 3, hidden: 8, batchSize: 4),
                                                peakRssMib: nil, baselineRssMib: nil, estimate: e, seconds: 9, loss: nil,
                                                error: "killed after the 9 s limit")]
        let csv = MemoryBenchmark.csv(rows).text
        #expect(csv.contains("bp,3,8,4,1,42.3,30.0,"))
        #expect(csv.contains("killed after the 9 s limit"))
        #expect(MemoryBenchmark.chart(rows).series.map(\.label) == ["bp"])
        #expect(MemoryBenchmark.tableLines(rows).count == 4)
    }

    @Test("examples handed to a child process come back exactly")
    func examplesRoundTrip() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("ffanalog-ex-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: dir) }
        var images = Matrix(rows: 3, columns: 784)
        for i in 0..<images.count { images.withUnsafeMutableBufferPointer { $0[i] = Float(i % 256) / 255 } }
        let split = DatasetSplit(images: images, labels: [1, 7, 9], imageRows: 28, imageColumns: 28)
        try MemoryBenchmark.writeExamples(split, count: 2, to: dir)
        let back = try MemoryBenchmark.readExamples(from: dir)
        #expect(back.labels == [1, 7] && back.images == split.prefix(2).images)
    }

    @Test("ff-stream through TrainingRun trains, evaluates from disk and hands back a checkpoint")
    func trainingRun() throws {
        var ff = Recipe.ffanalog.ffConfiguration
        ff.hiddenSizes = [64, 64]; ff.epochs = 4; ff.batchSize = 10; ff.learningRate = 0.003; ff.readoutLearningRate = 0.01
        ff.negatives = .random
        let spec = TrainingRun(algorithm: .ffStream, ff: ff, bp: BPConfiguration(), recipe: nil, seed: 3, trainAccuracyExamples: 100)
        let (result, saved) = try spec.run(on: TrainingRunTests.dataset())
        let checkpoint = try #require(saved)
        #expect(result.algorithm == "ff-stream")
        #expect(result.ffConfiguration?.schedule == .layerwise && result.ffConfiguration?.fixedNegatives == true)
        #expect(result.history.map(\.layer) == [0, 0, 0, 0, 1, 1, 1, 1])
        #expect(try #require(result.testAccuracyReadout) > 0.6)
        #expect(checkpoint.layers.count == 2 && checkpoint.readout != nil)
        let network = try #require(checkpoint.makeFFNetwork())
        let test = Examples(TrainingRunTests.dataset().test)
        #expect(test.accuracy(of: network.predictByGoodness(test.images)) == result.testAccuracy)
    }
}

import Testing
import FFDatasets
import FFNumerics
import FFRandom
import FFTraining
@testable import FFExperiments

@Suite("Training runs")
struct TrainingRunTests {
    /// A tiny labelled data set of noisy class prototypes, 8×8 pixels.
    static func dataset() -> LabeledDataset {
        func split(_ n: Int, seed: UInt64) -> DatasetSplit {
            let protos = RandomGenerator(seed: 100)
            var p = Matrix(rows: 10, columns: 64)
            protos.fillUniform(&p, from: 0, to: 1)
            let r = RandomGenerator(seed: seed)
            var images = Matrix(rows: n, columns: 64)
            var labels = [Int32]()
            for i in 0..<n {
                let c = r.uniformInt(below: 10)
                labels.append(Int32(c))
                for j in 10..<64 { images[i, j] = max(0, min(1, p[c, j] + Float(r.gaussian(sigma: 0.25)))) }
            }
            return DatasetSplit(images: images, labels: labels, imageRows: 8, imageColumns: 8)
        }
        return LabeledDataset(name: .mnist, directory: "synthetic", train: split(500, seed: 1), test: split(200, seed: 2),
                              verification: VerificationReport(files: [], warnings: []))
    }

    func spec(_ algorithm: TrainingRun.Algorithm) -> TrainingRun {
        var ff = Recipe.ffanalog.ffConfiguration
        ff.hiddenSizes = [64, 64]; ff.epochs = 4; ff.batchSize = 10; ff.learningRate = 0.003; ff.readoutLearningRate = 0.01
        var bp = Recipe.ffanalog.bpConfiguration
        bp.hiddenSizes = [32, 32]; bp.epochs = 4; bp.batchSize = 20; bp.learningRate = 0.01
        return TrainingRun(algorithm: algorithm, ff: ff, bp: bp, recipe: .ffanalog, seed: 3, trainAccuracyExamples: 100)
    }

    @Test("a run on a validation hold-out evaluates on held-out training examples and says so")
    func validationHoldOut() throws {
        var run = spec(.bp)
        run.bp.epochs = 1
        let (result, _) = try run.run(on: try Self.dataset().holdingOutValidation(100))
        #expect(result.trainExamples == 400)
        #expect(result.testExamples == 100)
        #expect(result.evaluationSet == "validation (last 100 training examples)")
        let (plain, _) = try run.run(on: Self.dataset())
        #expect(plain.evaluationSet == "test")
    }

    @Test("a run records its configuration, accuracies and history", arguments: [TrainingRun.Algorithm.ff, .bp])
    func recordsEverything(algorithm: TrainingRun.Algorithm) throws {
        let (result, checkpoint) = try spec(algorithm).run(on: Self.dataset())
        #expect(result.algorithm == algorithm.rawValue)
        #expect(result.history.count == 4)
        #expect(result.trainAccuracyExamples == 100)
        #expect(result.testExamples == 200 && result.trainExamples == 500)
        #expect(result.testAccuracy > 0.6)
        #expect((result.testAccuracyReadout != nil) == (algorithm == .ff))
        #expect(result.threads == BLAS.threadCount)
        #expect(checkpoint?.algorithm == algorithm.rawValue)
    }

    @Test("two runs with one seed agree in everything but timings")
    func reproducible() throws {
        let (a, _) = try spec(.ff).run(on: Self.dataset())
        let (b, _) = try spec(.ff).run(on: Self.dataset())
        #expect(a.testAccuracy == b.testAccuracy && a.testAccuracyReadout == b.testAccuracyReadout)
        #expect(a.history.map(\.loss) == b.history.map(\.loss))
        #expect(a.trainAccuracy == b.trainAccuracy)
    }

    @Test("recipes carry the parameters the README lists")
    func recipes() {
        let h = Recipe.hinton.ffConfiguration
        #expect(h.hiddenSizes == [2000, 2000, 2000, 2000] && h.epochs == 60 && h.negatives == .hard)
        let p = Recipe.pytorchForwardForward.ffConfiguration
        #expect(p.hiddenSizes == [500, 500] && p.epochs == 1000 && p.batchSize == 50_000 && p.trainingExamples == 50_000)
        #expect(p.schedule == .layerwise && p.fixedNegatives && p.negatives == .permutation && p.predictionLayers == .all)
        #expect(p.goodness == .logistic(reduction: .mean, threshold: 2) && p.learningRate == 0.03 && p.optimizer.kind == .adam)
        #expect(p.normalization == .l2 && p.normalizeInput)
    }
}

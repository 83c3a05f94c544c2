import Testing
import FFNumerics
import FFRandom
@testable import FFTraining

@Suite("Unsupervised Forward-Forward")
struct UnsupervisedFFTests {
    static func configuration(_ edit: (inout UnsupervisedFFConfiguration) -> Void = { _ in }) -> UnsupervisedFFConfiguration {
        let ff = FFConfiguration(hiddenSizes: [48, 48, 48], epochs: 4, batchSize: 25, learningRate: 0.003,
                                 initialization: .heNormal, readoutLearningRate: 0.01)
        var c = UnsupervisedFFConfiguration(ff: ff, settings: UnsupervisedSettings(blurPasses: 2, readoutLayerCount: 2))
        edit(&c)
        return c
    }

    @Test("learning happens: the FF loss falls and the readout is well above chance")
    func learns() throws {
        // 64 pixels: 8×8 images.
        let train = syntheticExamples(count: 400, pixels: 64, seed: 31), test = syntheticExamples(count: 200, pixels: 64, seed: 32)
        let net = UnsupervisedFFNetwork(configuration: Self.configuration(), inputSize: 64, random: RandomGenerator(seed: 1))
        let history = try UnsupervisedFFTrainer(network: net, seed: 2).fit(train: train, test: test)
        #expect(history.last!.loss < history.first!.loss)
        let accuracy = try #require(history.last?.testAccuracy)
        #expect(accuracy > 0.6, "readout accuracy \(accuracy)")
        #expect(net.readoutLayers == 1..<3)
    }

    @Test("readout-only epochs run the learning-rate schedule afresh instead of jumping back from its end")
    func readoutEpochsHaveTheirOwnSchedule() {
        func factor(_ epoch: Int, _ step: Int) -> Float {
            UnsupervisedFFTrainer.learningRateFactor(.linearDecay, epoch: epoch, step: step, stepsPerEpoch: 10,
                                                     ffEpochs: 4, readoutEpochs: 2)
        }
        // FF epochs: full rate for the first half, then down towards 0.
        #expect(factor(0, 0) == 1)
        #expect(factor(1, 9) == 1)
        #expect(abs(factor(3, 9) - 2 * (1 - 39 / 40.0)) < 1e-6)
        // Readout-only epochs: the same shape over their own 20 steps.
        #expect(factor(4, 0) == 1)
        #expect(factor(4, 9) == 1)
        #expect(abs(factor(5, 5) - 2 * (1 - 15 / 20.0)) < 1e-6)
        #expect(factor(5, 9) < factor(5, 0))
        // A constant schedule stays constant throughout.
        for epoch in 0..<6 {
            #expect(UnsupervisedFFTrainer.learningRateFactor(.constant, epoch: epoch, step: 3, stepsPerEpoch: 10,
                                                             ffEpochs: 4, readoutEpochs: 2) == 1)
        }
    }

    @Test("labels reach only the readout: other labels leave the FF layers bit-identical")
    func labelsDoNotReachLayers() throws {
        let data = syntheticExamples(count: 100, pixels: 64, seed: 33)
        var shuffled = data
        shuffled.labels = data.labels.map { ($0 + 3) % 10 }
        func layers(_ d: Examples) throws -> [LayerParameters] {
            let net = UnsupervisedFFNetwork(configuration: Self.configuration { $0.ff.epochs = 1 }, inputSize: 64,
                                            random: RandomGenerator(seed: 1))
            _ = try UnsupervisedFFTrainer(network: net, seed: 2).fit(train: d, test: nil)
            return net.layers.parameters
        }
        #expect(try layers(data) == layers(shuffled))
    }

    @Test("readout-only epochs follow the FF epochs and keep the layers fixed")
    func readoutEpochs() throws {
        let data = syntheticExamples(count: 100, pixels: 64, seed: 34)
        let net = UnsupervisedFFNetwork(configuration: Self.configuration { $0.ff.epochs = 1; $0.settings.readoutEpochs = 2 },
                                        inputSize: 64, random: RandomGenerator(seed: 1))
        let trainer = UnsupervisedFFTrainer(network: net, seed: 2)
        let history = try trainer.fit(train: data, test: data)
        #expect(history.count == 3)
        #expect(history[0].layerLosses != nil && history[2].layerLosses == nil)
        #expect(history[2].testAccuracy != nil)
    }

    @Test("images that are not square need their width")
    func shape() {
        let c = Self.configuration()
        #expect(throws: TrainingError.self) { try c.imageShape(pixels: 40) }
        var wide = c
        wide.settings.imageWidth = 8
        let (width, height) = try! wide.imageShape(pixels: 40)
        #expect(width == 8 && height == 5)
    }
}

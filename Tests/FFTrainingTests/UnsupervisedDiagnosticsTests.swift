import Testing
import FFNumerics
import FFRandom
@testable import FFTraining

@Suite("Unsupervised FF diagnostics")
struct UnsupervisedDiagnosticsTests {
    @Test("by hand: real against hybrid goodness, the layer's own accuracy and the dead unit")
    func byHand() {
        // One layer of 3 units on 2×2 images, no input normalisation; unit 3 has
        // zero weights and a negative bias, so it is dead.
        let ff = FFConfiguration(hiddenSizes: [3], normalizeInput: false, readout: false)
        let config = UnsupervisedFFConfiguration(ff: ff, settings: UnsupervisedSettings(readoutLayerCount: 1))
        let weights = Matrix(rows: 3, columns: 4, storage: [1, 0, 0, 0,
                                                            0, 1, 1, 0,
                                                            0, 0, 0, 0])
        let net = UnsupervisedFFNetwork(configuration: config, inputSize: 4,
                                        parameters: [LayerParameters(weights: weights, bias: [0, 0, -1])], readout: nil)
        let real = Matrix(rows: 2, columns: 4, storage: [2, 0, 0, 0,    // y = (2, 0, 0), G = 4
                                                         0, 3, 0, 0])   // y = (0, 3, 0), G = 9
        let hybrids = Matrix(rows: 2, columns: 4, storage: [1, 0, 0, 0,  // G = 1: the real image wins
                                                            0, 1, 2, 0]) // G = 9: a tie, not a win
        let d = net.layerDiagnostics(Examples(images: real, labels: [0, 1]), hybrids: hybrids, chunkSize: 1)
        #expect(d.count == 1)
        #expect(d[0].examples == 2 && d[0].accuracy == 0.5)
        #expect(d[0].positiveGoodnessMean == 6.5 && d[0].positiveGoodnessStd == 2.5)
        #expect(d[0].negativeGoodnessMean == 5 && d[0].negativeGoodnessStd == 4)
        #expect(abs(d[0].deadFraction - 1.0 / 3) < 1e-12)
        // Two real activities, (2, 0, 0) and (0, 3, 0), differ along one line only.
        #expect(abs((d[0].participationRatio ?? 0) - 1) < 1e-9)
    }

    @Test("diagnostic hybrids are fixed, and every pixel comes from the image or the next one")
    func hybrids() throws {
        let data = syntheticExamples(count: 30, pixels: 64, seed: 41)
        let net = UnsupervisedFFNetwork(configuration: UnsupervisedFFTests.configuration(), inputSize: 64,
                                        random: RandomGenerator(seed: 1))
        let a = try net.diagnosticHybrids(of: data.images)
        #expect(a == (try net.diagnosticHybrids(of: data.images)))
        var fromNext = 0
        for i in 0..<data.count {
            for p in 0..<64 {
                let own = data.images[i, p], next = data.images[(i + 1) % data.count, p]
                #expect(a[i, p] == own || a[i, p] == next)
                if a[i, p] == next && a[i, p] != own { fromNext += 1 }
            }
        }
        #expect(fromNext > 0)
    }

    @Test("recording diagnostics leaves training bit-identical and fills every FF epoch")
    func trainingUnchanged() throws {
        let train = syntheticExamples(count: 100, pixels: 64, seed: 42), test = syntheticExamples(count: 40, pixels: 64, seed: 43)
        func run(_ diagnostics: Bool) throws -> (UnsupervisedFFNetwork, [EpochRecord]) {
            let config = UnsupervisedFFTests.configuration { $0.ff.epochs = 2; $0.settings.readoutEpochs = 1 }
            let net = UnsupervisedFFNetwork(configuration: config, inputSize: 64, random: RandomGenerator(seed: 1))
            let trainer = UnsupervisedFFTrainer(network: net, seed: 2)
            trainer.recordsDiagnostics = diagnostics
            return (net, try trainer.fit(train: train, test: test))
        }
        let (plain, h0) = try run(false)
        let (measured, h1) = try run(true)
        #expect(plain.layers.parameters == measured.layers.parameters)
        #expect(h0.map(\.loss) == h1.map(\.loss) && h0.map(\.testAccuracy) == h1.map(\.testAccuracy))
        #expect(h0.allSatisfy { $0.diagnostics == nil })
        #expect(h1.count == 3 && h1[2].diagnostics == nil)
        for record in h1.prefix(2) {
            let d = try #require(record.diagnostics)
            #expect(d.count == 3 && d.allSatisfy { $0.examples == 40 && (0...1).contains($0.accuracy) })
        }
    }
}

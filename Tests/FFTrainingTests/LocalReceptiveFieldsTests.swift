import Testing
import Foundation
import FFNumerics
import FFRandom
@testable import FFTraining

@Suite("Local receptive fields")
struct LocalReceptiveFieldsTests {
    typealias Map = LocalReceptiveFields.Map

    /// The inputs unit `unit` connects to, as indices into the layer below.
    static func inputs(of unit: Int, in mask: Matrix) -> [Int] {
        (0..<mask.columns).filter { mask[unit, $0] != 0 }
    }

    @Test("a hidden layer is the widest square map its units fill, no wider than the layer below")
    func maps() {
        let image = Map(width: 28, height: 28, channels: 1)
        #expect(LocalReceptiveFields.map(units: 2000, above: image) == Map(width: 20, height: 20, channels: 5))
        #expect(LocalReceptiveFields.map(units: 1000, above: image) == Map(width: 10, height: 10, channels: 10))
        #expect(LocalReceptiveFields.map(units: 784, above: image) == Map(width: 28, height: 28, channels: 1))
        #expect(LocalReceptiveFields.map(units: 13, above: image) == Map(width: 1, height: 1, channels: 13))
        let maps = LocalReceptiveFields.maps(hiddenSizes: [1000, 1000], imageWidth: 28, imageHeight: 28)
        #expect(maps == [image, Map(width: 10, height: 10, channels: 10), Map(width: 10, height: 10, channels: 10)])
    }

    @Test("by hand: a 2×2 map of 2 channels over a 4×4 image, windows of 1 to 4 pixels")
    func maskByHand() {
        let image = Map(width: 4, height: 4, channels: 1), upper = Map(width: 2, height: 2, channels: 2)
        // Site (0, 0) lies over pixel position 0.5: a window of 2 takes pixels 0 and 1 on each axis.
        let two = LocalReceptiveFields.mask(from: image, to: upper, size: 2)
        #expect(two.rows == 8 && two.columns == 16)
        #expect(Self.inputs(of: 0, in: two) == [0, 1, 4, 5])
        #expect(Self.inputs(of: 1, in: two) == [0, 1, 4, 5])          // the second channel of the same site
        #expect(Self.inputs(of: 2, in: two) == [2, 3, 6, 7])          // site (y 0, x 1)
        #expect(Self.inputs(of: 7, in: two) == [10, 11, 14, 15])      // site (1, 1), channel 1
        // A window of 3 around 0.5 takes the sites less than 1.5 away: still 0 and 1.
        let three = LocalReceptiveFields.mask(from: image, to: upper, size: 3)
        #expect(Self.inputs(of: 0, in: three) == [0, 1, 4, 5])
        // A window of 4 around 0.5 takes −1…2, clipped to 0…2.
        let four = LocalReceptiveFields.mask(from: image, to: upper, size: 4)
        #expect(Self.inputs(of: 0, in: four) == [0, 1, 2, 4, 5, 6, 8, 9, 10])
        // Every channel of a lower site is connected: a 1×1 window over a 2×2 map of 2 channels.
        let top = Map(width: 1, height: 1, channels: 3)
        let all = LocalReceptiveFields.mask(from: upper, to: top, size: 2)
        for unit in 0..<3 { #expect(Self.inputs(of: unit, in: all) == Array(0..<8)) }
        let one = LocalReceptiveFields.mask(from: image, to: Map(width: 4, height: 4, channels: 1), size: 1)
        for unit in 0..<16 { #expect(Self.inputs(of: unit, in: one) == [unit]) }
    }

    /// A 256→256 layer (8×8 sites of 4 over a 16×16 image) initialised and restricted to 5-wide windows.
    static func restrictedLayer(_ initialization: WeightInitialization) -> (LayerParameters, Matrix) {
        let image = Map(width: 16, height: 16, channels: 1), upper = Map(width: 8, height: 8, channels: 4)
        let mask = LocalReceptiveFields.mask(from: image, to: upper, size: 5)
        var p = LayerParameters(inputSize: 256, outputSize: 256, initialization: initialization, random: RandomGenerator(seed: 4))
        LocalReceptiveFields.restrict(&p, to: mask, initialization: initialization)
        return (p, mask)
    }

    @Test("initial weights: zero outside the window, He scale for the window's fan-in")
    func restrictedInitialisation() {
        let (p, mask) = Self.restrictedLayer(.heNormal)
        var sumOfSquares = 0.0, connections = 0.0
        for r in 0..<256 {
            for k in 0..<256 {
                if mask[r, k] == 0 { #expect(p.weights[r, k] == 0) } else {
                    sumOfSquares += Double(p.weights[r, k] * p.weights[r, k]) * Double(Self.inputs(of: r, in: mask).count)
                    connections += 1
                }
            }
        }
        // E[w² · fan-in] = 2 for He-normal weights on the window's fan-in.
        let meanSquareTimesFanIn = sumOfSquares / connections
        #expect(abs(meanSquareTimesFanIn - 2) < 0.1, "\(meanSquareTimesFanIn)")
        #expect(p.bias.allSatisfy { $0 == 0 })
    }

    @Test("PyTorch's default initialisation: weights and bias within ±1/√(the window's fan-in)")
    func restrictedPyTorchInitialisation() {
        let (p, mask) = Self.restrictedLayer(.pytorchDefault)
        var widest = 0.0
        for r in 0..<256 {
            let bound = 1 / Double(Self.inputs(of: r, in: mask).count).squareRoot()
            #expect(abs(Double(p.bias[r])) <= bound * (1 + 1e-5))
            widest = max(widest, abs(Double(p.bias[r])) / bound)
            for k in 0..<256 where mask[r, k] != 0 { #expect(abs(Double(p.weights[r, k])) <= bound * (1 + 1e-5)) }
        }
        // The biases fill their range: uniform on ±bound, so the widest of 256 is close to it.
        #expect(widest > 0.9, "\(widest)")
    }

    static func configuration(size: Int?) -> UnsupervisedFFConfiguration {
        let ff = FFConfiguration(hiddenSizes: [64, 64], epochs: 2, batchSize: 25, learningRate: 0.003,
                                 initialization: .heNormal, readoutLearningRate: 0.01)
        return UnsupervisedFFConfiguration(ff: ff, settings: UnsupervisedSettings(
            blurPasses: 2, readoutLayerCount: 2, receptiveFields: size.map { LocalReceptiveFields(sizes: [$0]) }))
    }

    @Test("training keeps the weights outside the windows at zero, and learns")
    func trainingKeepsTheMask() throws {
        let train = syntheticExamples(count: 300, pixels: 64, seed: 41), test = syntheticExamples(count: 100, pixels: 64, seed: 42)
        let net = UnsupervisedFFNetwork(configuration: Self.configuration(size: 3), inputSize: 64, random: RandomGenerator(seed: 1))
        let masks = try #require(net.connectivity)
        #expect(masks.count == 2)
        let history = try UnsupervisedFFTrainer(network: net, seed: 2).fit(train: train, test: test)
        #expect(history.last!.loss < history.first!.loss)
        var changed = 0
        for l in 0..<2 {
            let w = net.layers.parameters[l].weights
            let executor = try #require(net.layers.executors[l] as? DigitalLayer)
            for r in 0..<w.rows {
                for k in 0..<w.columns {
                    if masks[l][r, k] == 0 {
                        #expect(w[r, k] == 0)
                        #expect(executor.parameters.weights[r, k] == 0)
                    } else if w[r, k] != 0 { changed += 1 }
                }
            }
        }
        #expect(changed > 0)
        // 8×8 images, 64 units: 8×8 maps of one channel; a 3-wide window holds at most 9 inputs.
        #expect(Self.inputs(of: 27, in: masks[0]).count == 9)
    }

    @Test("a window wider than the image trains bit for bit like fully connected layers")
    func wideWindowIsFullyConnected() throws {
        let train = syntheticExamples(count: 150, pixels: 64, seed: 43), test = syntheticExamples(count: 50, pixels: 64, seed: 44)
        func run(_ size: Int?) throws -> ([LayerParameters], [EpochRecord]) {
            let net = UnsupervisedFFNetwork(configuration: Self.configuration(size: size), inputSize: 64, random: RandomGenerator(seed: 1))
            let history = try UnsupervisedFFTrainer(network: net, seed: 2).fit(train: train, test: test)
            return (net.layers.parameters, history)
        }
        let (local, localHistory) = try run(32)
        let (full, fullHistory) = try run(nil)
        #expect(local == full)
        #expect(localHistory.map(\.testAccuracy) == fullHistory.map(\.testAccuracy))
    }

    @Test("settings without receptive fields encode as before, and a zero-width field is refused")
    func codingAndValidation() throws {
        let plain = try JSONEncoder().encode(UnsupervisedSettings())
        #expect(!String(decoding: plain, as: UTF8.self).contains("receptive"))
        let old = Data(#"{"blurPasses":10,"readoutLayerCount":3,"readoutEpochs":5}"#.utf8)
        #expect(try JSONDecoder().decode(UnsupervisedSettings.self, from: old).receptiveFields == nil)
        #expect(throws: TrainingError.self) { try Self.configuration(size: 0).validate() }
        try Self.configuration(size: 1).validate()
        var threeSizes = Self.configuration(size: 1)
        threeSizes.settings.receptiveFields = LocalReceptiveFields(sizes: [3, 5, 7])
        #expect(throws: TrainingError.self) { try threeSizes.validate() }
    }

    @Test("one size per layer: each layer's mask uses its own")
    func perLayerSizes() {
        let fields = LocalReceptiveFields(sizes: [1, 3])
        #expect(fields.size(ofLayer: 0) == 1 && fields.size(ofLayer: 1) == 3)
        #expect(LocalReceptiveFields(sizes: [5]).size(ofLayer: 3) == 5)
        // 8×8 image, two layers of 64 units: 8×8 maps of one channel.
        let masks = fields.masks(hiddenSizes: [64, 64], imageWidth: 8, imageHeight: 8)
        #expect(Self.inputs(of: 27, in: masks[0]) == [27])
        #expect(Self.inputs(of: 27, in: masks[1]) == [18, 19, 20, 26, 27, 28, 34, 35, 36])
    }

    @Test("one size for every layer equals that size once per layer; different windows differ")
    func equalityBySizePerLayer() {
        let once = LocalReceptiveFields(sizes: [5])
        #expect(once == LocalReceptiveFields(sizes: [5, 5, 5, 5]))
        #expect(LocalReceptiveFields(sizes: [5, 5]) == once)
        #expect(once != LocalReceptiveFields(sizes: [5, 7, 5, 5]))
        #expect(LocalReceptiveFields(sizes: [3, 5]) != LocalReceptiveFields(sizes: [5, 3]))
        #expect(once != LocalReceptiveFields(sizes: []) && LocalReceptiveFields(sizes: []) != once)
        // The resume check compares whole settings, so their equality follows.
        #expect(UnsupervisedSettings(receptiveFields: once) == UnsupervisedSettings(receptiveFields: LocalReceptiveFields(sizes: [5, 5, 5, 5])))
    }

    @Test("too few sizes for the layers: the network builds, and training refuses with a reason")
    func tooFewSizes() throws {
        var config = Self.configuration(size: 3)
        config.ff.hiddenSizes = [64, 64, 64]
        config.settings.receptiveFields = LocalReceptiveFields(sizes: [3, 5])
        let net = UnsupervisedFFNetwork(configuration: config, inputSize: 64, random: RandomGenerator(seed: 1))
        #expect(net.connectivity == nil)
        let train = syntheticExamples(count: 50, pixels: 64, seed: 45)
        #expect {
            try UnsupervisedFFTrainer(network: net, seed: 2).fit(train: train, test: nil)
        } throws: { "\($0)".contains("--receptive-field gives 2 sizes for 3 hidden layers") }
    }

    @Test("windows along an axis: R sites, one fewer exactly on a site (even R) or midway (odd R)")
    func windowLengths() {
        // 10 sites over 28: points 0.9, 3.7, 6.5, 9.3, … (x + ½) · 2.8 − ½.
        #expect(LocalReceptiveFields.window(1, upper: 10, lower: 28, size: 5) == 2...6)   // around 3.7: 5 sites
        #expect(LocalReceptiveFields.window(2, upper: 10, lower: 28, size: 5) == 5...8)   // midway, 6.5: 4 sites
        #expect(LocalReceptiveFields.window(2, upper: 10, lower: 28, size: 4) == 5...8)   // midway, even: 4 sites
        #expect(LocalReceptiveFields.window(2, upper: 10, lower: 28, size: 1) == nil)     // midway, R = 1: none
        #expect(LocalReceptiveFields.window(0, upper: 10, lower: 28, size: 5) == 0...3)   // around 0.9, clipped
        // 28 sites over 28: every point on a site.
        #expect(LocalReceptiveFields.window(5, upper: 28, lower: 28, size: 4) == 4...6)   // even R on a site: 3
        #expect(LocalReceptiveFields.window(5, upper: 28, lower: 28, size: 1) == 5...5)
    }

    @Test("a size that leaves units without inputs is refused; one that does not is accepted")
    func emptyWindowsRefused() throws {
        let fields = LocalReceptiveFields(sizes: [1])
        #expect {
            try fields.validate(hiddenSizes: [1000], imageWidth: 28, imageHeight: 28)
        } throws: { "\($0)".contains("leaves units of hidden layer 1 without inputs") }
        try fields.validate(hiddenSizes: [784], imageWidth: 28, imageHeight: 28)
        try LocalReceptiveFields(sizes: [5]).validate(hiddenSizes: [1000, 1000, 1000, 1000], imageWidth: 28, imageHeight: 28)
        // Every unit of the recipe's 5×5 geometry has inputs.
        let masks = LocalReceptiveFields(sizes: [5]).masks(hiddenSizes: [1000, 1000], imageWidth: 28, imageHeight: 28)
        for mask in masks {
            #expect((0..<mask.rows).allSatisfy { r in (0..<mask.columns).contains { mask[r, $0] != 0 } })
        }
    }
}

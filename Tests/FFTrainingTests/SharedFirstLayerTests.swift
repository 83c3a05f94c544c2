import Testing
import FFNumerics
import FFRandom
@testable import FFTraining

@Suite("Shared first-layer product")
struct SharedFirstLayerTests {
    static let configurations: [(String, FFConfiguration)] = [
        ("simultaneous, hard negatives, readout, RMS", FFConfiguration(
            hiddenSizes: [24, 16], epochs: 2, batchSize: 30, learningRate: 0.01, negatives: .hard,
            initialization: .heNormal, readout: true)),
        ("layerwise, fixed permuted negatives, L2, on-value 3", FFConfiguration(
            hiddenSizes: [20, 12], epochs: 3, batchSize: 200, learningRate: 0.03, schedule: .layerwise,
            goodness: .logistic(reduction: .mean, threshold: 2), negatives: .permutation, fixedNegatives: true,
            normalization: .l2, normalizationEpsilon: 1e-4, overlay: LabelOverlay(onValue: 3, offValue: -0.5),
            predictionLayers: .all, readout: true)),
        ("simultaneous, softmax over every wrong label (K = 9)", FFConfiguration(
            hiddenSizes: [16, 12], epochs: 2, batchSize: 25, learningRate: 0.01,
            goodness: .softmax(alpha: 4, negatives: nil), readout: true)),
        ("layerwise, fixed negatives, softmax with K = 3 hard labels", FFConfiguration(
            hiddenSizes: [16, 12], epochs: 2, batchSize: 50, learningRate: 0.01, schedule: .layerwise,
            goodness: .softmax(alpha: 2, negatives: 3), negatives: .random, fixedNegatives: true, readout: false)),
        ("layerwise, random negatives, no input normalisation, peer norm", FFConfiguration(
            hiddenSizes: [16, 16], epochs: 2, batchSize: 40, learningRate: 0.01, schedule: .layerwise,
            normalizeInput: false, readout: false, peerNormalization: PeerNormalization())),
    ]

    @Test("training and goodness scores match the naive path that runs every overlay as its own product",
          arguments: 0..<configurations.count)
    func matchesNaivePath(index: Int) throws {
        let (name, config) = Self.configurations[index]
        let data = syntheticExamples(count: 200, seed: 11)
        func train(sharing: Bool) throws -> (FFNetwork, Matrix) {
            let network = FFNetwork(configuration: config, inputSize: data.images.columns, random: RandomGenerator(seed: 5))
            network.sharesFirstLayerProduct = sharing
            network.skipsZeroInputs = sharing
            _ = try FFTrainer(network: network, seed: 6).fit(train: data, test: nil)
            return (network, network.goodnessScores(data.images, chunkSize: 64))
        }
        let (naive, naiveScores) = try train(sharing: false)
        let (shared, sharedScores) = try train(sharing: true)
        for l in 0..<config.hiddenSizes.count {
            let worst = worstRelativeDifference(naive.parameters[l].weights, shared.parameters[l].weights)
            #expect(worst < 1e-2, "\(name): layer \(l) weights differ by \(worst) (relative)")
        }
        let worst = worstRelativeDifference(naiveScores, sharedScores)
        #expect(worst < 2e-3, "\(name): scores differ by \(worst) (relative)")
        if let r1 = naive.predictByReadout(data.images), let r2 = shared.predictByReadout(data.images) {
            #expect(zip(r1, r2).filter { $0 != $1 }.count <= 2, "\(name): readout predictions differ")
        }
    }

    @Test("scoring skips the inputs of silent units and gives the naive scores")
    func skipsSilentUnits() {
        let config = FFConfiguration(hiddenSizes: [24, 16, 8], readout: false)
        let data = syntheticExamples(count: 120, seed: 12)
        let network = FFNetwork(configuration: config, inputSize: data.images.columns, random: RandomGenerator(seed: 2))
        // Silence the first layer's odd units for every input.
        var p = network.parameters[0]
        for j in stride(from: 1, to: p.outputSize, by: 2) { p.bias[j] = -1e4 }
        network.parameters[0] = p
        network.executors[0].program(p)
        let skipped = network.goodnessScores(data.images, chunkSize: 50)
        let use = network.lastScoringInputUse
        network.skipsZeroInputs = false
        network.sharesFirstLayerProduct = false
        let naive = network.goodnessScores(data.images, chunkSize: 50)
        let worst = worstRelativeDifference(naive, skipped)
        #expect(worst < 1e-4, "scores differ by \(worst) (relative)")
        #expect(use.count == 3 && use[0] == 1 && use[1] <= 0.5)
        #expect(network.lastScoringInputUse == [1, 1, 1])
    }

    @Test("one step's first-layer outputs and gradient equal the naive ones to Float rounding")
    func oneStepExact() {
        let config = FFConfiguration(hiddenSizes: [7], batchSize: 5, readout: false)
        let data = syntheticExamples(count: 5, pixels: 30, seed: 3)
        let network = FFNetwork(configuration: config, inputSize: 30, random: RandomGenerator(seed: 1))
        let negatives: [Int32] = data.labels.map { ($0 + 3) % 10 }
        var share = SharedFirstLayer()
        share.prepare(data.images, network: network)
        var y = Matrix(rows: 0, columns: 0), x = Matrix(rows: 0, columns: 0), expected = Matrix(rows: 0, columns: 0)
        for label in [OverlayLabel.labels(data.labels), .single(4), .neutral] {
            share.output(label, network: network, into: &y)
            network.makeInput(data.images, label: label, into: &x)
            network.executors[0].forward(x, into: &expected)
            for (a, b) in zip(y.storage, expected.storage) { #expect(abs(a - b) <= 1e-5 * (1 + abs(b))) }
        }
        let gPos = randomMatrix(5, 7, seed: 8), gNeg = randomMatrix(5, 7, seed: 9)
        var sharedGradient = network.parameters[0], naiveGradient = network.parameters[0]
        share.gradient(positive: gPos, positiveLabels: data.labels, negative: gNeg, negativeLabels: negatives,
                       network: network, into: &sharedGradient)
        var xNeg = Matrix(rows: 0, columns: 0)
        network.makeInput(data.images, label: .labels(data.labels), into: &x)
        network.makeInput(data.images, label: .labels(negatives), into: &xNeg)
        naiveGradient.setGradient(input: x, outputGradient: gPos)
        naiveGradient.setGradient(input: xNeg, outputGradient: gNeg, accumulate: true)
        for (a, b) in zip(sharedGradient.weights.storage + sharedGradient.bias, naiveGradient.weights.storage + naiveGradient.bias) {
            #expect(abs(a - b) <= 1e-5 * (1 + abs(b)))
        }
    }

    @Test("pixels that (nearly) always hold one value are left out of sgemm, with the naive outputs and gradient")
    func constantPixels() throws {
        let (batch, units, pixels) = (280, 12, 30)  // at least SharedFirstLayer.packingMinimumRows
        // Pixels 12..<16 are background (0), 16 and 17 a constant 0.7 in every
        // image, and 20..<23 zero in all but one image of 40.
        var data = syntheticExamples(count: batch, pixels: pixels, seed: 14)
        for i in 0..<batch {
            for j in 12..<16 { data.images[i, j] = 0 }
            for j in 16..<18 { data.images[i, j] = 0.7 }
            for j in 20..<23 { data.images[i, j] = i % 40 == j - 19 ? 0.9 : 0 }
        }
        let config = FFConfiguration(hiddenSizes: [units], batchSize: batch, readout: false)
        let network = FFNetwork(configuration: config, inputSize: pixels, random: RandomGenerator(seed: 4))
        let negatives: [Int32] = data.labels.map { ($0 + 3) % 10 }
        let gPos = randomMatrix(batch, units, seed: 8), gNeg = randomMatrix(batch, units, seed: 9)
        func run(packing: Bool) -> (outputs: [Float], gradient: [Float]) {
            var share = SharedFirstLayer()
            share.allowsPacking = packing
            share.prepare(data.images, network: network)
            #expect(share.packing == packing)
            if packing { #expect(share.split.baseIndices.count == 19 && share.split.constantCount == 16 && share.split.deviations == 21) }
            var outputs = [Float](), y = Matrix(rows: 0, columns: 0)
            for label in [OverlayLabel.labels(negatives), .single(2), .neutral] {
                share.output(label, network: network, into: &y)
                outputs += y.storage
            }
            var gradient = network.parameters[0]
            share.gradient(positive: gPos, positiveLabels: data.labels, negative: gNeg, negativeLabels: negatives,
                           network: network, into: &gradient)
            return (outputs, gradient.weights.storage + gradient.bias)
        }
        let (packed, dense) = (run(packing: true), run(packing: false))
        #expect(zip(packed.outputs, dense.outputs).allSatisfy { abs($0 - $1) <= 1e-5 * (1 + abs($1)) })
        #expect(zip(packed.gradient, dense.gradient).allSatisfy { abs($0 - $1) <= 1e-5 * (1 + abs($1)) })
        var x = Matrix(rows: 0, columns: 0), xNeg = Matrix(rows: 0, columns: 0)
        network.makeInput(data.images, label: .labels(data.labels), into: &x)
        network.makeInput(data.images, label: .labels(negatives), into: &xNeg)
        var naive = network.parameters[0]
        naive.setGradient(input: x, outputGradient: gPos)
        naive.setGradient(input: xNeg, outputGradient: gNeg, accumulate: true)
        #expect(zip(packed.gradient, naive.weights.storage + naive.bias).allSatisfy { abs($0 - $1) <= 1e-4 * (1 + abs($1)) })
        for j in [16, 21] {  // a constant pixel and a nearly constant one: not zero, and as the naive gradient
            #expect(naive.weights[0, j] != 0 && abs(packed.gradient[j] - naive.weights[0, j]) <= 1e-4 * (1 + abs(naive.weights[0, j])))
        }

        // A few full-batch layerwise epochs through the packed products end where the naive path does.
        let layerwise = FFConfiguration(hiddenSizes: [units, 8], epochs: 3, batchSize: batch, learningRate: 0.03,
                                        schedule: .layerwise, negatives: .permutation, fixedNegatives: true, readout: false)
        func train(sharing: Bool) throws -> (FFNetwork, FirstLayerPixelSplit?) {
            let net = FFNetwork(configuration: layerwise, inputSize: pixels, random: RandomGenerator(seed: 5))
            net.sharesFirstLayerProduct = sharing
            let trainer = FFTrainer(network: net, seed: 6)
            _ = try trainer.fit(train: data, test: nil)
            return (net, trainer.firstLayerPixelSplit)
        }
        let ((a, split), (b, noSplit)) = (try train(sharing: true), try train(sharing: false))
        let expected = FirstLayerPixelSplit(images: 280, pixels: 30, densePixels: 11, basePixels: 19, constantPixels: 16, deviations: 21)
        #expect(split == expected && noSplit == nil)
        // Two products: 2 · (2 · 280 · 11 + 2 · 21) · 12 FLOPs.
        #expect(expected.performedFLOPs(outputs: 12) == 2 * (2 * 280 * 11 + 2 * 21) * 12)
        #expect(abs(expected.performedFraction(outputs: 12) - Double(280 * 11 + 21) / Double(280 * 30)) < 1e-12)
        for l in 0..<2 {
            let worst = worstRelativeDifference(b.parameters[l].weights, a.parameters[l].weights)
            #expect(worst < 1e-2, "layer \(l) weights differ by \(worst) (relative)")
        }
    }

    @Test("on a batch big enough to be split over threads, outputs keep their bits and the gradient its value")
    func threadedLargeBatch() {
        let (batch, units, pixels) = (400, 200, 60)
        let config = FFConfiguration(hiddenSizes: [units], batchSize: batch, readout: false)
        let data = syntheticExamples(count: batch, pixels: pixels, seed: 13)
        let network = FFNetwork(configuration: config, inputSize: pixels, random: RandomGenerator(seed: 2))
        // K = 2 negatives per image, k-major.
        let negatives: [Int32] = data.labels.map { ($0 + 3) % 10 } + data.labels.map { ($0 + 7) % 10 }
        let gPos = randomMatrix(batch, units, seed: 8), gNeg = randomMatrix(2 * batch, units, seed: 9)
        func run(threads: Int) -> (outputs: [Float], gradient: [Float]) {
            ParallelRows.$threadsOverride.withValue(threads) {
                var share = SharedFirstLayer()
                share.prepare(data.images, network: network)
                var y = Matrix(rows: 0, columns: 0)
                share.output(.labels(negatives), network: network, into: &y)
                var gradient = network.parameters[0]
                share.gradient(positive: gPos, positiveLabels: data.labels, negative: gNeg, negativeLabels: negatives,
                               network: network, into: &gradient)
                return (y.storage, gradient.weights.storage + gradient.bias)
            }
        }
        let one = run(threads: 1), two = run(threads: 2)
        #expect(one.outputs == two.outputs)
        #expect(zip(one.gradient, two.gradient).allSatisfy { abs($0 - $1) <= 1e-4 * (1 + abs($0)) })
        // And the naive gradient, for the threaded run.
        var x = Matrix(rows: 0, columns: 0), xNeg = Matrix(rows: 0, columns: 0)
        let tiled = Matrix(rows: 2 * batch, columns: pixels, storage: data.images.storage + data.images.storage)
        network.makeInput(data.images, label: .labels(data.labels), into: &x)
        network.makeInput(tiled, label: .labels(negatives), into: &xNeg)
        var naive = network.parameters[0]
        naive.setGradient(input: x, outputGradient: gPos)
        naive.setGradient(input: xNeg, outputGradient: gNeg, accumulate: true)
        #expect(zip(two.gradient, naive.weights.storage + naive.bias).allSatisfy { abs($0 - $1) <= 1e-3 * (1 + abs($1)) })
    }

    @Test("the gradient read from activities and row coefficients equals the one from scaled rows, bit for bit")
    func rowScaledGradient() {
        let (batch, units, pixels) = (300, 240, 50)
        let config = FFConfiguration(hiddenSizes: [units], batchSize: batch, readout: false)
        let data = syntheticExamples(count: batch, pixels: pixels, seed: 21)
        let network = FFNetwork(configuration: config, inputSize: pixels, random: RandomGenerator(seed: 3))
        let negatives: [Int32] = data.labels.map { ($0 + 1) % 10 }
        var share = SharedFirstLayer()
        share.prepare(data.images, network: network)
        var yPos = Matrix(rows: 0, columns: 0), yNeg = Matrix(rows: 0, columns: 0)
        share.output(.labels(data.labels), network: network, into: &yPos)
        share.output(.labels(negatives), network: network, into: &yNeg)
        var cPos = [Float](), cNeg = [Float]()
        _ = LogisticGoodness().lossCoefficients(positive: yPos, negative: yNeg,
                                                positiveCoefficients: &cPos, negativeCoefficients: &cNeg)
        var gPos = Matrix(rows: 0, columns: 0), gNeg = Matrix(rows: 0, columns: 0)
        scaleRows(yPos, by: cPos, into: &gPos)
        scaleRows(yNeg, by: cNeg, into: &gNeg)
        var fused = network.parameters[0], scaled = network.parameters[0]
        share.gradient(positive: yPos, scaledBy: cPos, positiveLabels: data.labels,
                       negative: yNeg, scaledBy: cNeg, negativeLabels: negatives, network: network, into: &fused)
        share.gradient(positive: gPos, positiveLabels: data.labels, negative: gNeg, negativeLabels: negatives,
                       network: network, into: &scaled)
        #expect(fused == scaled)
    }
}

import Testing
import FFNumerics
import FFRandom
@testable import FFTraining

@Suite("Recurrent Forward-Forward")
struct RecurrentFFTests {
    /// A tiny network: 2 pixels, hidden layers of 2 and 2 units, 2 classes,
    /// L2 normalisation without ε, so every number can be followed by hand.
    static func tinyNetwork() -> RecurrentFFNetwork {
        let ff = FFConfiguration(hiddenSizes: [2, 2], normalization: .l2, normalizationEpsilon: 0,
                                 normalizeInput: false, overlay: LabelOverlay(classes: 2))
        let config = RecurrentFFConfiguration(ff: ff, dynamics: RecurrentDynamics())
        // Layer 1 takes [x1, x2, h2a, h2b]; layer 2 takes [n(h1)a, n(h1)b, label0, label1].
        let w1 = LayerParameters(weights: Matrix(rows: 2, columns: 4, storage: [0.5, -0.2, 0.3, 0.1,
                                                                               0.1, 0.8, -0.4, 0.6]),
                                 bias: [0.05, 0.0])
        let w2 = LayerParameters(weights: Matrix(rows: 2, columns: 4, storage: [0.7, 0.2, 0.9, -0.5,
                                                                               -0.3, 0.6, -0.2, 0.8]),
                                 bias: [0.0, 0.1])
        return RecurrentFFNetwork(configuration: config, inputSize: 2, parameters: [w1, w2])
    }

    /// The same network written out with scalars.
    struct HandComputed {
        let w1: [[Float]] = [[0.5, -0.2, 0.3, 0.1], [0.1, 0.8, -0.4, 0.6]], b1: [Float] = [0.05, 0]
        let w2: [[Float]] = [[0.7, 0.2, 0.9, -0.5], [-0.3, 0.6, -0.2, 0.8]], b2: [Float] = [0, 0.1]

        func unit(_ v: [Float]) -> [Float] {
            let n = (v[0] * v[0] + v[1] * v[1]).squareRoot()
            return [v[0] / n, v[1] / n]
        }
        func layer(_ w: [[Float]], _ b: [Float], _ input: [Float]) -> [Float] {
            (0..<2).map { i in max(0, (0..<4).reduce(b[i]) { $0 + w[i][$1] * input[$1] }) }
        }
        /// States of both layers after the bottom-up pass and `iterations` damped steps.
        func states(image x: [Float], label: Int, iterations: Int) -> [[[Float]]] {
            var h1 = layer(w1, b1, x + [0, 0])
            var h2 = layer(w2, b2, unit(h1) + [0, 0])
            var trajectory = [[h1, h2]]
            let onehot: [Float] = label == 0 ? [1, 0] : [0, 1]
            for _ in 0..<iterations {
                let c1 = layer(w1, b1, x + unit(h2))
                let c2 = layer(w2, b2, unit(h1) + onehot)
                h1 = (0..<2).map { 0.3 * h1[$0] + 0.7 * c1[$0] }
                h2 = (0..<2).map { 0.3 * h2[$0] + 0.7 * c2[$0] }
                trajectory.append([h1, h2])
            }
            return trajectory
        }
        /// Goodness Σ y² over both layers, averaged over iterations 3, 4 and 5.
        func score(image x: [Float], label: Int) -> Float {
            let t = states(image: x, label: label, iterations: 5)
            return (3...5).reduce(0) { sum, i in
                sum + t[i].reduce(0) { $0 + $1[0] * $1[0] + $1[1] * $1[1] }
            } / 3
        }
    }

    static let images = Matrix(rows: 2, columns: 2, storage: [0.9, 0.2, 0.1, 0.7])

    @Test("the bottom-up pass and each damped step match a hand computation")
    func dampingByHand() {
        let net = Self.tinyNetwork()
        let hand = HandComputed()
        var state = RecurrentState(layers: 2)
        net.start(&state, images: Self.images)
        net.setLabels(&state, .labels([1, 0]))
        for t in 0...3 {
            if t > 0 { net.step(&state) }
            for row in 0..<2 {
                let x = Self.images.row(row)
                let expected = hand.states(image: x, label: row == 0 ? 1 : 0, iterations: t)[t]
                for l in 0..<2 {
                    for j in 0..<2 {
                        #expect(abs(state.states[l][row, j] - expected[l][j]) < 1e-5, "t=\(t) row=\(row) layer=\(l)")
                    }
                }
            }
        }
    }

    @Test("a prediction score is the goodness averaged over iterations 3–5")
    func iterationAveragingByHand() {
        let net = Self.tinyNetwork()
        let hand = HandComputed()
        let scores = net.goodnessScores(Self.images)
        for row in 0..<2 {
            for label in 0..<2 {
                let expected = hand.score(image: Self.images.row(row), label: label)
                #expect(abs(scores[row, label] - expected) < 1e-4 * max(1, expected), "row \(row) label \(label)")
            }
        }
        // Iteration 2 or 6 alone gives other numbers: the window matters.
        let t = hand.states(image: Self.images.row(0), label: 0, iterations: 6)
        let g2 = t[2].reduce(0) { $0 + $1[0] * $1[0] + $1[1] * $1[1] }
        #expect(abs(g2 - scores[0, 0]) > 1e-4)
    }

    @Test("the damped local update equals (1 − d) × the gradient through the measured output")
    func dampedUpdateGradient() {
        // SGD without momentum at lr 1 writes −gradient; compare with finite differences.
        var ff = FFConfiguration(hiddenSizes: [3], optimizer: .init(kind: .sgd, momentum: 0))
        ff.activationGradient = .nominal
        let input = randomMatrix(4, 5, seed: 1), negativeInput = randomMatrix(4, 5, seed: 2)
        let old = randomMatrix(4, 3, seed: 3, scale: 0.5), oldNegative = randomMatrix(4, 3, seed: 4, scale: 0.5)
        let start = LayerParameters(inputSize: 5, outputSize: 3, initialization: .heNormal, random: RandomGenerator(seed: 5))
        let objective = LogisticGoodness(reduction: .sum, threshold: 1)
        let d: Float = 0.3
        func states(_ p: LayerParameters) -> (Matrix, Matrix, Matrix, Matrix) {
            var y = Matrix(rows: 0, columns: 0), yn = Matrix(rows: 0, columns: 0)
            DigitalLayer.linear(input, p, into: &y); y.applyReLU()
            DigitalLayer.linear(negativeInput, p, into: &yn); yn.applyReLU()
            var s = old, sn = oldNegative
            s.scale(by: d); s.add(y, scaledBy: 1 - d)
            sn.scale(by: d); sn.add(yn, scaledBy: 1 - d)
            return (y, s, yn, sn)
        }
        let (y, s, yn, sn) = states(start)
        var update = FFLayerUpdate(optimizer: ff.optimizer, inputSize: 5, outputSize: 3)
        _ = update.accumulate(objective: objective, configuration: ff,
                              positive: LayerMeasurement(input: input, output: y, state: s, activation: .relu),
                              negative: LayerMeasurement(input: negativeInput, output: yn, state: sn, activation: .relu),
                              outputScale: 1 - d)
        var parameters = start
        let layer = DigitalLayer(parameters: start, activation: .relu)
        update.apply(to: &parameters, executor: layer, learningRate: 1)
        #expect(layer.parameters == parameters)
        var w = start.weights.storage
        for i in 0..<w.count {
            let numeric = finiteDifference(&w, i, step: 1e-3) { values in
                var p = start
                p.weights = Matrix(rows: 3, columns: 5, storage: values)
                let (_, s, _, sn) = states(p)
                var a = Matrix(rows: 0, columns: 0), b = Matrix(rows: 0, columns: 0)
                return objective.loss(positive: s, negative: sn, positiveGradient: &a, negativeGradient: &b)
            }
            let analytic = Double(start.weights.storage[i] - parameters.weights.storage[i])
            #expect(abs(numeric - analytic) < 2e-3 + 2e-2 * abs(numeric), "weight \(i)")
        }
    }

    static func smallConfiguration(_ edit: (inout FFConfiguration) -> Void = { _ in }) -> RecurrentFFConfiguration {
        var ff = FFConfiguration(hiddenSizes: [32, 32], epochs: 6, batchSize: 20, learningRate: 0.01,
                                 initialization: .heNormal)
        edit(&ff)
        return RecurrentFFConfiguration(ff: ff, dynamics: RecurrentDynamics(iterations: 5))
    }

    @Test("learning happens: well above chance on a small synthetic problem", arguments: [NegativeChoice.random, .proportional])
    func learns(negatives: NegativeChoice) throws {
        let train = syntheticExamples(count: 400, seed: 21), test = syntheticExamples(count: 200, seed: 22)
        let net = RecurrentFFNetwork(configuration: Self.smallConfiguration { $0.negatives = negatives },
                                     inputSize: train.images.columns, random: RandomGenerator(seed: 1))
        let history = try RecurrentFFTrainer(network: net, seed: 2).fit(train: train, test: test)
        let accuracy = try #require(history.last?.testAccuracy)
        // Chance is 10%.
        #expect(accuracy > 0.4, "test accuracy \(accuracy)")
        #expect(history.last!.loss < history.first!.loss)
    }

    @Test("the same seed reproduces a run bit for bit")
    func deterministic() throws {
        let train = syntheticExamples(count: 100, seed: 3)
        func run() throws -> [LayerParameters] {
            let config = Self.smallConfiguration { $0.epochs = 1; $0.peerNormalization = PeerNormalization() }
            let net = RecurrentFFNetwork(configuration: config, inputSize: train.images.columns, random: RandomGenerator(seed: 4))
            _ = try RecurrentFFTrainer(network: net, seed: 5).fit(train: train, test: nil)
            return net.parameters
        }
        #expect(try run() == run())
    }

    @Test("skipping zero inputs and zero gradients gives the dense run's numbers")
    func skippingMatchesDense() throws {
        // Three quarters of the pixels are blank in every image, so layer 1's
        // input has columns that are zero for a whole batch.
        var train = syntheticExamples(count: 100, seed: 6)
        for i in 0..<train.count {
            for j in 10..<train.images.columns { train.images[i, j] = 0 }
        }
        func run(skipping: Bool) throws -> (parameters: [LayerParameters], losses: [Double], scores: Matrix,
                                            inputUse: [Double], gradientUse: [Double]) {
            let config = Self.smallConfiguration { $0.epochs = 2 }
            let net = RecurrentFFNetwork(configuration: config, inputSize: train.images.columns, random: RandomGenerator(seed: 7))
            net.skipsZeroInputs = skipping
            let trainer = RecurrentFFTrainer(network: net, seed: 8)
            trainer.skipsZeroColumns = skipping
            let history = try trainer.fit(train: train, test: nil)
            return (net.parameters, history.map(\.loss), net.goodnessScores(train.images),
                    trainer.inputUse, trainer.gradientUse)
        }
        let (skipped, dense) = (try run(skipping: true), try run(skipping: false))
        #expect(skipped.inputUse[0] < 0.75 && skipped.gradientUse[0] < 1)
        #expect(dense.inputUse == [1, 1] && dense.gradientUse == [1, 1])
        for (s, d) in zip(skipped.losses, dense.losses) { #expect(abs(s - d) <= 1e-4 * abs(d)) }
        for (s, d) in zip(skipped.parameters, dense.parameters) {
            #expect(worstRelativeDifference(d.weights, s.weights) < 1e-3)
        }
        #expect(worstRelativeDifference(dense.scores, skipped.scores) < 1e-4)
    }

    @Test("a layerwise schedule is refused with a message that says why")
    func layerwiseRefused() {
        let train = syntheticExamples(count: 20, seed: 3)
        let net = RecurrentFFNetwork(configuration: Self.smallConfiguration { $0.schedule = .layerwise },
                                     inputSize: train.images.columns, random: RandomGenerator(seed: 4))
        #expect {
            try RecurrentFFTrainer(network: net, seed: 5).fit(train: train, test: nil)
        } throws: { error in
            "\(error)".contains("layerwise")
        }
    }
}

import Foundation
import Testing
import FFNumerics
import FFRandom
@testable import FFTraining

@Suite("Proportional negatives at a temperature")
struct NegativeLabelTemperatureTests {
    /// Two examples over 4 classes whose wrong labels' goodness differs by tens,
    /// as a Σy² goodness over hundreds of units does.
    static let scores = Matrix(rows: 2, columns: 4, storage: [50, 10, 30, 0,
                                                                5, 60, 45, 40])
    static let labels: [Int32] = [0, 1]

    /// How often each class is drawn for each example over `draws` batches.
    static func frequencies(temperature: Float?, draws: Int = 20_000, seed: UInt64 = 7) -> [[Double]] {
        let sampler = NegativeChoice.proportional.make(temperature: temperature)
        let random = RandomGenerator(seed: seed)
        var counts = [[Double]](repeating: [Double](repeating: 0, count: 4), count: 2)
        for _ in 0..<draws {
            let wrong = sampler.negativeLabels(for: labels, scores: scores, classes: 4, random: random)
            for i in 0..<2 { counts[i][Int(wrong[i])] += 1 }
        }
        return counts.map { $0.map { $0 / Double(draws) } }
    }

    /// The softmax over the wrong labels at temperature `t`.
    static func expected(temperature t: Double) -> [[Double]] {
        (0..<2).map { i in
            let w = (0..<4).map { c in c == Int(labels[i]) ? 0 : exp(Double(scores[i, c]) / t) }
            let total = w.reduce(0, +)
            return w.map { $0 / total }
        }
    }

    @Test("draws follow exp(G / T) over the wrong labels and never the true one", arguments: [4.0, 10.0, 1000.0])
    func followsSoftmax(temperature: Double) {
        let f = Self.frequencies(temperature: Float(temperature))
        let p = Self.expected(temperature: temperature)
        for i in 0..<2 {
            #expect(f[i][Int(Self.labels[i])] == 0)
            for c in 0..<4 {
                // Binomial standard error at 20,000 draws is at most 0.0036; allow 5 of them.
                #expect(abs(f[i][c] - p[i][c]) < 0.018, "T \(temperature), example \(i), class \(c): \(f[i][c]) against \(p[i][c])")
            }
        }
    }

    @Test("T = 1 draws exactly as the sampler did before the temperature existed; large T is uniform, small T hard")
    func limits() {
        let random = RandomGenerator(seed: 3), again = RandomGenerator(seed: 3)
        let labels = (0..<200).map { Int32($0 % 4) }
        let scores = Matrix(rows: 200, columns: 4, storage: (0..<800).map { Float(($0 * 37) % 23) })
        let before = ProportionalWrongLabel().negativeLabels(for: labels, scores: scores, classes: 4, random: random)
        let one = FFConfiguration(negatives: .proportional, negativeLabelTemperature: 1).makeNegativeSampler()
            .negativeLabels(for: labels, scores: scores, classes: 4, random: again)
        #expect(before == one)

        let uniform = Self.frequencies(temperature: 1e6)
        for i in 0..<2 {
            for c in 0..<4 where c != Int(Self.labels[i]) { #expect(abs(uniform[i][c] - 1.0 / 3) < 0.02) }
        }
        let hard = Self.frequencies(temperature: 0.01, draws: 500)
        #expect(hard[0][2] == 1 && hard[1][2] == 1)
    }

    @Test("a temperature that is not positive, or one given with other negatives, is refused before training")
    func refused() throws {
        let data = syntheticExamples(count: 40, seed: 5)
        for (negatives, t, reason) in [(NegativeChoice.proportional, Float(0), "must be a positive number"),
                                       (.proportional, -1, "must be a positive number"),
                                       (.proportional, .nan, "must be a positive number"),
                                       (.hard, 2, "applies only to proportional negatives")] {
            var ff = FFConfiguration(hiddenSizes: [8], epochs: 1, batchSize: 20)
            ff.negatives = negatives
            ff.negativeLabelTemperature = t
            #expect(throws: TrainingError.self) { try ff.checkNegativeLabelTemperature() }
            do {
                _ = try FFTrainer(network: FFNetwork(configuration: ff, inputSize: data.images.columns,
                                                     random: RandomGenerator(seed: 1)), seed: 2)
                    .fit(train: data, test: nil)
                Issue.record("FF trained with temperature \(t) and \(negatives) negatives")
            } catch {
                #expect("\(error)".contains(reason), "\(error)")
            }
            let recurrent = RecurrentFFConfiguration(ff: ff)
            #expect(throws: TrainingError.self) { try recurrent.validate() }
        }
    }

    @Test("a recurrent run with a temperature learns and differs from T = 1; the setting round-trips through JSON")
    func recurrentRun() throws {
        let train = syntheticExamples(count: 200, seed: 21), test = syntheticExamples(count: 100, seed: 22)
        func run(_ t: Float?) throws -> (Double, [LayerParameters]) {
            let config = RecurrentFFTests.smallConfiguration {
                $0.epochs = 3
                $0.negatives = .proportional
                $0.negativeLabelTemperature = t
            }
            let net = RecurrentFFNetwork(configuration: config, inputSize: train.images.columns, random: RandomGenerator(seed: 1))
            let history = try RecurrentFFTrainer(network: net, seed: 2).fit(train: train, test: test)
            return (try #require(history.last?.testAccuracy), net.parameters)
        }
        let (base, baseWeights) = try run(nil)
        let (warm, warmWeights) = try run(100)
        #expect(warm > 0.3, "accuracy \(warm) (chance 10%)")
        #expect(base > 0.3)
        #expect(warmWeights != baseWeights)

        var ff = FFConfiguration()
        let plain = String(decoding: try JSONEncoder().encode(ff), as: UTF8.self)
        #expect(!plain.contains("negativeLabelTemperature"))
        ff.negativeLabelTemperature = 30
        let decoded = try JSONDecoder().decode(FFConfiguration.self, from: try JSONEncoder().encode(ff))
        #expect(decoded.negativeLabelTemperature == 30)
    }
}

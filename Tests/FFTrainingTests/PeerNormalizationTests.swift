import Testing
import FFNumerics
@testable import FFTraining

@Suite("Peer normalisation")
struct PeerNormalizationTests {
    @Test("its gradient matches central finite differences of the loss through the running mean")
    func gradientMatchesFiniteDifferences() {
        let settings = PeerNormalization(strength: 0.5, momentum: 0.6)
        var start = PeerNormalization.State(units: 5)
        // Move the running means off their common start so the loss is not flat.
        var zero = Matrix(rows: 2, columns: 5)
        _ = start.apply(settings, positive: randomMatrix(2, 5, seed: 7, scale: 2), gradient: &zero)
        let y = randomMatrix(3, 5, seed: 3, scale: 1)
        var gradient = Matrix(rows: 3, columns: 5)
        var state = start
        _ = state.apply(settings, positive: y, gradient: &gradient)
        let values = y.storage
        let f: ([Float]) -> Double = { v in
            var s = start
            var g = Matrix(rows: 3, columns: 5)
            return s.apply(settings, positive: Matrix(rows: 3, columns: 5, storage: v), gradient: &g)
        }
        expectMatchesFiniteDifferences(gradient, at: values, f)
    }

    @Test("the running mean follows r ← μ·r + (1 − μ)·batch mean, from 0.5")
    func runningMeanByHand() {
        var state = PeerNormalization.State(units: 2)
        var g = Matrix(rows: 2, columns: 2)
        let y = Matrix(rows: 2, columns: 2, storage: [1, 0, 3, 0])  // column means 2, 0
        let loss = state.apply(PeerNormalization(strength: 1, momentum: 0.9), positive: y, gradient: &g)
        #expect(abs(state.runningMeans[0] - 0.65) < 1e-6)
        #expect(abs(state.runningMeans[1] - 0.45) < 1e-6)
        // r̄ = 0.55; mean of squared deviations = 0.01
        #expect(abs(loss - 0.01) < 1e-6)
    }

    @Test("a straight-through gradient trains silent units that the nominal derivative leaves alone")
    func straightThroughReachesSilentUnits() throws {
        let data = syntheticExamples(count: 200, seed: 5)
        var ids = [ActivationGradient: [Float]]()
        for kind in ActivationGradient.allCases {
            var config = FFConfiguration(hiddenSizes: [16], epochs: 1, batchSize: 50, readout: false)
            config.activationGradient = kind
            config.peerNormalization = PeerNormalization()
            let network = FFNetwork(configuration: config, inputSize: 40, random: .init(seed: 1))
            _ = try FFTrainer(network: network, seed: 1).fit(train: data, test: nil)
            ids[kind] = network.parameters[0].weights.storage
        }
        #expect(ids[.nominal] != ids[.straightThrough])
    }
}

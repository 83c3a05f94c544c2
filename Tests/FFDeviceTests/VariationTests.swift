#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Testing
import FFNumerics
import FFTraining
@testable import FFDevice

@Suite("Device-to-device variation and stuck devices")
struct VariationTests {
    @Test("device gains are lognormal with median 1 and the configured σ, and scale the read weights")
    func deviceGain() {
        let layer = AnalogLayer(parameters: Support.constant(0.3, inputs: 99, outputs: 100), activation: .identity,
                                preset: Support.preset { $0.weights.maxWeight = 1; $0.variation.deviceGainSigma = 0.2 },
                                seed: 6)
        let logs = layer.variation.gainPlus.map { Float(log(Double($0))) }
        #expect(Support.matchesNormal(Support.moments(logs), mean: 0, sigma: 0.2))
        // Positive weights are read through their positive device: w_eff = w · gain⁺.
        for d in 0..<layer.effective.count {
            #expect(abs(layer.effective.storage[d] - 0.3 * layer.variation.gainPlus[d]) < 1e-6)
        }
    }

    @Test("column gains are lognormal and column offsets Gaussian with σ relative to the output range")
    func columnVariation() {
        let preset = Support.preset {
            $0.weights.maxWeight = 1
            $0.adc.range = 4
            $0.variation = .init(columnGainSigma: 0.1, columnOffsetSigma: 0.05)
        }
        let outputs = 4000
        let layer = AnalogLayer(parameters: Support.constant(0.5, inputs: 1, outputs: outputs), activation: .identity,
                                preset: preset, seed: 7)
        let logs = layer.variation.columnGain.map { Float(log(Double($0))) }
        #expect(Support.matchesNormal(Support.moments(logs), mean: 0, sigma: 0.1))
        // With input 0 only bias (0.5 · gain) and offset remain.
        let y = Support.forward(layer, Matrix(rows: 1, columns: 1))
        let offsets = (0..<outputs).map { y[0, $0] - 0.5 * layer.variation.columnGain[$0] }
        #expect(Support.matchesNormal(Support.moments(offsets), mean: 0, sigma: 0.2))
    }

    @Test("stuck fractions match the configured rates within binomial tolerance")
    func stuckFractions() {
        let preset = Support.preset { $0.weights.maxWeight = 1; $0.stuck = .init(atZero: 0.05, atMax: 0.1) }
        let layer = AnalogLayer(inputSize: 199, outputSize: 100, activation: .relu, preset: preset, seed: 8)
        let states = layer.stuck.plus + layer.stuck.minus
        let n = Double(states.count)
        for (state, p) in [(StuckDevices.State.atZero, 0.05), (.atMax, 0.1)] {
            let k = Double(states.filter { $0 == state.rawValue }.count)
            #expect(abs(k - n * p) < 5 * (n * p * (1 - p)).squareRoot(), "\(state): \(k) of \(n)")
        }
        // Positions are fixed per instance and differ between instances.
        let same = AnalogLayer(inputSize: 199, outputSize: 100, activation: .relu, preset: preset, seed: 8)
        let other = AnalogLayer(inputSize: 199, outputSize: 100, activation: .relu, preset: preset, seed: 9)
        #expect(same.stuck.plus == layer.stuck.plus)
        #expect(other.stuck.plus != layer.stuck.plus)
    }

    @Test("stuck devices ignore programming")
    func stuckIgnoresProgramming() {
        let preset = Support.preset {
            $0.weights = .init(maxWeight: 1, programmingNoise: 0.01)
            $0.stuck = .init(atZero: 0.2, atMax: 0.2)
        }
        let layer = AnalogLayer(parameters: Support.constant(0.5, inputs: 30, outputs: 20), activation: .identity,
                                preset: preset, seed: 10)
        func check() {
            for d in 0..<layer.programmedPlus.count {
                switch layer.stuck.plus[d] {
                case StuckDevices.State.atZero.rawValue: #expect(layer.programmedPlus[d] == 0)
                case StuckDevices.State.atMax.rawValue: #expect(layer.programmedPlus[d] == 1)
                default: #expect(abs(layer.programmedPlus[d] - 0.5) < 0.1)
                }
                if layer.stuck.minus[d] == StuckDevices.State.atMax.rawValue { #expect(layer.programmedMinus[d] == 1) }
            }
        }
        check()
        layer.update(by: Support.constant(-0.2, inputs: 30, outputs: 20))
        for d in 0..<layer.programmedPlus.count where layer.stuck.plus[d] == 0 {
            #expect(abs(layer.programmedPlus[d] - 0.3) < 0.1)
        }
        layer.program(Support.constant(0.5, inputs: 30, outputs: 20))
        check()
    }
}

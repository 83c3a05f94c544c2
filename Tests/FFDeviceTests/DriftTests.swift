#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Testing
import FFNumerics
import FFTraining
@testable import FFDevice

@Suite("Conductance drift, 1/f noise and drift compensation")
struct DriftTests {
    static let times: [Double] = [0, 100, 1_000, 10_000, 100_000, 1_000_000]

    /// Per-device drift exponents from a least-squares fit of ln g against
    /// ln((t + t₀) / t₀) over several read times (one output row per level).
    static func fittedExponents(_ layer: AnalogLayer, row: Int) -> [Float] {
        let n1 = layer.inputSize + 1
        var logs = [[Double]]()
        for t in times {
            layer.advanceTime(to: t)
            logs.append((0..<n1).map { log(Double(layer.effective[row, $0])) })
        }
        let xs: [Double] = times.map { log(($0 + 20) / 20) }
        let mx: Double = xs.reduce(0, +) / Double(xs.count)
        var sxx = 0.0
        for x in xs { sxx += (x - mx) * (x - mx) }
        return (0..<n1).map { j -> Float in
            let ys: [Double] = logs.map { $0[j] }
            let my: Double = ys.reduce(0, +) / Double(ys.count)
            var sxy = 0.0
            for (x, y) in zip(xs, ys) { sxy += (x - mx) * (y - my) }
            return Float(-sxy / sxx)
        }
    }

    /// E|X| for X ~ N(μ, σ²).
    static func foldedMean(_ mu: Double, _ sigma: Double) -> Double {
        let z: Double = mu / sigma
        let central: Double = mu * erf(z / 2.0.squareRoot())
        let fold: Double = sigma * (2 / Double.pi).squareRoot() * exp(-z * z / 2)
        return central + fold
    }

    @Test("a log–log fit recovers the configured constant drift exponent")
    func constantDrift() {
        let preset = Support.preset {
            $0.weights.maxWeight = 1
            $0.drift = .init(model: .constant, nuMean: 0.06, nuSigma: 0.01)
        }
        let layer = AnalogLayer(parameters: Support.constant(0.5, inputs: 2999, outputs: 1), activation: .identity,
                                preset: preset, seed: 11)
        let nu = Self.fittedExponents(layer, row: 0)
        #expect(Support.matchesNormal(Support.moments(nu), mean: Self.foldedMean(0.06, 0.01), sigma: 0.01))
        // g(t) follows the power law exactly for each device.
        layer.advanceTime(to: 980)
        for j in 0..<10 {
            let expected = 0.5 * pow(50.0, -Double(layer.nuPlus[j]))
            #expect(abs(Double(layer.effective[0, j]) - expected) < 1e-5)
        }
    }

    @Test("the PCM model's drift exponent depends on the target conductance as aihwkit's fit",
          arguments: [Float(0.05), 0.3, 0.9])
    func pcmDrift(level: Float) {
        let preset = Support.preset { $0.weights.maxWeight = 1; $0.drift.model = .pcm }
        let layer = AnalogLayer(parameters: Support.constant(level, inputs: 2999, outputs: 1), activation: .identity,
                                preset: preset, seed: 12)
        let mu = Double(ConductanceDrift.pcmMean(level)), sigma = Double(ConductanceDrift.pcmSigma(level))
        #expect(abs(mu - min(max(-0.0155 * log(Double(level)) + 0.0244, 0.049), 0.1)) < 1e-6)
        #expect(abs(sigma - min(max(-0.0125 * log(Double(level)) - 0.0059, 0.008), 0.045)) < 1e-6)
        let nu = Self.fittedExponents(layer, row: 0)
        let m = Support.moments(nu)
        // The folded normal's mean; its sd is below σ, so σ bounds the standard error.
        #expect(abs(m.mean - Self.foldedMean(mu, sigma)) < 5 * sigma / m.n.squareRoot(), "\(m) vs μ \(mu) σ \(sigma)")
        #expect(m.sd < sigma * 1.1)
    }

    @Test("accumulated 1/f noise has aihwkit's relative σ = Q_s · √(ln((t + t_r)/(2 t_r))) and is redrawn per read time")
    func oneOverFNoise() {
        let preset = Support.preset { $0.weights.maxWeight = 1; $0.readNoise.oneOverF = 1 }
        let layer = AnalogLayer(parameters: Support.constant(0.5, inputs: 9999, outputs: 1), activation: .identity,
                                preset: preset, seed: 13)
        layer.advanceTime(to: 1_000)
        let t = 1_000.0 + 20
        let sigma = Double(0.0088 / powf(0.5, 0.65)) * log((t + 250e-9) / (2 * 250e-9)).squareRoot()
        let relative = layer.effective.storage.map { $0 / 0.5 - 1 }
        #expect(Support.matchesNormal(Support.moments(relative), mean: 0, sigma: sigma), "σ expected \(sigma)")
        let first = layer.effective
        layer.advanceTime(to: 1_000)
        #expect(layer.effective != first)
        #expect(abs(ReadNoise.qs(1e-6) - 0.2) < 1e-7)
    }

    @Test("global drift compensation restores the output scale; without it outputs decay as (t/t₀)^−ν")
    func compensation() {
        let preset = Support.preset {
            $0.weights.maxWeight = 1
            $0.drift = .init(model: .constant, nuMean: 0.05)
        }
        let p = Support.random(inputs: 20, outputs: 8, sigma: 0.3)
        let x = Support.gaussian(rows: 5, columns: 20)
        let layer = AnalogLayer(parameters: p, activation: .identity, preset: preset, seed: 14)
        let fresh = Support.forward(layer, x)
        layer.advanceTime(to: 1_000_000 - 20)
        let decayed = Support.forward(layer, x)
        let factor = Float(pow(50_000.0, -0.05))
        for i in 0..<fresh.count { #expect(abs(decayed.storage[i] - factor * fresh.storage[i]) < 1e-4) }
        layer.driftCompensation = .global
        #expect(abs(layer.compensationFactor - 1 / factor) < 1e-4)
        #expect(Support.maxRelativeDifference(Support.forward(layer, x), fresh) < 1e-4)
        // A write resets the clock and the reference.
        layer.program(p)
        #expect(layer.readTime == 0 && layer.compensationFactor == 1)
    }
}

@Suite("The tabulated 1/f amplitude")
struct QsTableTests {
    @Test("tabulated Q_s matches aihwkit's formula within 10⁻³ relative over [0, 1]")
    func table() {
        for k in 0...20_000 {
            let g = Float(k) / 20_000
            let exact = ReadNoise.qs(g), table = ReadNoise.tabulatedQs(g)
            #expect(abs(table - exact) <= 1e-3 * exact, "g = \(g): \(table) vs \(exact)")
        }
    }
}

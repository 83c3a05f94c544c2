#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Testing
import FFNumerics
import FFTraining
@testable import FFDevice

@Suite("Hidden behaviour: neuron transfer deviations and the black box")
struct HiddenBehaviourTests {
    static let transferPreset = Support.preset {
        $0.transfer = .init(saturation: 2, saturationSpread: 0.2, slopeError: -0.1, slopeErrorSpread: 0.1,
                            offset: 0.05, offsetSpread: 0.1, leak: 0.03, leakSpread: 0.01)
    }

    @Test("ReLU outputs follow fᵢ(z) = Sᵢ tanh(max(z + oᵢ, 0) sᵢ / Sᵢ) + λᵢ min(z + oᵢ, 0)")
    func transferFormula() throws {
        let p = Support.random(inputs: 4, outputs: 50)
        let x = Support.gaussian(rows: 40, columns: 4)
        let layer = AnalogLayer(parameters: p, activation: .relu, preset: Self.transferPreset, seed: 30)
        let t = try #require(layer.transfer)
        var z = Matrix(rows: 0, columns: 0)
        DigitalLayer.linear(x, p, into: &z)
        let y = Support.forward(layer, x)
        var negatives = 0
        for r in 0..<40 {
            for i in 0..<50 {
                let u = z[r, i] + t.offset[i]
                let s = t.saturation![i]
                let expected = u > 0 ? s * tanhf(u * t.slope[i] / s) : t.leak[i] * u
                if u < 0 { negatives += 1 }
                #expect(abs(y[r, i] - expected) < 1e-5)
            }
        }
        #expect(negatives > 100)
        // Identity layers skip the transfer.
        let identity = AnalogLayer(parameters: p, activation: .identity, preset: Self.transferPreset, seed: 30)
        #expect(identity.transfer == nil)
        #expect(Support.maxRelativeDifference(Support.forward(identity, x), z) < 1e-5)
    }

    @Test("per-neuron transfer parameters spread as configured")
    func transferSpread() throws {
        let units = 4000
        let layer = AnalogLayer(inputSize: 1, outputSize: units, activation: .relu, preset: Self.transferPreset, seed: 31)
        let t = try #require(layer.transfer)
        let logS = t.saturation!.map { Float(log(Double($0) / 2)) }
        #expect(Support.matchesNormal(Support.moments(logS), mean: 0, sigma: 0.2))
        let logSlope = t.slope.map { Float(log(Double($0) / 0.9)) }
        #expect(Support.matchesNormal(Support.moments(logSlope), mean: 0, sigma: 0.1))
        #expect(Support.matchesNormal(Support.moments(t.offset), mean: 0.05, sigma: 0.1))
        #expect(Support.matchesNormal(Support.moments(t.leak), mean: 0.03, sigma: 0.01))
    }

    @Test("the mixing black box is fixed per instance, changes with the seed, and keeps typical magnitudes")
    func mixing() throws {
        let preset = Support.preset { $0.blackBox = .init(kind: .mixing, strength: 0.5, saturation: 3) }
        let x = Support.gaussian(rows: 200, columns: 64)
        let a = AnalogLayer(inputSize: 3, outputSize: 64, activation: .relu, preset: preset, seed: 32)
        let b = AnalogLayer(inputSize: 3, outputSize: 64, activation: .relu, preset: preset, seed: 32)
        let c = AnalogLayer(inputSize: 3, outputSize: 64, activation: .relu, preset: preset, seed: 33)
        var ya = Matrix(rows: 0, columns: 0), ya2 = ya, yb = ya, yc = ya
        a.transmit(x, into: &ya)
        a.transmit(x, into: &ya2)
        b.transmit(x, into: &yb)
        c.transmit(x, into: &yc)
        #expect(ya == ya2 && ya == yb)
        #expect(ya != yc)
        #expect(ya != x)
        // The linear part keeps E‖Mx‖² = ‖x‖²: check on the mixing matrix itself.
        let m = try #require(a.blackBox).mixing
        var u = Matrix(rows: 0, columns: 0)
        BLAS.gemm(x, m, transposeB: true, into: &u)
        let ratio = u.storage.reduce(0) { $0 + Double($1 * $1) } / x.storage.reduce(0) { $0 + Double($1 * $1) }
        #expect(abs(ratio - 1) < 0.1)
        // The softsign bounds the output by its scale.
        #expect(ya.maxAbsoluteValue < 3)
        // The nominal preset has no black box: transmit copies.
        let nominal = AnalogLayer(inputSize: 3, outputSize: 64, activation: .relu, preset: preset.nominal, seed: 32)
        var copy = Matrix(rows: 0, columns: 0)
        nominal.transmit(x, into: &copy)
        #expect(copy == x)
    }

    @Test("the gain-curve black box computes aᵢ xᵢ / (1 + kᵢ |xᵢ|) with fixed per-channel a and k")
    func gainCurve() throws {
        let preset = Support.preset { $0.blackBox = .init(kind: .gainCurve, gainSpread: 0.2, curvature: 0.3, curvatureSpread: 0.5) }
        let layer = AnalogLayer(inputSize: 2, outputSize: 2000, activation: .relu, preset: preset, seed: 34)
        let box = try #require(layer.blackBox)
        let x = Support.gaussian(rows: 3, columns: 2000)
        var y = Matrix(rows: 0, columns: 0)
        layer.transmit(x, into: &y)
        for r in 0..<3 {
            for i in 0..<2000 {
                #expect(abs(y[r, i] - box.gain[i] * x[r, i] / (1 + box.curvature[i] * abs(x[r, i]))) < 1e-6)
            }
        }
        #expect(Support.matchesNormal(Support.moments(box.gain.map { Float(log(Double($0))) }), mean: 0, sigma: 0.2))
        #expect(Support.matchesNormal(Support.moments(box.curvature.map { Float(log(Double($0) / 0.3)) }), mean: 0, sigma: 0.5))
    }
}

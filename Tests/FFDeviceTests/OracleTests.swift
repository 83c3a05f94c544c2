import Testing
import FFNumerics
import FFRandom
import FFTraining
@testable import FFDevice

@Suite("The oracle model differentiates the exact hidden instance")
struct OracleTests {
    /// Every static non-ideality on, nothing random per read, nothing quantized.
    static let deterministic = Support.preset {
        $0.dac.range = 10
        $0.adc.range = 100
        $0.weights.maxWeight = 1
        $0.variation = .init(deviceGainSigma: 0.2, columnGainSigma: 0.1, columnOffsetSigma: 0.002)
        $0.stuck = .init(atZero: 0.1, atMax: 0.1)
        $0.drift = .init(model: .constant, nuMean: 0.05, nuSigma: 0.02)
        $0.transfer = .init(saturation: 2, saturationSpread: 0.2, slopeError: -0.1, slopeErrorSpread: 0.1,
                            offset: 0, offsetSpread: 0.1, leak: 0.05, leakSpread: 0.01)
    }

    /// Weights with |w| in [0.1, 0.9] so that a small step never changes the active device.
    static func parameters(inputs: Int, outputs: Int) -> LayerParameters {
        let g = GaussianStream(seed: 40)
        func draw() -> Float {
            let magnitude = 0.1 + 0.8 * Float(g.uniform())
            return g.uniform() < 0.5 ? -magnitude : magnitude
        }
        let w = Matrix(rows: outputs, columns: inputs, storage: (0..<(inputs * outputs)).map { _ in draw() })
        return LayerParameters(weights: w, bias: (0..<outputs).map { _ in draw() })
    }

    /// L = Σ g ⊙ forward(x) for the layer programmed with `p` and read at t = 1000 s.
    static func loss(_ layer: AnalogLayer, _ p: LayerParameters, _ x: Matrix, _ g: Matrix) -> Double {
        layer.program(p)
        layer.advanceTime(to: 1000)
        let y = Support.forward(layer, x)
        return zip(y.storage, g.storage).reduce(0) { $0 + Double($1.0) * Double($1.1) }
    }

    @Test("parameter and input gradients match central finite differences of the deterministic forward",
          arguments: [Activation.relu, .identity])
    func finiteDifferences(activation: Activation) {
        let (n, m, b) = (5, 4, 3)
        let p = Self.parameters(inputs: n, outputs: m)
        let x = Support.gaussian(rows: b, columns: n, seed: 41)
        let g = Support.gaussian(rows: b, columns: m, seed: 42)
        let layer = AnalogLayer(parameters: p, activation: activation, preset: Self.deterministic, seed: 43)
        #expect(!layer.stuck.isEmpty && layer.stuck.plus.contains(where: { $0 != 0 }))
        _ = Self.loss(layer, p, x, g)
        let oracle = layer.makeOracleModel()
        var gradient = LayerParameters(inputSize: n, outputSize: m)
        var inputGradient = Matrix(rows: 0, columns: 0)
        oracle.backward(input: x, output: Support.forward(layer, x), outputGradient: g, parameters: p,
                        parameterGradient: &gradient, inputGradient: &inputGradient, needsInputGradient: true)
        let eps: Float = 2e-3
        func close(_ analytic: Float, _ numeric: Double) -> Bool {
            abs(Double(analytic) - numeric) <= 2e-3 + 1e-2 * abs(numeric)
        }
        var zeroGradients = 0
        for i in 0..<m {
            for j in 0...n {
                var plus = p, minus = p
                if j < n {
                    plus.weights[i, j] += eps
                    minus.weights[i, j] -= eps
                } else {
                    plus.bias[i] += eps
                    minus.bias[i] -= eps
                }
                let numeric = (Self.loss(layer, plus, x, g) - Self.loss(layer, minus, x, g)) / Double(2 * eps)
                let analytic = j < n ? gradient.weights[i, j] : gradient.bias[i]
                if analytic == 0 { zeroGradients += 1 }
                #expect(close(analytic, numeric), "∂L/∂θ[\(i), \(j)]: oracle \(analytic), finite difference \(numeric)")
            }
        }
        #expect(zeroGradients > 0)  // stuck active devices pass no gradient
        _ = Self.loss(layer, p, x, g)
        for r in 0..<b {
            for j in 0..<n {
                var xp = x, xm = x
                xp[r, j] += eps
                xm[r, j] -= eps
                let lp = zip(Support.forward(layer, xp).storage, g.storage).reduce(0.0) { $0 + Double($1.0) * Double($1.1) }
                let lm = zip(Support.forward(layer, xm).storage, g.storage).reduce(0.0) { $0 + Double($1.0) * Double($1.1) }
                let numeric = (lp - lm) / Double(2 * eps)
                #expect(close(inputGradient[r, j], numeric), "∂L/∂x[\(r), \(j)]: oracle \(inputGradient[r, j]), finite difference \(numeric)")
            }
        }
    }

    @Test("backwardTransmit is the exact adjoint of the black box", arguments: [BlackBoxKind.mixing, .gainCurve])
    func blackBoxAdjoint(kind: BlackBoxKind) {
        let preset = Support.preset {
            $0.blackBox = .init(kind: kind, strength: 0.7, saturation: 2, gainSpread: 0.3, curvature: 0.4, curvatureSpread: 0.3)
        }
        let layer = AnalogLayer(inputSize: 2, outputSize: 6, activation: .relu, preset: preset, seed: 44)
        let x = Support.gaussian(rows: 3, columns: 6, seed: 45)
        let g = Support.gaussian(rows: 3, columns: 6, seed: 46)
        var received = Matrix(rows: 0, columns: 0), sentGradient = Matrix(rows: 0, columns: 0)
        layer.transmit(x, into: &received)
        layer.makeOracleModel().backwardTransmit(sent: x, received: received, receivedGradient: g, sentGradient: &sentGradient)
        let eps: Float = 1e-3
        for r in 0..<3 {
            for j in 0..<6 {
                var xp = x, xm = x, yp = Matrix(rows: 0, columns: 0), ym = yp
                xp[r, j] += eps
                xm[r, j] -= eps
                layer.transmit(xp, into: &yp)
                layer.transmit(xm, into: &ym)
                let numeric = zip(yp.storage, ym.storage).enumerated().reduce(0.0) {
                    $0 + Double($1.element.0 - $1.element.1) * Double(g.storage[$1.offset])
                } / Double(2 * eps)
                #expect(abs(Double(sentGradient[r, j]) - numeric) < 2e-3 + 1e-2 * abs(numeric))
            }
        }
    }

    @Test("on the ideal preset the oracle equals the nominal model")
    func idealOracleIsNominal() {
        let p = Support.random(inputs: 8, outputs: 6)
        let x = Support.gaussian(rows: 5, columns: 8)
        let g = Support.gaussian(rows: 5, columns: 6, seed: 3)
        let layer = AnalogLayer(parameters: p, activation: .relu, preset: .ideal, seed: 1)
        let y = Support.forward(layer, x)
        var a = LayerParameters(inputSize: 8, outputSize: 6), b = a
        var ga = Matrix(rows: 0, columns: 0), gb = ga
        layer.makeOracleModel().backward(input: x, output: y, outputGradient: g, parameters: p,
                                         parameterGradient: &a, inputGradient: &ga, needsInputGradient: true)
        NominalLayerModel(activation: .relu).backward(input: x, output: y, outputGradient: g, parameters: p,
                                                      parameterGradient: &b, inputGradient: &gb, needsInputGradient: true)
        #expect(Support.maxRelativeDifference(a.weights, b.weights) < 1e-5)
        #expect(zip(a.bias, b.bias).allSatisfy { abs($0 - $1) < 1e-5 })
        #expect(Support.maxRelativeDifference(ga, gb) < 1e-5)
    }
}

import FFNumerics
import FFTraining

/// Backprop through the exact hidden instance of an ``AnalogLayer``: the
/// "bp-oracle" baseline, which knows what no real user of the chip knows.
/// Made by ``AnalogLayer/makeOracleModel()``; it follows the layer (later
/// writes and time changes included).
///
/// Given the input the layer measured, it recomputes the noiseless analog
/// pre-activation z = DAC(x) · W_effᵀ + b_eff + offset with the true
/// effective weights, and backpropagates through
/// y = ADC(f(z)) and z's dependence on the intended parameters:
/// - f′ is the true neuron transfer derivative at z (ReLU layers; 1 for
///   identity layers); the ADC's clip passes the gradient only where
///   |f(z)| ≤ R and its rounding is straight-through;
/// - ∂W_eff,ij/∂wᵢⱼ is taken straight through weight clipping and
///   conductance quantization, times the true column gain, drift
///   compensation factor and read factor (device gain, drift, 1/f) of the
///   device that stores wᵢⱼ's sign (g⁺ for w ≥ 0, g⁻ for w < 0); 0 for a
///   stuck device. The dependence of the PCM drift exponent and 1/f
///   amplitude on the conductance is ignored;
/// - ∂z/∂x = W_eff through the DAC's rounding (straight-through), 0 where
///   the DAC clips;
/// - per-read noise and input noise are ignored (they are zero-mean);
/// - ``backwardTransmit(sent:received:receivedGradient:sentGradient:)``
///   uses the exact Jacobian of the hidden black box.
/// The `parameters` argument of ``backward(input:output:outputGradient:parameters:parameterGradient:inputGradient:needsInputGradient:)``
/// is not used: the layer's own intended parameters are.
public struct OracleLayerModel: DifferentiableLayerModel {
    let layer: AnalogLayer

    public func backward(input: Matrix, output: Matrix, outputGradient: Matrix, parameters: LayerParameters,
                         parameterGradient: inout LayerParameters, inputGradient: inout Matrix, needsInputGradient: Bool) {
        layer.oracleBackward(input: input, outputGradient: outputGradient, parameterGradient: &parameterGradient,
                             inputGradient: &inputGradient, needsInputGradient: needsInputGradient)
    }

    public func backwardTransmit(sent: Matrix, received: Matrix, receivedGradient: Matrix, sentGradient: inout Matrix) {
        if layer.blackBox == nil {
            sentGradient = receivedGradient
        } else {
            layer.blackBox!.backward(sent: sent, gradient: receivedGradient, into: &sentGradient)
        }
    }
}

extension AnalogLayer {
    /// The noiseless pre-activation z for `input` (DAC without noise, true effective weights, shifts).
    func noiselessPreactivation(_ input: Matrix, convertedInput xq: inout Matrix) -> Matrix {
        let n = inputSize, m = outputSize, b = input.rows
        xq.reshape(rows: b, columns: n)
        let dac = self.dac
        input.withUnsafeBufferPointer { src in
            xq.withUnsafeMutableBufferPointer { dst in dac.apply(from: src.baseAddress!, to: dst.baseAddress!, count: src.count) }
        }
        var z = Matrix(rows: b, columns: m)
        if b == 0 { return z }
        CrossbarProduct.forward(xq, effective, into: &z)
        z.addToEachRow(outputShift)
        return z
    }

    /// ∂W_eff/∂(intended parameter) of every device pair, bias column last (see ``OracleLayerModel``).
    func parameterSensitivity() -> Matrix {
        let m = outputSize, n1 = inputSize + 1
        var kappa = Matrix(rows: m, columns: n1)
        let columnGain = variation.columnGain, compensation = compensationFactor
        let sp = sensitivityPlus, sm = sensitivityMinus
        intended.withUnsafeBufferPointer { w in
            kappa.withUnsafeMutableBufferPointer { k in
                for i in 0..<m {
                    let g = (columnGain.isEmpty ? 1 : columnGain[i]) * compensation
                    for j in 0..<n1 {
                        let d = i * n1 + j
                        k[d] = g * (w[d] >= 0 ? sp[d] : sm[d])
                    }
                }
            }
        }
        return kappa
    }

    /// The oracle's backward pass (see ``OracleLayerModel``).
    func oracleBackward(input: Matrix, outputGradient: Matrix, parameterGradient: inout LayerParameters,
                        inputGradient: inout Matrix, needsInputGradient: Bool) {
        let n = inputSize, m = outputSize, b = input.rows
        precondition(input.columns == n && outputGradient.columns == m && outputGradient.rows == b,
                     "oracle backward: shapes differ")
        if !tracksSensitivity {
            tracksSensitivity = true
            refreshEffectiveWeights(newBaseline: false)
        }
        var xq = Matrix(rows: 0, columns: 0)
        var delta = noiselessPreactivation(input, convertedInput: &xq)
        let transfer = self.transfer, relu = activation == .relu, range = adc.range
        outputGradient.withUnsafeBufferPointer { g in
            delta.withUnsafeMutableBufferPointer { d in
                for r in 0..<b {
                    for i in 0..<m {
                        let e = r * m + i
                        let z = d[e]
                        var y = z, slope: Float = 1
                        if let transfer {
                            y = transfer.apply(z, unit: i)
                            slope = transfer.derivative(z, unit: i)
                        } else if relu {
                            y = Swift.max(z, 0)
                            slope = z > 0 ? 1 : 0
                        }
                        if let range, abs(y) > range { slope = 0 }
                        d[e] = g[e] * slope
                    }
                }
            }
        }
        // ∂L/∂W = (δᵀ · [xq, 1]) ⊙ κ.
        if parameterGradient.inputSize != n || parameterGradient.outputSize != m {
            parameterGradient = LayerParameters(inputSize: n, outputSize: m)
        }
        parameterGradient.setGradient(input: xq, outputGradient: delta)
        let kappa = parameterSensitivity()
        kappa.withUnsafeBufferPointer { k in
            parameterGradient.weights.withUnsafeMutableBufferPointer { w in
                for i in 0..<m {
                    for j in 0..<n { w[i * n + j] *= k[i * (n + 1) + j] }
                }
            }
            for i in 0..<m { parameterGradient.bias[i] *= k[i * (n + 1) + n] }
        }
        guard needsInputGradient else { return }
        // ∂L/∂x = δ · W_eff[:, :n], zero where the DAC clipped.
        CrossbarProduct.adjoint(delta, effective, into: &inputGradient)
        if b == 0 { return }
        if dac.range != nil {
            let dac = self.dac
            input.withUnsafeBufferPointer { x in
                inputGradient.withUnsafeMutableBufferPointer { gx in
                    for i in gx.indices where !dac.passes(x[i]) { gx[i] = 0 }
                }
            }
        }
    }
}

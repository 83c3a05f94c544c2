import FFNumerics
import FFRandom
import FFTraining

extension AnalogLayer {
    /// Measures the layer's outputs: DAC, one analog product with the
    /// effective weights, per-read noise, the neuron transfer (ReLU layers)
    /// and the ADC. Counts one analog product per input row, its
    /// inputs × outputs multiply-accumulates (bias column included), and one
    /// conversion per input and output element.
    /// - Parameters:
    ///   - input: `batch × inputSize` inputs.
    ///   - output: Receives `batch × outputSize` measured outputs.
    public func forward(_ input: Matrix, into output: inout Matrix) {
        let n = inputSize, m = outputSize, b = input.rows
        precondition(input.columns == n, "layer expects \(n) inputs, got \(input.columns)")
        counters.analogMVMs += b
        counters.analogMACs += b * (n + 1) * m
        counters.dacConversions += b * n
        counters.adcConversions += b * m
        output.reshape(rows: b, columns: m)
        guard b > 0 else { return }
        let x = convertInputs(input)
        CrossbarProduct.forward(x, effective, into: &output)
        addReadNoise(x, to: &output)
        finishOutputs(&output)
    }

    /// Carries this layer's output to the next layer through the hidden
    /// black box, if the preset has one; otherwise copies it.
    /// - Parameters:
    ///   - output: `batch × outputSize` values leaving this layer.
    ///   - nextInput: Receives what arrives at the next layer.
    public func transmit(_ output: Matrix, into nextInput: inout Matrix) {
        if blackBox == nil {
            nextInput = output
        } else {
            blackBox!.forward(output, into: &nextInput)
        }
    }

    /// The DAC: clip, quantize and add input noise (or the input itself when ideal).
    func convertInputs(_ input: Matrix) -> Matrix {
        if dac.isIdentity && inputNoiseSigma == 0 { return input }
        dacBuffer.reshape(rows: input.rows, columns: input.columns)
        let dac = self.dac
        input.withUnsafeBufferPointer { src in
            dacBuffer.withUnsafeMutableBufferPointer { dst in
                dac.apply(from: src.baseAddress!, to: dst.baseAddress!, count: src.count)
            }
        }
        if inputNoiseSigma > 0 { readStream.addNoise(to: &dacBuffer, sigma: inputNoiseSigma) }
        return dacBuffer
    }

    /// Output noise and output-referred weight read noise, drawn anew.
    func addReadNoise(_ x: Matrix, to z: inout Matrix) {
        let b = z.rows, m = outputSize, n = inputSize
        let outputSigma = readNoise.outputSigma
        guard readNoise.weight > 0 else {
            if outputSigma > 0 { readStream.addNoise(to: &z, sigma: outputSigma) }
            return
        }
        let rho = readNoise.weight, scale = readNoise.weightScale
        let outputVariance = outputSigma * outputSigma
        noiseBuffer.reshape(rows: b, columns: m)
        readStream.fill(&noiseBuffer, sigma: 1)
        switch readNoise.weightModel {
        case .pcmRead:
            // σᵢ² = ρ² w_max (Σⱼ |wᵢⱼ| xⱼ² + |bᵢ| · 1²): a second product with |W| and x².
            squareBuffer.reshape(rows: b, columns: n)
            x.withUnsafeBufferPointer { src in
                squareBuffer.withUnsafeMutableBufferPointer { dst in
                    for i in dst.indices { dst[i] = src[i] * src[i] }
                }
            }
            CrossbarProduct.forward(squareBuffer, absoluteEffective, into: &sigmaBuffer)
            let k = rho * rho * scale
            absoluteEffective.withUnsafeBufferPointer { aw in
                sigmaBuffer.withUnsafeBufferPointer { s in
                    noiseBuffer.withUnsafeBufferPointer { xi in
                        z.withUnsafeMutableBufferPointer { out in
                            for r in 0..<b {
                                for i in 0..<m {
                                    let e = r * m + i
                                    let variance = outputVariance + k * (s[e] + aw[i * (n + 1) + n])
                                    out[e] += variance.squareRoot() * xi[e]
                                }
                            }
                        }
                    }
                }
            }
        case .additive:
            // σ = ρ w_max ‖(x, 1)‖ on every output of a row.
            let k = rho * scale
            x.withUnsafeBufferPointer { px in
                noiseBuffer.withUnsafeBufferPointer { xi in
                    z.withUnsafeMutableBufferPointer { out in
                        for r in 0..<b {
                            var sumSquares: Float = 1
                            for j in 0..<n { sumSquares += px[r * n + j] * px[r * n + j] }
                            let weightVariance = k * k * sumSquares
                            let sigma = (outputVariance + weightVariance).squareRoot()
                            for i in 0..<m { out[r * m + i] += sigma * xi[r * m + i] }
                        }
                    }
                }
            }
        }
    }

    /// Bias and column offsets, the neuron transfer and the ADC, in place.
    func finishOutputs(_ z: inout Matrix) {
        let b = z.rows, m = outputSize
        let adc = self.adc
        let relu = activation == .relu
        let transfer = self.transfer
        outputShift.withUnsafeBufferPointer { shift in
            z.withUnsafeMutableBufferPointer { out in
                for r in 0..<b {
                    let o = r * m
                    if let transfer {
                        for i in 0..<m { out[o + i] = adc.apply(transfer.apply(out[o + i] + shift[i], unit: i)) }
                    } else if relu {
                        for i in 0..<m {
                            let v = out[o + i] + shift[i]
                            out[o + i] = adc.apply(v > 0 ? v : 0)
                        }
                    } else {
                        for i in 0..<m { out[o + i] = adc.apply(out[o + i] + shift[i]) }
                    }
                }
            }
        }
    }
}

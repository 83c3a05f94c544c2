import FFDevice
import FFTraining

/// The digital work around the device that no analog layer counts itself:
/// multiply-accumulates, and the memory traffic of activations, gradients,
/// weight copies and optimizer state. It is counted from the shapes and the
/// budget, by rules that are the same for every method (`models/README.md`,
/// "Energy model"):
///
/// - **Activations (SRAM).** Every value entering or leaving a layer pass is
///   written once and read once (4 + 4 bytes, fp32). For analog layers that
///   is one value per DAC and per ADC conversion; for digital layers
///   (inputs + outputs) per vector.
/// - **Gradients (SRAM).** A training method reads back the inputs and
///   outputs it keeps for its weight gradients once more, and writes and
///   reads one error value per layer output: backprop its stored forward
///   activations and its propagated errors δ; FF the inputs and outputs of
///   its positive and negative passes and its local output gradients. Each
///   weight gradient is written once and read once by the optimizer step.
/// - **State kept across steps (DRAM).** Once per optimizer step every
///   parameter's digital copy is read and written by the update, and its
///   optimizer state too (Adam: two moments; SGD: one velocity). Backprop
///   also reads the digital weights once for a digital forward pass, and once
///   for each layer its error propagates through (every layer but the first).
/// - **Digital inference** reads the weights from DRAM once per batch of the
///   backprop batch size.
///
/// Elementwise work (activation functions, normalisation, goodness sums,
/// softmax) is O(width) per vector and not counted; neither are the one-off
/// reads of initial or trained weights when a device is programmed, nor
/// loading the dataset.
enum DigitalWork {
    /// Bytes of one stored value (fp32).
    static let valueBytes = 4

    /// Weights and bias of a layer.
    static func parameterCount(_ p: LayerParameters) -> Int { (p.inputSize + 1) * p.outputSize }

    /// Bytes of optimizer state read and written per parameter and step:
    /// Adam's two moments or SGD's velocity, each read once and written once.
    static func optimizerStateBytes(_ optimizer: OptimizerConfiguration) -> Int {
        switch optimizer.kind {
        case .adam: 2 * 2 * valueBytes
        case .sgd: 2 * valueBytes
        }
    }

    /// Optimizer steps of `epochs` passes over `examples` in batches of `batchSize`.
    static func steps(examples: Int, batchSize: Int, epochs: Int) -> Int {
        (examples + batchSize - 1) / max(batchSize, 1) * epochs
    }

    /// `counts` with the SRAM traffic of their analog passes added: every
    /// converted value (each DAC input and each ADC output) written once and read once.
    static func withActivationTraffic(_ counts: DeviceOperationCounts) -> DeviceOperationCounts {
        var c = counts
        c.add(sramBytes: 2 * valueBytes * (counts.dacConversions + counts.adcConversions))
        return c
    }

    /// Digital work of FF training: the local weight gradients of the
    /// positive and negative pass, and the readout trained alongside as a
    /// one-layer digital network.
    /// - Parameters:
    ///   - network: The network (its shapes and optimizer).
    ///   - samples: Training examples × epochs each layer trained on.
    ///   - steps: Optimizer steps of each layer.
    ///   - readoutSamples: Examples × epochs the readout trained on.
    ///   - readoutSteps: Optimizer steps of the readout.
    static func ffTraining(_ network: FFNetwork, samples: Int, steps: Int, readoutSamples: Int,
                           readoutSteps: Int) -> DeviceOperationCounts {
        // 1 + K passes per layer and sample: the positive pass and K negative
        // passes (K = 1 but for the softmax objective).
        ffTraining(layers: network.parameters, optimizer: network.configuration.optimizer,
                   passes: 1 + (network.objectives.map(\.negativesPerPositive).max() ?? 1),
                   samples: samples, steps: steps, readout: network.readout?.parameters,
                   readoutSamples: readoutSamples, readoutSteps: readoutSteps)
    }

    /// Digital work of local FF training of any variant: `passes` outer
    /// products per layer and sample, their activations and gradients in SRAM,
    /// the per-step traffic of the weight copy and optimizer state, and the
    /// readout trained as a one-layer digital network.
    /// - Parameters:
    ///   - layers: The FF layers' shapes.
    ///   - optimizer: Their optimizer (the readout uses the same kind).
    ///   - passes: Measured passes per layer and sample that feed a gradient
    ///     (positive plus negatives, times iterations for recurrent FF).
    ///   - samples: Training examples × epochs.
    ///   - steps: Optimizer steps of each layer.
    ///   - readout: The readout's shape, if any.
    ///   - readoutSamples: Examples × epochs the readout trained on.
    ///   - readoutSteps: Optimizer steps of the readout.
    static func ffTraining(layers: [LayerParameters], optimizer: OptimizerConfiguration, passes: Int, samples: Int,
                           steps: Int, readout: LayerParameters?, readoutSamples: Int, readoutSteps: Int) -> DeviceOperationCounts {
        var c = DeviceOperationCounts()
        c.add(digitalMACs: layers.reduce(0) { $0 + passes * $1.inputSize * $1.outputSize } * samples)
        // Per sample: every pass's inputs and outputs read back, its output gradients written and read.
        let perSample = layers.reduce(0) { $0 + passes * ($1.inputSize + $1.outputSize) * valueBytes
                                                + passes * 2 * $1.outputSize * valueBytes }
        c.add(sramBytes: perSample * samples)
        c += stepTraffic(layers, optimizer: optimizer, steps: steps, digitalReads: { _ in 0 })
        if let readout {
            c += digitalLayerTraining([readout], optimizer: optimizer,
                                      samples: readoutSamples, steps: readoutSteps, forwardIsDigital: true)
        }
        return c
    }

    /// Digital work of backprop training: the digital forward pass when the
    /// forward is not on the device, the error propagation through every
    /// layer but the first, and every layer's weight gradient.
    /// - Parameters:
    ///   - network: The network (its shapes and optimizer).
    ///   - samples: Training examples × epochs.
    ///   - steps: Optimizer steps.
    ///   - forwardIsAnalog: Whether the forward pass ran on the device (its activations are counted from its conversions).
    static func backpropTraining(_ network: BPNetwork, samples: Int, steps: Int, forwardIsAnalog: Bool) -> DeviceOperationCounts {
        digitalLayerTraining(network.parameters, optimizer: network.configuration.optimizer, samples: samples,
                             steps: steps, forwardIsDigital: !forwardIsAnalog)
    }

    /// Digital work of inferring `examples` examples on a digital network:
    /// its MACs, its activations, and one DRAM read of the weights per batch.
    /// - Parameters:
    ///   - layers: The layers' parameters.
    ///   - examples: Examples inferred.
    ///   - batchSize: Examples per weight read.
    static func digitalInference(_ layers: [LayerParameters], examples: Int, batchSize: Int) -> DeviceOperationCounts {
        var c = DeviceOperationCounts()
        c.add(digitalMACs: layers.reduce(0) { $0 + $1.inputSize * $1.outputSize } * examples)
        c.add(sramBytes: layers.reduce(0) { $0 + 2 * valueBytes * ($1.inputSize + $1.outputSize) } * examples)
        let batches = (examples + batchSize - 1) / max(batchSize, 1)
        c.add(dramBytes: valueBytes * layers.reduce(0) { $0 + parameterCount($1) } * batches)
        return c
    }

    /// Backprop-style training of `layers` (an MLP, or FF's one-layer readout).
    private static func digitalLayerTraining(_ layers: [LayerParameters], optimizer: OptimizerConfiguration, samples: Int,
                                             steps: Int, forwardIsDigital: Bool) -> DeviceOperationCounts {
        var c = DeviceOperationCounts()
        let macs = layers.enumerated().reduce(0) { total, item in
            let (l, p) = item
            let m = p.inputSize * p.outputSize
            // Forward (if digital), error propagation (all but the first layer), weight gradient.
            return total + (forwardIsDigital ? m : 0) + (l > 0 ? m : 0) + m
        }
        c.add(digitalMACs: macs * samples)
        let perSample = layers.reduce(0) { total, p in
            let vector = p.inputSize + p.outputSize
            // Forward activations written and read (if digital), read back for the
            // gradient (the stored activations), and one error per output written and read.
            return total + (forwardIsDigital ? 2 * vector : 0) * valueBytes + vector * valueBytes
                + 2 * p.outputSize * valueBytes
        }
        c.add(sramBytes: perSample * samples)
        c += stepTraffic(layers, optimizer: optimizer, steps: steps) { l in
            (forwardIsDigital ? 1 : 0) + (l > 0 ? 1 : 0)
        }
        return c
    }

    /// Per-step traffic of `layers`: each gradient written and read (SRAM);
    /// each parameter's digital copy and optimizer state read and written, and
    /// the weights read `digitalReads(l)` more times (DRAM).
    private static func stepTraffic(_ layers: [LayerParameters], optimizer: OptimizerConfiguration, steps: Int,
                                    digitalReads: (Int) -> Int) -> DeviceOperationCounts {
        var c = DeviceOperationCounts()
        let state = optimizerStateBytes(optimizer)
        for (l, p) in layers.enumerated() {
            let n = parameterCount(p)
            c.add(sramBytes: 2 * valueBytes * n * steps)
            c.add(dramBytes: (state + 2 * valueBytes + digitalReads(l) * valueBytes) * n * steps)
        }
        return c
    }
}

extension MemoryBenchmark {
    /// The analytic memory of a configuration: what its trainer keeps
    /// resident, counted in `Float`s of 4 bytes.
    ///
    /// - Parameters and optimizer state: FF keeps, for every layer, the
    ///   intended parameters, the executor's copy, the gradient, the last
    ///   increment and Adam's two moments (6 × parameters); backprop the same
    ///   for every layer and the output layer; ff-stream 5 × the parameters of
    ///   the largest single layer (no executor copy).
    /// - Activations: FF and ff-stream hold one layer's positive and negative
    ///   inputs, outputs and output gradients for one batch; backprop holds
    ///   every layer's output for the backward pass plus two gradient buffers.
    public struct Estimate: Sendable, Codable, Equatable {
        /// Parameters, gradients and optimizer state, bytes.
        public var parameterOptimizerBytes: Int
        /// Batch activations, bytes.
        public var activationBytes: Int
    }

    /// The analytic account of a configuration (see ``Estimate``).
    /// - Parameters:
    ///   - configuration: The configuration.
    ///   - inputSize: Pixels per image.
    ///   - classes: Outputs of backprop's softmax layer.
    public static func estimate(_ configuration: Configuration, inputSize: Int, classes: Int) -> Estimate {
        let (b, h, d) = (configuration.batchSize, configuration.hidden, configuration.depth)
        let floats = 4
        let adamStates = 2
        var layers = (0..<d).map { (inputs: $0 == 0 ? inputSize : h, outputs: h) }
        let oneLayerActivations = b * (2 * max(inputSize, h) + 4 * h)
        switch configuration.algorithm {
        case .ff:
            let parameters = layers.reduce(0) { $0 + $1.inputs * $1.outputs + $1.outputs }
            return Estimate(parameterOptimizerBytes: floats * (4 + adamStates) * parameters,
                            activationBytes: floats * oneLayerActivations)
        case .ffStream:
            let largest = layers.map { $0.inputs * $0.outputs + $0.outputs }.max() ?? 0
            return Estimate(parameterOptimizerBytes: floats * (3 + adamStates) * largest,
                            activationBytes: floats * oneLayerActivations)
        case .bp:
            layers.append((inputs: d == 0 ? inputSize : h, outputs: classes))
            let parameters = layers.reduce(0) { $0 + $1.inputs * $1.outputs + $1.outputs }
            let outputs = layers.reduce(0) { $0 + $1.outputs }
            return Estimate(parameterOptimizerBytes: floats * (4 + adamStates) * parameters,
                            activationBytes: floats * b * (outputs + 2 * max(h, classes)))
        }
    }
}

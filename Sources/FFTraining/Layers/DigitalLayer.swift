import FFNumerics

/// An exact dense layer in Float arithmetic: `y = f(x · Wᵀ + b)` by one sgemm.
public final class DigitalLayer: LayerExecutor {
    /// The parameters, known exactly (this is ideal digital hardware).
    public private(set) var parameters: LayerParameters
    public let activation: Activation

    public var inputSize: Int { parameters.inputSize }
    public var outputSize: Int { parameters.outputSize }

    /// Creates a digital layer.
    /// - Parameters:
    ///   - parameters: Initial weights and bias.
    ///   - activation: The nonlinearity applied after the linear map.
    public init(parameters: LayerParameters, activation: Activation) {
        self.parameters = parameters
        self.activation = activation
    }

    public func program(_ parameters: LayerParameters) {
        precondition(parameters.inputSize == inputSize && parameters.outputSize == outputSize,
                     "program: shape differs from the layer's")
        self.parameters = parameters
    }

    public func update(by delta: LayerParameters) {
        parameters.add(delta)
    }

    /// Gives `body` the layer's parameters to change in place (an optimizer
    /// writing the new values straight into this exact copy; see ``StepOutput``).
    /// - Parameter body: Receives the parameters; their shape must not change.
    /// - Returns: What `body` returns.
    public func withMutableParameters<R>(_ body: (inout LayerParameters) -> R) -> R {
        let (inputs, outputs) = (parameters.inputSize, parameters.outputSize)
        defer { precondition(parameters.inputSize == inputs && parameters.outputSize == outputs, "the layer's shape changed") }
        return body(&parameters)
    }

    public func forward(_ input: Matrix, into output: inout Matrix) {
        precondition(input.columns == parameters.inputSize,
                     "layer expects \(parameters.inputSize) inputs, got \(input.columns)")
        BLAS.gemm(input, parameters.weights, transposeB: true, into: &output)
        finish(&output)
    }

    public func forward(_ input: Matrix, into output: inout Matrix, skippingZeroColumns product: inout ZeroColumnSkippingProduct) {
        precondition(input.columns == parameters.inputSize,
                     "layer expects \(parameters.inputSize) inputs, got \(input.columns)")
        product.multiply(input, transposedWeights: parameters.weights, into: &output)
        finish(&output)
    }

    /// Adds the bias and applies the activation (bias and ReLU in one pass).
    private func finish(_ output: inout Matrix) {
        output.addToEachRow(parameters.bias, clampingAtZero: activation == .relu)
        if activation != .relu { activation.apply(&output) }
    }

    /// The pre-activation `x · Wᵀ + b`.
    /// - Parameters:
    ///   - input: `batch × inputSize` inputs.
    ///   - parameters: Weights and bias.
    ///   - output: Receives `batch × outputSize` values.
    public static func linear(_ input: Matrix, _ parameters: LayerParameters, into output: inout Matrix) {
        precondition(input.columns == parameters.inputSize,
                     "layer expects \(parameters.inputSize) inputs, got \(input.columns)")
        BLAS.gemm(input, parameters.weights, transposeB: true, into: &output)
        output.addToEachRow(parameters.bias)
    }
}

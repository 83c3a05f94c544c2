import FFNumerics

/// Where a layer's forward computation physically happens.
///
/// A trainer never reads weights back from an executor: it writes them
/// (``program(_:)`` or ``update(by:)``) and measures outputs (``forward(_:into:)``).
/// That is all an in-situ learning rule such as Forward-Forward may use, and
/// it is all a black-box analog device offers. ``DigitalLayer`` is the exact
/// implementation; simulated devices are others.
public protocol LayerExecutor: AnyObject {
    /// Number of inputs.
    var inputSize: Int { get }
    /// Number of outputs.
    var outputSize: Int { get }
    /// The nominal nonlinearity, as a datasheet would state it.
    var activation: Activation { get }

    /// Writes target parameters (a full programming of the layer).
    /// - Parameter parameters: The intended weights and bias.
    func program(_ parameters: LayerParameters)

    /// Writes an increment to the current parameters, as in-situ training does.
    /// - Parameter delta: The intended change of weights and bias.
    func update(by delta: LayerParameters)

    /// Measures the layer's outputs for a batch of inputs.
    /// - Parameters:
    ///   - input: `batch × inputSize` inputs.
    ///   - output: Receives `batch × outputSize` activations (reshaped as needed).
    func forward(_ input: Matrix, into output: inout Matrix)

    /// Carries this layer's (normalised) output to the next layer's input
    /// through whatever lies between them: nothing on digital hardware, an
    /// unknown physical transform on some devices. The result is what the
    /// next layer measures as its input.
    /// - Parameters:
    ///   - output: `batch × outputSize` values leaving this layer.
    ///   - nextInput: Receives what arrives at the next layer.
    func transmit(_ output: Matrix, into nextInput: inout Matrix)
}

extension LayerExecutor {
    /// Digital default: the next layer receives exactly what this one sent.
    public func transmit(_ output: Matrix, into nextInput: inout Matrix) {
        nextInput = output
    }
}

import FFNumerics

/// A differentiable model of one layer, used by backprop's backward pass.
///
/// Backprop on a device needs a model of what the device computed. The
/// nominal model (``NominalLayerModel``) is what a datasheet gives: the
/// intended weights and the nominal nonlinearity, with nothing between
/// layers. A model of the exact hidden instance is another implementation,
/// kept with the device simulator.
public protocol DifferentiableLayerModel {
    /// Backpropagates through one layer: ∂L/∂y of the layer's output to the
    /// gradient of its intended parameters and ∂L/∂x of its input.
    /// - Parameters:
    ///   - input: `batch × inputSize` inputs the layer measured.
    ///   - output: `batch × outputSize` outputs the layer measured.
    ///   - outputGradient: ∂L/∂output.
    ///   - parameters: The intended parameters.
    ///   - parameterGradient: Receives ∂L/∂parameters.
    ///   - inputGradient: Receives ∂L/∂input when `needsInputGradient`.
    ///   - needsInputGradient: Whether to compute `inputGradient`.
    func backward(input: Matrix, output: Matrix, outputGradient: Matrix, parameters: LayerParameters,
                  parameterGradient: inout LayerParameters, inputGradient: inout Matrix, needsInputGradient: Bool)

    /// Backpropagates through the path between this layer and the next
    /// (the adjoint of ``LayerExecutor/transmit(_:into:)``).
    /// - Parameters:
    ///   - sent: What this layer sent.
    ///   - received: What the next layer received.
    ///   - receivedGradient: ∂L/∂received.
    ///   - sentGradient: Receives ∂L/∂sent.
    func backwardTransmit(sent: Matrix, received: Matrix, receivedGradient: Matrix, sentGradient: inout Matrix)
}

/// The datasheet model: `y = f(x · Wᵀ + b)` with the intended parameters and
/// the nominal nonlinearity `f`, and nothing between layers.
public struct NominalLayerModel: DifferentiableLayerModel {
    /// The nominal nonlinearity.
    public let activation: Activation

    /// Creates the model.
    /// - Parameter activation: The nominal nonlinearity.
    public init(activation: Activation) {
        self.activation = activation
    }

    public func backward(input: Matrix, output: Matrix, outputGradient: Matrix, parameters: LayerParameters,
                         parameterGradient: inout LayerParameters, inputGradient: inout Matrix, needsInputGradient: Bool) {
        var delta = outputGradient
        activation.backpropagate(&delta, output: output)
        parameterGradient.setGradient(input: input, outputGradient: delta)
        if needsInputGradient {
            BLAS.gemm(delta, parameters.weights, into: &inputGradient)
        }
    }

    public func backwardTransmit(sent: Matrix, received: Matrix, receivedGradient: Matrix, sentGradient: inout Matrix) {
        sentGradient = receivedGradient
    }
}

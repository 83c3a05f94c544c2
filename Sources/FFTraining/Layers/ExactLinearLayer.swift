import FFNumerics

/// An executor whose forward pass is exactly `f(x · Wᵀ + b)` of the
/// parameters the trainer wrote, in Float arithmetic: exact digital math.
///
/// Only on such a layer may a trainer use the algebra of its own parameter
/// record to skip work, for instance sharing the first layer's image product
/// between label overlays (``SharedFirstLayer``). Simulated devices do not
/// conform: their forward pass is a measurement, not a formula.
public protocol ExactLinearLayer: LayerExecutor {
    /// The same output as ``LayerExecutor/forward(_:into:)``, computed by a
    /// product that leaves out input columns which are zero in a whole row
    /// block (equal up to Float rounding order).
    /// - Parameters:
    ///   - input: `batch × inputSize` inputs.
    ///   - output: Receives `batch × outputSize` activations.
    ///   - product: The product and its reused buffers.
    func forward(_ input: Matrix, into output: inout Matrix, skippingZeroColumns product: inout ZeroColumnSkippingProduct)
}

extension DigitalLayer: ExactLinearLayer {}

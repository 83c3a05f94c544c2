import FFNumerics

/// The nominal nonlinearity applied after a layer's linear map.
public enum Activation: String, Sendable, Codable, CaseIterable {
    /// max(x, 0).
    case relu
    /// No nonlinearity (a classifier's logits).
    case identity

    /// Applies the activation in place.
    public func apply(_ z: inout Matrix) {
        switch self {
        case .relu: z.applyReLU()
        case .identity: break
        }
    }

    /// Multiplies `gradient` by the activation's derivative, read off the
    /// layer's output `y` (for ReLU: 1 where y > 0). This is all a local
    /// learning rule needs from the nonlinearity.
    public func backpropagate(_ gradient: inout Matrix, output y: Matrix) {
        switch self {
        case .relu: gradient.maskByReLUDerivative(of: y)
        case .identity: break
        }
    }
}

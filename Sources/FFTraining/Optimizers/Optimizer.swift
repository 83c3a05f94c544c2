/// A first-order update rule for one parameter tensor.
///
/// The optimizer turns a gradient into an increment and applies it to the
/// trainer's own copy of the intended parameters; the trainer then writes the
/// same increment to the layer's executor (or, for an exact digital layer,
/// the updated values themselves: see ``StepOutput``).
public protocol Optimizer {
    /// Applies one step.
    /// - Parameters:
    ///   - parameters: The intended parameter values, updated in place.
    ///   - gradient: ∂loss/∂parameters, same count.
    ///   - output: Receives the increment that was added to `parameters`, or
    ///     the updated parameters, as `writing` says.
    ///   - writing: What `output` receives.
    ///   - learningRate: The step size for this step.
    mutating func step(parameters: UnsafeMutableBufferPointer<Float>,
                       gradient: UnsafeBufferPointer<Float>,
                       output: UnsafeMutableBufferPointer<Float>,
                       writing: StepOutput,
                       learningRate: Float)

    /// Everything the optimizer has accumulated, to save with a run.
    var state: OptimizerState { get }

    /// Continues from a saved ``state``.
    /// - Parameter state: A state of an optimizer of the same kind and size.
    /// - Returns: `false` (and no change) when the state does not fit.
    mutating func restore(_ state: OptimizerState) -> Bool
}

extension Optimizer {
    /// Applies one step and writes the increment to `delta`.
    /// - Parameters:
    ///   - parameters: The intended parameter values, updated in place.
    ///   - gradient: ∂loss/∂parameters, same count.
    ///   - delta: Receives the increment that was added to `parameters`.
    ///   - learningRate: The step size for this step.
    public mutating func step(parameters: UnsafeMutableBufferPointer<Float>, gradient: UnsafeBufferPointer<Float>,
                              delta: UnsafeMutableBufferPointer<Float>, learningRate: Float) {
        step(parameters: parameters, gradient: gradient, output: delta, writing: .increment, learningRate: learningRate)
    }
}

/// What an optimizer step writes besides the parameters themselves.
public enum StepOutput: Sendable {
    /// The increment w_new − w_old, as computed (the executor of a device
    /// is programmed by increments).
    case increment
    /// The updated parameters w_old + increment: the same bits as adding the
    /// increment to an exact copy of w_old, in one memory stream fewer and
    /// without a second pass (an exact digital layer's own copy).
    case parameters
}

/// Which optimizer to use and its hyper-parameters (a value type that makes
/// fresh ``Optimizer`` instances).
public struct OptimizerConfiguration: Sendable, Codable, Equatable {
    /// The update rule.
    public enum Kind: String, Sendable, Codable, CaseIterable {
        /// Stochastic gradient descent with (heavy-ball) momentum.
        case sgd
        /// Adam (Kingma & Ba 2015).
        case adam
    }

    /// The update rule.
    public var kind: Kind
    /// SGD momentum μ.
    public var momentum: Float
    /// Adam β₁.
    public var beta1: Float
    /// Adam β₂.
    public var beta2: Float
    /// Adam ε.
    public var epsilon: Float
    /// L2 weight decay λ, added to the gradient as λ·w (PyTorch's `weight_decay`).
    public var weightDecay: Float

    /// Creates a configuration.
    /// - Parameters:
    ///   - kind: SGD or Adam.
    ///   - momentum: SGD momentum.
    ///   - beta1: Adam β₁.
    ///   - beta2: Adam β₂.
    ///   - epsilon: Adam ε.
    ///   - weightDecay: L2 weight decay.
    public init(kind: Kind, momentum: Float = 0.9, beta1: Float = 0.9, beta2: Float = 0.999,
                epsilon: Float = 1e-8, weightDecay: Float = 0) {
        self.kind = kind
        self.momentum = momentum
        self.beta1 = beta1
        self.beta2 = beta2
        self.epsilon = epsilon
        self.weightDecay = weightDecay
    }

    /// A fresh optimizer for a tensor of `count` parameters.
    /// - Parameters:
    ///   - count: Number of parameters.
    ///   - decay: Whether weight decay applies to this tensor (not to biases).
    public func makeOptimizer(count: Int, decay: Bool = true) -> any Optimizer {
        let wd = decay ? weightDecay : 0
        switch kind {
        case .sgd: return SGDMomentum(count: count, momentum: momentum, weightDecay: wd)
        case .adam: return Adam(count: count, beta1: beta1, beta2: beta2, epsilon: epsilon, weightDecay: wd)
        }
    }
}

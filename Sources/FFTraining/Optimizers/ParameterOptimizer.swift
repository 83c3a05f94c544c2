/// The optimizer state of one dense layer: one ``Optimizer`` for the weights
/// (with weight decay) and one for the bias (without), plus a reusable
/// increment buffer.
public struct ParameterOptimizer {
    private var weightOptimizer: any Optimizer
    private var biasOptimizer: any Optimizer
    /// The increment applied by the last ``step(_:gradient:learningRate:)``.
    public private(set) var lastDelta: LayerParameters

    /// Creates optimizer state for parameters of the given shape.
    /// - Parameters:
    ///   - configuration: Optimizer kind and hyper-parameters.
    ///   - inputSize: Inputs of the layer.
    ///   - outputSize: Outputs of the layer.
    public init(_ configuration: OptimizerConfiguration, inputSize: Int, outputSize: Int) {
        weightOptimizer = configuration.makeOptimizer(count: inputSize * outputSize, decay: true)
        biasOptimizer = configuration.makeOptimizer(count: outputSize, decay: false)
        lastDelta = LayerParameters(inputSize: inputSize, outputSize: outputSize)
    }

    /// Applies one step to `parameters`; the increment is left in ``lastDelta``.
    /// - Parameters:
    ///   - parameters: The intended parameters, updated in place.
    ///   - gradient: Their gradient.
    ///   - learningRate: Step size.
    public mutating func step(_ parameters: inout LayerParameters, gradient: LayerParameters, learningRate: Float) {
        Self.step(&weightOptimizer, &biasOptimizer, &parameters, gradient: gradient, output: &lastDelta,
                  writing: .increment, learningRate: learningRate)
    }

    /// Applies one step to `parameters` and writes the updated values to
    /// `mirror` as well (``lastDelta`` is not written).
    /// - Parameters:
    ///   - parameters: The intended parameters, updated in place.
    ///   - gradient: Their gradient.
    ///   - mirror: An exact copy of `parameters`, kept equal to them bit for bit.
    ///   - learningRate: Step size.
    public mutating func step(_ parameters: inout LayerParameters, gradient: LayerParameters,
                              mirroringInto mirror: inout LayerParameters, learningRate: Float) {
        Self.step(&weightOptimizer, &biasOptimizer, &parameters, gradient: gradient, output: &mirror,
                  writing: .parameters, learningRate: learningRate)
    }

    private static func step(_ weightOptimizer: inout any Optimizer, _ biasOptimizer: inout any Optimizer,
                             _ parameters: inout LayerParameters, gradient: LayerParameters,
                             output: inout LayerParameters, writing: StepOutput, learningRate: Float) {
        gradient.weights.withUnsafeBufferPointer { g in
            parameters.weights.withUnsafeMutableBufferPointer { p in
                output.weights.withUnsafeMutableBufferPointer { d in
                    weightOptimizer.step(parameters: p, gradient: g, output: d, writing: writing, learningRate: learningRate)
                }
            }
        }
        gradient.bias.withUnsafeBufferPointer { g in
            parameters.bias.withUnsafeMutableBufferPointer { p in
                output.bias.withUnsafeMutableBufferPointer { d in
                    biasOptimizer.step(parameters: p, gradient: g, output: d, writing: writing, learningRate: learningRate)
                }
            }
        }
    }

    /// The weight and the bias optimizers' states, in that order.
    public var states: [OptimizerState] { [weightOptimizer.state, biasOptimizer.state] }

    /// Continues from states saved by ``states``.
    /// - Parameter states: The weight and bias optimizers' states.
    /// - Returns: `false` (and no change) when they do not fit.
    public mutating func restore(_ states: [OptimizerState]) -> Bool {
        guard states.count == 2, states[0].hasShape(of: weightOptimizer.state),
              states[1].hasShape(of: biasOptimizer.state) else { return false }
        return weightOptimizer.restore(states[0]) && biasOptimizer.restore(states[1])
    }
}

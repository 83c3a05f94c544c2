import FFNumerics
import FFRandom

/// A linear softmax classifier trained on the normalised activities of FF
/// layers (Hinton 2022 §3.3), digital and trained by its own gradient only:
/// nothing flows back into the FF layers.
public struct LinearReadout {
    /// `classes × features` weights and bias.
    public internal(set) var parameters: LayerParameters
    fileprivate var optimizer: ParameterOptimizer
    private var gradient: LayerParameters
    private var logits = Matrix(rows: 0, columns: 0)
    private var logitGradient = Matrix(rows: 0, columns: 0)

    /// Creates a readout.
    /// - Parameters:
    ///   - features: Number of input features.
    ///   - classes: Number of classes.
    ///   - optimizer: Optimizer configuration.
    ///   - random: Source for the initial weights.
    public init(features: Int, classes: Int, optimizer: OptimizerConfiguration, random: RandomGenerator) {
        parameters = LayerParameters(inputSize: features, outputSize: classes,
                                     initialization: .pytorchDefault, random: random)
        self.optimizer = ParameterOptimizer(optimizer, inputSize: features, outputSize: classes)
        gradient = LayerParameters(inputSize: features, outputSize: classes)
    }

    /// Creates a readout from saved parameters (fresh optimizer state).
    public init(parameters: LayerParameters, optimizer: OptimizerConfiguration) {
        self.parameters = parameters
        self.optimizer = ParameterOptimizer(optimizer, inputSize: parameters.inputSize, outputSize: parameters.outputSize)
        gradient = LayerParameters(inputSize: parameters.inputSize, outputSize: parameters.outputSize)
    }

    /// One optimizer step on a batch.
    /// - Parameters:
    ///   - features: `batch × features`.
    ///   - labels: True labels.
    ///   - learningRate: Step size.
    /// - Returns: The batch's mean cross-entropy.
    public mutating func train(features: Matrix, labels: [Int32], learningRate: Float) -> Double {
        DigitalLayer.linear(features, parameters, into: &logits)
        let (loss, _) = SoftmaxCrossEntropy.evaluate(logits: logits, labels: labels, gradient: &logitGradient)
        gradient.setGradient(input: features, outputGradient: logitGradient)
        optimizer.step(&parameters, gradient: gradient, learningRate: learningRate)
        return loss
    }

    /// The predicted class of each row.
    /// - Parameter features: `batch × features`.
    public func predict(features: Matrix) -> [Int] {
        var z = Matrix(rows: 0, columns: 0)
        DigitalLayer.linear(features, parameters, into: &z)
        var result = [Int]()
        z.argmaxRows(into: &result)
        return result
    }
}

extension LinearReadout {
    /// Stores the parameters and optimizer state under `name`.
    func save(_ name: String, into snapshot: inout TrainerSnapshot) {
        snapshot.put(name, parameters: parameters)
        snapshot.put(name + ".optimizer", optimizer: optimizer.states)
    }

    /// Restores what ``save(_:into:)`` stored.
    mutating func restore(_ name: String, from snapshot: TrainerSnapshot) throws(TrainingError) {
        try snapshot.restore(name, parameters: &parameters)
        try snapshot.restore(name + ".optimizer", optimizer: &optimizer)
    }
}

import FFNumerics
import FFRandom

/// The trainable parameters of one dense layer: `y = f(x · Wᵀ + b)`.
public struct LayerParameters: Sendable, Equatable, Codable {
    /// Weights, `outputSize × inputSize` (a row per output unit, as a crossbar's columns).
    public var weights: Matrix
    /// Bias, one per output unit.
    public var bias: [Float]

    /// Number of inputs.
    public var inputSize: Int { weights.columns }
    /// Number of outputs.
    public var outputSize: Int { weights.rows }

    /// Creates parameters from explicit values.
    /// - Parameters:
    ///   - weights: `outputSize × inputSize` weights.
    ///   - bias: `outputSize` biases.
    public init(weights: Matrix, bias: [Float]) {
        precondition(bias.count == weights.rows, "bias has \(bias.count) values, weights have \(weights.rows) rows")
        self.weights = weights
        self.bias = bias
    }

    /// Creates zero parameters.
    public init(inputSize: Int, outputSize: Int) {
        self.init(weights: Matrix(rows: outputSize, columns: inputSize), bias: [Float](repeating: 0, count: outputSize))
    }

    /// Creates randomly initialised parameters.
    /// - Parameters:
    ///   - inputSize: Number of inputs.
    ///   - outputSize: Number of outputs.
    ///   - initialization: The scheme.
    ///   - random: Source of randomness.
    public init(inputSize: Int, outputSize: Int, initialization: WeightInitialization, random: RandomGenerator) {
        self.init(inputSize: inputSize, outputSize: outputSize)
        switch initialization {
        case .pytorchDefault:
            // PyTorch nn.Linear: kaiming_uniform(a=√5) gives U(±1/√fan_in) for W and b.
            let bound = 1 / Float(inputSize).squareRoot()
            random.fillUniform(&weights, from: -bound, to: bound)
            for i in bias.indices { bias[i] = Float(random.flat(Double(-bound), Double(bound))) }
        case .normalFanOut:
            // loeweX's FF reproduction: N(0, 1/fan_out) weights, zero bias.
            random.fillGaussian(&weights, sigma: 1 / Float(outputSize).squareRoot())
        case .heNormal:
            random.fillGaussian(&weights, sigma: (2 / Float(inputSize)).squareRoot())
        }
    }

    /// Number of scalar parameters.
    public var parameterCount: Int { weights.count + bias.count }

    /// `self += delta`, elementwise.
    public mutating func add(_ delta: LayerParameters) {
        weights.add(delta.weights)
        for i in bias.indices { bias[i] += delta.bias[i] }
    }
}

/// How a layer's weights are drawn at the start of training.
public enum WeightInitialization: String, Sendable, Codable, CaseIterable {
    /// U(±1/√fan_in) for weights and bias, as PyTorch's `nn.Linear`.
    case pytorchDefault = "pytorch"
    /// N(0, 1/fan_out) weights and zero bias, as loeweX's FF code.
    case normalFanOut = "normal-fan-out"
    /// N(0, 2/fan_in) weights and zero bias (He et al. 2015).
    case heNormal = "he"
}

extension Matrix: Codable {
    private enum CodingKeys: String, CodingKey { case rows, columns, values }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let rows = try c.decode(Int.self, forKey: .rows)
        let columns = try c.decode(Int.self, forKey: .columns)
        let values = try c.decode([Float].self, forKey: .values)
        guard rows >= 0, columns >= 0, values.count == rows * columns else {
            throw DecodingError.dataCorruptedError(
                forKey: .values, in: c,
                debugDescription: "matrix of \(rows)×\(columns) has \(values.count) values")
        }
        self.init(rows: rows, columns: columns, storage: values)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(rows, forKey: .rows)
        try c.encode(columns, forKey: .columns)
        try c.encode(storage, forKey: .values)
    }
}

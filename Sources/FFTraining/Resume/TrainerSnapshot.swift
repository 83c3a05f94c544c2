import FFNumerics

/// Everything a trainer needs to continue a run exactly where it stopped,
/// as named arrays: parameters, optimizer moments, running statistics,
/// random-generator states and the epoch's example order.
///
/// A trainer fills a snapshot after an epoch (``UnsupervisedFFTrainer/snapshot()``)
/// and restores one before continuing; `FFResults.TrainingStateFile` writes it
/// to disk. The arrays are named so that the file format does not depend on
/// which trainer wrote it.
public struct TrainerSnapshot: Sendable, Equatable {
    /// Epochs finished (readout-only epochs included).
    public var completedEpochs: Int
    /// The history of the finished epochs.
    public var history: [EpochRecord]
    /// Named `Float` arrays.
    public private(set) var floats: [String: [Float]] = [:]
    /// Named integer arrays (step counts, example orders, generator words).
    public private(set) var integers: [String: [Int64]] = [:]
    /// Named byte arrays (generator states).
    public private(set) var bytes: [String: [UInt8]] = [:]

    /// Creates an empty snapshot.
    /// - Parameters:
    ///   - completedEpochs: Epochs finished.
    ///   - history: Their history.
    public init(completedEpochs: Int, history: [EpochRecord]) {
        self.completedEpochs = completedEpochs
        self.history = history
    }

    /// Stores a `Float` array under `name`.
    public mutating func put(_ name: String, floats values: [Float]) { floats[name] = values }
    /// Stores an integer array under `name`.
    public mutating func put(_ name: String, integers values: [Int64]) { integers[name] = values }
    /// Stores a byte array under `name`.
    public mutating func put(_ name: String, bytes values: [UInt8]) { bytes[name] = values }

    /// The `Float` array `name`, which must hold `count` values.
    /// - Throws: ``TrainingError/unresumable(_:)`` when it is missing or of another length.
    public func floats(_ name: String, count: Int) throws(TrainingError) -> [Float] {
        try Self.checked(floats[name], name: name, count: count)
    }

    /// The integer array `name`, which must hold `count` values.
    /// - Throws: ``TrainingError/unresumable(_:)`` when it is missing or of another length.
    public func integers(_ name: String, count: Int) throws(TrainingError) -> [Int64] {
        try Self.checked(integers[name], name: name, count: count)
    }

    /// The byte array `name`, which must hold `count` values.
    /// - Throws: ``TrainingError/unresumable(_:)`` when it is missing or of another length.
    public func bytes(_ name: String, count: Int) throws(TrainingError) -> [UInt8] {
        try Self.checked(bytes[name], name: name, count: count)
    }

    private static func checked<T>(_ values: [T]?, name: String, count: Int) throws(TrainingError) -> [T] {
        guard let values else { throw .unresumable("the state has no '\(name)'") }
        guard values.count == count else {
            throw .unresumable("'\(name)' holds \(values.count) values, the trainer needs \(count)")
        }
        return values
    }
}

extension TrainerSnapshot {
    /// Stores a layer's parameters as `<name>.weights` and `<name>.bias`.
    mutating func put(_ name: String, parameters: LayerParameters) {
        put(name + ".weights", floats: parameters.weights.storage)
        put(name + ".bias", floats: parameters.bias)
    }

    /// Restores parameters stored by ``put(_:parameters:)`` into `parameters`, whose shape they must have.
    func restore(_ name: String, parameters: inout LayerParameters) throws(TrainingError) {
        let weights = try floats(name + ".weights", count: parameters.weights.storage.count)
        let bias = try floats(name + ".bias", count: parameters.bias.count)
        parameters.weights = Matrix(rows: parameters.weights.rows, columns: parameters.weights.columns, storage: weights)
        parameters.bias = bias
    }

    /// Stores optimizer states as `<name>.<i>.<j>` vectors and `<name>.<i>.steps`.
    mutating func put(_ name: String, optimizer states: [OptimizerState]) {
        for (i, state) in states.enumerated() {
            for (j, vector) in state.vectors.enumerated() { put("\(name).\(i).\(j)", floats: vector) }
            put("\(name).\(i).steps", integers: [Int64(state.steps)])
        }
    }

    /// The optimizer states stored by ``put(_:optimizer:)``, shaped like `template`.
    func optimizerStates(_ name: String, like template: [OptimizerState]) throws(TrainingError) -> [OptimizerState] {
        var result = [OptimizerState]()
        for (i, state) in template.enumerated() {
            var vectors = [[Float]]()
            for (j, vector) in state.vectors.enumerated() {
                vectors.append(try floats("\(name).\(i).\(j)", count: vector.count))
            }
            let steps = try integers("\(name).\(i).steps", count: 1)[0]
            result.append(OptimizerState(vectors: vectors, steps: Int(steps)))
        }
        return result
    }

    /// Restores an optimizer stored by ``put(_:optimizer:)``.
    func restore(_ name: String, optimizer: inout ParameterOptimizer) throws(TrainingError) {
        guard optimizer.restore(try optimizerStates(name, like: optimizer.states)) else {
            throw .unresumable("the optimizer state '\(name)' does not fit this optimizer")
        }
    }
}

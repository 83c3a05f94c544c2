/// Which examples a run evaluates on.
public enum EvaluationSet: Sendable, Equatable, CustomStringConvertible {
    /// The data set's own test split.
    case test
    /// The last `examples` examples of the training split, which training then
    /// never sees. The test split is not used at all.
    case validation(examples: Int)

    /// `test`, or `validation (last N training examples)`.
    public var description: String {
        switch self {
        case .test: "test"
        case .validation(let n): "validation (last \(n) training examples)"
        }
    }

    /// The noun for printed accuracies: `test` or `validation`.
    public var shortName: String {
        switch self {
        case .test: "test"
        case .validation: "validation"
        }
    }
}

extension LabeledDataset {
    /// The data set with its last `examples` training examples moved into the
    /// evaluation split, replacing the test split.
    ///
    /// Use it to choose settings without looking at the test set: every
    /// evaluation during and after training then measures held-out training
    /// examples, and the test images are not read again.
    /// - Parameter examples: How many training examples to hold out; at least 1
    ///   and fewer than the training split holds.
    /// - Returns: The data set with `count - examples` training examples and
    ///   `examples` validation examples, in their file order.
    /// - Throws: ``DatasetError/invalidHoldOut(requested:available:)`` when
    ///   `examples` is out of range.
    public func holdingOutValidation(_ examples: Int) throws(DatasetError) -> LabeledDataset {
        guard examples >= 1, examples < train.count else {
            throw .invalidHoldOut(requested: examples, available: train.count)
        }
        let boundary = train.count - examples
        return LabeledDataset(name: name, directory: directory, train: train.examples(0..<boundary),
                              test: train.examples(boundary..<train.count), verification: verification,
                              evaluationSet: .validation(examples: examples))
    }
}

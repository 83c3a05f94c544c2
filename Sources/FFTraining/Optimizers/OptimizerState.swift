/// The complete state of one ``Optimizer``: its per-parameter vectors and
/// its step count, to save with a run and restore later.
public struct OptimizerState: Sendable, Equatable {
    /// Per-parameter vectors (SGD: the velocity; Adam: the two moments).
    public var vectors: [[Float]]
    /// Steps taken so far.
    public var steps: Int

    /// Creates a state.
    /// - Parameters:
    ///   - vectors: Per-parameter vectors.
    ///   - steps: Steps taken so far.
    public init(vectors: [[Float]], steps: Int) {
        self.vectors = vectors
        self.steps = steps
    }

    /// Whether `other` has this state's shape (same number of vectors, same lengths).
    func hasShape(of other: OptimizerState) -> Bool {
        vectors.map(\.count) == other.vectors.map(\.count)
    }
}

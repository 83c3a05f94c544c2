import FFNumerics

/// The activity of a recurrent FF network on a batch at one time step, with
/// the buffers of the next step (reused from step to step and batch to batch).
struct RecurrentState {
    /// `rows × pixels` layer-1 bottom-up input (normalised when the configuration says so).
    var image = Matrix(rows: 0, columns: 0)
    /// `rows × classes` top-layer top-down input: the one-hot label, length-normalised.
    var label = Matrix(rows: 0, columns: 0)
    /// Per layer, `rows × (below + above)`: the input of the latest step.
    var inputs: [Matrix]
    /// Per layer, `rows × units`: the outputs measured in the latest step.
    var outputs: [Matrix]
    /// Per layer, `rows × units`: the damped (pre-normalisation) states.
    var states: [Matrix]
    /// Per layer, `rows × units`: the normalised states as the neighbours receive them.
    var sent: [Matrix]
    /// Scratch for normalising before transmission.
    var scratch = Matrix(rows: 0, columns: 0)
    /// Per layer, the buffers of the product that skips zero inputs
    /// (``RecurrentFFNetwork/skipsZeroInputs``).
    var products: [ZeroColumnSkippingProduct]

    /// Empty buffers for a network of `layers` hidden layers.
    init(layers: Int) {
        let empty = Matrix(rows: 0, columns: 0)
        inputs = Array(repeating: empty, count: layers)
        outputs = inputs
        states = inputs
        sent = inputs
        products = Array(repeating: ZeroColumnSkippingProduct(), count: layers)
    }

    /// Number of rows (examples) in flight.
    var rows: Int { image.rows }

    /// Makes this state `copies` stacked copies of `other` (rows c·n ..< (c+1)·n
    /// hold copy c); the label rows are left to the caller.
    mutating func tile(_ other: RecurrentState, copies: Int) {
        Self.tile(other.image, copies: copies, into: &image)
        for l in states.indices {
            Self.tile(other.states[l], copies: copies, into: &states[l])
            Self.tile(other.sent[l], copies: copies, into: &sent[l])
        }
    }

    /// Writes `copies` stacked copies of `source` into `result`.
    static func tile(_ source: Matrix, copies: Int, into result: inout Matrix) {
        result.reshape(rows: source.rows * copies, columns: source.columns)
        source.withUnsafeBufferPointer { src in
            result.withUnsafeMutableBufferPointer { dst in
                for c in 0..<copies where src.count > 0 {
                    (dst.baseAddress! + c * src.count).update(from: src.baseAddress!, count: src.count)
                }
            }
        }
    }
}

import FFNumerics

/// Labelled examples as trainers consume them: one image per row.
public struct Examples: Sendable {
    /// `count × pixels` images.
    public var images: Matrix
    /// One label per image.
    public var labels: [Int32]

    /// Creates a set of examples.
    /// - Parameters:
    ///   - images: `count × pixels` images.
    ///   - labels: One label per row of `images`.
    public init(images: Matrix, labels: [Int32]) {
        precondition(images.rows == labels.count, "Examples: \(images.rows) images but \(labels.count) labels")
        self.images = images
        self.labels = labels
    }

    /// Number of examples.
    public var count: Int { labels.count }

    /// The first `n` examples (all when `n` is `nil` or larger than the set).
    public func prefix(_ n: Int?) -> Examples {
        guard let n, n < count else { return self }
        var m = Matrix(rows: 0, columns: 0)
        m.copyRows(from: images, range: 0..<n)
        return Examples(images: m, labels: Array(labels[0..<n]))
    }

    /// The examples in `range`.
    public func slice(_ range: Range<Int>) -> Examples {
        var m = Matrix(rows: 0, columns: 0)
        m.copyRows(from: images, range: range)
        return Examples(images: m, labels: Array(labels[range]))
    }

    /// The examples at `indices`, in that order, gathered into `images` and `labels`.
    func gather(_ indices: ArraySlice<Int>, images: inout Matrix, labels: inout [Int32]) {
        indices.withContiguousStorageIfAvailable { idx in
            images.gatherRows(from: self.images, indices: idx)
        } ?? Array(indices).withUnsafeBufferPointer { images.gatherRows(from: self.images, indices: $0) }
        labels.removeAll(keepingCapacity: true)
        for i in indices { labels.append(self.labels[i]) }
    }

    /// Applies `(x − mean) / std` to every pixel.
    public func standardized(_ s: PixelStandardization?) -> Examples {
        guard let s else { return self }
        var copy = self
        let inv = 1 / s.std
        copy.images.withUnsafeMutableBufferPointer { b in
            for i in b.indices { b[i] = (b[i] - s.mean) * inv }
        }
        return copy
    }

    /// The fraction of `predictions` equal to the labels.
    public func accuracy(of predictions: [Int]) -> Double {
        precondition(predictions.count == count)
        guard count > 0 else { return 0 }
        var correct = 0
        for i in 0..<count where predictions[i] == Int(labels[i]) { correct += 1 }
        return Double(correct) / Double(count)
    }
}

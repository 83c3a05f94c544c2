/// Elementwise arithmetic over the contiguous buffer, in place.
extension Matrix {
    /// Multiplies every element by `factor`.
    public mutating func scale(by factor: Float) {
        let (r, c) = (rows, columns)
        withUnsafeMutableBufferPointer { b in
            ParallelRows.forEach(rows: r, columns: c) { _, block in
                for i in (block.lowerBound * c)..<(block.upperBound * c) { b[i] *= factor }
            }
        }
    }

    /// `self += alpha · other`, elementwise.
    /// - Parameters:
    ///   - other: A matrix of the same shape.
    ///   - alpha: Scale applied to `other`.
    public mutating func add(_ other: Matrix, scaledBy alpha: Float = 1) {
        precondition(rows == other.rows && columns == other.columns, "add: shapes differ")
        let count = self.count
        other.withUnsafeBufferPointer { o in
            withUnsafeMutableBufferPointer { b in
                ParallelRows.forEach(rows: count, columns: 1) { _, range in
                    for i in range { b[i] += alpha * o[i] }
                }
            }
        }
    }

    /// `self ⊙= other`, elementwise.
    /// - Parameter other: A matrix of the same shape.
    public mutating func multiply(by other: Matrix) {
        precondition(rows == other.rows && columns == other.columns, "multiply: shapes differ")
        other.withUnsafeBufferPointer { o in
            withUnsafeMutableBufferPointer { b in
                for i in b.indices { b[i] *= o[i] }
            }
        }
    }

    /// Adds `vector` to every row (bias broadcast).
    /// - Parameter vector: One value per column.
    public mutating func addToEachRow(_ vector: [Float]) {
        addToEachRow(vector, clampingAtZero: false)
    }

    /// Adds `vector` to every row and, when `clampingAtZero`, applies ReLU in
    /// the same pass (a layer's bias and nonlinearity in one sweep).
    /// - Parameters:
    ///   - vector: `columns` values.
    ///   - clampingAtZero: Replace negative sums by zero.
    public mutating func addToEachRow(_ vector: [Float], clampingAtZero: Bool) {
        precondition(vector.count == columns, "addToEachRow: vector has \(vector.count) values, expected \(columns)")
        let (r, c) = (rows, columns)
        vector.withUnsafeBufferPointer { v in
            withUnsafeMutableBufferPointer { b in
                ParallelRows.forEach(rows: r, columns: c) { _, block in
                    for i in block {
                        let row = b.baseAddress! + i * c
                        if clampingAtZero {
                            for j in 0..<c { row[j] = Swift.max(row[j] + v[j], 0) }
                        } else {
                            for j in 0..<c { row[j] += v[j] }
                        }
                    }
                }
            }
        }
    }

    /// Sums each column over all rows, writing one value per column.
    /// - Parameters:
    ///   - result: Receives `columns` sums (resized as needed).
    ///   - alpha: Scale applied to the sums.
    public func columnSums(into result: inout [Float], scaledBy alpha: Float = 1) {
        if result.count != columns { result = [Float](repeating: 0, count: columns) }
        let c = columns
        result.withUnsafeMutableBufferPointer { r in
            r.update(repeating: 0)
            withUnsafeBufferPointer { b in
                var offset = 0
                for _ in 0..<rows {
                    for j in 0..<c { r[j] += b[offset + j] }
                    offset += c
                }
            }
            if alpha != 1 { for j in 0..<c { r[j] *= alpha } }
        }
    }

    /// The largest absolute element, or 0 for an empty matrix.
    public var maxAbsoluteValue: Float {
        withUnsafeBufferPointer { b in b.reduce(0) { Swift.max($0, abs($1)) } }
    }

    /// Whether every element is finite (no NaN or infinity).
    public var isFinite: Bool {
        withUnsafeBufferPointer { b in b.allSatisfy { $0.isFinite } }
    }
}

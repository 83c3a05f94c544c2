/// A dense, row-major matrix of `Float` in one contiguous buffer.
///
/// Rows are samples and columns are features throughout ffanalog. The storage
/// is a single `[Float]`, so BLAS and the elementwise kernels see one pointer
/// and the copy-on-write of `Array` gives value semantics.
public struct Matrix: Sendable, Equatable {
    /// Number of rows.
    public private(set) var rows: Int
    /// Number of columns.
    public private(set) var columns: Int
    /// Row-major elements; `storage.count == rows * columns`.
    public private(set) var storage: [Float]

    /// Creates a matrix filled with one value.
    /// - Parameters:
    ///   - rows: Number of rows (≥ 0).
    ///   - columns: Number of columns (≥ 0).
    ///   - value: The value of every element.
    public init(rows: Int, columns: Int, repeating value: Float = 0) {
        precondition(rows >= 0 && columns >= 0, "Matrix dimensions must be non-negative")
        self.rows = rows
        self.columns = columns
        self.storage = [Float](repeating: value, count: rows * columns)
    }

    /// Creates a matrix over existing row-major elements.
    /// - Parameters:
    ///   - rows: Number of rows.
    ///   - columns: Number of columns.
    ///   - storage: Row-major elements; must hold exactly `rows * columns` values.
    public init(rows: Int, columns: Int, storage: [Float]) {
        precondition(rows >= 0 && columns >= 0, "Matrix dimensions must be non-negative")
        precondition(storage.count == rows * columns,
                     "Matrix storage has \(storage.count) elements, expected \(rows)×\(columns)")
        self.rows = rows
        self.columns = columns
        self.storage = storage
    }

    /// Number of elements.
    @inlinable public var count: Int { rows * columns }

    /// The element at row `row` and column `column`.
    public subscript(row: Int, column: Int) -> Float {
        get { storage[row * columns + column] }
        set { storage[row * columns + column] = newValue }
    }

    /// Calls `body` with a pointer to the row-major elements.
    @inlinable public func withUnsafeBufferPointer<R>(
        _ body: (UnsafeBufferPointer<Float>) throws -> R
    ) rethrows -> R {
        try storage.withUnsafeBufferPointer(body)
    }

    /// Calls `body` with a mutable pointer to the row-major elements.
    public mutating func withUnsafeMutableBufferPointer<R>(
        _ body: (inout UnsafeMutableBufferPointer<Float>) throws -> R
    ) rethrows -> R {
        try storage.withUnsafeMutableBufferPointer(body)
    }

    /// Changes the shape, keeping the allocation when it is large enough.
    ///
    /// Element values after a reshape that changes the count are unspecified
    /// (they are whatever the buffer held); callers overwrite them.
    /// - Parameters:
    ///   - rows: New number of rows.
    ///   - columns: New number of columns.
    public mutating func reshape(rows: Int, columns: Int) {
        precondition(rows >= 0 && columns >= 0, "Matrix dimensions must be non-negative")
        let needed = rows * columns
        if storage.count > needed {
            storage.removeLast(storage.count - needed)
        } else if storage.count < needed {
            storage.append(contentsOf: repeatElement(0, count: needed - storage.count))
        }
        self.rows = rows
        self.columns = columns
    }

    /// Sets every element to `value`.
    public mutating func fill(_ value: Float) {
        withUnsafeMutableBufferPointer { buffer in
            buffer.update(repeating: value)
        }
    }

    /// Returns the elements of one row as a new array.
    public func row(_ index: Int) -> [Float] {
        precondition(index >= 0 && index < rows, "Row \(index) out of range 0..<\(rows)")
        return Array(storage[(index * columns)..<((index + 1) * columns)])
    }

    /// Returns the transpose as a new matrix.
    public func transposed() -> Matrix {
        var result = Matrix(rows: columns, columns: rows)
        let (r, c) = (rows, columns)
        withUnsafeBufferPointer { src in
            result.withUnsafeMutableBufferPointer { dst in
                for i in 0..<r {
                    for j in 0..<c { dst[j * r + i] = src[i * c + j] }
                }
            }
        }
        return result
    }

    /// Copies selected rows of `source` into this matrix, reshaping it to
    /// `indices.count × source.columns` and reusing the allocation.
    /// - Parameters:
    ///   - source: The matrix to read rows from.
    ///   - indices: Row indices into `source`, in the order wanted.
    public mutating func gatherRows(from source: Matrix, indices: UnsafeBufferPointer<Int>) {
        reshape(rows: indices.count, columns: source.columns)
        let c = source.columns
        source.withUnsafeBufferPointer { src in
            withUnsafeMutableBufferPointer { dst in
                guard let s = src.baseAddress, let d = dst.baseAddress else { return }
                for (k, index) in indices.enumerated() {
                    (d + k * c).update(from: s + index * c, count: c)
                }
            }
        }
    }

    /// Copies rows `range` of `source` into this matrix, reshaping it.
    /// - Parameters:
    ///   - source: The matrix to read rows from.
    ///   - range: Consecutive row indices into `source`.
    public mutating func copyRows(from source: Matrix, range: Range<Int>) {
        reshape(rows: range.count, columns: source.columns)
        let c = source.columns
        source.withUnsafeBufferPointer { src in
            withUnsafeMutableBufferPointer { dst in
                guard let s = src.baseAddress, let d = dst.baseAddress else { return }
                d.update(from: s + range.lowerBound * c, count: range.count * c)
            }
        }
    }
}

extension Matrix: CustomStringConvertible {
    public var description: String { "Matrix(\(rows)×\(columns))" }
}

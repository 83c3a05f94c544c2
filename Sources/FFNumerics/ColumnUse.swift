/// Finds the columns of a row-major block that hold a non-zero value in any
/// row (or any chosen set of columns), and packs those columns side by side:
/// the shared bookkeeping of the products that leave columns out of sgemm
/// (``ZeroColumnSkippingProduct``, ``ZeroColumnSkippingOuterProduct``,
/// ``ColumnSplit``).
///
/// Its buffers grow to the largest block seen and are then reused, so
/// repeated calls allocate nothing.
struct ColumnUse: Sendable {
    private var flags = [UInt8]()
    /// The columns in use found by the last ``find(_:rows:columns:stride:)``, ascending; the first ``count`` are valid.
    private(set) var list = [Int32]()
    /// How many columns the last ``find(_:rows:columns:stride:)`` found in use.
    private(set) var count = 0

    /// Lists the columns with a non-zero value in any of `rows` rows.
    /// - Parameters:
    ///   - x: The block's first element.
    ///   - rows: Rows to scan.
    ///   - columns: Columns per row.
    ///   - stride: Elements from one row to the next (≥ `columns`).
    /// - Returns: How many columns are in use (also ``count``).
    @discardableResult
    mutating func find(_ x: UnsafePointer<Float>, rows: Int, columns k: Int, stride: Int) -> Int {
        if flags.count < k { flags = [UInt8](repeating: 0, count: k) }
        flags.withUnsafeMutableBufferPointer { flags in
            flags.update(repeating: 0)
            for i in 0..<rows {
                let row = x + i * stride
                for j in 0..<k { flags[j] |= row[j] != 0 ? 1 : 0 }
            }
        }
        return listFlagged(columns: k)
    }

    /// Lists the columns `0..<columns` for which `include` holds.
    /// - Parameters:
    ///   - k: Number of columns.
    ///   - include: Whether a column belongs in the list.
    mutating func select(columns k: Int, where include: (Int) -> Bool) {
        if flags.count < k { flags = [UInt8](repeating: 0, count: k) }
        for j in 0..<k { flags[j] = include(j) ? 1 : 0 }
        listFlagged(columns: k)
    }

    /// Lists the flagged columns in ``list`` and returns their count.
    @discardableResult
    private mutating func listFlagged(columns k: Int) -> Int {
        if list.count < k { list = [Int32](repeating: 0, count: k) }
        count = flags.withUnsafeBufferPointer { flags in
            list.withUnsafeMutableBufferPointer { list in
                var u = 0
                for j in 0..<k where flags[j] != 0 {
                    list[u] = Int32(j)
                    u += 1
                }
                return u
            }
        }
        return count
    }

    /// Copies the columns in use of a `rows × columns` block side by side into
    /// `packed` (`rows × count`, row-major; grown when too small).
    /// - Parameters:
    ///   - source: The block's first element.
    ///   - rows: Rows to copy.
    ///   - stride: Elements from one row to the next.
    ///   - packed: Receives the packed columns.
    func pack(_ source: UnsafePointer<Float>, rows: Int, stride: Int, into packed: inout [Float]) {
        if packed.count < rows * count { packed = [Float](repeating: 0, count: rows * count) }
        packed.withUnsafeMutableBufferPointer { pack(source, rows: rows, stride: stride, to: $0.baseAddress!) }
    }

    /// Copies the listed columns of a `rows × columns` block side by side to
    /// `destination`, which must have room for `rows × count` elements. (A
    /// distinct label from the array variant's: `&array` would convert to a
    /// pointer and pick this one without growing the array.)
    /// - Parameters:
    ///   - source: The block's first element.
    ///   - rows: Rows to copy.
    ///   - stride: Elements from one row to the next.
    ///   - destination: Receives the packed columns, row-major.
    func pack(_ source: UnsafePointer<Float>, rows: Int, stride: Int, to destination: UnsafeMutablePointer<Float>) {
        let u = count
        list.withUnsafeBufferPointer { list in
            ParallelRows.forEach(rows: rows, columns: u) { _, block in
                for i in block {
                    let (src, dst) = (source + i * stride, destination + i * u)
                    for q in 0..<u { dst[q] = src[Int(list[q])] }
                }
            }
        }
    }
}

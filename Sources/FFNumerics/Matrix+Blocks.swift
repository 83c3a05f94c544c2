/// Copies between blocks of columns.
extension Matrix {
    /// Writes `block` into columns `first ..< first + block.columns` of every row.
    public mutating func setColumns(_ first: Int, from block: Matrix) {
        precondition(block.rows == rows && first + block.columns <= columns, "setColumns: shapes differ")
        let (r, c, bc) = (rows, columns, block.columns)
        block.withUnsafeBufferPointer { src in
            withUnsafeMutableBufferPointer { dst in
                for i in 0..<r {
                    (dst.baseAddress! + i * c + first).update(from: src.baseAddress! + i * bc, count: bc)
                }
            }
        }
    }
}

extension Matrix {
    /// Writes `block` into rows `first ..< first + block.rows`.
    /// - Parameters:
    ///   - first: The first row written.
    ///   - block: Rows with this matrix's column count.
    public mutating func setRows(_ first: Int, from block: Matrix) {
        precondition(block.columns == columns && first + block.rows <= rows, "setRows: shapes differ")
        let offset = first * columns
        block.withUnsafeBufferPointer { src in
            withUnsafeMutableBufferPointer { dst in
                (dst.baseAddress! + offset).update(from: src.baseAddress!, count: src.count)
            }
        }
    }
}

import FFNumerics

extension Matrix {
    /// Calls `body` with consecutive blocks of at most `chunkSize` rows, in
    /// order, reusing one buffer for the blocks.
    /// - Parameters:
    ///   - chunkSize: Rows per block (the last block may be shorter).
    ///   - body: Receives a block and the index of its first row here.
    func forEachRowChunk(_ chunkSize: Int, _ body: (_ chunk: Matrix, _ firstRow: Int) -> Void) {
        var chunk = Matrix(rows: 0, columns: 0)
        var start = 0
        while start < rows {
            let n = Swift.min(chunkSize, rows - start)
            chunk.copyRows(from: self, range: start..<(start + n))
            body(chunk, start)
            start += n
        }
    }
}

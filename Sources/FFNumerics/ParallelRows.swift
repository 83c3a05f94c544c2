import Dispatch

/// Splits row-wise elementwise work over the threads a run was given.
///
/// The thread count is OpenBLAS's (``BLAS/threadCount``), so `--threads`
/// governs both the products and the elementwise passes between them. The
/// rows are cut into at most that many contiguous blocks of whole rows; a
/// row's result never depends on the cut, so row-independent passes are
/// bit-identical at any thread count. Passes that reduce across rows keep a
/// partial result per block and combine the blocks in order, which is
/// reproducible at a fixed thread count (and equal to the serial loop with one
/// thread).
public enum ParallelRows {
    /// Work below this many elements runs on the calling thread alone.
    public static let minimumElements = 1 << 16

    /// A thread count that replaces ``BLAS/threadCount`` for the elementwise
    /// passes of the current task (tests compare thread counts with it without
    /// touching the process-wide BLAS setting).
    @TaskLocal public static var threadsOverride: Int?

    /// The threads elementwise passes use now.
    public static var threadCount: Int { Swift.max(1, threadsOverride ?? BLAS.threadCount) }

    /// The row blocks `rows` rows of `columns` values are cut into: one per
    /// thread, or a single block for small work.
    /// - Parameters:
    ///   - rows: Number of rows.
    ///   - columns: Values per row.
    /// - Returns: Contiguous, ordered, non-empty row ranges covering `0..<rows`
    ///   (empty when `rows` is 0).
    public static func blocks(rows: Int, columns: Int) -> [Range<Int>] {
        guard rows > 0 else { return [] }
        let threads = rows * columns < minimumElements ? 1 : Swift.min(threadCount, rows)
        guard threads > 1 else { return [0..<rows] }
        return (0..<threads).map { t in (rows * t / threads)..<(rows * (t + 1) / threads) }
    }

    /// Calls `body` once per row block, concurrently when there are several.
    /// - Parameters:
    ///   - rows: Number of rows.
    ///   - columns: Values per row (to judge whether threading pays).
    ///   - body: Receives the block's index and its rows; blocks must write disjoint memory.
    public static func forEach(rows: Int, columns: Int, _ body: (_ block: Int, _ rows: Range<Int>) -> Void) {
        let parts = blocks(rows: rows, columns: columns)
        if parts.count <= 1 {
            if let only = parts.first { body(0, only) }
            return
        }
        // The blocks write disjoint memory (the caller's contract), so handing
        // the non-Sendable body to the worker threads is safe.
        withoutActuallyEscaping(body) { body in
            let work = UncheckedSendable(body)
            DispatchQueue.concurrentPerform(iterations: parts.count) { b in work.value(b, parts[b]) }
        }
    }
}

/// Carries a value the caller has proven safe to share across threads.
private struct UncheckedSendable<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}

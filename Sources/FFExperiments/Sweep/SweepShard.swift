/// `--shard I/N`: the I-th of N disjoint slices of a sweep's jobs, so that N
/// processes (or machines) can share one sweep.
///
/// Job k of the jobs sorted by id belongs to shard k mod N. The slices
/// partition the jobs exactly and do not depend on anything but the ids.
public struct SweepShard: Sendable, Equatable, CustomStringConvertible {
    /// This slice, 0 ≤ index < count.
    public var index: Int
    /// Number of slices.
    public var count: Int

    /// The whole sweep: `0/1`.
    public static let whole = SweepShard(validIndex: 0, count: 1)

    private init(validIndex: Int, count: Int) {
        index = validIndex
        self.count = count
    }

    /// Creates a shard.
    /// - Parameters:
    ///   - index: The slice, 0 ≤ index < count.
    ///   - count: Number of slices, ≥ 1.
    /// - Throws: ``SweepError/invalidShard(_:)`` when out of range.
    public init(index: Int, count: Int) throws(SweepError) {
        guard count >= 1, index >= 0, index < count else { throw .invalidShard("\(index)/\(count)") }
        self.init(validIndex: index, count: count)
    }

    /// Parses `I/N`.
    /// - Parameter text: E.g. `0/4`.
    /// - Throws: ``SweepError/invalidShard(_:)`` unless it is `I/N` with 0 ≤ I < N.
    public init(parsing text: String) throws(SweepError) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let i = Int(parts[0]), let n = Int(parts[1]), n >= 1, i >= 0, i < n else {
            throw .invalidShard(text)
        }
        self.init(validIndex: i, count: n)
    }

    public var description: String { "\(index)/\(count)" }

    /// This shard's jobs, in id order.
    /// - Parameter jobs: All jobs of the sweep (any order).
    public func select(_ jobs: [SweepJob]) -> [SweepJob] {
        jobs.sorted().enumerated().filter { $0.offset % count == index }.map(\.element)
    }
}

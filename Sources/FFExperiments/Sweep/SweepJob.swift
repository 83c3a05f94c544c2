import FFDatasets

/// One unit of a sweep: a grid point, a method and a seed.
///
/// Its ``id`` is canonical — the point's `key=value` pairs sorted by key, then
/// the method and the seed, e.g. `device=pcm;noise=0.05;method=ff;seed=3` —
/// so it depends neither on the order of the command-line options nor on
/// `--shard`. Result files are named by ``fileStem``.
public struct SweepJob: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The grid point.
    public var point: SweepPoint
    /// The method.
    public var method: MethodName
    /// The seed; it also selects the device instance, as in `simulate`.
    public var seed: UInt64

    /// Creates a job.
    /// - Parameters:
    ///   - point: The grid point.
    ///   - method: The method.
    ///   - seed: The seed.
    public init(point: SweepPoint, method: MethodName, seed: UInt64) {
        self.point = point
        self.method = method
        self.seed = seed
    }

    /// The canonical id, e.g. `device=pcm;noise=0.05;method=ff;seed=3`.
    public var id: String {
        (point.pairs + ["method=\(method.rawValue)", "seed=\(seed)"]).joined(separator: ";")
    }

    public var description: String { id }

    /// A file-name-safe, readable form of ``id`` plus a short hash of it, e.g.
    /// `device-pcm_noise-0.05_method-ff_seed-3_1a2b3c4d`: `=` becomes `-`,
    /// `;` becomes `_`, any other character outside `[A-Za-z0-9.-]` becomes
    /// `_`, the readable part is cut at 120 characters, and the hash (the
    /// first 8 hex digits of SHA-256 of the id) keeps distinct ids distinct.
    public var fileStem: String { Self.fileStem(forId: id) }

    /// ``fileStem`` of an id.
    /// - Parameter id: A job id.
    public static func fileStem(forId id: String) -> String {
        var readable = String(id.unicodeScalars.map { c -> Character in
            switch c {
            case "=": "-"
            case "a"..."z", "A"..."Z", "0"..."9", ".", "-": Character(c)
            default: "_"
            }
        })
        if readable.count > 120 { readable = String(readable.prefix(120)) }
        return readable + "_" + Checksum.sha256Hex(Array(id.utf8)).prefix(8)
    }

    public static func < (a: SweepJob, b: SweepJob) -> Bool { a.id < b.id }

    /// Every point × method × seed, sorted by id.
    /// - Parameters:
    ///   - grid: The grid.
    ///   - methods: The methods.
    ///   - seeds: The seeds.
    public static func all(grid: SweepGrid, methods: [MethodName], seeds: [UInt64]) -> [SweepJob] {
        grid.points.flatMap { point in
            methods.flatMap { method in seeds.map { SweepJob(point: point, method: method, seed: $0) } }
        }.sorted()
    }
}

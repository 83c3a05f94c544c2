/// The settings a sweep varies: one axis per `--grid KEY=V1,V2,...`, and
/// every combination of their values a grid point.
///
/// Axes are kept sorted by key and values in canonical form (``SweepKey/canonicalValue(_:)``),
/// so the grid, its points and the job ids do not depend on the order of the
/// `--grid` options. No axes at all is one grid point with no values.
public struct SweepGrid: Sendable, Codable, Equatable {
    /// One varied setting and its values.
    public struct Axis: Sendable, Codable, Equatable {
        /// The setting.
        public var key: SweepKey
        /// Its values, canonical, in the order given.
        public var values: [String]

        /// Creates an axis.
        /// - Parameters:
        ///   - key: The setting.
        ///   - values: Its canonical values.
        public init(key: SweepKey, values: [String]) {
            self.key = key
            self.values = values
        }
    }

    /// The axes, sorted by key.
    public private(set) var axes: [Axis]

    /// Creates a grid from axes (sorted here).
    /// - Parameter axes: One axis per key.
    public init(axes: [Axis] = []) {
        self.axes = axes.sorted { $0.key < $1.key }
    }

    /// Parses `--grid` arguments, checking everything before any work starts.
    /// - Parameter arguments: Each `KEY=V1,V2,...`, e.g. `noise=0,0.01` or `hidden=500x500,1000`.
    /// - Throws: ``SweepError``: a missing `=`, an unknown or repeated key, an
    ///   empty list, a value that is not valid for its key, or a repeated value.
    public init(parsing arguments: [String]) throws(SweepError) {
        var axes = [Axis]()
        for argument in arguments {
            guard let equals = argument.firstIndex(of: "=") else { throw .missingEquals(argument) }
            let keyText = trimmed(argument[..<equals])
            guard let key = SweepKey(parsing: keyText) else { throw .unknownKey(keyText) }
            guard !axes.contains(where: { $0.key == key }) else { throw .duplicateKey(key.rawValue) }
            let list = trimmed(argument[argument.index(after: equals)...])
            guard !list.isEmpty else { throw .emptyValues(key: key.rawValue) }
            var values = [String]()
            for item in list.split(separator: ",", omittingEmptySubsequences: false) {
                let value = try key.canonicalValue(trimmed(item))
                guard !values.contains(value) else { throw .duplicateValue(key: key.rawValue, value: value) }
                values.append(value)
            }
            axes.append(Axis(key: key, values: values))
        }
        self.init(axes: axes)
    }

    /// The keys varied, sorted.
    public var keys: [SweepKey] { axes.map(\.key) }

    /// The values of `key`, or `nil` when it is not varied.
    /// - Parameter key: A setting.
    public func values(of key: SweepKey) -> [String]? {
        axes.first { $0.key == key }?.values
    }

    /// Every combination of values: the first axis varies slowest.
    public var points: [SweepPoint] {
        var points = [SweepPoint()]
        for axis in axes {
            points = points.flatMap { point in
                axis.values.map { value in
                    var p = point
                    p.values[axis.key] = value
                    return p
                }
            }
        }
        return points
    }

    /// Refuses a key that is both varied here and fixed by a plain option.
    /// - Parameter fixed: The keys the command line also fixes (e.g. `--epochs 3` fixes ``SweepKey/epochs``).
    /// - Throws: ``SweepError/sweptAndFixed(key:option:)`` for the first such key.
    public func checkNotFixed(_ fixed: Set<SweepKey>) throws(SweepError) {
        for key in keys where fixed.contains(key) { throw .sweptAndFixed(key: key.rawValue, option: key.option) }
    }
}

/// One grid point: a canonical value for each varied key.
public struct SweepPoint: Sendable, Codable, Hashable {
    /// Key → canonical value.
    public var values: [SweepKey: String]

    /// Creates a point.
    /// - Parameter values: Key → canonical value.
    public init(values: [SweepKey: String] = [:]) {
        self.values = values
    }

    /// `key=value` pairs sorted by key, e.g. `["device=pcm", "noise=0.05"]`.
    public var pairs: [String] {
        values.keys.sorted().map { "\($0.rawValue)=\(values[$0]!)" }
    }

    /// The value of `key`, if varied.
    public subscript(key: SweepKey) -> String? { values[key] }
}

private func trimmed(_ s: Substring) -> String {
    String(s.drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" }.reversed())
}

private func trimmed(_ s: String) -> String { trimmed(Substring(s)) }

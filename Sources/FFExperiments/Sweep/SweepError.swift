/// Why a sweep cannot start, resume or merge. Each description is one line
/// that says what is wrong and how to fix it.
public enum SweepError: Error, CustomStringConvertible, Equatable, Sendable {
    /// A `--grid` argument without `=`.
    case missingEquals(String)
    /// A `--grid` key that ``SweepKey`` does not know.
    case unknownKey(String)
    /// A `--grid` key with no values (`noise=`).
    case emptyValues(key: String)
    /// A value that is not allowed for its key; `expected` says what is.
    case invalidValue(key: String, value: String, expected: String)
    /// A `--grid` key given more than once.
    case duplicateKey(String)
    /// A value listed twice for one key.
    case duplicateValue(key: String, value: String)
    /// A grid key also fixed by a plain option such as `--epochs`.
    case sweptAndFixed(key: String, option: String)
    /// A device that cannot be loaded; `reason` is the preset error.
    case unknownDevice(value: String, reason: String)
    /// A `--shard` not of the form `I/N` with 0 ≤ I < N.
    case invalidShard(String)
    /// A `--methods` entry that is not a method.
    case unknownMethod(String)
    /// A method listed twice.
    case duplicateMethod(String)
    /// No methods at all.
    case noMethods
    /// A seed count below 1.
    case invalidSeedCount(Int)
    /// The directory holds a manifest of a different sweep.
    case configurationMismatch(directory: String, differences: [String])
    /// The directory holds no manifest (for merge).
    case noManifest(directory: String)
    /// A manifest that cannot be read or decoded.
    case unreadableManifest(path: String, reason: String)
    /// A file that cannot be written.
    case writeFailed(path: String, reason: String)

    public var description: String {
        let keys = SweepKey.allCases.map(\.rawValue).joined(separator: ", ")
        switch self {
        case let .missingEquals(text):
            return "--grid '\(text)' has no '='; write KEY=V1,V2,... such as --grid noise=0,0.05 (keys: \(keys))"
        case let .unknownKey(key):
            return "--grid key '\(key)' is unknown; use one of \(keys)"
        case let .emptyValues(key):
            return "--grid \(key)= lists no values; give at least one, e.g. --grid \(key)=\(SweepKey(rawValue: key)?.example ?? "...")"
        case let .invalidValue(key, value, expected):
            return "--grid \(key): '\(value)' is not \(expected); e.g. --grid \(key)=\(SweepKey(rawValue: key)?.example ?? "...")"
        case let .duplicateKey(key):
            return "--grid \(key) is given more than once; list all its values in one --grid \(key)=V1,V2,..."
        case let .duplicateValue(key, value):
            return "--grid \(key) lists \(value) more than once; list each value once"
        case let .sweptAndFixed(key, option):
            return "\(key) is both swept by --grid and fixed by \(option); drop one of them"
        case let .unknownDevice(value, reason):
            return "device '\(value)': \(reason)"
        case let .invalidShard(text):
            return "--shard '\(text)' is not I/N with 0 ≤ I < N; e.g. --shard 0/4 runs the first of four slices"
        case let .unknownMethod(name):
            return "unknown method '\(name)' in --methods; choose from \(MethodName.allCases.map(\.rawValue).joined(separator: ", "))"
        case let .duplicateMethod(name):
            return "--methods lists '\(name)' more than once; list each method once"
        case .noMethods:
            return "--methods lists no method; choose from \(MethodName.allCases.map(\.rawValue).joined(separator: ", "))"
        case let .invalidSeedCount(n):
            return "--seeds must be at least 1, got \(n)"
        case let .configurationMismatch(directory, differences):
            return "\(directory) holds a different sweep (its \(SweepDirectory.manifestName) differs in \(differences.joined(separator: ", "))); "
                + "use another --output directory, or delete \(directory) to start over"
        case let .noManifest(directory):
            return "\(directory) has no \(SweepDirectory.manifestName); pass the directory an `ffanalog sweep` wrote (its --output)"
        case let .unreadableManifest(path, reason):
            return "cannot read the sweep manifest \(path): \(reason); restore it, or delete the directory to start over"
        case let .writeFailed(path, reason):
            return "cannot write \(path): \(reason); check the --output directory is writable"
        }
    }
}

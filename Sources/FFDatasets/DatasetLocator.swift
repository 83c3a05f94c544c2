import Foundation

/// Finds the directory that holds a data set's four IDX files.
///
/// Search order:
/// 1. an explicit `--data-dir DIR` — the files directly in `DIR`, or in
///    `DIR/<name>`; if neither holds them this is an error, the search does
///    not fall through to the other places;
/// 2. `$FFANALOG_DATA/<name>`;
/// 3. `$HOME/.cache/ffanalog/<name>` (where `ffanalog data fetch` puts them);
/// 4. `<systemRoot>/<name>`, by default `/usr/share/datasets/<name>` (Debian's
///    `dataset-fashion-mnist` installs there).
///
/// The environment and the system root are injectable so tests need not touch
/// the real home directory.
public struct DatasetLocator: Sendable {
    /// The environment variable naming a directory of data sets.
    public static let dataEnvironmentVariable = "FFANALOG_DATA"

    /// The environment consulted for `FFANALOG_DATA` and `HOME`.
    public let environment: [String: String]
    /// The system-wide data set directory.
    public let systemRoot: String

    /// Creates a locator.
    /// - Parameters:
    ///   - environment: Environment variables; `FFANALOG_DATA` and `HOME` are used.
    ///   - systemRoot: The system-wide directory holding one subdirectory per data set.
    public init(environment: [String: String] = ProcessInfo.processInfo.environment,
                systemRoot: String = "/usr/share/datasets") {
        self.environment = environment
        self.systemRoot = systemRoot
    }

    /// The per-user cache directory of a data set, `$HOME/.cache/ffanalog/<name>`.
    /// - Parameter name: The data set.
    /// - Returns: The directory, or `nil` if `HOME` is not set.
    public func cacheDirectory(for name: DatasetName) -> String? {
        guard let home = environment["HOME"], !home.isEmpty else { return nil }
        return Self.join(home, ".cache", "ffanalog", name.rawValue)
    }

    /// The directories searched when no `--data-dir` is given, in order.
    /// - Parameter name: The data set.
    /// - Returns: `$FFANALOG_DATA/<name>` (if set), the cache directory (if `HOME`
    ///   is set) and `<systemRoot>/<name>`.
    public func candidates(for name: DatasetName) -> [String] {
        var result = [String]()
        if let root = environment[Self.dataEnvironmentVariable], !root.isEmpty {
            result.append(Self.join(root, name.rawValue))
        }
        if let cache = cacheDirectory(for: name) {
            result.append(cache)
        }
        result.append(Self.join(systemRoot, name.rawValue))
        return result
    }

    /// Finds the directory holding all four files of a data set.
    /// - Parameters:
    ///   - name: The data set.
    ///   - dataDirectory: An explicit directory (`--data-dir`), or `nil` to search.
    /// - Returns: The directory holding the four files.
    /// - Throws: ``DatasetError/missingFiles(directory:missing:)`` when an explicit
    ///   directory lacks files, ``DatasetError/directoryNotFound(path:)`` when it does not exist; ``DatasetError/notFound(name:searched:)``, listing
    ///   every searched directory and what it lacked, when the search fails.
    public func locate(_ name: DatasetName, dataDirectory: String?) throws(DatasetError) -> String {
        if let explicit = dataDirectory {
            let directory = Self.expandTilde(explicit, home: environment["HOME"])
            let missingHere = DatasetFile.missing(in: directory)
            if missingHere.isEmpty { return directory }
            let nested = Self.join(directory, name.rawValue)
            if DatasetFile.missing(in: nested).isEmpty { return nested }
            if !Self.isDirectory(directory) {
                throw .directoryNotFound(path: directory)
            }
            throw .missingFiles(directory: directory, missing: missingHere.map(\.plainName))
        }
        var searched = [String]()
        for candidate in candidates(for: name) {
            guard Self.isDirectory(candidate) else {
                searched.append("\(candidate) (no such directory)")
                continue
            }
            let missing = DatasetFile.missing(in: candidate)
            if missing.isEmpty { return candidate }
            searched.append("\(candidate) (lacks \(missing.map(\.plainName).joined(separator: ", ")))")
        }
        throw .notFound(name: name.rawValue, searched: searched)
    }

    static func join(_ first: String, _ rest: String...) -> String {
        rest.reduce(first) { ($0 as NSString).appendingPathComponent($1) }
    }

    static func isDirectory(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
    }

    static func expandTilde(_ path: String, home: String?) -> String {
        guard let home, !home.isEmpty else { return path }
        if path == "~" { return home }
        if path.hasPrefix("~/") { return join(home, String(path.dropFirst(2))) }
        return path
    }
}

import Foundation
import FFDatasets
import FFDevice
import FFResults

/// `sweep.json`: what a sweep directory holds. Written atomically before the
/// first job; a later run into the same directory must have the same
/// ``configurationHash`` (the same configuration and presets) or is refused.
public struct SweepManifest: Sendable, Encodable {
    /// One job: its id and the stem of its result files in `jobs/`.
    public struct Entry: Sendable, Codable, Equatable {
        /// The job id.
        public var id: String
        /// The result files' stem (`jobs/<file>.csv`, `.json`).
        public var file: String
    }

    /// ffanalog's version.
    public var ffanalogVersion: String
    /// The git commit, when known.
    public var gitCommit: String?
    /// BLAS threads of the run that wrote the manifest (results are bit-identical only at equal thread counts).
    public var threads: Int
    /// SHA-256 of the canonical JSON of ``configuration`` and ``presets``.
    public var configurationHash: String
    /// The configuration.
    public var configuration: SweepConfiguration
    /// Every device value → its preset as loaded (before noise).
    public var presets: [String: DevicePreset]
    /// Every job, sorted by id.
    public var jobs: [Entry]

    /// The manifest of a plan.
    /// - Parameters:
    ///   - plan: The sweep.
    ///   - threads: BLAS threads.
    ///   - version: ffanalog's version.
    public init(plan: SweepPlan, threads: Int, version: String = FFAnalogVersion.current) {
        ffanalogVersion = version
        gitCommit = FFAnalogVersion.gitCommit
        self.threads = threads
        configuration = plan.configuration
        presets = plan.presets
        jobs = plan.jobs.map { Entry(id: $0.id, file: $0.fileStem) }
        configurationHash = Self.hash(Identity(configuration: plan.configuration, presets: plan.presets))
    }

    /// What the hash covers.
    private struct Identity: Encodable {
        var configuration: SweepConfiguration
        var presets: [String: DevicePreset]
    }

    private static func hash(_ identity: Identity) -> String {
        // JSONFile's encoder sorts keys, so equal values give equal bytes.
        let data = (try? JSONFile.encoder().encode(identity)) ?? Data()
        return Checksum.sha256Hex(data)
    }

    /// The parts of a manifest on disk that runs and merges need.
    public struct Header: Sendable, Decodable {
        /// ffanalog's version that wrote it.
        public var ffanalogVersion: String
        /// Its BLAS threads.
        public var threads: Int
        /// Its configuration hash.
        public var configurationHash: String
        /// Its jobs.
        public var jobs: [Entry]
    }

    /// Reads the manifest of `directory`, if there is one.
    /// - Parameter directory: A sweep directory.
    /// - Returns: `nil` when there is no `sweep.json`.
    /// - Throws: ``SweepError/unreadableManifest(path:reason:)`` when it exists but does not decode.
    public static func read(_ directory: SweepDirectory) throws(SweepError) -> Header? {
        let path = directory.manifestPath
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .unreadableManifest(path: path, reason: "the file cannot be read")
        }
        do {
            return try JSONFile.decoder().decode(Header.self, from: data)
        } catch {
            throw .unreadableManifest(path: path, reason: "not an ffanalog sweep manifest (\(oneLine(error)))")
        }
    }

    /// Checks that `directory` is empty of sweeps or holds this one.
    /// - Parameter directory: The sweep directory.
    /// - Returns: Warnings, e.g. a different thread count than the run that started the directory.
    /// - Throws: ``SweepError/configurationMismatch(directory:differences:)`` when it holds another sweep.
    @discardableResult
    public func checkCompatible(with directory: SweepDirectory) throws(SweepError) -> [String] {
        guard let existing = try Self.read(directory) else { return [] }
        guard existing.configurationHash == configurationHash else {
            throw .configurationMismatch(directory: directory.path, differences: differences(from: directory))
        }
        var warnings = [String]()
        if existing.threads != threads {
            warnings.append("\(directory.path) was started with \(existing.threads) BLAS thread(s), this run uses \(threads); "
                            + "results are bit-identical only at equal thread counts (pass --threads \(existing.threads))")
        }
        if existing.ffanalogVersion != ffanalogVersion {
            warnings.append("\(directory.path) was started by ffanalog \(existing.ffanalogVersion), this is \(ffanalogVersion)")
        }
        return warnings
    }

    /// Writes the manifest unless the directory already holds this sweep's.
    /// - Parameter directory: The sweep directory (created if missing).
    /// - Returns: Warnings from ``checkCompatible(with:)``.
    /// - Throws: ``SweepError`` when the directory holds another sweep or the file cannot be written.
    @discardableResult
    public func prepare(_ directory: SweepDirectory) throws(SweepError) -> [String] {
        if try Self.read(directory) != nil { return try checkCompatible(with: directory) }
        do {
            try JSONFile.write(self, to: directory.manifestPath)
        } catch {
            throw .writeFailed(path: directory.manifestPath, reason: oneLine(error))
        }
        return []
    }

    /// The top-level configuration keys (and `presets`) in which the manifest on disk differs from this one.
    private func differences(from directory: SweepDirectory) -> [String] {
        guard let data = FileManager.default.contents(atPath: directory.manifestPath),
              let old = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
              let newData = try? JSONFile.encoder().encode(self),
              let new = try? JSONSerialization.jsonObject(with: newData) as? [String: Any] else { return ["configuration"] }
        var out = [String]()
        let oldConfiguration = old["configuration"] as? [String: Any] ?? [:]
        let newConfiguration = new["configuration"] as? [String: Any] ?? [:]
        for key in Set(oldConfiguration.keys).union(newConfiguration.keys).sorted()
        where !same(oldConfiguration[key], newConfiguration[key]) {
            out.append(key)
        }
        if !same(old["presets"], new["presets"]) { out.append("presets") }
        return out.isEmpty ? ["configuration"] : out
    }

    /// Whether two decoded JSON values are equal (compared as canonical JSON text).
    private func same(_ a: Any?, _ b: Any?) -> Bool {
        func canonical(_ x: Any?) -> Data? {
            guard let x else { return nil }
            return try? JSONSerialization.data(withJSONObject: [x], options: [.sortedKeys])
        }
        return canonical(a) == canonical(b)
    }
}

/// An error's description on one line.
func oneLine(_ error: any Error) -> String {
    "\(error)".split(whereSeparator: \.isNewline).joined(separator: " ")
}

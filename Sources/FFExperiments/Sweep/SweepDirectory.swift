import Foundation

/// Where a sweep keeps its files:
///
/// - `sweep.json`: the manifest (``SweepManifest``): configuration, presets, job ids, version, threads;
/// - `jobs/<file stem>.csv`: one job's tidy rows — its presence marks the job done;
/// - `jobs/<file stem>.json`: the job's ``SimulationRecord``;
/// - `merged.csv`: what `ffanalog sweep merge` writes by default.
///
/// Every file is written atomically (temporary file, then rename), so a killed
/// sweep leaves whole files or none; temporary files start with `.` and do not
/// end in `.csv`, so they are never taken for results.
public struct SweepDirectory: Sendable, Equatable {
    /// The manifest's file name.
    public static let manifestName = "sweep.json"
    /// The job results' subdirectory.
    public static let jobsName = "jobs"
    /// The default merge output's file name.
    public static let mergedName = "merged.csv"

    /// The directory.
    public var path: String

    /// Creates a layout rooted at `path`.
    /// - Parameter path: The sweep directory.
    public init(path: String) {
        self.path = path
    }

    /// The default directory of a sweep: `notebooks-export/sweep-<first 10 hex digits of the configuration hash>`.
    /// - Parameters:
    ///   - manifest: The sweep's manifest.
    ///   - root: The parent directory.
    public static func defaultPath(for manifest: SweepManifest, root: String = "notebooks-export") -> String {
        "\(root)/sweep-\(manifest.configurationHash.prefix(10))"
    }

    /// `sweep.json`.
    public var manifestPath: String { join(path, Self.manifestName) }
    /// `jobs/`.
    public var jobsPath: String { join(path, Self.jobsName) }
    /// `merged.csv`.
    public var mergedPath: String { join(path, Self.mergedName) }

    /// The CSV of `job`.
    /// - Parameter job: A job.
    public func csvPath(_ job: SweepJob) -> String { join(jobsPath, job.fileStem + ".csv") }

    /// The JSON record of `job`.
    /// - Parameter job: A job.
    public func jsonPath(_ job: SweepJob) -> String { join(jobsPath, job.fileStem + ".json") }

    /// The result CSVs in `jobs/`, by file name: names ending in `.csv` that
    /// do not start with `.` (temporary files of interrupted writes).
    public func resultFileNames() -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: jobsPath)) ?? []
        return names.filter { $0.hasSuffix(".csv") && !$0.hasPrefix(".") }.sorted()
    }

    private func join(_ a: String, _ b: String) -> String { (a as NSString).appendingPathComponent(b) }
}

import FFResults

/// `ffanalog sweep merge`: every job CSV of a sweep directory in one tidy CSV.
///
/// Files are taken in file-name order, a job's own file name first. A file that
/// does not parse, lacks the tidy header, or holds an id the manifest does not
/// list is reported and left out; a second file of a job already merged (a copy
/// brought from another machine) is reported and left out. Nothing aborts the merge.
public enum SweepMerge {
    /// A job seen in more than one file.
    public struct Duplicate: Sendable, Equatable {
        /// The job id.
        public var jobId: String
        /// The file merged.
        public var kept: String
        /// The file left out.
        public var dropped: String
    }

    /// A file left out because it is not a usable result.
    public struct Corrupt: Sendable, Equatable {
        /// The file name in `jobs/`.
        public var file: String
        /// What is wrong with it.
        public var problem: String
    }

    /// What a merge found and wrote.
    public struct Report: Sendable, Equatable {
        /// Where the merged CSV went.
        public var output: String
        /// Jobs in the manifest.
        public var jobs: Int
        /// Jobs merged.
        public var merged: Int
        /// Rows written.
        public var rows: Int
        /// Jobs in the manifest with no usable file, in id order.
        public var missing: [String]
        /// Jobs found in more than one file.
        public var duplicates: [Duplicate]
        /// Files left out.
        public var corrupt: [Corrupt]

        /// Whether every job of the manifest is in the merge.
        public var isComplete: Bool { missing.isEmpty }

        /// One line: what was merged, and what is missing.
        public var summary: String {
            var line = "merged \(merged) of \(jobs) jobs (\(rows) rows) into \(output)"
            if !duplicates.isEmpty { line += "; \(duplicates.count) duplicate file(s) left out" }
            if !corrupt.isEmpty { line += "; \(corrupt.count) corrupt file(s) left out" }
            if !missing.isEmpty {
                line += "; INCOMPLETE: \(missing.count) job(s) missing, this is a partial merge"
                    + " (run the sweep again with the same options to finish them)"
            }
            return line
        }
    }

    /// Merges the job CSVs of `directory` into one tidy CSV (written atomically).
    /// - Parameters:
    ///   - directory: A sweep directory.
    ///   - output: The merged CSV (default: `merged.csv` in the directory).
    /// - Returns: What was merged, missing, duplicated and corrupt.
    /// - Throws: ``SweepError/noManifest(directory:)``, ``SweepError/unreadableManifest(path:reason:)``,
    ///   or a write error of the output.
    public static func merge(_ directory: SweepDirectory, output: String? = nil) throws -> Report {
        guard let manifest = try SweepManifest.read(directory) else { throw SweepError.noManifest(directory: directory.path) }
        let output = output ?? directory.mergedPath
        let expected = Set(manifest.jobs.map(\.id))
        let canonicalFile = Dictionary(manifest.jobs.map { ($0.id, $0.file + ".csv") }, uniquingKeysWith: { a, _ in a })

        var found = [String: (file: String, contents: SweepResultFile)]()
        var duplicates = [Duplicate](), corrupt = [Corrupt]()
        var names = directory.resultFileNames()
        // A job's own file name first, so copies are the ones reported.
        let canonicalNames = Set(canonicalFile.values)
        names = names.filter(canonicalNames.contains) + names.filter { !canonicalNames.contains($0) }
        for name in names {
            switch SweepResultFile.read(directory.jobsPath + "/" + name) {
            case let .failure(problem):
                corrupt.append(Corrupt(file: name, problem: problem.description))
            case let .success(contents):
                guard expected.contains(contents.jobId) else {
                    corrupt.append(Corrupt(file: name, problem: "holds job \(contents.jobId), which \(SweepDirectory.manifestName) does not list"))
                    continue
                }
                if let first = found[contents.jobId] {
                    duplicates.append(Duplicate(jobId: contents.jobId, kept: first.file, dropped: name))
                } else {
                    found[contents.jobId] = (name, contents)
                }
            }
        }

        let ordered = manifest.jobs.compactMap { found[$0.id]?.contents }
        var table = CSVTable(columns: ordered.first?.columns ?? SimulationReport.tidyColumns)
        for file in ordered {
            for row in file.rows { table.append(row) }
        }
        try table.write(to: output)
        return Report(output: output, jobs: manifest.jobs.count, merged: ordered.count, rows: table.rows.count,
                      missing: manifest.jobs.map(\.id).filter { found[$0] == nil },
                      duplicates: duplicates, corrupt: corrupt.sorted { $0.file < $1.file })
    }
}

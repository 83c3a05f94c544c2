/// Checks data files against ``KnownChecksums``.
public enum DatasetVerifier {
    /// Checks one file, given both its stored and its decompressed bytes.
    ///
    /// A gzip file is verified if its stored bytes match an accepted gzip sum,
    /// or else if its decompressed bytes match an accepted plain sum (a
    /// re-compressed or header-normalised copy of the official data, such as
    /// Debian's). A plain file is verified against the plain sums.
    /// - Parameters:
    ///   - file: Which of the four files this is.
    ///   - dataset: The data set it belongs to.
    ///   - path: Its path, for the report.
    ///   - stored: The bytes as stored on disk.
    ///   - decompressed: The IDX bytes after decompression (the same as `stored` for a plain file).
    ///   - isGzip: Whether `stored` is gzip.
    /// - Returns: The verification record; the status is never an error.
    public static func verify(file: DatasetFile, of dataset: DatasetName, path: String,
                              stored: [UInt8], decompressed: [UInt8], isGzip: Bool) -> FileVerification {
        verify(path: path, stored: stored, decompressed: decompressed, isGzip: isGzip,
               gzipEntries: KnownChecksums.gzip(dataset, file), plainEntries: KnownChecksums.plain(dataset, file))
    }

    /// Checks one file against explicit lists of accepted sums.
    /// - Parameters:
    ///   - path: The file's path, for the report.
    ///   - stored: The bytes as stored on disk.
    ///   - decompressed: The IDX bytes after decompression (the same as `stored` for a plain file).
    ///   - isGzip: Whether `stored` is gzip.
    ///   - gzipEntries: Accepted sums of the gzip form.
    ///   - plainEntries: Accepted sums of the uncompressed form; empty when none is known.
    /// - Returns: The verification record; the status is never an error.
    public static func verify(path: String, stored: [UInt8], decompressed: [UInt8], isGzip: Bool,
                              gzipEntries: [KnownChecksums.Entry],
                              plainEntries: [KnownChecksums.Entry]) -> FileVerification {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        let storedSum = Checksum.sha256Hex(stored)
        if isGzip {
            if let entry = gzipEntries.first(where: { $0.sha256 == storedSum }) {
                return FileVerification(name: name, sha256: storedSum, status: .verified,
                                        detail: describe(entry, form: "gzip file"))
            }
            guard !plainEntries.isEmpty else {
                return FileVerification(name: name, sha256: storedSum, status: gzipEntries.isEmpty ? .unknown : .mismatch,
                                        detail: "no accepted sum matches the gzip file")
            }
            let contentSum = Checksum.sha256Hex(decompressed)
            if let entry = plainEntries.first(where: { $0.sha256 == contentSum }) {
                return FileVerification(
                    name: name, sha256: storedSum, status: .verified,
                    detail: "the gzip container differs from the published archive (e.g. a normalised header), "
                        + describe(entry, form: "but the decompressed contents (sha256 \(contentSum))", verb: "match"))
            }
            return FileVerification(name: name, sha256: storedSum, status: .mismatch,
                                    detail: "neither the gzip file nor its decompressed contents "
                                        + "(sha256 \(contentSum)) match an accepted sum")
        }
        guard !plainEntries.isEmpty else {
            return FileVerification(name: name, sha256: storedSum, status: .unknown,
                                    detail: "unverified (no known sum for uncompressed file)")
        }
        if let entry = plainEntries.first(where: { $0.sha256 == storedSum }) {
            return FileVerification(name: name, sha256: storedSum, status: .verified,
                                    detail: describe(entry, form: "uncompressed file"))
        }
        return FileVerification(name: name, sha256: storedSum, status: .mismatch,
                                detail: "the uncompressed file matches no accepted sum")
    }

    /// Builds a report and its warnings from per-file checks.
    /// - Parameters:
    ///   - files: The per-file checks, in ``DatasetFile/allCases`` order.
    ///   - dataset: The data set, for the fix in the warnings.
    ///   - directory: Where the files are, for the warnings.
    /// - Returns: The report.
    public static func report(_ files: [FileVerification], dataset: DatasetName, directory: String) -> VerificationReport {
        var warnings = [String]()
        for file in files {
            switch file.status {
            case .verified:
                continue
            case .mismatch:
                warnings.append("\(directory)/\(file.name): checksum mismatch (sha256 \(file.sha256)): \(file.detail); "
                    + "results may not be comparable, re-download with `ffanalog data fetch \(dataset.rawValue)`")
            case .unknown:
                warnings.append("\(directory)/\(file.name): \(file.detail); "
                    + "keep the .gz files from `ffanalog data fetch \(dataset.rawValue)` to have them verified")
            }
        }
        return VerificationReport(files: files, warnings: warnings)
    }

    private static func describe(_ entry: KnownChecksums.Entry, form: String, verb: String = "matches") -> String {
        switch entry.origin {
        case .official:
            return "\(form) \(verb) the official sum"
        case .acceptedAlternative:
            return "\(form) \(verb) an accepted alternative sum (\(entry.note))"
        }
    }
}

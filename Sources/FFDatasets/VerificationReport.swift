/// The outcome of checking one file against the known sums.
public enum VerificationStatus: String, Codable, Sendable {
    /// The sum matches an accepted sum (official or accepted alternative).
    case verified
    /// A sum is known for this file and it does not match.
    case mismatch
    /// No sum is known for this form of the file, so it could not be checked.
    case unknown
}

/// The checksum check of one data file.
public struct FileVerification: Codable, Sendable, Equatable {
    /// The file name as found on disk, e.g. `train-images-idx3-ubyte.gz`.
    public let name: String
    /// The SHA-256 of the file as stored (compressed if it is gzip).
    public let sha256: String
    /// Whether the file matched.
    public let status: VerificationStatus
    /// How the status was reached, e.g. which sum matched.
    public let detail: String

    /// Creates a file verification record.
    /// - Parameters:
    ///   - name: The file name as found on disk.
    ///   - sha256: The SHA-256 of the file as stored.
    ///   - status: Whether it matched.
    ///   - detail: How the status was reached.
    public init(name: String, sha256: String, status: VerificationStatus, detail: String) {
        self.name = name
        self.sha256 = sha256
        self.status = status
        self.detail = detail
    }
}

/// The checksum checks of a data set's files.
///
/// A mismatch is not an error: it is recorded here and in ``warnings`` so
/// that a run can go on and its results can say the data was not verified.
public struct VerificationReport: Codable, Sendable, Equatable {
    /// One entry per file, in ``DatasetFile/allCases`` order.
    public let files: [FileVerification]
    /// Whether every file is ``VerificationStatus/verified``.
    public let allVerified: Bool
    /// One line per file that is not verified, saying why and what to do.
    public let warnings: [String]

    /// Creates a report; ``allVerified`` is derived from `files`.
    /// - Parameters:
    ///   - files: The per-file checks.
    ///   - warnings: Warnings to show the user.
    public init(files: [FileVerification], warnings: [String]) {
        self.files = files
        self.allVerified = !files.isEmpty && files.allSatisfy { $0.status == .verified }
        self.warnings = warnings
    }

    /// A report for data that was not checked at all.
    public static let skipped = VerificationReport(
        files: [], warnings: ["checksums were not verified (verification was turned off)"])
}

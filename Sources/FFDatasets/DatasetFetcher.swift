import Foundation

/// Downloads a data set's four `.gz` files from public mirrors, verifying each
/// against the known SHA-256 sums before it is moved into place.
///
/// Each file is tried on the mirrors in order; a failed download or a checksum
/// mismatch moves on to the next mirror. A file is written with ``AtomicFile``
/// (temporary file in the same directory, `fsync`, rename), so a partial or
/// unverified file never appears under the final name. Files already present
/// with an accepted sum are kept.
public struct DatasetFetcher: Sendable {
    /// What happened to one file.
    public struct FetchedFile: Sendable, Equatable {
        /// The file name, e.g. `train-images-idx3-ubyte.gz`.
        public let name: String
        /// Where it now is.
        public let path: String
        /// Its SHA-256.
        public let sha256: String
        /// The URL it came from, or `nil` if a verified copy was already there.
        public let source: URL?
    }

    /// The outcome of a fetch.
    public struct FetchResult: Sendable, Equatable {
        /// The directory now holding the four files.
        public let directory: String
        /// One entry per file, in ``DatasetFile/allCases`` order.
        public let files: [FetchedFile]
    }

    /// Mirrors to use instead of ``defaultMirrors(for:)``, e.g. a `file://` URL in tests.
    public let mirrors: [URL]?
    /// Accepted sums keyed by `.gz` file name, instead of ``KnownChecksums/gzipSums(for:)``.
    public let expectedChecksums: [String: Set<String>]?
    /// Seconds allowed per download.
    public let timeout: TimeInterval
    /// Receives one line per step (which mirror, skipped, verified), if set.
    public let log: (@Sendable (String) -> Void)?

    /// Creates a fetcher.
    /// - Parameters:
    ///   - mirrors: Base URLs to try in order, each a directory holding the `.gz`
    ///     files; `nil` for the standard public mirrors.
    ///   - expectedChecksums: Accepted SHA-256 sums keyed by `.gz` file name; `nil`
    ///     for the known official sums.
    ///   - timeout: Seconds allowed per download.
    ///   - log: Progress lines, if wanted.
    public init(mirrors: [URL]? = nil, expectedChecksums: [String: Set<String>]? = nil,
                timeout: TimeInterval = 300, log: (@Sendable (String) -> Void)? = nil) {
        self.mirrors = mirrors
        self.expectedChecksums = expectedChecksums
        self.timeout = timeout
        self.log = log
    }

    /// The standard public mirrors of a data set, in the order they are tried.
    ///
    /// MNIST: PyTorch's copy on S3, then the CVDF copy on Google Cloud Storage
    /// (the original yann.lecun.com site no longer serves the files reliably).
    /// Fashion-MNIST: Zalando's S3 website, the URL in the project's README.
    /// - Parameter name: The data set.
    /// - Returns: Base URLs; a file's URL is the base plus its `.gz` name.
    public static func defaultMirrors(for name: DatasetName) -> [URL] {
        switch name {
        case .mnist:
            return [URL(string: "https://ossci-datasets.s3.amazonaws.com/mnist/")!,
                    URL(string: "https://storage.googleapis.com/cvdf-datasets/mnist/")!]
        case .fashionMNIST:
            return [URL(string: "http://fashion-mnist.s3-website.eu-central-1.amazonaws.com/")!]
        }
    }

    /// Downloads and verifies the four `.gz` files of a data set.
    /// - Parameters:
    ///   - name: The data set.
    ///   - directory: Where to put the files; `nil` for the locator's cache
    ///     directory, `~/.cache/ffanalog/<name>`.
    ///   - locator: Supplies the cache directory (and `HOME`).
    ///   - force: Download even files that are already present and verified.
    /// - Returns: Where each file is and where it came from.
    /// - Throws: ``DatasetError/fetchFailed(file:failures:)`` listing each mirror's
    ///   failure; ``DatasetError/writeFailed(path:reason:)`` if a file cannot be
    ///   stored or `HOME` is unset and no directory is given.
    public func fetch(_ name: DatasetName, into directory: String? = nil,
                      locator: DatasetLocator = DatasetLocator(), force: Bool = false) throws(DatasetError) -> FetchResult {
        guard let target = directory ?? locator.cacheDirectory(for: name) else {
            throw .writeFailed(path: "~/.cache/ffanalog/\(name.rawValue)",
                               reason: "HOME is not set; pass a target directory")
        }
        let sources = mirrors ?? Self.defaultMirrors(for: name)
        let sums = expectedChecksums ?? KnownChecksums.gzipSums(for: name)
        var fetched = [FetchedFile]()
        for file in DatasetFile.allCases {
            fetched.append(try fetchFile(file.gzipName, into: target, from: sources, accepted: sums[file.gzipName] ?? [],
                                         force: force))
        }
        return FetchResult(directory: target, files: fetched)
    }

    private func fetchFile(_ fileName: String, into directory: String, from sources: [URL],
                           accepted: Set<String>, force: Bool) throws(DatasetError) -> FetchedFile {
        let path = DatasetLocator.join(directory, fileName)
        guard !accepted.isEmpty else {
            throw .fetchFailed(file: fileName, failures: ["no expected SHA-256 is known for it, so it cannot be verified"])
        }
        if !force, FileManager.default.fileExists(atPath: path),
           let existing = try? Checksum.sha256Hex(ofFileAt: path), accepted.contains(existing) {
            log?("\(path): already present and verified")
            return FetchedFile(name: fileName, path: path, sha256: existing, source: nil)
        }
        guard !sources.isEmpty else {
            throw .fetchFailed(file: fileName, failures: ["no mirrors configured"])
        }
        var failures = [String]()
        for mirror in sources {
            let url = mirror.appendingPathComponent(fileName)
            log?("fetching \(url.absoluteString)")
            let data: Data
            do {
                data = try URLDownloader.fetch(url, timeout: timeout)
            } catch {
                if case .downloadFailed(_, let reason) = error {
                    failures.append("\(url.absoluteString): \(reason)")
                } else {
                    failures.append("\(url.absoluteString): \(error)")
                }
                continue
            }
            let sum = Checksum.sha256Hex(data)
            guard accepted.contains(sum) else {
                failures.append("\(url.absoluteString): checksum mismatch (got sha256 \(sum), "
                    + "expected \(accepted.sorted().joined(separator: " or ")))")
                continue
            }
            try AtomicFile.write(data, to: path)
            log?("\(path): verified (sha256 \(sum))")
            return FetchedFile(name: fileName, path: path, sha256: sum, source: url)
        }
        throw .fetchFailed(file: fileName, failures: failures)
    }
}

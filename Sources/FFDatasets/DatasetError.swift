/// Everything that can go wrong while finding, reading, verifying or
/// downloading a data set.
///
/// Every case prints as one line that says what is wrong, where (the file,
/// directory or URL) and how to fix it, so a command-line front end can show
/// `description` unchanged.
public enum DatasetError: Error, CustomStringConvertible, Equatable, Sendable {
    /// A file that should exist does not.
    case fileNotFound(path: String)
    /// A file exists but could not be read (permissions, I/O error).
    case readFailed(path: String, reason: String)
    /// The file ends before the data its header announces.
    case truncated(path: String, expected: Int, found: Int)
    /// The file does not start with the IDX magic `0x00 0x00`.
    case badMagic(path: String, found: [UInt8])
    /// The IDX element type is not `0x08` (unsigned byte).
    case unsupportedType(path: String, typeCode: UInt8)
    /// The IDX header is malformed (for example zero dimensions or a zero size).
    case invalidHeader(path: String, reason: String)
    /// The array has the wrong shape for its role (rank, image size, or an
    /// image count that disagrees with the label count).
    case shapeMismatch(path: String, reason: String)
    /// Bytes follow the data the IDX header announces.
    case trailingData(path: String, expected: Int, found: Int)
    /// The gzip stream is damaged or incomplete.
    case gzipCorrupt(path: String, reason: String)
    /// A label is not a class index below the number of classes.
    case invalidLabel(path: String, index: Int, value: Int, classCount: Int)
    /// A data set name that is not one of ``DatasetName``.
    case unknownDataset(name: String, known: [String])
    /// No search location holds the data set; `searched` lists each location
    /// with what was wrong with it.
    case notFound(name: String, searched: [String])
    /// An explicitly given data directory lacks some of the four IDX files.
    case missingFiles(directory: String, missing: [String])
    /// An explicitly given data directory does not exist.
    case directoryNotFound(path: String)
    /// One download attempt failed.
    case downloadFailed(url: String, reason: String)
    /// Every mirror failed for one file; `failures` holds one entry per mirror.
    case fetchFailed(file: String, failures: [String])
    /// A file could not be written.
    case writeFailed(path: String, reason: String)
    /// A validation hold-out that is empty or leaves no training examples.
    case invalidHoldOut(requested: Int, available: Int)

    /// One line: what is wrong, where, and how to fix it.
    public var description: String {
        switch self {
        case .fileNotFound(let path):
            return "file not found: \(path); check the path, or pass --data-dir DIR containing the four IDX files"
        case .readFailed(let path, let reason):
            return "cannot read \(path): \(reason); check that the file is readable by this user"
        case .truncated(let path, let expected, let found):
            return "\(path): truncated: expected \(expected) bytes of data, found \(found); "
                + "the file is incomplete, \(Self.refetchHint(for: path))"
        case .badMagic(let path, let found):
            let shown = found.map { "0x" + Self.hexByte($0) }.joined(separator: " ")
            return "\(path): not an IDX file: starts with \(shown.isEmpty ? "nothing" : shown), "
                + "expected 0x00 0x00; it may be an HTML error page or another format, \(Self.refetchHint(for: path))"
        case .unsupportedType(let path, let typeCode):
            return "\(path): unsupported IDX element type 0x\(Self.hexByte(typeCode)) (\(Self.typeName(typeCode))); "
                + "only 0x08 (unsigned byte) is supported, use the standard MNIST-format files"
        case .invalidHeader(let path, let reason):
            return "\(path): invalid IDX header: \(reason); \(Self.refetchHint(for: path))"
        case .shapeMismatch(let path, let reason):
            return "\(path): shape mismatch: \(reason); make sure the four files belong to the same data set, "
                + Self.refetchHint(for: path)
        case .trailingData(let path, let expected, let found):
            return "\(path): trailing data: the header announces \(expected) bytes of data but \(found) follow; "
                + "the file is corrupt or was concatenated, \(Self.refetchHint(for: path))"
        case .gzipCorrupt(let path, let reason):
            return "\(path): corrupt gzip data: \(reason); \(Self.refetchHint(for: path))"
        case .invalidLabel(let path, let index, let value, let classCount):
            return "\(path): label \(index) is \(value), expected a class index below \(classCount); "
                + "this is not a labels file of a \(classCount)-class data set, \(Self.refetchHint(for: path))"
        case .unknownDataset(let name, let known):
            return "unknown data set '\(name)'; known data sets: \(known.joined(separator: ", "))"
        case .notFound(let name, let searched):
            var fixes = ["run `ffanalog data fetch \(name)`",
                         "pass --data-dir DIR containing the four IDX files",
                         "set FFANALOG_DATA=DIR with the files in DIR/\(name)"]
            if name == DatasetName.fashionMNIST.rawValue {
                fixes.append("`apt-get install dataset-fashion-mnist`")
            }
            return "data set '\(name)' not found; searched: \(searched.joined(separator: "; ")); "
                + "to fix: \(fixes.joined(separator: ", or "))"
        case .missingFiles(let directory, let missing):
            return "--data-dir \(directory) lacks \(missing.joined(separator: ", ")) (each plain or .gz); "
                + "pass --data-dir DIR containing the four IDX files, or drop --data-dir to search the default places"
        case .directoryNotFound(let path):
            return "--data-dir \(path) does not exist; pass --data-dir DIR containing the four IDX files, "
                + "or drop --data-dir to search the default places"
        case .downloadFailed(let url, let reason):
            return "download of \(url) failed: \(reason); check the network connection or use another mirror"
        case .fetchFailed(let file, let failures):
            return "could not fetch \(file) from any mirror: \(failures.joined(separator: "; ")); "
                + "check the network, or download the file by hand and pass --data-dir DIR"
        case .writeFailed(let path, let reason):
            return "cannot write \(path): \(reason); check that the directory is writable and the disk has space"
        case .invalidHoldOut(let requested, let available):
            return "cannot hold out \(requested) validation examples from a training split of \(available); "
                + "choose --validation between 1 and \(max(available - 1, 1))"
        }
    }

    /// The fix for a damaged data file: re-download the data set the path
    /// seems to belong to.
    private static func refetchHint(for path: String) -> String {
        let parent = path.split(separator: "/").dropLast().last.map(String.init) ?? ""
        let dataset = DatasetName(rawValue: parent)?.rawValue ?? "mnist|fashion-mnist"
        return "re-download it with `ffanalog data fetch \(dataset)` or pass --data-dir DIR with an intact copy"
    }

    private static func hexByte(_ byte: UInt8) -> String {
        let digits = Array("0123456789abcdef")
        return String([digits[Int(byte >> 4)], digits[Int(byte & 0x0f)]])
    }

    private static func typeName(_ code: UInt8) -> String {
        switch code {
        case 0x08: return "unsigned byte"
        case 0x09: return "signed byte"
        case 0x0B: return "int16"
        case 0x0C: return "int32"
        case 0x0D: return "float32"
        case 0x0E: return "float64"
        default: return "unknown type"
        }
    }
}

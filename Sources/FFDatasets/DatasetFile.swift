import Foundation

/// The four standard IDX files of an MNIST-format data set.
///
/// The raw value is the uncompressed file name; on disk each file may be
/// plain or gzip-compressed with a `.gz` suffix.
public enum DatasetFile: String, CaseIterable, Sendable, Codable {
    /// Training images, rank 3: count × 28 × 28.
    case trainImages = "train-images-idx3-ubyte"
    /// Training labels, rank 1: count.
    case trainLabels = "train-labels-idx1-ubyte"
    /// Test images, rank 3: count × 28 × 28.
    case testImages = "t10k-images-idx3-ubyte"
    /// Test labels, rank 1: count.
    case testLabels = "t10k-labels-idx1-ubyte"

    /// The uncompressed file name, e.g. `train-images-idx3-ubyte`.
    public var plainName: String { rawValue }

    /// The compressed file name, e.g. `train-images-idx3-ubyte.gz`.
    public var gzipName: String { rawValue + ".gz" }

    /// The IDX rank the file must have (3 for images, 1 for labels).
    public var expectedRank: Int {
        switch self {
        case .trainImages, .testImages: return 3
        case .trainLabels, .testLabels: return 1
        }
    }

    /// The path of this file inside `directory`, if it exists there.
    ///
    /// The gzip form is preferred when both forms are present, because it is
    /// what the official mirrors publish and what the known checksums cover.
    /// - Parameter directory: The directory to look in.
    /// - Returns: The full path of the `.gz` or plain file, or `nil` if neither exists.
    public func existingPath(in directory: String) -> String? {
        let fileManager = FileManager.default
        for name in [gzipName, plainName] {
            let path = (directory as NSString).appendingPathComponent(name)
            var isDirectory: ObjCBool = false
            if fileManager.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue {
                return path
            }
        }
        return nil
    }

    /// The files of the four that `directory` lacks (in neither form).
    /// - Parameter directory: The directory to check.
    /// - Returns: The missing files, in ``allCases`` order; empty when all four are there.
    public static func missing(in directory: String) -> [DatasetFile] {
        allCases.filter { $0.existingPath(in: directory) == nil }
    }
}

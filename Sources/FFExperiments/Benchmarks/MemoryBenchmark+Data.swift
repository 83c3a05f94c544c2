import Foundation
import FFDatasets
import FFNumerics
import FFTraining

extension MemoryBenchmark {
    /// File names of the examples handed to each measuring process.
    static let imagesFile = "train-images-idx3-ubyte"
    static let labelsFile = "train-labels-idx1-ubyte"

    /// Writes the first `count` examples of a split as two uncompressed IDX
    /// files, so that each measuring process reads only those (and its peak
    /// memory does not include loading the whole dataset).
    /// - Parameters:
    ///   - split: The split (pixels in `[0, 1]`, as loaded: bytes / 255).
    ///   - count: How many examples.
    ///   - directory: Where to write; created if missing.
    /// - Throws: ``DatasetError`` when the files cannot be written.
    public static func writeExamples(_ split: DatasetSplit, count: Int, to directory: String) throws {
        let head = split.prefix(count)
        let pixels = head.images.storage.map { UInt8(clamping: Int(($0 * 255).rounded())) }
        let images = IDXArray(dimensions: [head.count, head.imageRows, head.imageColumns], bytes: pixels)
        let labels = IDXArray(dimensions: [head.count], bytes: head.labels.map { UInt8(clamping: $0) })
        try AtomicFile.write(IDXFile.encode(images), to: directory + "/" + imagesFile)
        try AtomicFile.write(IDXFile.encode(labels), to: directory + "/" + labelsFile)
    }

    /// Reads examples written by ``writeExamples(_:count:to:)``.
    /// - Parameter directory: The directory.
    /// - Throws: ``DatasetError`` when the files are missing or damaged.
    public static func readExamples(from directory: String) throws -> Examples {
        let imagesPath = directory + "/" + imagesFile, labelsPath = directory + "/" + labelsFile
        let split = try DatasetSplit(images: IDXFile.read(path: imagesPath), labels: IDXFile.read(path: labelsPath),
                                     imagesPath: imagesPath, labelsPath: labelsPath)
        return Examples(images: split.images, labels: split.labels)
    }
}

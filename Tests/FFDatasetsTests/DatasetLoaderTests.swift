import FFDatasets
import Foundation
import Testing

@Suite("Loading synthetic data sets")
struct DatasetLoaderTests {
    @Test("a synthetic gzip data set loads; unknown data gives mismatch warnings, not errors")
    func loadSynthetic() throws {
        let directory = TemporaryDirectory("loader")
        defer { directory.remove() }
        Synthetic.writeDataset(in: directory.path, train: 12, test: 5)
        let locator = DatasetLocator(environment: [:], systemRoot: directory.file("none"))
        let dataset = try DatasetLoader.load(.mnist, dataDirectory: directory.path, locator: locator)
        #expect(dataset.train.count == 12)
        #expect(dataset.test.count == 5)
        #expect(dataset.train.images.rows == 12 && dataset.train.images.columns == 784)
        #expect(dataset.train.imageRows == 28 && dataset.train.imageColumns == 28)
        #expect(dataset.directory == directory.path)

        let pixels = Synthetic.images(count: 12, seed: 11).bytes
        #expect(dataset.train.images[3, 100] == Float(pixels[3 * 784 + 100]) / 255)
        #expect(dataset.train.labels == Synthetic.labels(count: 12, seed: 12).bytes.map(Int32.init))

        #expect(!dataset.verification.allVerified)
        #expect(dataset.verification.files.map(\.status) == Array(repeating: .mismatch, count: 4))
        #expect(dataset.verification.warnings.count == 4)
        #expect(dataset.verification.warnings[0].contains("train-images-idx3-ubyte.gz: checksum mismatch"))
    }

    @Test("plain files load too")
    func loadPlain() throws {
        let directory = TemporaryDirectory("loader")
        defer { directory.remove() }
        Synthetic.writeDataset(in: directory.path, gzip: false)
        let dataset = try DatasetLoader.load(.fashionMNIST, fromDirectory: directory.path)
        #expect(dataset.train.count == 12)
        #expect(dataset.verification.files.map(\.name).first == "train-images-idx3-ubyte")
    }

    @Test("verification can be turned off")
    func noVerification() throws {
        let directory = TemporaryDirectory("loader")
        defer { directory.remove() }
        Synthetic.writeDataset(in: directory.path)
        let dataset = try DatasetLoader.load(.mnist, fromDirectory: directory.path, verify: false)
        #expect(dataset.verification.files.isEmpty)
        #expect(!dataset.verification.allVerified)
    }

    @Test("image and label counts must agree")
    func countMismatch() throws {
        let directory = TemporaryDirectory("loader")
        defer { directory.remove() }
        Synthetic.writeDataset(in: directory.path, train: 12, test: 5)
        let labels = directory.file("t10k-labels-idx1-ubyte.gz")
        Synthetic.writeGzip(IDXFile.encode(Synthetic.labels(count: 4)), to: labels)
        let error = try #require(datasetError { () throws(DatasetError) in
            try DatasetLoader.load(.mnist, fromDirectory: directory.path)
        })
        #expect(error == .shapeMismatch(path: labels, reason: "4 labels but 5 images in \(directory.file("t10k-images-idx3-ubyte.gz"))"))
        #expect(error.description.contains(labels))
    }

    @Test("images must be 28×28")
    func wrongImageSize() throws {
        let directory = TemporaryDirectory("loader")
        defer { directory.remove() }
        Synthetic.writeDataset(in: directory.path, train: 12, test: 5)
        let images = directory.file("train-images-idx3-ubyte.gz")
        Synthetic.writeGzip(IDXFile.encode(Synthetic.images(count: 12, rows: 32, columns: 32)), to: images)
        let error = datasetError { () throws(DatasetError) in try DatasetLoader.load(.mnist, fromDirectory: directory.path) }
        #expect(error == .shapeMismatch(path: images, reason: "images are 32×32, expected 28×28"))
    }

    @Test("a file of the wrong rank, e.g. labels in place of images")
    func wrongRank() throws {
        let directory = TemporaryDirectory("loader")
        defer { directory.remove() }
        Synthetic.writeDataset(in: directory.path, train: 12, test: 5)
        let images = directory.file("t10k-images-idx3-ubyte.gz")
        Synthetic.writeGzip(IDXFile.encode(Synthetic.labels(count: 5)), to: images)
        let error = try #require(datasetError { () throws(DatasetError) in
            try DatasetLoader.load(.mnist, fromDirectory: directory.path)
        })
        #expect(error == .shapeMismatch(path: images, reason: "t10k-images-idx3-ubyte must have 3 dimensions, found 1: [5]"))
    }

    @Test("labels must be below 10")
    func labelOutOfRange() throws {
        let directory = TemporaryDirectory("loader")
        defer { directory.remove() }
        Synthetic.writeDataset(in: directory.path, train: 12, test: 5)
        let labels = directory.file("train-labels-idx1-ubyte.gz")
        var bytes = Synthetic.labels(count: 12).bytes
        bytes[7] = 10
        Synthetic.writeGzip(IDXFile.encode(IDXArray(dimensions: [12], bytes: bytes)), to: labels)
        let error = try #require(datasetError { () throws(DatasetError) in
            try DatasetLoader.load(.mnist, fromDirectory: directory.path)
        })
        #expect(error == .invalidLabel(path: labels, index: 7, value: 10, classCount: 10))
        #expect(error.description.contains(labels))
    }

    @Test("a missing file in the directory is reported by name")
    func missingFile() throws {
        let directory = TemporaryDirectory("loader")
        defer { directory.remove() }
        Synthetic.writeDataset(in: directory.path)
        try FileManager.default.removeItem(atPath: directory.file("t10k-labels-idx1-ubyte.gz"))
        let error = datasetError { () throws(DatasetError) in try DatasetLoader.load(.mnist, fromDirectory: directory.path) }
        #expect(error == .fileNotFound(path: directory.file("t10k-labels-idx1-ubyte.gz")))
    }
}

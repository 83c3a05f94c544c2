import FFDatasets
import FFNumerics
import Testing

@Suite("Data set splits")
struct DatasetSplitTests {
    func makeSplit(count: Int = 6) throws -> DatasetSplit {
        try DatasetSplit(images: Synthetic.images(count: count, rows: 2, columns: 3),
                         labels: Synthetic.labels(count: count),
                         imagesPath: "images", labelsPath: "labels", imageRows: 2, imageColumns: 3)
    }

    @Test("pixels are scaled to [0, 1] by /255")
    func scaling() throws {
        let images = IDXArray(dimensions: [1, 1, 3], bytes: [0, 51, 255])
        let split = try DatasetSplit(images: images, labels: IDXArray(dimensions: [1], bytes: [9]),
                                     imagesPath: "i", labelsPath: "l", imageRows: 1, imageColumns: 3)
        #expect(split.images.storage == [0, 0.2, 1])
        #expect(split.labels == [9])
    }

    @Test("prefix keeps the first n examples")
    func prefix() throws {
        let split = try makeSplit()
        let head = split.prefix(4)
        #expect(head.count == 4)
        #expect(head.images.rows == 4 && head.images.columns == 6)
        #expect(head.images.storage == Array(split.images.storage[0..<24]))
        #expect(head.labels == Array(split.labels[0..<4]))
        #expect(split.prefix(100).count == 6)
        #expect(split.prefix(0).count == 0)
    }

    @Test("standardized applies (x - mean) / std and keeps labels")
    func standardized() throws {
        let split = try makeSplit()
        let (mean, std) = split.pixelStatistics()
        let standard = split.standardized(mean: mean, std: std)
        #expect(standard.labels == split.labels)
        #expect(abs(standard.images[2, 1] - (split.images[2, 1] - mean) / std) < 1e-5)
        let (newMean, newStd) = standard.pixelStatistics()
        #expect(abs(newMean) < 1e-4)
        #expect(abs(newStd - 1) < 1e-3)
    }

    @Test("label histogram")
    func histogram() throws {
        let split = try DatasetSplit(images: IDXArray(dimensions: [4, 1, 1], bytes: [1, 2, 3, 4]),
                                     labels: IDXArray(dimensions: [4], bytes: [0, 3, 3, 9]),
                                     imagesPath: "i", labelsPath: "l", imageRows: 1, imageColumns: 1)
        #expect(split.labelHistogram() == [1, 0, 0, 2, 0, 0, 0, 0, 0, 1])
    }
}

import FFDatasets
import FFNumerics
import Testing

@Suite("Validation hold-out")
struct ValidationHoldOutTests {
    func dataset(train: Int = 10, test: Int = 4) throws -> LabeledDataset {
        func split(_ count: Int, seed: UInt32) throws -> DatasetSplit {
            try DatasetSplit(images: Synthetic.images(count: count, rows: 2, columns: 3, seed: seed),
                             labels: Synthetic.labels(count: count, seed: seed + 1),
                             imagesPath: "images", labelsPath: "labels", imageRows: 2, imageColumns: 3)
        }
        return LabeledDataset(name: .mnist, directory: "synthetic", train: try split(train, seed: 1),
                              test: try split(test, seed: 5), verification: VerificationReport(files: [], warnings: []))
    }

    @Test("the last N training examples become the evaluation split and leave training")
    func holdsOutTheTail() throws {
        let full = try dataset()
        let held = try full.holdingOutValidation(3)
        #expect(full.evaluationSet == .test)
        #expect(held.evaluationSet == .validation(examples: 3))
        #expect(held.train.count == 7 && held.test.count == 3)
        #expect(held.train.images.storage == Array(full.train.images.storage[0..<(7 * 6)]))
        #expect(held.train.labels == Array(full.train.labels[0..<7]))
        #expect(held.test.images.storage == Array(full.train.images.storage[(7 * 6)...]))
        #expect(held.test.labels == Array(full.train.labels[7...]))
        #expect(held.evaluationSet.description == "validation (last 3 training examples)")
    }

    @Test("an empty hold-out or one that leaves no training examples is rejected", arguments: [0, -1, 10, 11])
    func rejectsOutOfRange(examples: Int) throws {
        let full = try dataset()
        let error = datasetError { () throws(DatasetError) in try full.holdingOutValidation(examples) }
        #expect(error == .invalidHoldOut(requested: examples, available: 10))
        #expect(error?.description.contains("choose --validation between 1 and 9") == true)
    }

    @Test("examples(_:) copies exactly the requested rows")
    func examplesRange() throws {
        let split = try dataset().train
        let middle = split.examples(2..<5)
        #expect(middle.count == 3)
        #expect(middle.images.storage == Array(split.images.storage[12..<30]))
        #expect(middle.labels == Array(split.labels[2..<5]))
        #expect(split.examples(0..<split.count).count == split.count)
    }
}

import FFDatasets
import Foundation
import Testing

/// Where the real data sets are on this machine, if anywhere.
enum RealData {
    static func directory(for name: DatasetName) -> String? {
        var candidates = [String]()
        if let root = ProcessInfo.processInfo.environment["FFANALOG_DATA"], !root.isEmpty {
            candidates.append((root as NSString).appendingPathComponent(name.rawValue))
        }
        switch name {
        case .mnist:
            // shared/ sits beside the checkout: <root>/../shared/data/mnist.
            candidates.append(packageRoot().deletingLastPathComponent()
                .appendingPathComponent("shared/data/mnist").path)
        case .fashionMNIST:
            candidates.append("/usr/share/datasets/fashion-mnist")   // Debian's dataset-fashion-mnist
        }
        return candidates.first { DatasetFile.missing(in: $0).isEmpty }
    }

    /// Each data set is loaded once per test run, on first use.
    static let mnist: Result<LabeledDataset, DatasetError>? = load(.mnist)
    static let fashionMNIST: Result<LabeledDataset, DatasetError>? = load(.fashionMNIST)

    private static func load(_ name: DatasetName) -> Result<LabeledDataset, DatasetError>? {
        guard let directory = directory(for: name) else { return nil }
        return Result { () throws(DatasetError) in try DatasetLoader.load(name, fromDirectory: directory) }
    }

    /// The loaded data set, or `nil` when it is not on this machine; under CI
    /// a missing data set is recorded as an issue, elsewhere the check is skipped.
    static func dataset(_ name: DatasetName) throws -> LabeledDataset? {
        guard let result = name == .mnist ? mnist : fashionMNIST else {
            let message = "\(name.displayName) not found: set FFANALOG_DATA=DIR with the files in DIR/\(name.rawValue)"
            if runningUnderCI {
                Issue.record(Comment(rawValue: message))
                return nil
            }
            try skipTest(message)
            return nil
        }
        return try result.get()
    }

    static func checkCommon(_ dataset: LabeledDataset) {
        #expect(dataset.train.count == 60_000)
        #expect(dataset.test.count == 10_000)
        #expect(dataset.train.images.rows == 60_000 && dataset.train.images.columns == 784)
        for split in [dataset.train, dataset.test] {
            let (minimum, maximum) = split.images.withUnsafeBufferPointer { values in
                var (low, high) = (Float.infinity, -Float.infinity)
                var index = 0
                while index < values.count {   // a plain loop keeps debug builds quick
                    low = min(low, values[index])
                    high = max(high, values[index])
                    index &+= 1
                }
                return (low, high)
            }
            #expect(minimum == 0)
            #expect(maximum == 1)
            let histogram = split.labelHistogram()
            #expect(histogram.reduce(0, +) == split.count)
            // Every class holds roughly a tenth of the split (MNIST: 9.0 %–11.3 %).
            #expect(histogram.allSatisfy { Double($0) > 0.08 * Double(split.count) && Double($0) < 0.12 * Double(split.count) })
        }
    }
}

@Suite("Real data sets", .serialized)
struct RealDataTests {
    @Test("Fashion-MNIST loads and verifies")
    func fashionMNIST() throws {
        guard let dataset = try RealData.dataset(.fashionMNIST) else { return }
        RealData.checkCommon(dataset)
        #expect(dataset.train.labelHistogram() == Array(repeating: 6000, count: 10))
        #expect(dataset.test.labelHistogram() == Array(repeating: 1000, count: 10))
        #expect(dataset.verification.allVerified, "\(dataset.verification.warnings)")
        #expect(dataset.verification.warnings.isEmpty)
    }

    @Test("MNIST loads and verifies, the shared training images through the accepted alternative sum")
    func mnist() throws {
        guard let dataset = try RealData.dataset(.mnist) else { return }
        RealData.checkCommon(dataset)
        #expect(dataset.test.labelHistogram() == [980, 1135, 1032, 1010, 982, 892, 958, 1028, 974, 1009])
        #expect(dataset.train.labelHistogram() == [5923, 6742, 5958, 6131, 5842, 5421, 5918, 6265, 5851, 5949])
        #expect(dataset.verification.allVerified, "\(dataset.verification.warnings)")
        let trainImages = dataset.verification.files.first { $0.name.hasPrefix("train-images") }
        #expect(trainImages?.status == .verified)
        if trainImages?.sha256 == "7a221dabe526ea063b4e368bc6c9b0c6d655cdd77a8024970925b08d38d84a04" {
            #expect(trainImages?.detail.contains("accepted alternative") == true)
        }
    }
}

/// Loads a data set: finds its directory, reads and checks the four IDX
/// files, verifies their checksums and builds the splits.
public enum DatasetLoader {
    /// Finds and loads a data set.
    /// - Parameters:
    ///   - name: The data set.
    ///   - dataDirectory: An explicit directory (`--data-dir`), or `nil` to search
    ///     the places ``DatasetLocator`` knows.
    ///   - locator: The search policy; inject one in tests.
    ///   - verify: Whether to check the files' SHA-256 sums. Mismatches are
    ///     warnings in ``LabeledDataset/verification``, never errors.
    /// - Returns: The loaded data set.
    /// - Throws: ``DatasetError`` from locating, reading or checking the files.
    public static func load(_ name: DatasetName, dataDirectory: String? = nil,
                            locator: DatasetLocator = DatasetLocator(),
                            verify: Bool = true) throws(DatasetError) -> LabeledDataset {
        let directory = try locator.locate(name, dataDirectory: dataDirectory)
        return try load(name, fromDirectory: directory, verify: verify)
    }

    /// Loads a data set from a directory known to hold its files.
    /// - Parameters:
    ///   - name: The data set, which selects the known checksums.
    ///   - directory: The directory holding the four files, plain or `.gz`.
    ///   - verify: Whether to check the files' SHA-256 sums.
    /// - Returns: The loaded data set.
    /// - Throws: ``DatasetError`` — a missing file, a damaged file, or shapes
    ///   that disagree (image and label counts, image size other than 28×28,
    ///   labels of 10 or more).
    public static func load(_ name: DatasetName, fromDirectory directory: String,
                            verify: Bool = true) throws(DatasetError) -> LabeledDataset {
        var arrays = [DatasetFile: (array: IDXArray, path: String)]()
        var checks = [FileVerification]()
        for file in DatasetFile.allCases {
            guard let path = file.existingPath(in: directory) else {
                throw .fileNotFound(path: DatasetLocator.join(directory, file.gzipName))
            }
            let stored = try FileBytes.read(path: path)
            let isGzip = Gzip.isGzip(stored)
            let contents = isGzip ? try Gzip.decompress(stored, path: path) : stored
            let array = try IDXFile.parse(contents, path: path)
            guard array.dimensions.count == file.expectedRank else {
                throw .shapeMismatch(path: path, reason: "\(file.plainName) must have \(file.expectedRank) "
                    + "dimension\(file.expectedRank == 1 ? "" : "s"), found \(array.dimensions.count): \(array.dimensions)")
            }
            if verify {
                checks.append(DatasetVerifier.verify(file: file, of: name, path: path, stored: stored,
                                                     decompressed: contents, isGzip: isGzip))
            }
            arrays[file] = (array, path)
        }
        let train = try split(images: arrays[.trainImages]!, labels: arrays[.trainLabels]!)
        let test = try split(images: arrays[.testImages]!, labels: arrays[.testLabels]!)
        let report = verify ? DatasetVerifier.report(checks, dataset: name, directory: directory) : .skipped
        return LabeledDataset(name: name, directory: directory, train: train, test: test, verification: report)
    }

    private static func split(images: (array: IDXArray, path: String),
                              labels: (array: IDXArray, path: String)) throws(DatasetError) -> DatasetSplit {
        try DatasetSplit(images: images.array, labels: labels.array, imagesPath: images.path, labelsPath: labels.path)
    }
}

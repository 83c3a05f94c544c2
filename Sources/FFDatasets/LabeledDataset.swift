/// A loaded data set: where it came from, its two splits, and how its files
/// fared against the known checksums.
public struct LabeledDataset: Sendable {
    /// Which data set this is.
    public let name: DatasetName
    /// The directory the four files were read from.
    public let directory: String
    /// The training split (60,000 examples for MNIST and Fashion-MNIST).
    public let train: DatasetSplit
    /// The split that runs evaluate on: the test split (10,000 examples for
    /// MNIST and Fashion-MNIST), or held-out training examples after
    /// ``holdingOutValidation(_:)``; ``evaluationSet`` says which.
    public let test: DatasetSplit
    /// What ``test`` holds.
    public let evaluationSet: EvaluationSet
    /// The checksum checks of the four files.
    public let verification: VerificationReport

    /// Creates a labelled data set.
    /// - Parameters:
    ///   - name: Which data set this is.
    ///   - directory: Where its files were read from.
    ///   - train: The training split.
    ///   - test: The test split.
    ///   - verification: The checksum checks of its files.
    ///   - evaluationSet: What `test` holds; the data set's own test split unless stated.
    public init(name: DatasetName, directory: String, train: DatasetSplit, test: DatasetSplit,
                verification: VerificationReport, evaluationSet: EvaluationSet = .test) {
        self.evaluationSet = evaluationSet
        self.name = name
        self.directory = directory
        self.train = train
        self.test = test
        self.verification = verification
    }
}

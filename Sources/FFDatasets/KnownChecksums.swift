/// SHA-256 sums of the published data set files, gzip and uncompressed.
///
/// Sources:
/// - Gzip files, MNIST and Fashion-MNIST: TensorFlow Datasets,
///   `tensorflow_datasets/url_checksums/mnist.txt` and `fashion_mnist.txt`
///   (github.com/tensorflow/datasets), which record the sums of the files on
///   the official mirrors. The three MNIST files that `shared/data/mnist/README.md`
///   calls byte-identical to the official ones match these sums, as does its
///   `SHA256SUMS`.
/// - Uncompressed MNIST files: the sums of the decompressed official archives.
///   They are listed identically by several independent projects, and the three
///   byte-identical files in `shared/data/mnist` decompress to exactly them.
/// - Uncompressed Fashion-MNIST files: the sums of the decompressed official
///   archives, computed here. Debian's `dataset-fashion-mnist` package ships the
///   official deflate streams with the gzip header normalised by
///   strip-nondeterminism (file name dropped, time stamp set to the package
///   date), so its `.gz` files differ from the official ones in 23–24 header
///   bytes only. Putting back the original name and time stamps (2017-08-31)
///   reproduces the official archives bit for bit (their TFDS sums), which shows
///   that the decompressed contents are the official ones. The same sums are
///   listed by several independent projects.
public enum KnownChecksums {
    /// Where an accepted sum comes from.
    public enum Origin: String, Sendable, Codable {
        /// The file as published by the data set's authors.
        case official
        /// A copy that differs from the official file but is accepted on purpose.
        case acceptedAlternative = "accepted-alternative"
    }

    /// One accepted SHA-256 sum.
    public struct Entry: Sendable, Equatable {
        /// 64 lowercase hexadecimal digits.
        public let sha256: String
        /// Whether the sum is of the official file or of an accepted alternative.
        public let origin: Origin
        /// Why an alternative is accepted; empty for official sums.
        public let note: String

        /// Creates an entry.
        /// - Parameters:
        ///   - sha256: 64 lowercase hexadecimal digits.
        ///   - origin: Official or accepted alternative.
        ///   - note: Why an alternative is accepted.
        public init(sha256: String, origin: Origin, note: String = "") {
            self.sha256 = sha256
            self.origin = origin
            self.note = note
        }
    }

    /// The note attached to the alternative MNIST training images.
    public static let sharedMNISTTrainImagesNote =
        "the shared MNIST copy: the official training images in a different order within each class"

    /// The accepted sums of a file in gzip form.
    /// - Parameters:
    ///   - dataset: The data set.
    ///   - file: One of its four files.
    /// - Returns: The accepted sums of `<file>.gz`, official first.
    public static func gzip(_ dataset: DatasetName, _ file: DatasetFile) -> [Entry] {
        switch (dataset, file) {
        // MNIST gzip, from TFDS url_checksums/mnist.txt.
        case (.mnist, .trainImages):
            return [official("440fcabf73cc546fa21475e81ea370265605f56be210a4024d2ca8f203523609"),
                    // From shared/data/mnist/SHA256SUMS: that copy's train-images-idx3-ubyte.gz.
                    // Its README says loaders must accept it as well as the official sum.
                    alternative("7a221dabe526ea063b4e368bc6c9b0c6d655cdd77a8024970925b08d38d84a04")]
        case (.mnist, .trainLabels):
            return [official("3552534a0a558bbed6aed32b30c495cca23d567ec52cac8be1a0730e8010255c")]
        case (.mnist, .testImages):
            return [official("8d422c7b0a1c1c79245a5bcf07fe86e33eeafee792b84584aec276f5a2dbc4e6")]
        case (.mnist, .testLabels):
            return [official("f7ae60f92e00ec6debd23a6088c31dbd2371eca3ffa0defaefb259924204aec6")]
        // Fashion-MNIST gzip, from TFDS url_checksums/fashion_mnist.txt.
        case (.fashionMNIST, .trainImages):
            return [official("3aede38d61863908ad78613f6a32ed271626dd12800ba2636569512369268a84")]
        case (.fashionMNIST, .trainLabels):
            return [official("a04f17134ac03560a47e3764e11b92fc97de4d1bfaf8ba1a3aa29af54cc90845")]
        case (.fashionMNIST, .testImages):
            return [official("346e55b948d973a97e58d2351dde16a484bd415d4595297633bb08f03db6a073")]
        case (.fashionMNIST, .testLabels):
            return [official("67da17c76eaffca5446c3361aaab5c3cd6d1c2608764d35dfb1850b086bf8dd5")]
        }
    }

    /// The accepted sums of a file's uncompressed contents.
    /// - Parameters:
    ///   - dataset: The data set.
    ///   - file: One of its four files.
    /// - Returns: The accepted sums of the plain IDX bytes, official first.
    public static func plain(_ dataset: DatasetName, _ file: DatasetFile) -> [Entry] {
        switch (dataset, file) {
        case (.mnist, .trainImages):
            return [official("ba891046e6505d7aadcbbe25680a0738ad16aec93bde7f9b65e87a2fc25776db"),
                    // The decompressed contents of the shared copy whose gzip sum is
                    // in shared/data/mnist/SHA256SUMS (computed with zcat | sha256sum).
                    alternative("18b3bbc856f0b618986de90778798ddd53b2ed01070378a525772cf93167f602")]
        case (.mnist, .trainLabels):
            return [official("65a50cbbf4e906d70832878ad85ccda5333a97f0f4c3dd2ef09a8a9eef7101c5")]
        case (.mnist, .testImages):
            return [official("0fa7898d509279e482958e8ce81c8e77db3f2f8254e26661ceb7762c4d494ce7")]
        case (.mnist, .testLabels):
            return [official("ff7bcfd416de33731a308c3f266cc351222c34898ecbeaf847f06e48f7ec33f2")]
        case (.fashionMNIST, .trainImages):
            return [official("c59f468a2f672dc815687fe0f83887768d799fd8a3f3276145d20f83aa44d888")]
        case (.fashionMNIST, .trainLabels):
            return [official("bad3541b69d912435c50bb6ba87bec294ff4f6a2e1246121d8633921760443d9")]
        case (.fashionMNIST, .testImages):
            return [official("5b4141f0afbad91edebe8549f8fcffe087ea10ca49f1dbef5c9a5cd8815ce37b")]
        case (.fashionMNIST, .testLabels):
            return [official("0402a96d92fd2663957122ceb108a494c5af83dab82d92729df917d7dec38c34")]
        }
    }

    /// The accepted gzip sums of all four files, keyed by `.gz` file name, in
    /// the form ``DatasetFetcher`` takes.
    /// - Parameter dataset: The data set.
    /// - Returns: A map from e.g. `train-images-idx3-ubyte.gz` to its accepted sums.
    public static func gzipSums(for dataset: DatasetName) -> [String: Set<String>] {
        var result = [String: Set<String>]()
        for file in DatasetFile.allCases {
            result[file.gzipName] = Set(gzip(dataset, file).map(\.sha256))
        }
        return result
    }

    private static func official(_ sha256: String) -> Entry {
        Entry(sha256: sha256, origin: .official, note: "")
    }

    private static func alternative(_ sha256: String) -> Entry {
        Entry(sha256: sha256, origin: .acceptedAlternative, note: sharedMNISTTrainImagesNote)
    }
}

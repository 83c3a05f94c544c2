import FFNumerics

/// One split (training or test) of an image classification data set.
///
/// Images are the rows of ``images``, flattened row-major and scaled from
/// bytes to `[0, 1]` by dividing by 255. Labels are class indices.
public struct DatasetSplit: Sendable {
    /// The number of classes of MNIST and Fashion-MNIST.
    public static let classCount = 10

    /// The images, one per row: ``count`` × (``imageRows`` · ``imageColumns``).
    public let images: Matrix
    /// The class index of each image, in `0..<classCount`.
    public let labels: [Int32]
    /// The height of each image in pixels.
    public let imageRows: Int
    /// The width of each image in pixels.
    public let imageColumns: Int

    /// The number of examples.
    public var count: Int { labels.count }

    /// Creates a split from images and labels that are already decoded.
    /// - Parameters:
    ///   - images: One image per row, `labels.count` × `imageRows * imageColumns`.
    ///   - labels: One class index per image.
    ///   - imageRows: Image height.
    ///   - imageColumns: Image width.
    public init(images: Matrix, labels: [Int32], imageRows: Int, imageColumns: Int) {
        precondition(images.rows == labels.count,
                     "DatasetSplit has \(images.rows) images but \(labels.count) labels")
        precondition(images.columns == imageRows * imageColumns,
                     "DatasetSplit images have \(images.columns) columns, expected \(imageRows)×\(imageColumns)")
        self.images = images
        self.labels = labels
        self.imageRows = imageRows
        self.imageColumns = imageColumns
    }

    /// Builds a split from an images IDX array and a labels IDX array.
    ///
    /// Checks that the images are rank 3 of the expected size, the labels
    /// rank 1, that both have the same count, and that every label is below
    /// `classCount`. Pixels are converted to `Float` and divided by 255.
    /// - Parameters:
    ///   - images: The images file's contents.
    ///   - labels: The labels file's contents.
    ///   - imagesPath: Where the images came from, for error messages.
    ///   - labelsPath: Where the labels came from, for error messages.
    ///   - imageRows: The required image height (28 for MNIST).
    ///   - imageColumns: The required image width (28 for MNIST).
    ///   - classCount: The number of classes; labels must be below it.
    /// - Throws: ``DatasetError/shapeMismatch(path:reason:)`` or
    ///   ``DatasetError/invalidLabel(path:index:value:classCount:)``.
    public init(images: IDXArray, labels: IDXArray, imagesPath: String, labelsPath: String,
                imageRows: Int = 28, imageColumns: Int = 28,
                classCount: Int = DatasetSplit.classCount) throws(DatasetError) {
        guard images.dimensions.count == 3 else {
            throw .shapeMismatch(path: imagesPath, reason: "images must have 3 dimensions (count, rows, columns), "
                + "found \(images.dimensions.count): \(images.dimensions)")
        }
        guard images.dimensions[1] == imageRows, images.dimensions[2] == imageColumns else {
            throw .shapeMismatch(path: imagesPath, reason: "images are \(images.dimensions[1])×\(images.dimensions[2]), "
                + "expected \(imageRows)×\(imageColumns)")
        }
        guard labels.dimensions.count == 1 else {
            throw .shapeMismatch(path: labelsPath, reason: "labels must have 1 dimension, "
                + "found \(labels.dimensions.count): \(labels.dimensions)")
        }
        guard images.count == labels.count else {
            throw .shapeMismatch(path: labelsPath, reason: "\(labels.count) labels but \(images.count) images in \(imagesPath)")
        }
        let labelValues = try Self.decodeLabels(labels.bytes, path: labelsPath, classCount: classCount)
        let pixels = Self.scaledPixels(images.bytes)
        self.init(images: Matrix(rows: images.count, columns: imageRows * imageColumns, storage: pixels),
                  labels: labelValues, imageRows: imageRows, imageColumns: imageColumns)
    }

    /// The first `n` examples (all of them if `n` is at least ``count``), for
    /// quick runs and tests.
    /// - Parameter n: How many examples to keep; must be non-negative.
    /// - Returns: A split with `min(n, count)` examples.
    public func prefix(_ n: Int) -> DatasetSplit {
        precondition(n >= 0, "prefix length must be non-negative")
        return examples(0..<min(n, count))
    }

    /// The examples in `range`, in order.
    /// - Parameter range: Example indices; must lie within `0..<count`.
    /// - Returns: A split with `range.count` examples.
    public func examples(_ range: Range<Int>) -> DatasetSplit {
        precondition(range.lowerBound >= 0 && range.upperBound <= count,
                     "example range \(range) is outside 0..<\(count)")
        if range == 0..<count { return self }
        var rows = Matrix(rows: 0, columns: images.columns)
        rows.copyRows(from: images, range: range)
        return DatasetSplit(images: rows, labels: Array(labels[range]),
                            imageRows: imageRows, imageColumns: imageColumns)
    }

    /// The split with every pixel standardised as `(x - mean) / std`.
    ///
    /// Loading never normalises beyond `/255`; call this explicitly, usually
    /// with the training split's ``pixelStatistics()`` for both splits.
    /// - Parameters:
    ///   - mean: The value to subtract.
    ///   - std: The value to divide by; must be positive.
    /// - Returns: A split with the transformed images and the same labels.
    public func standardized(mean: Float, std: Float) -> DatasetSplit {
        precondition(std > 0 && std.isFinite, "standardized(mean:std:) needs a positive, finite std, got \(std)")
        let scale = 1 / std
        let offset = -mean * scale
        let values = images.withUnsafeBufferPointer { source in
            [Float](unsafeUninitializedCapacity: source.count) { target, initialized in
                if let from = source.baseAddress, let to = target.baseAddress {
                    var index = 0
                    while index < source.count {
                        to[index] = from[index] * scale + offset
                        index &+= 1
                    }
                }
                initialized = source.count
            }
        }
        return DatasetSplit(images: Matrix(rows: images.rows, columns: images.columns, storage: values),
                            labels: labels, imageRows: imageRows, imageColumns: imageColumns)
    }

    /// The mean and (population) standard deviation of all pixels.
    /// - Returns: `(mean, std)`, computed in `Double`; `(0, 0)` for an empty split.
    public func pixelStatistics() -> (mean: Float, std: Float) {
        images.withUnsafeBufferPointer { values in
            guard let base = values.baseAddress, !values.isEmpty else { return (0, 0) }
            var sum = 0.0
            var sumOfSquares = 0.0
            var index = 0
            while index < values.count {
                let x = Double(base[index])
                sum += x
                sumOfSquares += x * x
                index &+= 1
            }
            let n = Double(values.count)
            let mean = sum / n
            let variance = max(sumOfSquares / n - mean * mean, 0)
            return (Float(mean), Float(variance.squareRoot()))
        }
    }

    /// How many examples each class has.
    /// - Parameter classCount: The number of classes.
    /// - Returns: `classCount` counts; labels outside the range are not counted.
    public func labelHistogram(classCount: Int = DatasetSplit.classCount) -> [Int] {
        var histogram = [Int](repeating: 0, count: classCount)
        for label in labels where label >= 0 && Int(label) < classCount {
            histogram[Int(label)] += 1
        }
        return histogram
    }

    /// Bytes to `Float` in `[0, 1]` (each divided by 255), over raw buffers
    /// without per-element allocation. A `while` loop over pointers keeps
    /// unoptimised (debug) builds fast as well.
    static func scaledPixels(_ bytes: [UInt8]) -> [Float] {
        bytes.withUnsafeBufferPointer { source in
            [Float](unsafeUninitializedCapacity: source.count) { target, initialized in
                guard let from = source.baseAddress, let to = target.baseAddress else {
                    initialized = 0
                    return
                }
                var table = [Float](repeating: 0, count: 256)
                for value in 0..<256 { table[value] = Float(value) / 255 }
                table.withUnsafeBufferPointer { lookup in
                    let scaled = lookup.baseAddress!
                    let count = source.count
                    var index = 0
                    while index &+ 4 <= count {
                        to[index] = scaled[Int(from[index])]
                        to[index &+ 1] = scaled[Int(from[index &+ 1])]
                        to[index &+ 2] = scaled[Int(from[index &+ 2])]
                        to[index &+ 3] = scaled[Int(from[index &+ 3])]
                        index &+= 4
                    }
                    while index < count {
                        to[index] = scaled[Int(from[index])]
                        index &+= 1
                    }
                }
                initialized = source.count
            }
        }
    }

    /// Label bytes to `Int32`, checking the range.
    static func decodeLabels(_ bytes: [UInt8], path: String, classCount: Int) throws(DatasetError) -> [Int32] {
        var badIndex = -1
        let values = bytes.withUnsafeBufferPointer { source in
            [Int32](unsafeUninitializedCapacity: source.count) { target, initialized in
                for index in 0..<source.count {
                    let value = source[index]
                    if Int(value) >= classCount && badIndex < 0 { badIndex = index }
                    target[index] = Int32(value)
                }
                initialized = source.count
            }
        }
        if badIndex >= 0 {
            throw .invalidLabel(path: path, index: badIndex, value: Int(bytes[badIndex]), classCount: classCount)
        }
        return values
    }
}

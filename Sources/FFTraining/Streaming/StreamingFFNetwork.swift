import FFNumerics

/// A Forward-Forward network whose layers stay in a ``LayerStore`` and are
/// read one at a time to predict, as ``StreamingFFTrainer`` leaves them.
///
/// Predictions are those of ``FFNetwork``: by goodness summed over the
/// prediction layers for every candidate label, or by the linear readout of
/// the normalised neutral-label activities. The whole input set passes
/// through layer `l` (chunk by chunk, through scratch ``ActivationFile``s)
/// before layer `l + 1` is read, so each layer is read once and memory does
/// not depend on depth.
public final class StreamingFFNetwork {
    /// The configuration the layers were trained with.
    public let configuration: FFConfiguration
    /// Number of input pixels.
    public let inputSize: Int
    /// Where the layers are.
    public let store: any LayerStore
    /// Images per product (goodness scoring multiplies the rows by the number of classes).
    public var chunkSize: Int

    private var chunk = Matrix(rows: 0, columns: 0)
    private var stacked = Matrix(rows: 0, columns: 0)
    private var input = Matrix(rows: 0, columns: 0)
    private var x = Matrix(rows: 0, columns: 0)
    private var y = Matrix(rows: 0, columns: 0)
    private var goodness = [Float]()

    /// Creates a network over stored layers.
    /// - Parameters:
    ///   - configuration: The configuration the layers were trained with.
    ///   - inputSize: Number of input pixels.
    ///   - store: Where the layers are.
    ///   - chunkSize: Images per product (as ``FFNetwork/goodnessScores(_:chunkSize:)``'s chunk).
    public init(configuration: FFConfiguration, inputSize: Int, store: any LayerStore, chunkSize: Int = 1000) {
        self.configuration = configuration
        self.inputSize = inputSize
        self.store = store
        self.chunkSize = max(1, chunkSize)
    }

    /// Number of layers.
    public var layerCount: Int { configuration.hiddenSizes.count }

    /// Goodness summed over the prediction layers for every candidate label.
    /// - Parameter images: `n × pixels` images (label pixels are overwritten).
    /// - Returns: `n × classes` scores.
    /// - Throws: ``StreamingError`` when a layer or scratch file cannot be read or written.
    public func goodnessScores(_ images: Matrix) throws -> Matrix {
        let classes = configuration.overlay.classes
        var scores = Matrix(rows: images.rows, columns: classes)
        // Each chunk of n images is one block of classes·n rows; rows c·n ..< (c+1)·n carry label c.
        var file = try ActivationFile(creating: scratchPath("scores-input-0"), columns: inputSize)
        defer { file.remove() }
        for range in chunks(images.rows) {
            chunk.copyRows(from: images, range: range)
            stacked.reshape(rows: classes * range.count, columns: images.columns)
            for c in 0..<classes {
                configuration.makeInput(chunk, label: .single(c), into: &input)
                stacked.setRows(c * range.count, from: input)
            }
            try file.append(stacked)
        }
        let objective = configuration.goodness.make(classes: configuration.overlay.classes)
        for l in 0..<layerCount {
            let parameters = try store.readLayer(l)
            let next = l + 1 < layerCount
                ? try ActivationFile(creating: scratchPath("scores-input-\(l + 1)"), columns: parameters.outputSize) : nil
            let counts = configuration.predictionLayers.includes(l, of: layerCount)
            for range in chunks(images.rows) {
                let n = range.count
                try file.read(rows: (classes * range.lowerBound)..<(classes * range.upperBound), into: &x)
                DigitalLayer.linear(x, parameters, into: &y)
                Activation.relu.apply(&y)
                if counts {
                    objective.goodness(y, into: &goodness)
                    for c in 0..<classes {
                        for i in 0..<n { scores[range.lowerBound + i, c] += goodness[c * n + i] }
                    }
                }
                if let next {
                    configuration.normalizeForNextLayer(&y)
                    try next.append(y)
                }
            }
            if let next {
                file.remove()
                file = next
            }
        }
        return scores
    }

    /// The label with the highest summed goodness for each image.
    /// - Throws: ``StreamingError`` when a layer or scratch file cannot be read or written.
    public func predictByGoodness(_ images: Matrix) throws -> [Int] {
        var result = [Int]()
        try goodnessScores(images).argmaxRows(into: &result)
        return result
    }

    /// The readout's prediction for each image, or `nil` when no readout was stored.
    ///
    /// The readout's logits are accumulated layer by layer (each layer's
    /// features times its block of readout weights), so no more than one
    /// layer's features are held; the sums are those of ``FFNetwork`` up to
    /// rounding.
    /// - Throws: ``StreamingError`` when a layer or scratch file cannot be read or written.
    public func predictByReadout(_ images: Matrix) throws -> [Int]? {
        guard let readout = try store.readReadout() else { return nil }
        let classes = readout.outputSize
        precondition(readout.inputSize == configuration.readoutFeatureCount, "readout does not match the layers")
        var logits = Matrix(rows: images.rows, columns: classes)
        var file = try ActivationFile(creating: scratchPath("readout-input-0"), columns: inputSize)
        defer { file.remove() }
        for range in chunks(images.rows) {
            chunk.copyRows(from: images, range: range)
            configuration.makeInput(chunk, label: .neutral, into: &input)
            try file.append(input)
        }
        var column = 0
        for l in 0..<layerCount {
            let parameters = try store.readLayer(l)
            let next = l + 1 < layerCount
                ? try ActivationFile(creating: scratchPath("readout-input-\(l + 1)"), columns: parameters.outputSize) : nil
            let isFeature = configuration.readoutLayers.contains(l)
            for range in chunks(images.rows) {
                try file.read(rows: range, into: &x)
                DigitalLayer.linear(x, parameters, into: &y)
                Activation.relu.apply(&y)
                configuration.normalizeForNextLayer(&y)
                if isFeature {
                    // logits[range] += y · W[:, column ..< column + width]ᵀ
                    let width = y.columns
                    y.withUnsafeBufferPointer { a in
                        readout.weights.withUnsafeBufferPointer { w in
                            logits.withUnsafeMutableBufferPointer { c in
                                BLAS.sgemm(transposeA: false, transposeB: true, m: range.count, n: classes, k: width,
                                           alpha: 1, a: a.baseAddress!, lda: width,
                                           b: w.baseAddress! + column, ldb: readout.inputSize,
                                           beta: 1, c: c.baseAddress! + range.lowerBound * classes, ldc: classes)
                            }
                        }
                    }
                }
                try next?.append(y)
            }
            if isFeature { column += parameters.outputSize }
            if let next {
                file.remove()
                file = next
            }
        }
        logits.addToEachRow(readout.bias)
        var result = [Int]()
        logits.argmaxRows(into: &result)
        return result
    }

    private func chunks(_ count: Int) -> [Range<Int>] {
        stride(from: 0, to: count, by: chunkSize).map { $0..<min($0 + chunkSize, count) }
    }

    private func scratchPath(_ name: String) -> String {
        store.scratchDirectory + "/" + name + ".f32"
    }
}

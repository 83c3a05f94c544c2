import FFNumerics

/// The first layer's product on the image part, shared by every label overlay.
///
/// Positive, negative, neutral and per-label inputs of the first layer differ
/// only in the label pixels, and the overlay's values are the same multiset
/// for every one-hot label, so the input normalisation scale sᵢ of a row does
/// not depend on which label it carries. With x₀ the image with its label
/// pixels zeroed and P = x₀ · Wᵀ (one product per batch):
///
///   z = sᵢ · (Pᵢ + T_c) + b,  T_c = on·W[:, c] + off·Σ_{k≠c} W[:, k],
///
/// and the weight gradient over the positive and negative rows is one product
/// (s ⊙ (δ⁺ + δ⁻))ᵀ · x₀ plus a label-column correction. This is exact
/// algebra (up to Float rounding order), valid only on an ``ExactLinearLayer``.
///
/// Pixels that hold a base value bⱼ in every image of the batch (MNIST's
/// background: 71 of 784 pixels over 50,000 training images, 279 over 100),
/// or in all but fewer than ``deviationFraction`` of them, are also left out
/// of the sgemm products when they are at least a sixteenth of the pixels and
/// the batch has at least ``packingMinimumRows`` rows (``ColumnSplit``): their
/// base values' share of z, Σⱼ bⱼ·W[:, j], joins every label term T_c, their
/// gradient columns get bⱼ · Σᵢ sᵢ(δ⁺ᵢ + δ⁻ᵢ), and their few other values
/// enter entry by entry.
struct SharedFirstLayer {
    /// Batches with fewer rows run the dense products: splitting the pixels
    /// and regathering the weights after every update cost about what leaving
    /// pixels out saves at `hinton`'s batch of 100 (measured), and the split pays
    /// at the 1000-image chunks of goodness prediction and at full batches.
    static let packingMinimumRows = 256
    /// Pixels that differ from their most common value in fewer than this
    /// fraction of a batch's images are handled entry by entry instead of by sgemm.
    /// (0.1 measured fastest of 0, 0.02, 0.05, 0.1 and 0.2 on the
    /// `pytorch-forward-forward` recipe's full batch; see the README's Speed section.)
    static let deviationFraction = 0.1

    /// `batch × pixels` images with the label pixels zeroed (empty while ``packing``).
    private var images = Matrix(rows: 0, columns: 0)
    /// Whether sgemm runs on the batch's dense pixels only (see ``split``).
    private(set) var packing = false
    /// Whether base pixels may be left out of sgemm (tests turn it off to compare).
    var allowsPacking = true
    /// The batch's pixels split into base pixels (label pixels included, as 0) and dense ones.
    private(set) var split = ColumnSplit()
    /// Pixels of the stored batch (the layer's input size).
    private var pixels = 0
    /// `batch × outputs` product of ``images`` with the weights.
    private var product = Matrix(rows: 0, columns: 0)
    /// Σ x₀² of every row.
    private var imageSquares = [Float]()
    /// Per-row scale of the current label kind.
    private var scale = [Float]()
    /// `classes × outputs` label terms T_c, then the neutral term in row `classes`.
    private var labelTerms = Matrix(rows: 0, columns: 0)
    private var combined = Matrix(rows: 0, columns: 0)
    private var labelColumns = Matrix(rows: 0, columns: 0)
    /// Per-thread partial sums of ``gradient(positive:positiveLabels:negative:negativeLabels:network:into:)``.
    private var partials = Matrix(rows: 0, columns: 0)

    /// How the last loaded batch's pixels were split, or `nil` when it ran the dense products.
    var pixelSplit: FirstLayerPixelSplit? {
        guard packing else { return nil }
        return FirstLayerPixelSplit(images: split.rows, pixels: pixels, densePixels: split.denseCount,
                                    basePixels: split.baseIndices.count, constantPixels: split.constantCount,
                                    deviations: split.deviations)
    }

    /// Whether `network`'s first layer can be shared exactly.
    static func applies(to network: FFNetwork) -> Bool {
        network.sharesFirstLayerProduct && network.executors.first is ExactLinearLayer
            && network.configuration.overlay.classes <= network.inputSize
    }

    /// Computes the shared product of a batch with the current first-layer parameters.
    /// - Parameters:
    ///   - batch: `batch × pixels` images (label pixels are ignored).
    ///   - network: The network whose first layer is shared.
    mutating func prepare(_ batch: Matrix, network: FFNetwork) {
        load(batch, classes: network.configuration.overlay.classes)
        refresh(network: network)
    }

    /// Stores a batch's images with the label pixels zeroed, and their row
    /// sums of squares; splits the pixels when that pays.
    private mutating func load(_ batch: Matrix, classes k: Int) {
        images = batch
        let (r, c) = (batch.rows, batch.columns)
        pixels = c
        images.withUnsafeMutableBufferPointer { b in
            for i in 0..<r { (b.baseAddress! + i * c).update(repeating: 0, count: k) }
        }
        images.rowSumsOfSquares(into: &imageSquares)
        packing = false
        guard allowsPacking && r >= Self.packingMinimumRows else { return }
        split.load(images, deviatingBelow: Self.deviationFraction)
        guard 16 * (c - split.denseCount) >= c else { return }
        images = Matrix(rows: 0, columns: c)
        packing = true
    }

    /// Recomputes the product of the stored images with the current
    /// first-layer parameters (after an update, the same batch needs no reload).
    /// - Parameter network: The network whose first layer is shared.
    mutating func refresh(network: FFNetwork) {
        let overlay = network.configuration.overlay
        let parameters = network.parameters[0]
        let (c, k) = (pixels, overlay.classes)
        if packing {
            split.multiply(transposedWeights: parameters.weights, into: &product)
        } else {
            BLAS.gemm(images, parameters.weights, transposeB: true, into: &product)
        }
        // T_c and the neutral term from the label columns of W, plus the
        // base pixels' share b · Wᵀ when they were left out of the product.
        let outputs = parameters.outputSize
        labelTerms.reshape(rows: k + 1, columns: outputs)
        let (on, off, neutral) = (overlay.onValue, overlay.offValue, overlay.neutralValue)
        let baseCount = packing ? split.baseIndices.count : 0
        parameters.weights.withUnsafeBufferPointer { w in
        split.baseIndices.withUnsafeBufferPointer { indices in
        split.baseValues.withUnsafeBufferPointer { values in
            labelTerms.withUnsafeMutableBufferPointer { t in
                for j in 0..<outputs {
                    let row = w.baseAddress! + j * c
                    var sum: Float = 0
                    for q in 0..<k { sum += row[q] }
                    var base: Float = 0
                    for q in 0..<baseCount where values[q] != 0 { base += values[q] * row[Int(indices[q])] }
                    for q in 0..<k { t[q * outputs + j] = (on - off) * row[q] + off * sum + base }
                    t[k * outputs + j] = neutral * sum + base
                }
            }
        }
        }
        }
    }

    /// The normalisation scale of every row for label pixels whose squares sum to `labelSquares`.
    private mutating func updateScale(labelSquares: Float, network: FFNetwork) {
        let config = network.configuration
        scale.removeAll(keepingCapacity: true)
        guard config.normalizeInput else {
            scale.append(contentsOf: repeatElement(1, count: imageSquares.count))
            return
        }
        let n = Float(network.inputSize)
        for s in imageSquares {
            let total = s + labelSquares
            let length = config.normalization == .l2 ? total.squareRoot() : (total / n).squareRoot()
            scale.append(1 / (length + config.normalizationEpsilon))
        }
    }

    /// The first layer's output for the prepared batch with one label per row
    /// (`labels`), the same label on every row (`single`), or the neutral label.
    /// - Parameters:
    ///   - label: What the rows carry.
    ///   - network: The network.
    ///   - output: Receives `batch × outputs` activations.
    ///   - rowOffset: First row of `output` to write (it must already have room);
    ///     the activation is then left to the caller, to apply once to the whole matrix.
    mutating func output(_ label: OverlayLabel, network: FFNetwork, into output: inout Matrix, rowOffset: Int? = nil) {
        let overlay = network.configuration.overlay
        let k = overlay.classes
        let isNeutral: Bool
        if case .neutral = label { isNeutral = true } else { isNeutral = false }
        updateScale(labelSquares: isNeutral ? Float(k) * overlay.neutralValue * overlay.neutralValue
                                            : overlay.onValue * overlay.onValue + Float(k - 1) * overlay.offValue * overlay.offValue,
                    network: network)
        // With K negatives per positive a label array holds K · B labels, k-major: row k·B + i is image i.
        let (images, outputs) = (product.rows, product.columns)
        var r = images
        if case .labels(let labels) = label { r = labels.count }
        precondition(images > 0 ? r % images == 0 : r == 0, "shared first layer: \(r) labels for \(images) images")
        if let rowOffset {
            precondition(output.columns == outputs && output.rows >= rowOffset + r, "shared first layer: output too small")
        } else {
            output.reshape(rows: r, columns: outputs)
        }
        let base = (rowOffset ?? 0) * outputs
        // ReLU in the same pass, unless the caller applies the activation to a larger matrix.
        let activation = network.executors[0].activation
        let clamp = rowOffset == nil && activation == .relu
        network.parameters[0].bias.withUnsafeBufferPointer { bias in
        product.withUnsafeBufferPointer { p in
            labelTerms.withUnsafeBufferPointer { t in
                scale.withUnsafeBufferPointer { scale in
                output.withUnsafeMutableBufferPointer { y in
                    ParallelRows.forEach(rows: r, columns: outputs) { _, block in
                        for i in block {
                            let c: Int
                            switch label {
                            case .labels(let labels): c = Int(labels[i])
                            case .single(let value): c = value
                            case .neutral: c = k
                            }
                            let image = i % images
                            let s = scale[image]
                            let (src, term, dst) = (p.baseAddress! + image * outputs, t.baseAddress! + c * outputs,
                                                    y.baseAddress! + base + i * outputs)
                            if clamp {
                                for j in 0..<outputs { dst[j] = Swift.max(s * (src[j] + term[j]) + bias[j], 0) }
                            } else {
                                for j in 0..<outputs { dst[j] = s * (src[j] + term[j]) + bias[j] }
                            }
                        }
                    }
                }
                }
            }
        }
        }
        if rowOffset == nil && !clamp { activation.apply(&output) }
    }

    /// Writes the first layer's gradient over positive and negative rows that
    /// share the prepared images: ∂L/∂W = Σᵢ δ⁺ᵢᵀ x⁺ᵢ + Σ δ⁻ᵀ x⁻, ∂L/∂b = Σᵢ δ⁺ᵢ + Σ δ⁻.
    /// - Parameters:
    ///   - positive: δ⁺, `batch × outputs` (pre-activation gradients).
    ///   - positiveLabels: Labels of the positive rows.
    ///   - negative: δ⁻, `(K · batch) × outputs` for the same images, k-major.
    ///   - negativeLabels: Labels of the negative rows (K · batch).
    ///   - network: The network.
    ///   - gradient: Receives the gradient.
    mutating func gradient(positive: Matrix, positiveLabels: [Int32], negative: Matrix, negativeLabels: [Int32],
                           network: FFNetwork, into gradient: inout LayerParameters) {
        self.gradient(positive: positive, scaledBy: nil, positiveLabels: positiveLabels,
                 negative: negative, scaledBy: nil, negativeLabels: negativeLabels, network: network, into: &gradient)
    }

    /// The gradient of ``gradient(positive:positiveLabels:negative:negativeLabels:network:into:)``
    /// with δ given as row multiples cᵢ · yᵢ (a ``RowScaledGoodness`` on the
    /// ReLU output), read straight from the activations: the same values as
    /// scaling the rows first, without writing them out.
    /// - Parameters:
    ///   - positive: y⁺ (or δ⁺ when `positiveScale` is `nil`).
    ///   - positiveScale: cᵢ of every positive row, or `nil` for 1.
    ///   - positiveLabels: Labels of the positive rows.
    ///   - negative: y⁻, `(K · batch) × outputs`, k-major.
    ///   - negativeScale: cᵢ of every negative row, or `nil` for 1.
    ///   - negativeLabels: Labels of the negative rows.
    ///   - network: The network.
    ///   - gradient: Receives the gradient.
    mutating func gradient(positive: Matrix, scaledBy positiveScale: [Float]?, positiveLabels: [Int32],
                           negative: Matrix, scaledBy negativeScale: [Float]?, negativeLabels: [Int32],
                           network: FFNetwork, into gradient: inout LayerParameters) {
        let overlay = network.configuration.overlay
        let (r, outputs, k, c) = (positive.rows, positive.columns, overlay.classes, pixels)
        precondition(positiveLabels.count == r && negativeLabels.count == negative.rows
                     && (r == 0 || negative.rows % r == 0), "shared gradient: batch")
        updateScale(labelSquares: overlay.onValue * overlay.onValue + Float(k - 1) * overlay.offValue * overlay.offValue,
                    network: network)
        combined.reshape(rows: r, columns: outputs)
        // Per row block of images: Σ s·δ per label (rows 0..<k of a block's
        // partial), their total (row k) and Σ δ for the bias (row k + 1).
        // Blocks are combined in order, so one thread reproduces the serial sums.
        let blocks = ParallelRows.blocks(rows: r, columns: outputs)
        let stride = (k + 2) * outputs
        partials.reshape(rows: blocks.count, columns: stride)
        partials.withUnsafeMutableBufferPointer { $0.update(repeating: 0) }
        let negativesPerImage = r == 0 ? 0 : negative.rows / r
        positive.withUnsafeBufferPointer { gp in
        negative.withUnsafeBufferPointer { gn in
        scale.withUnsafeBufferPointer { scale in
        combined.withUnsafeMutableBufferPointer { u in
            partials.withUnsafeMutableBufferPointer { partial in
                ParallelRows.forEach(rows: r, columns: outputs) { b, block in
                    let a = partial.baseAddress! + b * stride
                    let (total, biasSums) = (a + k * outputs, a + (k + 1) * outputs)
                    // The positive rows cover every image once and initialise u; the negatives add to it.
                    func add(_ g: UnsafeBufferPointer<Float>, row: Int, label: Int32, coefficient: Float, first: Bool) {
                        let i = row % r
                        let s = scale[i]
                        let (src, dst, column) = (g.baseAddress! + row * outputs, u.baseAddress! + i * outputs,
                                                  a + Int(label) * outputs)
                        for j in 0..<outputs {
                            let d = coefficient * src[j]  // δ, exactly as a row scaling would write it
                            let v = s * d
                            dst[j] = first ? v : dst[j] + v
                            column[j] += v
                            total[j] += v
                            biasSums[j] += d
                        }
                    }
                    for i in block {
                        add(gp, row: i, label: positiveLabels[i], coefficient: positiveScale?[i] ?? 1, first: true)
                    }
                    for n in 0..<negativesPerImage {
                        for i in block {
                            let row = n * r + i
                            add(gn, row: row, label: negativeLabels[row], coefficient: negativeScale?[row] ?? 1, first: false)
                        }
                    }
                }
            }
        }
        }
        }
        }
        labelColumns.reshape(rows: k + 1, columns: outputs)
        if gradient.bias.count != outputs { gradient.bias = [Float](repeating: 0, count: outputs) }
        partials.withUnsafeBufferPointer { partial in
            labelColumns.withUnsafeMutableBufferPointer { a in
                gradient.bias.withUnsafeMutableBufferPointer { bias in
                    a.update(repeating: 0)
                    bias.update(repeating: 0)
                    for b in blocks.indices {
                        let p = partial.baseAddress! + b * stride
                        for q in 0..<((k + 1) * outputs) { a[q] += p[q] }
                        for j in 0..<outputs { bias[j] += p[(k + 1) * outputs + j] }
                    }
                }
            }
        }
        if packing {
            split.multiply(transposing: combined, into: &gradient.weights)
        } else {
            BLAS.gemm(combined, transposeA: true, images, into: &gradient.weights)
        }
        // Σᵢ sᵢδᵢ times each base pixel's base value (left out of the split
        // product), then the label columns (base value 0, corrected here).
        let (on, off) = (overlay.onValue, overlay.offValue)
        let baseCount = packing ? split.baseIndices.count : 0
        labelColumns.withUnsafeBufferPointer { a in
        split.baseIndices.withUnsafeBufferPointer { indices in
        split.baseValues.withUnsafeBufferPointer { values in
            gradient.weights.withUnsafeMutableBufferPointer { w in
                for j in 0..<outputs {
                    let total = a[k * outputs + j]
                    for q in 0..<baseCount { w[j * c + Int(indices[q])] += values[q] * total }
                    for q in 0..<k { w[j * c + q] = (on - off) * a[q * outputs + j] + off * total }
                }
            }
        }
        }
        }
    }
}

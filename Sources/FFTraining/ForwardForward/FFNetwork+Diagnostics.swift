import FFNumerics

/// Per-layer scores and diagnostics, for `--diagnostics` and analysis.
extension FFNetwork {
    /// Each layer's goodness for every candidate label, one matrix per layer
    /// (prediction layers or not).
    ///
    /// ``goodnessScores(_:chunkSize:)`` sums the prediction layers' matrices.
    /// - Parameters:
    ///   - images: `n × pixels` images (label pixels are overwritten).
    ///   - chunkSize: Images processed at once (memory is classes × chunk × width).
    /// - Returns: One `n × classes` matrix per layer.
    public func layerGoodnessScores(_ images: Matrix, chunkSize: Int = 1000) -> [Matrix] {
        var unused = [[Float]]()
        var none = [ActivityCovariance]()
        return scoreLayers(images, chunkSize: chunkSize, unitMaxima: &unused, trackUnits: false,
                           labels: nil, covariances: &none)
    }

    /// Diagnostics of every layer on `examples` (see ``LayerDiagnostics``).
    /// - Parameters:
    ///   - examples: The evaluation set.
    ///   - negativeLabels: One wrong label per example (e.g. ``LayerDiagnostics/negativeLabels(for:classes:)``).
    ///   - chunkSize: Images scored at once.
    /// - Returns: One record per layer, first layer first.
    public func layerDiagnostics(_ examples: Examples, negativeLabels: [Int32], chunkSize: Int = 1000) -> [LayerDiagnostics] {
        precondition(negativeLabels.count == examples.count, "layer diagnostics: one negative label per example")
        var maxima = [[Float]]()
        var covariances = configuration.hiddenSizes.map { ActivityCovariance(units: $0) }
        let scores = scoreLayers(examples.images, chunkSize: chunkSize, unitMaxima: &maxima, trackUnits: true,
                                 labels: examples.labels, covariances: &covariances)
        return (0..<layerCount).map { l in
            LayerDiagnostics(scores: scores[l], examples: examples, negativeLabels: negativeLabels,
                             unitMaxima: maxima[l], participationRatio: covariances[l].participationRatio)
        }
    }

    /// One scoring pass over every candidate label, as ``goodnessScores(_:chunkSize:)``
    /// makes it, keeping each layer's goodness apart and, when `trackUnits`,
    /// each unit's largest output. With `labels`, each layer's outputs under
    /// the true labels are added to `covariances[layer]`.
    func scoreLayers(_ images: Matrix, chunkSize: Int, unitMaxima: inout [[Float]], trackUnits: Bool,
                     labels: [Int32]?, covariances: inout [ActivityCovariance]) -> [Matrix] {
        let classes = configuration.overlay.classes
        var scores = (0..<layerCount).map { _ in Matrix(rows: images.rows, columns: classes) }
        var maxima = trackUnits ? configuration.hiddenSizes.map { [Float](repeating: 0, count: $0) } : []
        var w = ScoreWorkspace()
        var rows = [Int](), positive = Matrix(rows: 0, columns: 0)
        scoreEveryLabel(images, chunkSize: chunkSize, workspace: &w) { l, output, start, goodness in
            let n = goodness.count / classes
            for c in 0..<classes {
                for i in 0..<n { scores[l][start + i, c] = goodness[c * n + i] }
            }
            if trackUnits { Self.accumulateMaxima(of: output, into: &maxima[l]) }
            if let labels {
                // Output rows are grouped by candidate label: row c·n + i is image i under label c.
                rows.removeAll(keepingCapacity: true)
                for i in 0..<n { rows.append(Int(labels[start + i]) * n + i) }
                rows.withUnsafeBufferPointer { positive.gatherRows(from: output, indices: $0) }
                covariances[l].add(positive, rows: n)
            }
        }
        unitMaxima = maxima
        return scores
    }

    /// `maxima[j] = max(maxima[j], max over rows of y[:, j])`.
    static func accumulateMaxima(of y: Matrix, into maxima: inout [Float]) {
        let c = y.columns
        precondition(maxima.count == c, "unit maxima: \(maxima.count) units, output has \(c)")
        y.withUnsafeBufferPointer { src in
            maxima.withUnsafeMutableBufferPointer { m in
                var offset = 0
                for _ in 0..<y.rows {
                    for j in 0..<c where src[offset + j] > m[j] { m[j] = src[offset + j] }
                    offset += c
                }
            }
        }
    }
}

import FFNumerics
import FFRandom

/// `--diagnostics` for unsupervised FF: what each layer makes of real images
/// and of hybrids of them, the two kinds of data it was trained to tell apart.
extension UnsupervisedFFNetwork {
    /// Hybrid negatives of `images` for diagnostics, the same for every call
    /// with the same images: image `i` is mixed with image `i + 1` (the last
    /// with the first) through masks drawn from a stream of
    /// ``LayerDiagnostics/negativeSeed``, never from a trainer's streams.
    /// - Parameter images: `n × pixels` images, n ≥ 2.
    /// - Returns: `n × pixels` hybrids, row `i` made from image `i`.
    /// - Throws: ``TrainingError`` when the image shape cannot be inferred.
    public func diagnosticHybrids(of images: Matrix) throws(TrainingError) -> Matrix {
        let shape = try configuration.imageShape(pixels: images.columns)
        let generator = HybridNegatives(width: shape.width, height: shape.height,
                                        blurPasses: configuration.settings.blurPasses)
        let next = (0..<images.rows).map { ($0 + 1) % images.rows }
        var partners = Matrix(rows: 0, columns: 0)
        next.withUnsafeBufferPointer { partners.gatherRows(from: images, indices: $0) }
        var hybrids = Matrix(rows: 0, columns: 0)
        generator.makeNegatives(from: images, partners: partners, into: &hybrids,
                                random: GaussianStream(seed: LayerDiagnostics.negativeSeed).derived(stream: "diagnostic-hybrids"))
        return hybrids
    }

    /// Diagnostics of every layer on real images and their hybrids (see ``LayerDiagnostics``).
    ///
    /// Positive goodness is a layer's G on each real image; negative goodness
    /// is its G on that image's hybrid (row `i` of `hybrids`).
    /// ``LayerDiagnostics/accuracy`` is the layer's own task: the fraction of
    /// examples whose real image gets a higher G than its hybrid.
    /// ``LayerDiagnostics/deadFraction`` counts units that are zero on every
    /// real image and every hybrid. ``LayerDiagnostics/participationRatio`` is
    /// measured on the real images' activities. Nothing is drawn from any random stream.
    /// - Parameters:
    ///   - examples: The evaluation set (its labels are not used).
    ///   - hybrids: One negative image per example, e.g. ``diagnosticHybrids(of:)``.
    ///   - chunkSize: Examples passed at once (each pass has 2 × chunk rows).
    /// - Returns: One record per layer, first layer first.
    public func layerDiagnostics(_ examples: Examples, hybrids: Matrix, chunkSize: Int = 1000) -> [LayerDiagnostics] {
        precondition(hybrids.rows == examples.count && hybrids.columns == examples.images.columns,
                     "unsupervised diagnostics: one hybrid per example")
        let n = examples.count
        var positive = [RunningMoments](repeating: RunningMoments(), count: layerCount)
        var negative = positive
        var wins = [Int](repeating: 0, count: layerCount)
        var maxima = configuration.ff.hiddenSizes.map { [Float](repeating: 0, count: $0) }
        var covariances = configuration.ff.hiddenSizes.map { ActivityCovariance(units: $0) }
        var chunk = Matrix(rows: 0, columns: 0), stacked = Matrix(rows: 0, columns: 0)
        var x = Matrix(rows: 0, columns: 0), output = Matrix(rows: 0, columns: 0)
        var goodness = [Float]()
        var start = 0
        while start < n {
            let m = min(max(1, chunkSize), n - start)
            stacked.reshape(rows: 2 * m, columns: examples.images.columns)
            chunk.copyRows(from: examples.images, range: start..<(start + m))
            stacked.setRows(0, from: chunk)
            chunk.copyRows(from: hybrids, range: start..<(start + m))
            stacked.setRows(m, from: chunk)
            prepareInput(stacked, into: &x)
            for l in 0..<layerCount {
                layers.executors[l].forward(x, into: &output)
                layers.objectives[l].goodness(output, into: &goodness)
                for i in 0..<m {
                    positive[l].add(Double(goodness[i]))
                    negative[l].add(Double(goodness[m + i]))
                    if goodness[i] > goodness[m + i] { wins[l] += 1 }
                }
                FFNetwork.accumulateMaxima(of: output, into: &maxima[l])
                covariances[l].add(output, rows: m)
                if l + 1 < layerCount {
                    layers.normalizeForNextLayer(&output)
                    layers.executors[l].transmit(output, into: &x)
                }
            }
            start += m
        }
        return (0..<layerCount).map { l in
            LayerDiagnostics(examples: n, accuracy: n == 0 ? 0 : Double(wins[l]) / Double(n),
                             positive: positive[l], negative: negative[l], unitMaxima: maxima[l],
                             participationRatio: covariances[l].participationRatio)
        }
    }
}

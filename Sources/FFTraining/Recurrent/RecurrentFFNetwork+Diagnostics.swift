import FFNumerics

/// `--diagnostics` for recurrent FF: each layer's share of the prediction pass.
extension RecurrentFFNetwork {
    /// Diagnostics of every layer on `examples` (see ``LayerDiagnostics``),
    /// read from the pass goodness prediction makes: for every candidate label,
    /// the bottom-up pass and the synchronous iterations with that label on top.
    ///
    /// A layer's goodness for a label is its G averaged over
    /// ``RecurrentDynamics/scoredIterations``, for every layer whether or not
    /// it is a prediction layer, so a layer's accuracy is what prediction by
    /// that layer alone would give. A unit is dead when its state is zero for
    /// every example under every label at every scored iteration. The
    /// participation ratio is taken on the states under the true labels at the
    /// last scored iteration. Nothing is drawn from any random stream.
    /// - Parameters:
    ///   - examples: The evaluation set.
    ///   - negativeLabels: One wrong label per example (e.g. ``LayerDiagnostics/negativeLabels(for:classes:)``).
    ///   - chunkSize: Images processed at once (memory grows with chunk × classes × width).
    /// - Returns: One record per layer, first layer first.
    public func layerDiagnostics(_ examples: Examples, negativeLabels: [Int32], chunkSize: Int = 250) -> [LayerDiagnostics] {
        precondition(negativeLabels.count == examples.count, "layer diagnostics: one negative label per example")
        let dynamics = configuration.dynamics
        let sizes = configuration.ff.hiddenSizes
        var scores = (0..<layerCount).map { _ in Matrix(rows: examples.count, columns: classes) }
        var maxima = sizes.map { [Float](repeating: 0, count: $0) }
        var covariances = sizes.map { ActivityCovariance(units: $0) }
        var goodness = [Float](), rows = [Int]()
        var positive = Matrix(rows: 0, columns: 0)
        let weight = 1 / Float(dynamics.scoredIterations.count)
        runEveryLabel(examples.images, chunkSize: chunkSize) { t, first, n, run in
            let last = t == dynamics.lastScoredIteration
            if last {
                rows.removeAll(keepingCapacity: true)
                for i in 0..<n { rows.append(Int(examples.labels[first + i]) * n + i) }
            }
            for l in 0..<layerCount {
                objectives[l].goodness(run.states[l], into: &goodness)
                for c in 0..<classes {
                    for i in 0..<n { scores[l][first + i, c] += weight * goodness[c * n + i] }
                }
                FFNetwork.accumulateMaxima(of: run.states[l], into: &maxima[l])
                if last {
                    rows.withUnsafeBufferPointer { positive.gatherRows(from: run.states[l], indices: $0) }
                    covariances[l].add(positive, rows: n)
                }
            }
        }
        return (0..<layerCount).map { l in
            LayerDiagnostics(scores: scores[l], examples: examples, negativeLabels: negativeLabels,
                             unitMaxima: maxima[l], participationRatio: covariances[l].participationRatio)
        }
    }
}

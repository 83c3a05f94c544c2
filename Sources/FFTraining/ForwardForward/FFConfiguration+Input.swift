import FFNumerics

/// How a run turns images into layer inputs, shared by ``FFNetwork`` and
/// ``StreamingFFTrainer``.
extension FFConfiguration {
    /// Copies `images`, overlays labels and applies the input normalisation.
    /// - Parameters:
    ///   - images: `batch × pixels` images.
    ///   - label: What to overlay.
    ///   - result: Receives the layer-1 input.
    func makeInput(_ images: Matrix, label: OverlayLabel, into result: inout Matrix) {
        result = images
        switch label {
        case .labels(let labels): overlay.apply(to: &result, labels: labels)
        case .single(let c): overlay.apply(to: &result, label: c)
        case .neutral: overlay.applyNeutral(to: &result)
        }
        if normalizeInput {
            result.normalizeRows(normalization, epsilon: normalizationEpsilon)
        }
    }

    /// Normalises a layer's output in place so only its direction passes on.
    func normalizeForNextLayer(_ activations: inout Matrix) {
        activations.normalizeRows(normalization, epsilon: normalizationEpsilon)
    }

    /// The readout's optimizer: the layers' optimizer with the readout's weight decay.
    var readoutOptimizer: OptimizerConfiguration {
        var o = optimizer
        o.weightDecay = readoutWeightDecay
        return o
    }

    /// The layers whose normalised activities feed the readout: 2..N, or the
    /// only layer of a one-layer network.
    var readoutLayers: Range<Int> {
        let n = hiddenSizes.count
        return n > 1 ? 1..<n : 0..<n
    }

    /// Number of readout features: the widths of ``readoutLayers`` summed.
    var readoutFeatureCount: Int { readoutLayers.reduce(0) { $0 + hiddenSizes[$1] } }
}

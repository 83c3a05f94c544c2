import FFNumerics
import FFRandom

/// K negatives per positive (``GoodnessFunction/negativesPerPositive``).
///
/// With K = 1, every function here does exactly what the trainer did before
/// objectives could ask for more. With K > 1 the negative batch is the
/// positive batch's images K times, stacked k-major (row `k · B + i` is image
/// `i` with its k-th wrong label), so the layer objective sees
/// `K · B` negative rows:
/// - K = classes − 1: every wrong label of each image, enumerated (the
///   configured sampler is not used);
/// - 1 < K < classes − 1: the configured sampler's K-label draw
///   (``NegativeLabelSampler/negativeLabels(for:scores:classes:perPositive:random:)``):
///   `hard` takes the K highest-scoring wrong labels, the others draw K times.
extension FFTrainer {
    /// K, the negatives per positive of the network's objectives.
    var negativesPerPositive: Int { network.objectives.map(\.negativesPerPositive).max() ?? 1 }

    /// Refuses a K that the labels cannot supply, or objectives that disagree on K.
    func checkNegativesPerPositive() throws {
        let classes = network.configuration.overlay.classes
        let ks = Set(network.objectives.map(\.negativesPerPositive))
        guard ks.count <= 1 else {
            throw TrainingError.invalidConfiguration("the layers' objectives ask for different numbers of negatives per positive: \(ks.sorted())")
        }
        let k = ks.first ?? 1
        guard k == 1 || (1...(classes - 1)).contains(k) else {
            throw TrainingError.invalidConfiguration(
                "\(k) negatives per positive, but \(classes) classes offer only \(classes - 1) wrong labels")
        }
    }

    /// The negative labels of `labels` (K · n of them, k-major).
    /// - Parameters:
    ///   - labels: True labels of the examples.
    ///   - images: Their images (scored when the sampler needs goodness scores).
    ///   - random: The negatives stream.
    func chooseNegativeLabels(for labels: [Int32], images: Matrix, random: RandomGenerator) -> [Int32] {
        let classes = network.configuration.overlay.classes
        let k = negativesPerPositive
        let sampler = network.configuration.makeNegativeSampler()
        if k > 1 && k == classes - 1 {
            return everyWrongLabel(for: labels, classes: classes)
        }
        let scores = sampler.needsScores ? network.goodnessScores(images) : nil
        if k == 1 {
            return sampler.negativeLabels(for: labels, scores: scores, classes: classes, random: random)
        }
        return sampler.negativeLabels(for: labels, scores: scores, classes: classes, perPositive: k, random: random)
    }

    /// The negative labels of a batch from labels fixed for the run (K · N
    /// of them, k-major over the whole training set of N).
    /// - Parameters:
    ///   - fixed: The run's negative labels.
    ///   - indices: The batch's example indices.
    ///   - count: N.
    ///   - result: Receives K · B labels, k-major.
    func gatherFixedNegativeLabels(_ fixed: [Int32], indices: ArraySlice<Int>, count: Int, into result: inout [Int32]) {
        result.removeAll(keepingCapacity: true)
        for k in 0..<negativesPerPositive {
            for i in indices { result.append(fixed[k * count + i]) }
        }
    }

    /// The first layer's negative input: `images` tiled K times, labels
    /// overlaid, normalised as ``FFNetwork/makeInput(_:label:into:)`` does.
    /// - Parameters:
    ///   - images: `B × pixels` images.
    ///   - labels: K · B negative labels, k-major.
    ///   - result: Receives `(K · B) × pixels`.
    func makeNegativeInput(_ images: Matrix, labels: [Int32], into result: inout Matrix) {
        let k = images.rows == 0 ? 1 : labels.count / images.rows
        guard k > 1 else {
            network.makeInput(images, label: .labels(labels), into: &result)
            return
        }
        tiledImages.reshape(rows: k * images.rows, columns: images.columns)
        images.withUnsafeBufferPointer { src in
            tiledImages.withUnsafeMutableBufferPointer { dst in
                for j in 0..<k { (dst.baseAddress! + j * src.count).update(from: src.baseAddress!, count: src.count) }
            }
        }
        network.makeInput(tiledImages, label: .labels(labels), into: &result)
    }

    /// Gathers a batch's negative rows from inputs of the whole training set
    /// stacked k-major (row `k · N + i`), keeping the k-major order.
    /// - Parameters:
    ///   - source: `(K · N) × width` inputs.
    ///   - indices: The batch's example indices.
    ///   - count: N.
    ///   - result: Receives `(K · B) × width`.
    func gatherNegativeRows(from source: Matrix, indices: UnsafeBufferPointer<Int>, count: Int, into result: inout Matrix) {
        let k = negativesPerPositive
        guard k > 1 else {
            result.gatherRows(from: source, indices: indices)
            return
        }
        negativeIndices.removeAll(keepingCapacity: true)
        for j in 0..<k {
            for i in indices { negativeIndices.append(j * count + i) }
        }
        negativeIndices.withUnsafeBufferPointer { result.gatherRows(from: source, indices: $0) }
    }
}

import FFNumerics

/// Prediction by goodness averaged over a window of iterations, and the
/// cheap per-label scores that choose negative labels.
extension RecurrentFFNetwork {
    /// The goodness of every candidate label: for each label, the bottom-up
    /// pass and then the synchronous iterations with that label on top; the
    /// goodness summed over ``RecurrentDynamics/predictionLayers`` and
    /// averaged over ``RecurrentDynamics/scoredIterations``.
    ///
    /// The bottom-up pass does not depend on the label, so it runs once per
    /// image. Iterations after the window's last cannot change a score and
    /// are not run.
    /// - Parameters:
    ///   - images: `n × pixels` images.
    ///   - chunkSize: Images processed at once (memory grows with chunk × classes × width).
    /// - Returns: `n × classes` scores.
    public func goodnessScores(_ images: Matrix, chunkSize: Int = 250) -> Matrix {
        var workspace = PredictionWorkspace(layers: layerCount)
        var scores = Matrix(rows: 0, columns: 0)
        goodnessScores(images, chunkSize: chunkSize, workspace: &workspace, into: &scores)
        return scores
    }

    /// ``goodnessScores(_:chunkSize:)`` with buffers reused between calls, as
    /// the trainer scores every batch when ``NegativeScoring/prediction`` chooses its negatives.
    /// - Parameters:
    ///   - images: `n × pixels` images.
    ///   - chunkSize: Images processed at once.
    ///   - workspace: Buffers reused between calls.
    ///   - scores: Receives the `n × classes` scores.
    func goodnessScores(_ images: Matrix, chunkSize: Int, workspace w: inout PredictionWorkspace, into scores: inout Matrix) {
        scores.reshape(rows: images.rows, columns: classes)
        scores.fill(0)
        let weight = 1 / Float(configuration.dynamics.scoredIterations.count)
        var goodness = [Float]()
        runEveryLabel(images, chunkSize: chunkSize, base: &w.base, run: &w.run) { _, first, n, run in
            for l in 0..<layerCount where configuration.dynamics.predictionLayers.includes(l, of: layerCount) {
                objectives[l].goodness(run.states[l], into: &goodness)
                for c in 0..<classes {
                    for i in 0..<n { scores[first + i, c] += weight * goodness[c * n + i] }
                }
            }
        }
    }

    /// The prediction pass: for each chunk of images, the bottom-up pass once,
    /// then the synchronous iterations with every candidate label on top
    /// (rows `c·n ..< (c+1)·n` carry label `c`), up to the last scored
    /// iteration; `body` sees the states after each scored iteration.
    /// - Parameters:
    ///   - images: `n × pixels` images.
    ///   - chunkSize: Images processed at once.
    ///   - base: Buffers of the bottom-up pass.
    ///   - run: Buffers of the per-label runs.
    ///   - body: Called with the iteration, the chunk's first image, its size and the activity.
    func runEveryLabel(_ images: Matrix, chunkSize: Int, base: inout RecurrentState, run: inout RecurrentState,
                       _ body: (_ iteration: Int, _ first: Int, _ n: Int, _ run: RecurrentState) -> Void) {
        let dynamics = configuration.dynamics
        images.forEachRowChunk(max(1, chunkSize)) { chunk, first in
            let n = chunk.rows
            start(&base, images: chunk)
            run.tile(base, copies: classes)
            setLabels(&run, .labels((0..<classes).flatMap { c in repeatElement(Int32(c), count: n) }))
            for t in 1...dynamics.lastScoredIteration {
                step(&run)
                if dynamics.scoredIterations.contains(t) { body(t, first, n, run) }
            }
        }
    }

    /// ``runEveryLabel(_:chunkSize:base:run:_:)`` with buffers of its own.
    func runEveryLabel(_ images: Matrix, chunkSize: Int,
                       _ body: (_ iteration: Int, _ first: Int, _ n: Int, _ run: RecurrentState) -> Void) {
        var base = RecurrentState(layers: layerCount)
        var run = RecurrentState(layers: layerCount)
        runEveryLabel(images, chunkSize: chunkSize, base: &base, run: &run, body)
    }

    /// The label with the highest averaged goodness for each image.
    /// - Parameter images: `n × pixels` images.
    public func predictByGoodness(_ images: Matrix) -> [Int] {
        var result = [Int]()
        goodnessScores(images).argmaxRows(into: &result)
        return result
    }

    /// Per-label scores from a single forward pass, for choosing negative
    /// labels (Hinton 2022 §4): the bottom-up pass, then the top layer's first
    /// damped step with each label as its top-down input; the score is that
    /// layer's goodness. Only the top layer hears the label in one step, so
    /// only it is measured again, once per label.
    /// - Parameters:
    ///   - images: `n × pixels` images.
    ///   - workspace: Buffers reused between calls.
    /// - Returns: `n × classes` scores.
    func singlePassScores(_ images: Matrix, workspace: inout RecurrentState) -> Matrix {
        let top = layerCount - 1
        let n = images.rows
        start(&workspace, images: images)
        var stacked = RecurrentState(layers: layerCount)
        stacked.tile(workspace, copies: classes)
        setLabels(&stacked, .labels((0..<classes).flatMap { c in repeatElement(Int32(c), count: n) }))
        buildInput(&stacked, layer: top, topDown: true)
        measure(&stacked, layer: top)
        let d = configuration.dynamics.damping
        stacked.states[top].scale(by: d)
        stacked.states[top].add(stacked.outputs[top], scaledBy: 1 - d)
        var goodness = [Float]()
        objectives[top].goodness(stacked.states[top], into: &goodness)
        var scores = Matrix(rows: n, columns: classes)
        for c in 0..<classes {
            for i in 0..<n { scores[i, c] = goodness[c * n + i] }
        }
        return scores
    }
}

/// Buffers of a prediction-scoring pass that the trainer reuses between batches.
struct PredictionWorkspace {
    var base: RecurrentState
    var run: RecurrentState

    init(layers: Int) {
        base = RecurrentState(layers: layers)
        run = RecurrentState(layers: layers)
    }
}

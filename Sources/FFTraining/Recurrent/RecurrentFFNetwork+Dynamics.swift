import FFNumerics

/// The bottom-up pass and the damped synchronous iterations.
extension RecurrentFFNetwork {
    /// Loads a batch and runs the single bottom-up pass that initialises the
    /// hidden states: layer `l` receives the state layer `l − 1` just sent and
    /// zeros in place of its top-down input, and its state is its output.
    /// - Parameters:
    ///   - state: Receives the batch's activity.
    ///   - images: `rows × pixels` images.
    func start(_ state: inout RecurrentState, images: Matrix) {
        state.image.copyRows(from: images, range: 0..<images.rows)
        if configuration.ff.normalizeInput {
            state.image.normalizeRows(configuration.ff.normalization, epsilon: configuration.ff.normalizationEpsilon)
        }
        for l in 0..<layerCount {
            buildInput(&state, layer: l, topDown: false)
            measure(&state, layer: l)
            state.states[l].copyRows(from: state.outputs[l], range: 0..<state.rows)
            send(&state, layer: l)
        }
    }

    /// Sets the top-down input of the top layer: one-hot labels, length-normalised.
    /// - Parameters:
    ///   - state: The activity whose label rows to set (its images must be loaded).
    ///   - label: One label per row, one label for every row, or the neutral label.
    func setLabels(_ state: inout RecurrentState, _ label: OverlayLabel) {
        let overlay = configuration.ff.overlay
        state.label.reshape(rows: state.rows, columns: classes)
        switch label {
        case .labels(let labels): overlay.apply(to: &state.label, labels: labels)
        case .single(let c): overlay.apply(to: &state.label, label: c)
        case .neutral: overlay.applyNeutral(to: &state.label)
        }
        state.label.normalizeRows(configuration.ff.normalization, epsilon: configuration.ff.normalizationEpsilon)
        let gain = configuration.dynamics.labelScale.factor(topUnits: configuration.ff.hiddenSizes.last ?? classes,
                                                            classes: classes, normalization: configuration.ff.normalization)
        if gain != 1 { state.label.scale(by: gain) }
    }

    /// One synchronous iteration: every layer measures `f(W · [below, above] + b)`
    /// from the states its neighbours sent at the previous step, then every
    /// state becomes `d · old + (1 − d) · measured`, and only then does any
    /// layer send its new normalised state.
    /// - Parameter state: The activity, advanced in place; afterwards
    ///   `inputs`, `outputs` and `states` describe this step.
    func step(_ state: inout RecurrentState) {
        let d = configuration.dynamics.damping
        for l in 0..<layerCount {
            buildInput(&state, layer: l, topDown: true)
            measure(&state, layer: l)
        }
        for l in 0..<layerCount {
            state.states[l].scale(by: d)
            state.states[l].add(state.outputs[l], scaledBy: 1 - d)
            send(&state, layer: l)
        }
    }

    /// Runs layer `l` on `inputs[l]` into `outputs[l]`. An exact digital layer
    /// leaves out the inputs that are zero for every row when
    /// ``skipsZeroInputs`` is on; any other executor (a device) is measured as it is.
    func measure(_ state: inout RecurrentState, layer l: Int) {
        if skipsZeroInputs, let exact = executors[l] as? any ExactLinearLayer {
            exact.forward(state.inputs[l], into: &state.outputs[l], skippingZeroColumns: &state.products[l])
        } else {
            executors[l].forward(state.inputs[l], into: &state.outputs[l])
        }
    }

    /// Writes `[below, above]` into `inputs[layer]`; `above` is zero when `topDown` is false.
    func buildInput(_ state: inout RecurrentState, layer l: Int, topDown: Bool) {
        let below = belowSize(l)
        let above = aboveSize(l)
        state.inputs[l].reshape(rows: state.rows, columns: below + above)
        state.inputs[l].setColumns(0, from: l == 0 ? state.image : state.sent[l - 1])
        if !topDown {
            Self.zeroColumns(&state.inputs[l], from: below)
        } else if l + 1 == layerCount {
            state.inputs[l].setColumns(below, from: state.label)
        } else {
            state.inputs[l].setColumns(below, from: state.sent[l + 1])
        }
    }

    /// Normalises the state of `layer` and passes it along the layer's own path.
    private func send(_ state: inout RecurrentState, layer l: Int) {
        state.scratch.copyRows(from: state.states[l], range: 0..<state.rows)
        state.scratch.normalizeRows(configuration.ff.normalization, epsilon: configuration.ff.normalizationEpsilon)
        executors[l].transmit(state.scratch, into: &state.sent[l])
    }

    private static func zeroColumns(_ m: inout Matrix, from first: Int) {
        let (r, c) = (m.rows, m.columns)
        m.withUnsafeMutableBufferPointer { b in
            for i in 0..<r {
                for j in first..<c { b[i * c + j] = 0 }
            }
        }
    }
}

import FFNumerics
import FFRandom

/// The complete mutable state of an ``AnalogLayer``: what it was programmed
/// to, its read time, its counters and the positions of its noise streams.
/// Opaque outside FFDevice, so saving a state reveals nothing hidden.
public struct AnalogLayerState {
    let counters: DeviceOperationCounts
    let readTime: Double
    let driftCompensation: DriftCompensation
    let blackBox: BlackBoxTransform?
    let oneOverFEpoch: UInt64
    let intended: Matrix
    let programmedPlus: [Float], programmedMinus: [Float]
    let nuPlus: [Float], nuMinus: [Float]
    let qsPlus: [Float], qsMinus: [Float]
    let effective: Matrix, absoluteEffective: Matrix
    let outputShift: [Float]
    let compensationFactor: Float
    let baselineReadout: Double
    let tracksSensitivity: Bool
    let sensitivityPlus: [Float], sensitivityMinus: [Float]
    let programmingPosition: GaussianStream.Position, readPosition: GaussianStream.Position
}

extension AnalogLayer {
    /// Saves the layer's state, e.g. before a trial recalibration.
    public func saveState() -> AnalogLayerState {
        AnalogLayerState(
            counters: counters, readTime: readTime, driftCompensation: driftCompensation, blackBox: blackBox,
            oneOverFEpoch: oneOverFEpoch, intended: intended,
            programmedPlus: programmedPlus, programmedMinus: programmedMinus, nuPlus: nuPlus, nuMinus: nuMinus,
            qsPlus: qsPlus, qsMinus: qsMinus, effective: effective, absoluteEffective: absoluteEffective,
            outputShift: outputShift, compensationFactor: compensationFactor, baselineReadout: baselineReadout,
            tracksSensitivity: tracksSensitivity, sensitivityPlus: sensitivityPlus, sensitivityMinus: sensitivityMinus,
            programmingPosition: programmingStream.position, readPosition: readStream.position)
    }

    /// Puts the layer back in a saved state: the device then behaves exactly
    /// as it did when the state was saved.
    /// - Parameter state: A state saved from this layer.
    public func restoreState(_ state: AnalogLayerState) {
        precondition(state.intended.rows == outputSize && state.intended.columns == inputSize + 1,
                     "restoreState: the state belongs to a layer of another shape")
        driftCompensation = state.driftCompensation
        counters = state.counters
        readTime = state.readTime
        blackBox = state.blackBox
        oneOverFEpoch = state.oneOverFEpoch
        intended = state.intended
        programmedPlus = state.programmedPlus
        programmedMinus = state.programmedMinus
        nuPlus = state.nuPlus
        nuMinus = state.nuMinus
        qsPlus = state.qsPlus
        qsMinus = state.qsMinus
        effective = state.effective
        absoluteEffective = state.absoluteEffective
        outputShift = state.outputShift
        compensationFactor = state.compensationFactor
        baselineReadout = state.baselineReadout
        tracksSensitivity = state.tracksSensitivity
        sensitivityPlus = state.sensitivityPlus
        sensitivityMinus = state.sensitivityMinus
        programmingStream.position = state.programmingPosition
        readStream.position = state.readPosition
    }
}

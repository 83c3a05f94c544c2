/// How the learning rate changes over a run.
public enum LearningRateSchedule: String, Sendable, Codable, CaseIterable {
    /// The same rate throughout.
    case constant
    /// Constant for the first half, then linearly down towards 0 over the
    /// second half, as loeweX's FF reproduction does (per epoch there; per
    /// step here, which is the same line sampled more finely).
    case linearDecay = "linear-decay"

    /// The multiplier of the base rate at a point of training.
    /// - Parameters:
    ///   - step: Steps taken so far (0-based).
    ///   - totalSteps: Steps in the whole run.
    public func factor(step: Int, totalSteps: Int) -> Float {
        switch self {
        case .constant:
            return 1
        case .linearDecay:
            guard totalSteps > 0 else { return 1 }
            let progress = Float(step) / Float(totalSteps)
            return progress < 0.5 ? 1 : 2 * (1 - progress)
        }
    }

    /// The multiplier at step `step` of epoch `epoch`, for a run of `epochs`
    /// epochs of `stepsPerEpoch` steps each.
    /// - Parameters:
    ///   - epoch: The epoch (0-based).
    ///   - step: The step within the epoch (0-based).
    ///   - stepsPerEpoch: Steps per epoch.
    ///   - epochs: Epochs in the run.
    public func factor(epoch: Int, step: Int, stepsPerEpoch: Int, epochs: Int) -> Float {
        factor(step: epoch * stepsPerEpoch + step, totalSteps: stepsPerEpoch * epochs)
    }
}

/// How recurrent FF scores the candidate labels from which proportional and
/// hard negatives are drawn.
public enum NegativeScoring: String, Sendable, Codable, CaseIterable {
    /// One forward pass (Hinton 2022 §4): the bottom-up pass, then the top
    /// layer's first damped step with each label, scored by that layer's
    /// goodness (``RecurrentFFNetwork/singlePassScores(_:workspace:)``). The default.
    case singlePass = "single-pass"
    /// The prediction itself: every label run through the damped iterations
    /// and scored by the goodness that ``RecurrentFFNetwork/goodnessScores(_:chunkSize:)``
    /// predicts with. An epoch took about twice as long at 3×500 (README, session 20).
    case prediction
}

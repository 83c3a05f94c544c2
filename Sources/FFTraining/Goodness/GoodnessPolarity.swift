/// Whether positive data should make a layer's squared activity high or low.
///
/// Hinton (2022, abstract and §2) names both: "the sum of the squared
/// activities in a layer can be used as the goodness but there are many other
/// possibilities, including minus the sum of the squared activities".
public enum GoodnessPolarity: String, Sendable, Codable, CaseIterable {
    /// G = S (the sum or mean of y²): positive data is active ("max ssq").
    case high
    /// G = −S: positive data is quiet, negative data is active ("min ssq").
    /// Goodness prediction still picks the label of highest G, i.e. the
    /// lowest squared activity.
    case low

    /// The sign s with G = s · S.
    var sign: Float { self == .high ? 1 : -1 }
}

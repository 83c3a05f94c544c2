/// How much of its dense arithmetic a training run skipped because the values
/// involved were zero (recurrent FF's `RecurrentFFTrainer.inputUse` and
/// `RecurrentFFTrainer.gradientUse`).
///
/// Each list has one fraction per hidden layer, counted over this process's
/// training (a resumed run counts only the epochs it ran): 1 means nothing was
/// skipped, 0.25 means a quarter of the dense work was done.
public struct ZeroSkippingStatistics: Codable, Sendable, Equatable {
    /// Per layer, the fraction of input columns the training forward products multiplied.
    public var inputUse: [Double]
    /// Per layer, the fraction of weight-gradient elements computed.
    public var gradientUse: [Double]

    /// Creates the statistics.
    /// - Parameters:
    ///   - inputUse: Per layer, the fraction of input columns multiplied.
    ///   - gradientUse: Per layer, the fraction of weight-gradient elements computed.
    public init(inputUse: [Double], gradientUse: [Double]) {
        self.inputUse = inputUse
        self.gradientUse = gradientUse
    }
}

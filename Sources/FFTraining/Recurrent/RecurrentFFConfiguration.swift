/// Everything that defines a recurrent Forward-Forward run (Hinton 2022 §4):
/// the shared FF hyper-parameters and the recurrent dynamics.
///
/// Of ``ff`` the recurrent trainer uses the layer sizes, epochs, batch size,
/// optimizer and learning-rate schedule, goodness, peer normalisation,
/// activation gradient, negative labels, normalisation, label overlay values,
/// initialisation, pixel standardisation and evaluation interval. It always
/// trains every layer together (``FFConfiguration/schedule`` must be
/// simultaneous) and predicts by goodness only (no readout).
public struct RecurrentFFConfiguration: Sendable, Codable, Equatable {
    /// The shared FF hyper-parameters.
    public var ff: FFConfiguration
    /// Damping, iterations and the prediction window.
    public var dynamics: RecurrentDynamics

    /// Creates a configuration.
    /// - Parameters:
    ///   - ff: The shared FF hyper-parameters.
    ///   - dynamics: The recurrent dynamics (Hinton's by default).
    public init(ff: FFConfiguration = FFConfiguration(), dynamics: RecurrentDynamics = RecurrentDynamics()) {
        self.ff = ff
        self.dynamics = dynamics
    }

    /// Checks that the configuration can be trained.
    /// - Throws: ``TrainingError/invalidConfiguration(_:)`` saying what does not fit.
    public func validate() throws(TrainingError) {
        try dynamics.validate()
        guard !ff.hiddenSizes.isEmpty else { throw .invalidConfiguration("recurrent FF needs at least one hidden layer") }
        guard dynamics.trainsLabelFreeIterations || dynamics.iterations >= ff.hiddenSizes.count else {
            throw .invalidConfiguration(
                "with label-free iterations skipped, the bottom layer first trains at iteration \(ff.hiddenSizes.count) (one per layer for the label to come down), but there are only \(dynamics.iterations); raise --iterations or train every iteration")
        }
        guard ff.schedule == .simultaneous else {
            throw .invalidConfiguration(
                "recurrent FF trains every layer together (each hears the layers above it); --schedule layerwise does not apply")
        }
        guard !ff.fixedNegatives else {
            throw .invalidConfiguration("recurrent FF draws negative labels for every batch; fixed negatives do not apply")
        }
        try ff.checkNegativeLabelTemperature()
        guard dynamics.negativeScoring == .singlePass || ff.negatives == .proportional || ff.negatives == .hard else {
            throw .invalidConfiguration(
                "scoring negatives by prediction applies only to proportional or hard negatives, which are drawn from scores; these are \(ff.negatives.rawValue)")
        }
        guard ff.goodness.negativesPerPositive(classes: ff.overlay.classes) <= 1 else {
            throw .invalidConfiguration("recurrent FF pairs one negative with each positive; goodness \(ff.goodness.cliName) needs several (use softmax:α:1, symba or a squares goodness)")
        }
    }
}

/// Everything that defines an unsupervised Forward-Forward run (Hinton 2022
/// §3.2): the shared FF hyper-parameters and the unsupervised settings.
///
/// Of ``ff`` the trainer uses the layer sizes, epochs, batch size, optimizer
/// and learning-rate schedule, goodness, peer normalisation, activation
/// gradient, normalisation, initialisation, pixel standardisation, the
/// readout's learning rate and weight decay, and the evaluation interval.
/// Labels never reach the FF layers: there is no label overlay and no
/// negative label; negatives are ``HybridNegatives``.
public struct UnsupervisedFFConfiguration: Sendable, Codable, Equatable {
    /// The shared FF hyper-parameters.
    public var ff: FFConfiguration
    /// Hybrid negatives and the readout.
    public var settings: UnsupervisedSettings

    /// Creates a configuration.
    /// - Parameters:
    ///   - ff: The shared FF hyper-parameters.
    ///   - settings: The unsupervised settings.
    public init(ff: FFConfiguration = FFConfiguration(), settings: UnsupervisedSettings = UnsupervisedSettings()) {
        self.ff = ff
        self.settings = settings
    }

    /// The width and height of the images, from ``UnsupervisedSettings/imageWidth`` or a square.
    /// - Parameter pixels: Pixels per image.
    /// - Throws: ``TrainingError/invalidConfiguration(_:)`` when the shape does not fit.
    public func imageShape(pixels: Int) throws(TrainingError) -> (width: Int, height: Int) {
        let width = settings.imageWidth ?? Int(Double(pixels).squareRoot().rounded())
        guard width > 0, pixels % width == 0 else {
            throw .invalidConfiguration("images of \(pixels) pixels are not \(width) pixels wide; give the image width")
        }
        return (width, pixels / width)
    }

    /// Checks that the configuration can be trained.
    /// - Throws: ``TrainingError/invalidConfiguration(_:)`` saying what does not fit.
    public func validate() throws(TrainingError) {
        guard !ff.hiddenSizes.isEmpty else { throw .invalidConfiguration("unsupervised FF needs at least one hidden layer") }
        guard ff.schedule == .simultaneous else {
            throw .invalidConfiguration("unsupervised FF trains every layer on every batch; --schedule layerwise does not apply")
        }
        guard ff.goodness.negativesPerPositive(classes: ff.overlay.classes) <= 1 else {
            throw .invalidConfiguration("unsupervised FF pairs one hybrid image with each real one; goodness \(ff.goodness.cliName) needs several negatives (use softmax:α:1, symba or a squares goodness)")
        }
        guard settings.readoutLayerCount >= 1 else { throw .invalidConfiguration("the readout needs at least one layer") }
        try settings.receptiveFields?.validate(layers: ff.hiddenSizes.count)
        guard settings.blurPasses >= 0, settings.readoutEpochs >= 0 else {
            throw .invalidConfiguration("blur passes and readout epochs must not be negative")
        }
    }
}

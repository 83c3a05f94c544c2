/// What unsupervised Forward-Forward adds to the shared FF hyper-parameters.
public struct UnsupervisedSettings: Sendable, Codable, Equatable {
    /// Passes of the [1/4, 1/2, 1/4] blur that shapes the hybrid mask.
    public var blurPasses: Int
    /// Image width for the mask (`nil`: the images are square).
    public var imageWidth: Int?
    /// How many of the last hidden layers feed the linear readout (Hinton: 3).
    public var readoutLayerCount: Int
    /// Extra epochs that train only the readout, on the finished network's
    /// activities, after the FF epochs (during FF epochs it trains alongside).
    public var readoutEpochs: Int
    /// Local receptive fields of the FF layers (`nil`: fully connected).
    public var receptiveFields: LocalReceptiveFields?

    /// Creates the settings.
    /// - Parameters:
    ///   - blurPasses: Blur passes of the mask.
    ///   - imageWidth: Image width, or `nil` for square images.
    ///   - readoutLayerCount: Last layers read out.
    ///   - readoutEpochs: Readout-only epochs after FF.
    ///   - receptiveFields: Local receptive fields, or `nil` for fully connected layers.
    public init(blurPasses: Int = HybridNegatives.defaultBlurPasses, imageWidth: Int? = nil,
                readoutLayerCount: Int = 3, readoutEpochs: Int = 0, receptiveFields: LocalReceptiveFields? = nil) {
        self.blurPasses = blurPasses
        self.imageWidth = imageWidth
        self.readoutLayerCount = readoutLayerCount
        self.readoutEpochs = readoutEpochs
        self.receptiveFields = receptiveFields
    }
}

/// How the shared first layer split the pixels of a batch between sgemm and
/// the base-value shortcut (see the README's *Speed* section and `ColumnSplit`).
public struct FirstLayerPixelSplit: Codable, Sendable, Equatable {
    /// Images in the batch.
    public var images: Int
    /// Pixels per image (label pixels included).
    public var pixels: Int
    /// Pixels multiplied by sgemm.
    public var densePixels: Int
    /// Pixels left out of sgemm: those that hold their most common value in
    /// all but fewer than the threshold's share of the images.
    public var basePixels: Int
    /// Base pixels that never differ from their value (label pixels included).
    public var constantPixels: Int
    /// Entries of the base pixels that differ from their base value, each one
    /// axpy in the forward product and one in the gradient.
    public var deviations: Int

    /// Creates a record.
    /// - Parameters:
    ///   - images: Images in the batch.
    ///   - pixels: Pixels per image.
    ///   - densePixels: Pixels multiplied by sgemm.
    ///   - basePixels: Pixels left out of sgemm.
    ///   - constantPixels: Base pixels that never differ.
    ///   - deviations: Deviating entries of the base pixels.
    public init(images: Int, pixels: Int, densePixels: Int, basePixels: Int, constantPixels: Int, deviations: Int) {
        self.images = images
        self.pixels = pixels
        self.densePixels = densePixels
        self.basePixels = basePixels
        self.constantPixels = constantPixels
        self.deviations = deviations
    }

    /// FLOPs of one forward product and one gradient product for `outputs`
    /// units, as performed: sgemm on the dense pixels and two per deviation
    /// and unit (the base values' rank-one terms are not counted).
    /// - Parameter outputs: Units of the layer.
    /// - Returns: 2 × (2·images·dense·outputs + 2·deviations·outputs).
    public func performedFLOPs(outputs: Int) -> Double {
        2 * (2 * Double(images) * Double(densePixels) + 2 * Double(deviations)) * Double(outputs)
    }

    /// ``performedFLOPs(outputs:)`` as a fraction of the two dense products'
    /// FLOPs over every pixel, 2 × 2·images·pixels·outputs.
    /// - Parameter outputs: Units of the layer.
    /// - Returns: The fraction (1 when nothing is left out and nothing deviates).
    public func performedFraction(outputs: Int) -> Double {
        performedFLOPs(outputs: outputs) / (4 * Double(images) * Double(pixels) * Double(outputs))
    }
}

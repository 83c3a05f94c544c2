/// Where a streaming trainer keeps the layers it is not training: finished
/// layers are written here and read back one at a time.
///
/// ``StreamingFFTrainer`` and ``StreamingFFNetwork`` use it; the file-backed
/// implementation (one CRC-checked, atomically written file per layer) is
/// `LayerDirectory` in FFResults.
public protocol LayerStore: AnyObject {
    /// A directory for scratch files (layer inputs as ``ActivationFile``s).
    var scratchDirectory: String { get }

    /// Stores a finished layer, replacing any earlier version.
    /// - Parameters:
    ///   - parameters: The layer's weights and bias.
    ///   - index: The layer's 0-based position.
    func writeLayer(_ parameters: LayerParameters, index: Int) throws

    /// Reads a stored layer.
    /// - Parameter index: The layer's 0-based position.
    /// - Returns: Its parameters.
    func readLayer(_ index: Int) throws -> LayerParameters

    /// Stores the readout's parameters.
    func writeReadout(_ parameters: LayerParameters) throws

    /// Reads the readout's parameters, or `nil` when none was stored.
    func readReadout() throws -> LayerParameters?
}

extension ParameterOptimizer {
    /// Applies one step to `parameters` and brings `executor` along.
    ///
    /// An exact digital layer holds a copy of the parameters equal to them bit
    /// for bit, so it receives the updated values in the optimizer's own pass
    /// (the same bits as adding the increment, without writing the increment
    /// out and reading it back). Any other executor, such as a simulated
    /// device, is programmed by the increment, as hardware is.
    /// - Parameters:
    ///   - parameters: The intended parameters, updated in place.
    ///   - gradient: Their gradient.
    ///   - learningRate: Step size.
    ///   - executor: The layer that runs `parameters`.
    mutating func step(_ parameters: inout LayerParameters, gradient: LayerParameters, learningRate: Float,
                       updating executor: any LayerExecutor) {
        if let digital = executor as? DigitalLayer {
            digital.withMutableParameters { step(&parameters, gradient: gradient, mirroringInto: &$0, learningRate: learningRate) }
        } else {
            step(&parameters, gradient: gradient, learningRate: learningRate)
            executor.update(by: lastDelta)
        }
    }
}

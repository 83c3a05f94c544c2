import FFNumerics
import FFRandom
import FFTraining

/// Timing of the device simulation against exact digital layers.
public enum DeviceBenchmark {
    /// Times the forward pass of a ``FFTraining/DigitalLayer`` and of an
    /// ``AnalogLayer`` with `preset` on the same parameters and inputs
    /// (ReLU, best of `repetitions` after one warm-up each).
    ///
    /// The reference setting is 500 × 784 at batch 1000 with output read
    /// noise on and weight read noise off, e.g. the `generic` preset with
    /// ``DevicePreset/withNoise(_:)``.
    /// - Parameters:
    ///   - preset: The device preset (valid).
    ///   - inputSize: Inputs per row.
    ///   - outputSize: Outputs (units).
    ///   - batch: Rows per forward.
    ///   - repetitions: Timed repetitions (the best is kept).
    ///   - seed: Seed of the parameters, inputs and device instance.
    /// - Returns: Best seconds per forward for each, and simulated / exact.
    public static func forwardOverhead(
        preset: DevicePreset, inputSize: Int = 784, outputSize: Int = 500, batch: Int = 1000,
        repetitions: Int = 5, seed: UInt64 = 1
    ) -> (exactSeconds: Double, simulatedSeconds: Double, ratio: Double) {
        let random = RandomGenerator(seed: seed)
        let parameters = LayerParameters(inputSize: inputSize, outputSize: outputSize,
                                         initialization: .normalFanOut, random: random.derived(stream: "init"))
        var input = Matrix(rows: batch, columns: inputSize)
        GaussianStream(seed: seed).fill(&input, sigma: 1)
        let digital = DigitalLayer(parameters: parameters, activation: .relu)
        let analog = AnalogLayer(parameters: parameters, activation: .relu, preset: preset, seed: seed)
        var output = Matrix(rows: 0, columns: 0)
        func best(_ layer: any LayerExecutor) -> Double {
            layer.forward(input, into: &output)
            var bestTime = Double.infinity
            for _ in 0..<max(1, repetitions) {
                let start = WallClock.seconds()
                layer.forward(input, into: &output)
                bestTime = min(bestTime, WallClock.seconds() - start)
            }
            return bestTime
        }
        let exact = best(digital)
        let simulated = best(analog)
        return (exact, simulated, simulated / exact)
    }
}

import FFDevice
import FFRandom
import FFTraining

/// One simulated device instance: a preset and the seed of its random draw.
/// Building it twice gives the same instance, so every method of a
/// comparison meets the same hardware.
public struct DeviceSpec: Sendable {
    /// The preset the instance is drawn from.
    public var preset: DevicePreset
    /// Seed of the instance draw.
    public var instanceSeed: UInt64

    /// Creates a spec.
    public init(preset: DevicePreset, instanceSeed: UInt64) {
        self.preset = preset
        self.instanceSeed = instanceSeed
    }

    /// The analog tile of layer `index`.
    /// - Parameters:
    ///   - index: Layer index (each layer is its own tile with its own draw).
    ///   - inputSize: Inputs.
    ///   - outputSize: Outputs.
    ///   - activation: The nominal nonlinearity.
    public func makeLayer(index: Int, inputSize: Int, outputSize: Int, activation: Activation) -> AnalogLayer {
        AnalogLayer(inputSize: inputSize, outputSize: outputSize, activation: activation, preset: preset,
                    seed: SplitMix64.mix(instanceSeed &+ UInt64(index) &* 0x9E37_79B9))
    }

    /// Sums the counters of the analog layers among `executors`.
    static func counts(_ executors: [any LayerExecutor]) -> DeviceOperationCounts {
        executors.compactMap { $0 as? AnalogLayer }.reduce(DeviceOperationCounts()) { $0 + $1.counters }
    }

    /// Resets the counters of the analog layers among `executors`.
    static func resetCounts(_ executors: [any LayerExecutor]) {
        for case let layer as AnalogLayer in executors { layer.resetCounters() }
    }
}

import FFDevice
import FFNumerics
import FFTraining

/// A trained network as it stands on its hardware after a method ran: it
/// can be evaluated again later (after drift), and possibly recalibrated.
public protocol DeployedNetwork: AnyObject {
    /// The device tiles it runs on (empty for digital hardware).
    var analogLayers: [AnalogLayer] { get }
    /// Whether the method can recalibrate it in place without a model of
    /// the device (FF in situ, hardware-in-the-loop backprop).
    var canRecalibrate: Bool { get }
    /// Test accuracy measured now (FF: goodness prediction).
    func accuracy(on test: Examples) -> Double
    /// A few more training steps in place with labelled calibration data.
    /// Each call starts from fresh optimizer state and the same seed, so
    /// every recalibration sees the calibration batches in the same order.
    /// - Parameters:
    ///   - data: Calibration examples.
    ///   - epochs: Passes over them.
    /// - Returns: The digital work the recalibration spent (MACs of gradients, error
    ///   propagation and readout; their memory traffic); the device counts its own operations.
    func recalibrate(on data: Examples, epochs: Int) throws -> DeviceOperationCounts
    /// Saves everything a recalibration changes: the tiles and the trainer's own state.
    func saveState() -> DeployedState
    /// Puts back a state saved by ``saveState()``.
    func restoreState(_ state: DeployedState)
}

/// A saved deployed network: its tiles and the trainer-side parameters.
public struct DeployedState {
    let tiles: [AnalogLayerState]
    let ff: FFNetwork.TrainerState?
    let bp: [LayerParameters]?
}

extension DeployedNetwork {
    func saveTiles() -> [AnalogLayerState] { analogLayers.map { $0.saveState() } }

    func restoreTiles(_ states: [AnalogLayerState]) {
        for (layer, state) in zip(analogLayers, states) { layer.restoreState(state) }
    }

    /// The summed operation counts of the tiles.
    var counts: DeviceOperationCounts { analogLayers.reduce(DeviceOperationCounts()) { $0 + $1.counters } }
}

/// An FF network on its tiles; recalibration is more FF in situ.
final class DeployedFF: DeployedNetwork {
    let network: FFNetwork
    let seed: UInt64
    init(network: FFNetwork, seed: UInt64) {
        self.network = network
        self.seed = seed
    }
    var analogLayers: [AnalogLayer] { network.executors.compactMap { $0 as? AnalogLayer } }
    var canRecalibrate: Bool { true }
    func accuracy(on test: Examples) -> Double { test.accuracy(of: network.predictByGoodness(test.images)) }
    func recalibrate(on data: Examples, epochs: Int) throws -> DeviceOperationCounts {
        _ = try FFTrainer(network: network, seed: seed ^ 0x5EC4).fit(train: data, test: nil, epochs: epochs)
        return FFInSitu.digitalWork(network, examples: data.count, epochs: epochs)
    }
    func saveState() -> DeployedState { DeployedState(tiles: saveTiles(), ff: network.saveTrainerState(), bp: nil) }
    func restoreState(_ state: DeployedState) {
        restoreTiles(state.tiles)
        if let ff = state.ff { network.restoreTrainerState(ff) }
    }
}

/// A backprop network on its hardware; recalibration is hardware-in-the-loop
/// backprop through its models, when the method has that loop.
final class DeployedBP: DeployedNetwork {
    let network: BPNetwork
    let seed: UInt64
    let canRecalibrate: Bool
    init(network: BPNetwork, seed: UInt64, canRecalibrate: Bool) {
        self.network = network
        self.seed = seed
        self.canRecalibrate = canRecalibrate
    }
    var analogLayers: [AnalogLayer] { network.executors.compactMap { $0 as? AnalogLayer } }
    func accuracy(on test: Examples) -> Double { test.accuracy(of: network.predict(test.images)) }
    func recalibrate(on data: Examples, epochs: Int) throws -> DeviceOperationCounts {
        precondition(canRecalibrate, "this method has no way to recalibrate in place")
        _ = try BPTrainer(network: network, seed: seed ^ 0x5EC4).fit(train: data, test: nil, epochs: epochs)
        return BackpropSteps.digitalWork(network, examples: data.count, epochs: epochs, forwardIsAnalog: !analogLayers.isEmpty)
    }
    func saveState() -> DeployedState { DeployedState(tiles: saveTiles(), ff: nil, bp: network.parameters) }
    func restoreState(_ state: DeployedState) {
        restoreTiles(state.tiles)
        if let bp = state.bp { network.restoreIntended(bp) }
    }
}

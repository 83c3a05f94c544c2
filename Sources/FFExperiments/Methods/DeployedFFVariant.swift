import FFDevice
import FFTraining

/// A recurrent or unsupervised FF network on its tiles. Recalibration is
/// more of the same training in situ; the trainer-side state is the
/// intended parameters (and, for unsupervised FF, the readout).
final class DeployedFFVariant: DeployedNetwork {
    /// The network (``RecurrentFFNetwork`` or ``UnsupervisedFFNetwork``).
    let network: AnyObject
    let analogLayers: [AnalogLayer]
    private let measure: (Examples) -> Double
    private let retrain: (Examples, Int) throws -> DeviceOperationCounts
    private let save: () -> FFNetwork.TrainerState
    private let restore: (FFNetwork.TrainerState) -> Void

    /// A deployed recurrent FF network; recalibration runs ``RecurrentFFTrainer``.
    init(_ network: RecurrentFFNetwork, seed: UInt64) {
        self.network = network
        analogLayers = network.executors.compactMap { $0 as? AnalogLayer }
        measure = { $0.accuracy(of: network.predictByGoodness($0.images)) }
        retrain = { data, epochs in
            _ = try RecurrentFFTrainer(network: network, seed: seed ^ 0x5EC4).fit(train: data, test: nil, epochs: epochs)
            return FFRecurrentInSitu.digitalWork(network, examples: data.count, epochs: epochs)
        }
        save = network.saveTrainerState
        restore = network.restoreTrainerState
    }

    /// A deployed unsupervised FF network; recalibration runs ``UnsupervisedFFTrainer``, the readout learning alongside.
    init(_ network: UnsupervisedFFNetwork, seed: UInt64) {
        self.network = network
        analogLayers = network.layers.executors.compactMap { $0 as? AnalogLayer }
        measure = { test in network.predict(test.images).map(test.accuracy(of:)) ?? 0 }
        retrain = { data, epochs in
            _ = try UnsupervisedFFTrainer(network: network, seed: seed ^ 0x5EC4).fit(train: data, test: nil, epochs: epochs)
            return FFUnsupervisedInSitu.digitalWork(network, examples: data.count, epochs: epochs)
        }
        save = network.saveTrainerState
        restore = network.restoreTrainerState
    }

    var canRecalibrate: Bool { true }
    func accuracy(on test: Examples) -> Double { measure(test) }
    func recalibrate(on data: Examples, epochs: Int) throws -> DeviceOperationCounts { try retrain(data, epochs) }
    func saveState() -> DeployedState { DeployedState(tiles: saveTiles(), ff: save(), bp: nil) }
    func restoreState(_ state: DeployedState) {
        restoreTiles(state.tiles)
        if let ff = state.ff { restore(ff) }
    }
}

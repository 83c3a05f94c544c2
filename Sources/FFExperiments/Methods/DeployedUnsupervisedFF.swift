import FFDevice
import FFTraining

/// An unsupervised FF network on its tiles with its digital readout;
/// recalibration is more unsupervised FF in situ, the readout learning alongside.
final class DeployedUnsupervisedFF: DeployedNetwork {
    let network: UnsupervisedFFNetwork
    let seed: UInt64
    init(network: UnsupervisedFFNetwork, seed: UInt64) {
        self.network = network
        self.seed = seed
    }
    var analogLayers: [AnalogLayer] { network.layers.executors.compactMap { $0 as? AnalogLayer } }
    var canRecalibrate: Bool { true }
    func accuracy(on test: Examples) -> Double { network.predict(test.images).map(test.accuracy(of:)) ?? 0 }
    func recalibrate(on data: Examples, epochs: Int) throws -> Int {
        _ = try UnsupervisedFFTrainer(network: network, seed: seed ^ 0x5EC4).fit(train: data, test: nil, epochs: epochs)
        let readoutEpochs = epochs + network.configuration.settings.readoutEpochs
        return FFUnsupervisedInSitu.digitalMACs(network, samples: data.count * epochs, readoutSamples: data.count * readoutEpochs)
    }
    func saveState() -> DeployedState { DeployedState(tiles: saveTiles(), ff: network.saveTrainerState(), bp: nil) }
    func restoreState(_ state: DeployedState) {
        restoreTiles(state.tiles)
        if let ff = state.ff { network.restoreTrainerState(ff) }
    }
}

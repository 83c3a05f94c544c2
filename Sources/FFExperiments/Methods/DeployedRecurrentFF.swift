import FFDevice
import FFTraining

/// A recurrent FF network on its tiles; recalibration is more recurrent FF in situ.
final class DeployedRecurrentFF: DeployedNetwork {
    let network: RecurrentFFNetwork
    let seed: UInt64
    init(network: RecurrentFFNetwork, seed: UInt64) {
        self.network = network
        self.seed = seed
    }
    var analogLayers: [AnalogLayer] { network.executors.compactMap { $0 as? AnalogLayer } }
    var canRecalibrate: Bool { true }
    func accuracy(on test: Examples) -> Double { test.accuracy(of: network.predictByGoodness(test.images)) }
    func recalibrate(on data: Examples, epochs: Int) throws -> Int {
        _ = try RecurrentFFTrainer(network: network, seed: seed ^ 0x5EC4).fit(train: data, test: nil, epochs: epochs)
        return FFRecurrentInSitu.digitalMACs(network, samples: data.count * epochs)
    }
    func saveState() -> DeployedState { DeployedState(tiles: saveTiles(), ff: network.saveTrainerState(), bp: nil) }
    func restoreState(_ state: DeployedState) {
        restoreTiles(state.tiles)
        if let ff = state.ff { network.restoreTrainerState(ff) }
    }
}

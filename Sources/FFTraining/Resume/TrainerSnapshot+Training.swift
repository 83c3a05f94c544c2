import FFNumerics
import FFRandom

/// Saving and restoring the pieces every FF trainer has: layers with their
/// learning state, random generators and the epoch's example order.
extension TrainerSnapshot {
    /// Stores every layer's intended parameters as `layer<l>`.
    mutating func put(layers parameters: [LayerParameters]) {
        for (l, p) in parameters.enumerated() { put("layer\(l)", parameters: p) }
    }

    /// Restores what ``put(layers:)`` stored and programs the executors with it.
    ///
    /// Only exact digital layers are restored: a device's own state (noise
    /// draws, drift clock) is not part of the snapshot.
    func restore(layers parameters: inout [LayerParameters], executors: [any LayerExecutor]) throws(TrainingError) {
        for l in parameters.indices {
            guard executors[l] is DigitalLayer else {
                throw .unresumable("layer \(l + 1) runs on a device; only exact digital layers can be resumed bit for bit")
            }
            try restore("layer\(l)", parameters: &parameters[l])
            executors[l].program(parameters[l])
        }
    }

    /// Stores every layer's ``FFLayerUpdate`` as `layer<l>.update`.
    mutating func put(updates: [FFLayerUpdate]) {
        for (l, u) in updates.enumerated() { u.save("layer\(l).update", into: &self) }
    }

    /// Restores what ``put(updates:)`` stored.
    func restore(updates: inout [FFLayerUpdate]) throws(TrainingError) {
        for l in updates.indices { try updates[l].restore("layer\(l).update", from: self) }
    }

    /// Stores a GSL generator's state under `name`.
    mutating func put(_ name: String, generator: RandomGenerator) {
        put(name, bytes: generator.stateBytes)
    }

    /// Restores a GSL generator's state stored by ``put(_:generator:)``.
    func restore(_ name: String, generator: RandomGenerator) throws(TrainingError) {
        let saved = try bytes(name, count: generator.stateBytes.count)
        do { try generator.restoreState(saved) } catch { throw .unresumable(error.description) }
    }

    /// Stores a Gaussian stream's state under `name`.
    mutating func put(_ name: String, stream: GaussianStream) {
        put(name, integers: stream.stateWords.map { Int64(bitPattern: $0) })
    }

    /// Restores a Gaussian stream's state stored by ``put(_:stream:)``.
    func restore(_ name: String, stream: GaussianStream) throws(TrainingError) {
        let saved = try integers(name, count: 4).map { UInt64(bitPattern: $0) }
        do { try stream.restoreState(saved) } catch { throw .unresumable(error.description) }
    }

    /// Stores the epoch's example order.
    mutating func put(order: [Int]) { put("order", integers: order.map(Int64.init)) }

    /// The example order stored by ``put(order:)``, checked to be a permutation of `0..<count`.
    func order(count: Int) throws(TrainingError) -> [Int] {
        let saved = try integers("order", count: count)
        var seen = [Bool](repeating: false, count: count)
        for v in saved {
            guard v >= 0, v < count, !seen[Int(v)] else {
                throw .unresumable("the saved example order is not a permutation of the \(count) training examples")
            }
            seen[Int(v)] = true
        }
        return saved.map { Int($0) }
    }

    /// Checks that the snapshot fits a run of `totalEpochs` epochs.
    func checkEpochs(total totalEpochs: Int) throws(TrainingError) {
        guard history.count == completedEpochs else {
            throw .unresumable("the state's history has \(history.count) epochs but \(completedEpochs) are finished")
        }
        guard completedEpochs <= totalEpochs else {
            throw .unresumable("the state has \(completedEpochs) finished epochs, the run has \(totalEpochs)")
        }
    }
}

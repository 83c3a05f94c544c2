import FFRandom

/// Saving and restoring a supervised FF run between epochs.
extension FFTrainer {
    /// The trainer's state after the epochs of `history`.
    func snapshot(history: [EpochRecord], shuffle: RandomGenerator, negatives: RandomGenerator,
                  order: [Int]) -> TrainerSnapshot {
        var s = TrainerSnapshot(completedEpochs: history.count, history: history)
        s.put(layers: network.parameters)
        for l in 0..<network.layerCount {
            s.put("layer\(l).optimizer", optimizer: optimizers[l].states)
            s.put("layer\(l).peer", floats: peerStates[l].runningMeans)
        }
        network.readout?.save("readout", into: &s)
        s.put("shuffle", generator: shuffle)
        s.put("negatives", generator: negatives)
        s.put(order: order)
        return s
    }

    /// Puts the trainer, its network and its generators where `snapshot` left them.
    func restore(_ snapshot: TrainerSnapshot, epochs: Int, shuffle: RandomGenerator, negatives: RandomGenerator,
                 order: inout [Int]) throws(TrainingError) {
        try snapshot.checkEpochs(total: epochs)
        try snapshot.restore(layers: &network.parameters, executors: network.executors)
        for l in 0..<network.layerCount {
            try snapshot.restore("layer\(l).optimizer", optimizer: &optimizers[l])
            peerStates[l].restore(runningMeans: try snapshot.floats("layer\(l).peer", count: peerStates[l].runningMeans.count))
        }
        if network.readout != nil { try network.readout!.restore("readout", from: snapshot) }
        try snapshot.restore("shuffle", generator: shuffle)
        try snapshot.restore("negatives", generator: negatives)
        order = try snapshot.order(count: order.count)
    }
}

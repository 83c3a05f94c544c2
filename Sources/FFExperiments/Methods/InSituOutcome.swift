import FFDevice
import FFNumerics
import FFTraining

/// The measurement every FF variant in situ shares: time the training, sum
/// the tiles' counters and the digital work, then evaluate on fresh counters.
enum InSituOutcome {
    /// Trains, counts and evaluates.
    /// - Parameters:
    ///   - executors: The network's layers (their analog counters are read and reset).
    ///   - train: Runs the training and returns its history.
    ///   - digitalWork: What the training did digitally (``DigitalWork``).
    ///   - evaluate: Returns the test accuracy and, if any, the readout's.
    ///   - testCount: Test examples, for per-sample counts.
    ///   - deployed: The network as it stays on its tiles.
    static func measure(executors: [any LayerExecutor], train: () throws -> [EpochRecord], digitalWork: () -> DeviceOperationCounts,
                        evaluate: () -> (accuracy: Double, readout: Double?), testCount: Int,
                        deployed: any DeployedNetwork) rethrows -> MethodOutcome {
        let start = WallClock.seconds()
        let history = try train()
        let seconds = WallClock.seconds() - start
        var trainingCounts = DeviceSpec.counts(executors)
        trainingCounts += digitalWork()
        DeviceSpec.resetCounts(executors)
        let (accuracy, readout) = evaluate()
        return MethodOutcome(testAccuracy: accuracy, testAccuracyReadout: readout, trainingCounts: trainingCounts,
                             inferenceCountsPerSample: DeviceSpec.counts(executors).perSample(testCount),
                             trainSeconds: seconds, history: history, deployed: deployed)
    }
}

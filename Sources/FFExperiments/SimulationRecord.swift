import FFDevice
import FFTraining

/// One method on one seed and device: a row of the results.
public struct SimulationRecord: Codable, Sendable {
    /// Stable id: command, dataset, device, noise, method and seed.
    public var runId: String
    /// The command that produced it.
    public var command: String
    /// Dataset name.
    public var dataset: String
    /// Method.
    public var method: MethodName
    /// Seed (also selects the device instance).
    public var seed: UInt64
    /// Preset name.
    public var device: String
    /// `--noise`, when given.
    public var noise: Float?
    /// Hidden sizes.
    public var hidden: [Int]
    /// Epochs.
    public var epochs: Int
    /// Batch size.
    public var batchSize: Int
    /// Training examples.
    public var trainExamples: Int
    /// Test examples.
    public var testExamples: Int
    /// Test accuracy on the device.
    public var testAccuracy: Double
    /// FF readout accuracy on the device.
    public var testAccuracyReadout: Double?
    /// Seconds of training.
    public var trainSeconds: Double
    /// Operations spent in training.
    public var trainingCounts: DeviceOperationCounts
    /// Operations per test example at inference.
    public var inferenceCountsPerSample: DeviceOperationCounts
    /// Estimated energy of training: ``trainingCounts`` × the preset's per-operation costs.
    public var trainingEnergy: EnergyEstimate
    /// ``trainingEnergy`` per training example per epoch (examples × epochs).
    public var trainingEnergyPerSample: EnergyEstimate
    /// Estimated energy per test example at inference: ``inferenceCountsPerSample`` × the costs.
    public var inferenceEnergyPerSample: EnergyEstimate
    /// BLAS threads.
    public var threads: Int
    /// Every resolved device parameter, as dotted key → value.
    public var deviceParameters: [String: String]
    /// The training hyper-parameters, as dotted key → value.
    public var hyperParameters: [String: String]
    /// Per-epoch training history.
    public var history: [EpochRecord]

    init(command: String, dataset: String, method: MethodName, seed: UInt64, device: String, noise: Float?,
         hidden: [Int], epochs: Int, batchSize: Int, trainExamples: Int, testExamples: Int,
         outcome: MethodOutcome, energy: EnergyModel, threads: Int, deviceParameters: [(key: String, value: String)],
         hyperParameters: [(String, String)]) {
        let noiseText = noise.map { "\($0)" } ?? "preset"
        runId = "\(command)-\(dataset)-\(device)-noise\(noiseText)-\(method.rawValue)-seed\(seed)"
        self.command = command
        self.dataset = dataset
        self.method = method
        self.seed = seed
        self.device = device
        self.noise = noise
        self.hidden = hidden
        self.epochs = epochs
        self.batchSize = batchSize
        self.trainExamples = trainExamples
        self.testExamples = testExamples
        testAccuracy = outcome.testAccuracy
        testAccuracyReadout = outcome.testAccuracyReadout
        trainSeconds = outcome.trainSeconds
        trainingCounts = outcome.trainingCounts
        inferenceCountsPerSample = outcome.inferenceCountsPerSample
        trainingEnergy = energy.estimate(outcome.trainingCounts)
        trainingEnergyPerSample = trainingEnergy.divided(by: trainExamples * epochs)
        inferenceEnergyPerSample = energy.estimate(outcome.inferenceCountsPerSample)
        self.threads = threads
        self.deviceParameters = Dictionary(deviceParameters.map { ($0.key, $0.value) }, uniquingKeysWith: { _, last in last })
        self.hyperParameters = Dictionary(hyperParameters, uniquingKeysWith: { _, last in last })
        history = outcome.history
    }

    /// The fields every row of this record shares: identity, budget,
    /// operation counts, the energy estimate's components, hyper-parameters
    /// and every device parameter.
    public var commonFields: [String: String] {
        var f: [String: String] = [
            "run_id": runId, "command": command, "dataset": dataset, "method": method.rawValue,
            "seed": "\(seed)", "device": device, "noise": noise.map { "\($0)" } ?? "",
            "hidden": hidden.map(String.init).joined(separator: "x"), "epochs": "\(epochs)",
            "batch_size": "\(batchSize)", "train_examples": "\(trainExamples)", "test_examples": "\(testExamples)",
            "threads": "\(threads)",
        ]
        for (k, v) in trainingCounts.fields { f["train_" + k] = v }
        for (k, v) in inferenceCountsPerSample.fields { f["inference_per_sample_" + k] = v }
        for (k, v) in trainingEnergy.components { f["train_energy_\(k)_j"] = v.map { "\($0)" } ?? "" }
        for (k, v) in inferenceEnergyPerSample.components { f["inference_per_sample_energy_\(k)_j"] = v.map { "\($0)" } ?? "" }
        for (k, v) in deviceParameters { f["device." + k] = v }
        for (k, v) in hyperParameters { f[k] = v }
        return f
    }

    /// One tidy row: the shared columns plus one observation.
    /// - Parameters:
    ///   - metric: What was measured.
    ///   - value: Its value (empty when `nil`, e.g. a method that cannot do what the row is about).
    ///   - epoch: The epoch, for per-epoch metrics.
    ///   - driftTime: Seconds since programming at measurement, if any.
    ///   - extra: More columns, overriding shared ones of the same name.
    public func observation(_ metric: String, _ value: Double?, epoch: Int? = nil, driftTime: Double? = nil,
                            extra: [String: String] = [:]) -> [String: String] {
        var r = commonFields.merging(extra) { _, new in new }
        r["metric"] = metric
        r["value"] = value.map { "\($0)" } ?? ""
        r["epoch"] = epoch.map(String.init) ?? ""
        r["drift_time"] = driftTime.map { "\($0)" } ?? ""
        return r
    }

    /// The record in tidy long format: one row per observation (`metric`,
    /// `value`, and `epoch` or `drift_time` where they apply).
    /// - Parameters:
    ///   - driftTime: Seconds since programming at which the accuracies were measured, if any.
    ///   - extra: More shared columns (e.g. sweep grid values).
    public func tidyRows(driftTime: Double? = nil, extra: [String: String] = [:]) -> [[String: String]] {
        func row(_ metric: String, _ value: Double, epoch: Int? = nil) -> [String: String] {
            observation(metric, value, epoch: epoch, driftTime: driftTime, extra: extra)
        }
        var rows = [row("test_accuracy", testAccuracy)]
        if let testAccuracyReadout { rows.append(row("test_accuracy_readout", testAccuracyReadout)) }
        rows.append(row("train_seconds", trainSeconds))
        rows.append(row("train_energy_j", trainingEnergy.total))
        rows.append(row("train_energy_per_sample_j", trainingEnergyPerSample.total))
        rows.append(row("inference_energy_per_sample_j", inferenceEnergyPerSample.total))
        for (i, h) in history.enumerated() {
            // Layerwise FF numbers epochs per layer; count them through the run.
            rows.append(row("train_loss", h.loss, epoch: i + 1))
        }
        return rows
    }
}

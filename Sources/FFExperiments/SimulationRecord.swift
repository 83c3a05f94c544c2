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
    /// BLAS threads.
    public var threads: Int
    /// Every resolved device parameter, as dotted key → value.
    public var deviceParameters: [String: String]
    /// The training hyper-parameters, as dotted key → value.
    public var hyperParameters: [String: String]

    init(command: String, dataset: String, method: MethodName, seed: UInt64, device: String, noise: Float?,
         hidden: [Int], epochs: Int, batchSize: Int, trainExamples: Int, testExamples: Int,
         outcome: MethodOutcome, threads: Int, deviceParameters: [(key: String, value: String)],
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
        self.threads = threads
        self.deviceParameters = Dictionary(deviceParameters.map { ($0.key, $0.value) }, uniquingKeysWith: { _, last in last })
        self.hyperParameters = Dictionary(hyperParameters, uniquingKeysWith: { _, last in last })
    }

    /// The record as one CSV row: every field and device parameter a column.
    public var csvFields: [String: String] {
        var f: [String: String] = [
            "run_id": runId, "command": command, "dataset": dataset, "method": method.rawValue,
            "seed": "\(seed)", "device": device, "noise": noise.map { "\($0)" } ?? "",
            "hidden": hidden.map(String.init).joined(separator: "x"), "epochs": "\(epochs)",
            "batch_size": "\(batchSize)", "train_examples": "\(trainExamples)", "test_examples": "\(testExamples)",
            "test_accuracy": "\(testAccuracy)", "test_accuracy_readout": testAccuracyReadout.map { "\($0)" } ?? "",
            "train_seconds": "\(trainSeconds)", "threads": "\(threads)",
        ]
        for (k, v) in trainingCounts.fields { f["train_" + k] = v }
        for (k, v) in inferenceCountsPerSample.fields { f["inference_per_sample_" + k] = v }
        for (k, v) in deviceParameters { f["device." + k] = v }
        for (k, v) in hyperParameters { f[k] = v }
        return f
    }
}

extension MemoryBenchmark {
    /// One configuration's result, as written to CSV and JSON.
    public struct Measurement: Sendable, Codable, Equatable {
        /// `ff`, `ff-stream` or `bp`.
        public var algorithm: String
        /// Number of hidden layers.
        public var depth: Int
        /// Units per hidden layer.
        public var hidden: Int
        /// Examples per batch.
        public var batchSize: Int
        /// Optimizer steps per layer.
        public var steps: Int
        /// Peak resident memory of the process (`VmHWM`), MiB.
        public var peakRssMib: Double?
        /// Resident memory before training (runtime, libraries, data), MiB.
        public var baselineRssMib: Double?
        /// Analytic parameters + gradients + optimizer state, MiB.
        public var parameterOptimizerMib: Double
        /// Analytic batch activations, MiB.
        public var activationMib: Double
        /// Seconds of training.
        public var seconds: Double
        /// Training loss of the last epoch.
        public var loss: Double?
        /// Why the configuration has no measurement (crash, time limit), if so.
        public var error: String?

        /// Creates a measurement.
        public init(configuration: Configuration, peakRssMib: Double?, baselineRssMib: Double?, estimate: Estimate,
                    seconds: Double, loss: Double?, error: String? = nil) {
            algorithm = configuration.algorithm.rawValue
            depth = configuration.depth
            hidden = configuration.hidden
            batchSize = configuration.batchSize
            steps = configuration.steps
            self.peakRssMib = peakRssMib
            self.baselineRssMib = baselineRssMib
            parameterOptimizerMib = Double(estimate.parameterOptimizerBytes) / ProcessMemory.mebibyte
            activationMib = Double(estimate.activationBytes) / ProcessMemory.mebibyte
            self.seconds = seconds
            self.loss = loss
            self.error = error
        }
    }
}

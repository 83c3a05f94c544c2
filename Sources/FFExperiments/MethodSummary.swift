import FFDevice
import FFPlots
import FFTraining

/// Mean and sample standard deviation of one method's accuracy over seeds.
public struct MethodSummary: Sendable, Codable {
    /// The method.
    public var method: MethodName
    /// Seeds aggregated.
    public var count: Int
    /// Mean test accuracy.
    public var mean: Double
    /// Sample standard deviation (n − 1) of the test accuracy; 0 for one seed.
    public var std: Double
    /// Mean FF readout accuracy.
    public var readoutMean: Double?
    /// Its sample standard deviation.
    public var readoutStd: Double?
    /// Mean training seconds.
    public var trainSeconds: Double
    /// Mean training operation counts.
    public var trainingCounts: DeviceOperationCounts
    /// Inference operations per sample (first seed's).
    public var inferenceCountsPerSample: DeviceOperationCounts
    /// Mean estimated training energy.
    public var trainingEnergy: EnergyEstimate
    /// Mean estimated training energy per training example per epoch.
    public var trainingEnergyPerSample: EnergyEstimate
    /// Mean estimated inference energy per test example.
    public var inferenceEnergyPerSample: EnergyEstimate

    /// Summaries of `records`, one per method in first-seen order.
    public static func summarize(_ records: [SimulationRecord]) -> [MethodSummary] {
        var order = [MethodName]()
        for r in records where !order.contains(r.method) { order.append(r.method) }
        return order.map { method in
            let rs = records.filter { $0.method == method }
            let (m, s) = meanAndStd(rs.map(\.testAccuracy))
            let readouts = rs.compactMap(\.testAccuracyReadout)
            let (rm, rsd) = meanAndStd(readouts)
            return MethodSummary(
                method: method, count: rs.count, mean: m, std: s,
                readoutMean: readouts.isEmpty ? nil : rm, readoutStd: readouts.isEmpty ? nil : rsd,
                trainSeconds: rs.reduce(0) { $0 + $1.trainSeconds } / Double(rs.count),
                trainingCounts: rs.map(\.trainingCounts).reduce(DeviceOperationCounts(), +).perSample(rs.count),
                inferenceCountsPerSample: rs[0].inferenceCountsPerSample,
                trainingEnergy: .mean(rs.map(\.trainingEnergy)),
                trainingEnergyPerSample: .mean(rs.map(\.trainingEnergyPerSample)),
                inferenceEnergyPerSample: .mean(rs.map(\.inferenceEnergyPerSample)))
        }
    }
}

/// Mean and sample standard deviation (n − 1; 0 when n < 2).
public func meanAndStd(_ values: [Double]) -> (mean: Double, std: Double) {
    guard !values.isEmpty else { return (0, 0) }
    let (mean, std) = ChartBuilder.meanAndSampleStandardDeviation(values)
    return (mean, std ?? 0)
}

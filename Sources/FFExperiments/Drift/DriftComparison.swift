import FFDevice
import FFNumerics
import FFTraining

/// `ffanalog compare`: every method trained once per seed at t = 0, then
/// evaluated on the same device instance as its conductances drift, with and
/// without drift compensation, and after an in-place recalibration where
/// the method can do one.
public struct DriftComparison {
    /// The training set-up shared with `simulate`: data, preset, methods, configurations, seeds.
    public var simulation: Simulation
    /// Calibration examples for recalibration (the same for every method).
    public var calibration: Examples
    /// Passes over the calibration examples per recalibration.
    public var recalibrationEpochs: Int
    /// Times since programming at which to evaluate, ascending.
    public var times: [DriftTime]
    /// Compensation modes to evaluate.
    public var compensations: [DriftCompensation]

    /// Creates a comparison.
    public init(simulation: Simulation, calibration: Examples, recalibrationEpochs: Int,
                times: [DriftTime], compensations: [DriftCompensation]) {
        self.simulation = simulation
        self.calibration = calibration
        self.recalibrationEpochs = recalibrationEpochs
        self.times = times
        self.compensations = compensations
    }

    /// Progress of a comparison.
    public enum Event {
        /// A method starts training on a seed.
        case training(method: MethodName, seed: UInt64, index: Int, of: Int)
        /// Training progress.
        case trainingProgress(TrainingEvent)
        /// One measurement.
        case measured(DriftMeasurement)
    }

    /// Trains, drifts, measures.
    /// - Parameter progress: Receives events.
    /// - Returns: The trained methods' records and every drift measurement.
    public func run(progress: (Event) -> Void = { _ in }) throws -> (records: [SimulationRecord], measurements: [DriftMeasurement]) {
        var records = [SimulationRecord]()
        var measurements = [DriftMeasurement]()
        let total = simulation.seeds.count * simulation.methods.count
        for seed in simulation.seeds {
            let context = simulation.context(seed: seed)
            for method in simulation.methods {
                progress(.training(method: method, seed: seed, index: records.count + 1, of: total))
                let outcome = try method.method.run(context) { progress(.trainingProgress($0)) }
                let record = simulation.record(method: method, seed: seed, outcome: outcome, command: "compare")
                records.append(record)
                guard let deployed = outcome.deployed else { continue }
                for compensation in compensations {
                    for layer in deployed.analogLayers { layer.driftCompensation = compensation }
                    for time in times {
                        for layer in deployed.analogLayers { layer.advanceTime(to: time.seconds) }
                        let accuracy = deployed.accuracy(on: simulation.test)
                        let m = DriftMeasurement(record: record, variant: .asTrained, time: time,
                                                 compensation: compensation, testAccuracy: accuracy,
                                                 recalibrationCounts: nil)
                        measurements.append(m)
                        progress(.measured(m))
                        measurements.append(try recalibrated(deployed, record: record, time: time, compensation: compensation))
                        progress(.measured(measurements.last!))
                    }
                }
            }
        }
        return (records, measurements)
    }

    /// Recalibrates a copy of the device state at `time`, measures, and puts
    /// the state back, so later times see the unrecalibrated device.
    private func recalibrated(_ deployed: any DeployedNetwork, record: SimulationRecord, time: DriftTime,
                              compensation: DriftCompensation) throws -> DriftMeasurement {
        guard deployed.canRecalibrate, !deployed.analogLayers.isEmpty else {
            return DriftMeasurement(record: record, variant: .recalibrated, time: time, compensation: compensation,
                                    testAccuracy: nil, recalibrationCounts: nil)
        }
        let saved = deployed.saveState()
        let before = deployed.counts
        let digital = try deployed.recalibrate(on: calibration, epochs: recalibrationEpochs)
        let spent = DigitalWork.withActivationTraffic(deployed.counts.subtracting(before)) + digital
        let accuracy = deployed.accuracy(on: simulation.test)
        deployed.restoreState(saved)
        return DriftMeasurement(record: record, variant: .recalibrated, time: time, compensation: compensation,
                                testAccuracy: accuracy, recalibrationCounts: spent,
                                recalibrationEnergy: EnergyModel(preset: simulation.preset).estimate(spent))
    }
}

/// One method's accuracy at one drift time and compensation mode.
public struct DriftMeasurement: Sendable, Codable {
    /// As trained, or after an in-place recalibration at that time.
    public enum Variant: String, Sendable, Codable {
        /// The device as trained, drifted.
        case asTrained = "as-trained"
        /// Recalibrated in place at that time.
        case recalibrated
    }

    /// The method that trained the network.
    public var method: MethodName
    /// The seed (and device instance).
    public var seed: UInt64
    /// As trained or recalibrated.
    public var variant: Variant
    /// Time since programming.
    public var time: DriftTime
    /// Drift compensation in use.
    public var compensation: DriftCompensation
    /// Test accuracy; `nil` when the method cannot recalibrate without a model.
    public var testAccuracy: Double?
    /// Device operations the recalibration used.
    public var recalibrationCounts: DeviceOperationCounts?
    /// Estimated energy of the recalibration (its counts × the preset's costs).
    public var recalibrationEnergy: EnergyEstimate?

    init(record: SimulationRecord, variant: Variant, time: DriftTime, compensation: DriftCompensation,
         testAccuracy: Double?, recalibrationCounts: DeviceOperationCounts?, recalibrationEnergy: EnergyEstimate? = nil) {
        method = record.method
        seed = record.seed
        self.variant = variant
        self.time = time
        self.compensation = compensation
        self.testAccuracy = testAccuracy
        self.recalibrationCounts = recalibrationCounts
        self.recalibrationEnergy = recalibrationEnergy
    }

    /// The row label: the method, with `-recal` for recalibrations.
    public var label: String { variant == .recalibrated ? method.rawValue + "-recal" : method.rawValue }
}

extension DeviceOperationCounts {
    /// `self − other`, field by field.
    func subtracting(_ other: DeviceOperationCounts) -> DeviceOperationCounts {
        DeviceOperationCounts(analogMVMs: analogMVMs - other.analogMVMs, analogMACs: analogMACs - other.analogMACs,
                              transposedMVMs: transposedMVMs - other.transposedMVMs,
                              transposedMACs: transposedMACs - other.transposedMACs,
                              dacConversions: dacConversions - other.dacConversions,
                              adcConversions: adcConversions - other.adcConversions,
                              programmingEvents: programmingEvents - other.programmingEvents,
                              digitalMACs: digitalMACs - other.digitalMACs, sramBytes: sramBytes - other.sramBytes,
                              dramBytes: dramBytes - other.dramBytes)
    }
}

import Testing
import FFDevice
import FFNumerics
import FFTraining
@testable import FFExperiments

@Suite("Drift comparison")
struct DriftTests {
    @Test("drift times parse with units and sort", arguments: [
        ("1s,1h,1d", [1.0, 3600, 86_400]),
        ("1y, 1mo ,1w", [604_800, 2_629_800, 31_557_600]),
        ("2.5min", [150]),
    ])
    func parses(text: String, seconds: [Double]) throws {
        #expect(try DriftTime.parseList(text).map(\.seconds) == seconds)
    }

    @Test("malformed drift lists are refused with a clear message", arguments: [
        ("1parsec", "unknown unit"), ("", "comma-separated"), ("1h,,1d", "comma-separated"), ("-1h", "positive"),
        ("0s", "positive"), ("h", "number"), ("1h,60min", "twice"),
    ])
    func refuses(text: String, phrase: String) {
        do {
            _ = try DriftTime.parseList(text)
            Issue.record("'\(text)' was accepted")
        } catch {
            #expect(error.description.contains(phrase), "\(error)")
        }
    }

    @Test("every method is measured at every time; only in-place methods recalibrate")
    func measurements() throws {
        var preset = try DevicePreset.named("pcm")
        preset.name = "pcm-test"
        let (ff, bp) = SimulationTests.configurations()
        let simulation = Simulation(train: SimulationTests.train, test: SimulationTests.test, datasetName: "synthetic",
                                    preset: preset, noise: nil, methods: [.ff, .bpOffline, .bpPAT], ff: ff, bp: bp, seeds: [1])
        let times = try DriftTime.parseList("1s,1d,1y")
        let comparison = DriftComparison(simulation: simulation, calibration: SimulationTests.train.prefix(100),
                                         recalibrationEpochs: 1, times: times, compensations: [.none, .global])
        let (records, measurements) = try comparison.run()
        #expect(records.count == 3)
        #expect(measurements.count == 3 * 3 * 2 * 2)
        for m in measurements where m.variant == .recalibrated {
            let can = m.method == .ff || m.method == .bpPAT
            #expect((m.testAccuracy != nil) == can, "\(m.label)")
            #expect((m.recalibrationCounts?.programmingEvents ?? 0 > 0) == can, "\(m.label)")
            // The recalibration's estimate is its counts (device and digital work) times the preset's costs.
            #expect(m.recalibrationEnergy == m.recalibrationCounts.map { EnergyModel(preset: preset).estimate($0) })
            #expect((m.recalibrationCounts?.dramBytes ?? 0 > 0) == can, "\(m.label)")
        }
        #expect(measurements.filter { $0.variant == .asTrained }.allSatisfy { $0.testAccuracy != nil })
        let rows = DriftReport.rows(measurements, compensation: .none, times: times)
        #expect(rows.header == ["method", "1s", "1d", "1y"])
        #expect(rows.rows.contains { $0[0] == "bp-offline-recal" && $0[1].hasPrefix("n/a") })
        let csv = DriftReport.csv(records: records, measurements: measurements)
        #expect(csv.columns.contains("compensation") && csv.columns.contains("drift_time"))
        #expect(csv.columns.contains("recalibration_energy_j") && csv.columns.contains("recalibration_sram_bytes"))
    }
}

@Suite("Trial recalibration leaves no trace")
struct RecalibrationIsolationTests {
    @Test("after restoring, a recalibrated network measures exactly as before", arguments: [MethodName.ff, .bpPAT])
    func restoreUndoesRecalibration(method: MethodName) throws {
        let context = SimulationTests.context(try DevicePreset.named("pcm"))
        let deployed = try #require(try method.method.run(context, progress: { _ in }).deployed)
        for layer in deployed.analogLayers { layer.advanceTime(to: 86_400) }
        let state = deployed.saveState()
        let before = deployed.accuracy(on: context.test)
        deployed.restoreState(state)
        let digital = try deployed.recalibrate(on: context.train.prefix(100), epochs: 1)
        #expect(digital.digitalMACs > 0 && digital.sramBytes > 0 && digital.dramBytes > 0)
        let first = deployed.accuracy(on: context.test)
        deployed.restoreState(state)
        #expect(deployed.accuracy(on: context.test) == before)
        // The trainer's own parameters were restored too: recalibrating again gives the same result.
        deployed.restoreState(state)
        _ = try deployed.recalibrate(on: context.train.prefix(100), epochs: 1)
        #expect(deployed.accuracy(on: context.test) == first)
    }
}

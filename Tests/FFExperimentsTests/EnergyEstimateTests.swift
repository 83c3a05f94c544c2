import Testing
import FFDevice
import FFTraining
@testable import FFExperiments

@Suite("Energy estimate of the methods", .serialized)
struct EnergyEstimateTests {
    /// The shipped `generic` preset: 8-bit DAC and ADC, the sourced costs.
    static func generic() throws -> DevicePreset { try DevicePreset.named("generic") }

    static func simulation(_ preset: DevicePreset, methods: [MethodName]) -> Simulation {
        let (ff, bp) = SimulationTests.configurations()
        return Simulation(train: SimulationTests.train, test: SimulationTests.test, datasetName: "synthetic",
                          preset: preset, noise: nil, methods: methods, ff: ff, bp: bp, seeds: [3])
    }

    /// The estimate of `c` with the costs of `models/README.md` written out: 0.151 pJ per analog MAC,
    /// 8 × 0.326 pJ per DAC and 2⁸ × 0.0101 pJ per ADC conversion, 1.96 pJ per write, 4.6 pJ per fp32 MAC,
    /// 1.25 pJ per SRAM byte and 243.75 pJ per DRAM byte.
    static func byHand(_ c: DeviceOperationCounts) -> Double {
        let picojoules = Double(c.analogMACs + c.transposedMACs) * 0.151
            + Double(c.dacConversions) * 8 * 0.326
            + Double(c.adcConversions) * 256 * 0.0101
            + Double(c.programmingEvents) * 1.96
            + Double(c.digitalMACs) * 4.6
            + Double(c.sramBytes) * 1.25
            + Double(c.dramBytes) * 243.75
        return picojoules * 1e-12
    }

    static func close(_ a: Double, _ b: Double) -> Bool { abs(a - b) <= 1e-12 * max(abs(a), abs(b)) }

    @Test("FF's estimate, recomputed by hand from its counts, for training and per inference sample")
    func ffByHand() throws {
        let simulation = Self.simulation(try Self.generic(), methods: [.ff])
        let record = try #require(try simulation.run().first)
        let c = record.trainingCounts
        #expect(c.analogMACs > 0 && c.dacConversions > 0 && c.programmingEvents > 0 && c.digitalMACs > 0)
        #expect(c.sramBytes > 0 && c.dramBytes > 0)
        #expect(Self.close(record.trainingEnergy.total, Self.byHand(c)))
        let presentations = simulation.train.count * simulation.ff.epochs
        #expect(Self.close(record.trainingEnergyPerSample.total, Self.byHand(c) / Double(presentations)))
        #expect(Self.close(record.inferenceEnergyPerSample.total, Self.byHand(record.inferenceCountsPerSample)))
        // Goodness prediction: 10 label passes through both 64-unit layers (bias column included),
        // every converted value buffered once in SRAM (written and read: 8 bytes).
        let i = record.inferenceCountsPerSample
        #expect(i.analogMACs == 10 * (65 * 64 + 65 * 64))
        #expect(i.dacConversions == 10 * (64 + 64) && i.adcConversions == 10 * (64 + 64))
        #expect(i.sramBytes == 8 * (i.dacConversions + i.adcConversions))
        #expect(i.programmingEvents == 0 && i.digitalMACs == 0 && i.dramBytes == 0)
    }

    @Test("bp-ideal's digital counts follow the documented rules, by hand")
    func bpIdealCountsByHand() throws {
        let simulation = Self.simulation(try Self.generic(), methods: [.bpIdeal])
        let record = try #require(try simulation.run().first)
        let bp = simulation.bp
        // 64 inputs → 32 → 32 → 10 classes; (n, m) per layer.
        let layers = [(64, 32), (32, 32), (32, 10)]
        let samples = simulation.train.count * bp.epochs
        let steps = (simulation.train.count + bp.batchSize - 1) / bp.batchSize * bp.epochs
        let nm = layers.map { $0.0 * $0.1 }
        let params = layers.map { ($0.0 + 1) * $0.1 }
        // Forward, error propagation through layers 2 and 3, and every weight gradient.
        #expect(record.trainingCounts.digitalMACs == (nm.reduce(0, +) + nm[1] + nm[2] + nm.reduce(0, +)) * samples)
        // Per sample: forward activations written and read (8 B), read back once (4 B), one error per output (8 B);
        // per step: every gradient written and read (8 B).
        let sramPerSample = layers.reduce(0) { $0 + 12 * ($1.0 + $1.1) + 8 * $1.1 }
        #expect(record.trainingCounts.sramBytes == sramPerSample * samples + 8 * params.reduce(0, +) * steps)
        // Per step: Adam's moments (16 B) and the weight copy (8 B) read and written, the weights read for the
        // digital forward (4 B) and for the error propagation through layers 2 and 3 (4 B).
        let dramPerStep = params[0] * (16 + 8 + 4) + (params[1] + params[2]) * (16 + 8 + 4 + 4)
        #expect(record.trainingCounts.dramBytes == dramPerStep * steps)
        #expect(record.trainingCounts.analogMACs == 0 && record.trainingCounts.programmingEvents == 0)
        // Inference: the forward MACs, activations, and one weight read per batch of the backprop batch size.
        let test = simulation.test.count
        let i = record.inferenceCountsPerSample
        #expect(i.digitalMACs == nm.reduce(0, +))
        #expect(i.sramBytes == layers.reduce(0) { $0 + 8 * ($1.0 + $1.1) })
        #expect(i.dramBytes == 4 * params.reduce(0, +) * ((test + bp.batchSize - 1) / bp.batchSize) / test)
        #expect(Self.close(record.trainingEnergy.total, Self.byHand(record.trainingCounts)))
        // Digital hardware has no converters to pay for, but the estimate still names them.
        #expect(record.trainingEnergy.dac == 0 && record.trainingEnergy.adc == 0)
    }

    @Test("the printed report shows every method's estimate with its counts; no converters on ideal, said so")
    func report() throws {
        let methods = MethodName.allCases
        let records = try Self.simulation(try Self.generic(), methods: methods).run()
        let summaries = MethodSummary.summarize(records)
        let text = SimulationReport.table(summaries, preset: try Self.generic(), noise: nil, dataset: "synthetic", seeds: 1,
                                          trainExamples: 500, testExamples: 200, epochs: 4, wallSeconds: 1)
        #expect(text.contains("energy estimate: counted operations × the preset's per-operation costs"))
        #expect(text.contains("an estimate, not a measurement"))
        #expect(text.contains("DAC 8 bit 2.608 pJ") && text.contains("ADC 8 bit 2.586 pJ"))
        for m in methods {
            let lines = text.split(separator: "\n").filter { $0.hasPrefix(m.rawValue + " ") }
            // The accuracy table, the summary, two breakdown rows and two count rows.
            #expect(lines.count == 6, "\(m)")
            #expect(lines.contains { $0.contains(SimulationReport.joules(summaries.first { $0.method == m }!.trainingEnergy.total)) })
        }
        let csv = SimulationReport.csv(records)
        let metric = try #require(csv.columns.firstIndex(of: "metric"))
        for name in ["train_energy_j", "train_energy_per_sample_j", "inference_energy_per_sample_j"] {
            #expect(csv.rows.filter { $0[metric] == name }.count == records.count, "\(name)")
        }
        for column in ["train_analog_macs", "train_sram_bytes", "inference_per_sample_dram_bytes", "train_energy_dram_j",
                       "inference_per_sample_energy_adc_j", "device.energy.analog_mac_pj"] {
            #expect(csv.columns.contains(column), "\(column)")
        }

        let ideal = try Self.simulation(.ideal, methods: [.bpOffline]).run()
        let idealText = SimulationReport.energyLines(MethodSummary.summarize(ideal), model: EnergyModel(preset: .ideal))
            .joined(separator: "\n")
        #expect(idealText.contains("no DAC (dac.bits null): not costed"))
        #expect(ideal[0].inferenceEnergyPerSample.dac == nil && ideal[0].inferenceEnergyPerSample.adc == nil)
        #expect(ideal[0].tidyRows().first!["inference_per_sample_energy_dac_j"] == "")
    }

    @Test("SI formatting of joules")
    func joules() {
        #expect(SimulationReport.joules(0) == "0 J")
        #expect(SimulationReport.joules(2.01e-3) == "2.01 mJ")
        #expect(SimulationReport.joules(205e-9) == "205 nJ")
        #expect(SimulationReport.joules(21.5e-9) == "21.5 nJ")
        #expect(SimulationReport.joules(3.2) == "3.20 J")
    }
}

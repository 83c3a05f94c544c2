import FFDevice
import FFNumerics
import FFPlots
import FFResults
import FFTraining

/// Tables and files of a simulation.
public enum SimulationReport {
    /// The JSON document written beside the CSV.
    public struct Document: Codable, Sendable {
        /// ffanalog's version.
        public var ffanalogVersion: String
        /// The git commit, when known.
        public var gitCommit: String? = FFAnalogVersion.gitCommit
        /// The command line.
        public var command: String
        /// BLAS threads.
        public var threads: Int
        /// The BLAS library and kernel set (``BLAS/configuration``): results are
        /// bit-reproducible for a fixed seed, thread count and kernel set.
        public var blas: String = BLAS.configuration
        /// The resolved preset.
        public var preset: DevicePreset
        /// FF hyper-parameters.
        public var ffConfiguration: FFConfiguration
        /// Backprop hyper-parameters.
        public var bpConfiguration: BPConfiguration
        /// Mean ± std per method.
        public var summaries: [MethodSummary]
        /// Every method × seed.
        public var records: [SimulationRecord]
        /// Wall seconds of the whole simulation.
        public var wallSeconds: Double

        /// Creates a document.
        public init(ffanalogVersion: String, command: String, threads: Int, preset: DevicePreset,
                    ffConfiguration: FFConfiguration, bpConfiguration: BPConfiguration,
                    summaries: [MethodSummary], records: [SimulationRecord], wallSeconds: Double) {
            self.ffanalogVersion = ffanalogVersion
            self.command = command
            self.threads = threads
            self.preset = preset
            self.ffConfiguration = ffConfiguration
            self.bpConfiguration = bpConfiguration
            self.summaries = summaries
            self.records = records
            self.wallSeconds = wallSeconds
        }
    }

    /// A file name stem such as `simulate-mnist-generic-noise0.05`.
    public static func fileStem(preset: DevicePreset, noise: Float?, dataset: String) -> String {
        "simulate-\(dataset)-\(preset.name)" + (noise.map { "-noise\($0)" } ?? "")
    }

    /// The leading columns of every tidy CSV ffanalog writes; the rest follow sorted.
    public static let tidyColumns = ["run_id", "command", "dataset", "method", "seed", "device", "noise",
                                     "drift_time", "epoch", "metric", "value"]

    /// Tidy long format: one row per observation, every parameter a column.
    public static func csv(_ records: [SimulationRecord]) -> CSVTable {
        var table = CSVTable(columns: tidyColumns)
        for r in records {
            for row in r.tidyRows() { table.append(row) }
        }
        return table
    }

    /// The printed comparison: accuracy mean ± std over seeds, operation counts, and the energy
    /// estimate with the counts behind it (``energyLines(_:model:)``), per method.
    public static func table(_ summaries: [MethodSummary], preset: DevicePreset, noise: Float?, dataset: String, seeds: Int,
                             trainExamples: Int, testExamples: Int, epochs: Int, wallSeconds: Double) -> String {
        var lines = [String]()
        let noiseText = noise.map { ", --noise \($0)" } ?? ""
        lines.append("device \(preset.name)\(noiseText); \(dataset), \(trainExamples) train / \(testExamples) test examples, \(epochs) epochs, \(seeds) seed(s)")
        lines.append("")
        let header = ["method", "test accuracy (mean ± std)", "readout", "train s", "train MVMs", "train writes", "train digital MACs", "MVMs/sample"]
        var rows = [header]
        for s in summaries {
            rows.append([
                s.method.rawValue,
                "\(percent(s.mean)) ± \(percent(s.std))",
                s.readoutMean.map { "\(percent($0)) ± \(percent(s.readoutStd ?? 0))" } ?? "—",
                fixed(s.trainSeconds, 1),
                compact(s.trainingCounts.analogMVMs),
                compact(s.trainingCounts.programmingEvents),
                compact(s.trainingCounts.digitalMACs),
                "\(s.inferenceCountsPerSample.analogMVMs)",
            ])
        }
        lines += TextTable.lines(rows)
        lines.append("")
        lines += energyLines(summaries, model: EnergyModel(preset: preset))
        lines.append("")
        lines.append("wall time \(fixed(wallSeconds, 1)) s")
        return lines.joined(separator: "\n")
    }

    /// The energy estimate per method and the operation counts it is built
    /// from: a summary (training total and per training sample, inference per
    /// test example), the split by kind of operation, and the raw counts.
    /// - Parameters:
    ///   - summaries: One per method.
    ///   - model: The preset's energy model.
    /// - Returns: Printable lines.
    public static func energyLines(_ summaries: [MethodSummary], model: EnergyModel) -> [String] {
        var lines = ["energy estimate: counted operations × the preset's per-operation costs (models/README.md); "
                     + "an estimate, not a measurement",
                     "costs: " + model.costSummary, ""]
        var totals = [["method", "train energy", "train energy/sample", "inference energy/sample"]]
        for s in summaries {
            totals.append([s.method.rawValue, joules(s.trainingEnergy.total), joules(s.trainingEnergyPerSample.total),
                           joules(s.inferenceEnergyPerSample.total)])
        }
        lines += TextTable.lines(totals)
        lines.append("")
        lines.append("where it goes (train: total, mean over seeds; inference: per test example)")
        let names = ["analog MAC", "DAC", "ADC", "device writes", "fp32 MAC", "SRAM", "DRAM"]
        var split = [["method", "phase"] + names]
        for s in summaries {
            for (phase, e) in [("train", s.trainingEnergy), ("inference", s.inferenceEnergyPerSample)] {
                split.append([s.method.rawValue, phase] + e.components.map { $0.joules.map(joules) ?? "none" })
            }
        }
        lines += TextTable.lines(split)
        lines.append("")
        lines.append("operation counts behind it (same phases; SRAM and DRAM in bytes)")
        var counts = [["method", "phase", "analog MACs", "DAC conv.", "ADC conv.", "device writes", "fp32 MACs",
                       "SRAM bytes", "DRAM bytes"]]
        for s in summaries {
            for (phase, c) in [("train", s.trainingCounts), ("inference", s.inferenceCountsPerSample)] {
                counts.append([s.method.rawValue, phase, compact(c.analogMACs + c.transposedMACs), compact(c.dacConversions),
                               compact(c.adcConversions), compact(c.programmingEvents), compact(c.digitalMACs),
                               compact(c.sramBytes), compact(c.dramBytes)])
            }
        }
        lines += TextTable.lines(counts)
        return lines
    }

    /// Joules with an SI prefix and three significant digits, e.g. `12.3 mJ`.
    /// - Parameter x: Joules (≥ 0).
    public static func joules(_ x: Double) -> String {
        guard x > 0, x.isFinite else { return x == 0 ? "0 J" : "\(x) J" }
        let prefixes: [(Double, String)] = [(1, ""), (1e-3, "m"), (1e-6, "µ"), (1e-9, "n"), (1e-12, "p"), (1e-15, "f")]
        let (scale, prefix) = prefixes.first { x >= $0.0 } ?? prefixes.last!
        let v = x / scale
        let digits = v >= 100 ? 0 : v >= 10 ? 1 : 2
        return fixed(v, digits) + " \(prefix)J"
    }

    static func percent(_ x: Double) -> String { fixed(100 * x, 2) + "%" }

    static func fixed(_ x: Double, _ digits: Int) -> String {
        NumberFormatting.fixed(x, decimals: digits, trimmingZeros: false)
    }

    static func compact(_ n: Int) -> String {
        let x = Double(n)
        if x >= 1e9 { return fixed(x / 1e9, 2) + "G" }
        if x >= 1e6 { return fixed(x / 1e6, 2) + "M" }
        if x >= 1e3 { return fixed(x / 1e3, 1) + "k" }
        return "\(n)"
    }
}


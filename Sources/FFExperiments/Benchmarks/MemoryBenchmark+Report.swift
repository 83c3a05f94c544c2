import Foundation
import FFPlots
import FFResults

extension MemoryBenchmark {
    /// What a set of measurements says about the targets of the benchmark:
    /// ff-stream flat in depth, FF growing by its parameters and optimizer
    /// state only, backprop growing by its stored activations as well.
    public struct Verdict: Sendable, Codable, Equatable {
        /// One target: a sentence with the numbers, and whether it holds.
        public struct Check: Sendable, Codable, Equatable {
            /// The algorithm checked.
            public var algorithm: String
            /// The target and the measured numbers.
            public var statement: String
            /// Whether the target holds.
            public var met: Bool
        }
        /// The checks that the measurements allow (an algorithm needs two depths).
        public var checks: [Check]
    }

    /// Checks the targets between the smallest and the largest depth measured.
    ///
    /// - ff-stream: peak at the largest depth ≤ 1.1 × peak at the smallest.
    /// - ff: peak growth within ±10% of the analytic growth of parameters and optimizer state.
    /// - bp: peak growth beyond the analytic parameter and optimizer growth is
    ///   at least 90% of the analytic growth of stored activations.
    public static func verdict(_ measurements: [Measurement]) -> Verdict {
        var checks = [Verdict.Check]()
        for algorithm in Algorithm.allCases {
            let rows = measurements.filter { $0.algorithm == algorithm.rawValue && $0.peakRssMib != nil }
                .sorted { $0.depth < $1.depth }
            guard let low = rows.first, let high = rows.last, high.depth > low.depth else { continue }
            let growth = high.peakRssMib! - low.peakRssMib!
            let parameterGrowth = high.parameterOptimizerMib - low.parameterOptimizerMib
            let activationGrowth = high.activationMib - low.activationMib
            let depths = "depth \(low.depth) → \(high.depth)"
            switch algorithm {
            case .ffStream:
                let ratio = high.peakRssMib! / low.peakRssMib!
                checks.append(.init(algorithm: algorithm.rawValue,
                                    statement: "peak \(mib(low.peakRssMib!)) → \(mib(high.peakRssMib!)) MiB (\(depths)), ratio \(fixed(ratio, 3)) (target ≤ 1.1)",
                                    met: ratio <= 1.1))
            case .ff:
                checks.append(.init(algorithm: algorithm.rawValue,
                                    statement: "peak grew \(mib(growth)) MiB (\(depths)); parameters + optimizer state grew \(mib(parameterGrowth)) MiB (target: within ±10%)",
                                    met: abs(growth - parameterGrowth) <= 0.1 * parameterGrowth))
            case .bp:
                let beyond = growth - parameterGrowth
                checks.append(.init(algorithm: algorithm.rawValue,
                                    statement: "peak grew \(mib(growth)) MiB (\(depths)): \(mib(beyond)) MiB beyond the \(mib(parameterGrowth)) MiB of parameters + optimizer state; stored activations grew \(mib(activationGrowth)) MiB (target: at least 90% of that)",
                                    met: beyond >= 0.9 * activationGrowth))
            }
        }
        return Verdict(checks: checks)
    }

    /// The measurements as a CSV table, one row per configuration.
    public static func csv(_ measurements: [Measurement]) -> CSVTable {
        var table = CSVTable(columns: ["algorithm", "depth", "hidden", "batch_size", "steps", "peak_rss_mib", "baseline_rss_mib",
                                       "parameter_optimizer_mib", "activation_mib", "seconds", "loss", "error"])
        for m in measurements {
            table.append(["algorithm": m.algorithm, "depth": "\(m.depth)", "hidden": "\(m.hidden)",
                          "batch_size": "\(m.batchSize)", "steps": "\(m.steps)",
                          "peak_rss_mib": m.peakRssMib.map { fixed($0, 1) } ?? "",
                          "baseline_rss_mib": m.baselineRssMib.map { fixed($0, 1) } ?? "",
                          "parameter_optimizer_mib": fixed(m.parameterOptimizerMib, 1),
                          "activation_mib": fixed(m.activationMib, 1), "seconds": fixed(m.seconds, 2),
                          "loss": m.loss.map { fixed($0, 5) } ?? "", "error": m.error ?? ""])
        }
        return table
    }

    /// Peak resident memory against depth, one series per algorithm.
    public static func chart(_ measurements: [Measurement]) -> LineChart {
        let measured = measurements.filter { $0.peakRssMib != nil }
        let series = Algorithm.allCases.compactMap { algorithm -> Series? in
            let rows = measured.filter { $0.algorithm == algorithm.rawValue }.sorted { $0.depth < $1.depth }
            guard !rows.isEmpty else { return nil }
            return Series(label: algorithm.rawValue, x: rows.map { Double($0.depth) }, y: rows.map { $0.peakRssMib! })
        }
        let shape = measured.first.map { "hidden \($0.hidden), batch \($0.batchSize), \($0.steps) step\($0.steps == 1 ? "" : "s")" } ?? ""
        return LineChart(title: "Peak resident memory of a short training run (\(shape))",
                         xLabel: "hidden layers", yLabel: "peak resident memory (MiB)", series: series)
    }

    /// The terminal table's lines: one row per configuration.
    public static func tableLines(_ measurements: [Measurement]) -> [String] {
        TextTable.lines([["algorithm", "depth", "peak MiB", "params+optimizer MiB", "activations MiB", "seconds"]]
            + measurements.map { m in
                [m.algorithm, "\(m.depth)", m.peakRssMib.map { mib($0) } ?? "failed",
                 mib(m.parameterOptimizerMib), mib(m.activationMib), fixed(m.seconds, 1)]
            })
    }

    /// A size in MiB, rounded to whole MiB.
    public static func mib(_ x: Double) -> String { fixed(x, 0) }

    static func fixed(_ x: Double, _ digits: Int) -> String {
        NumberFormatting.fixed(x, decimals: digits, trimmingZeros: false)
    }
}

import ArgumentParser
import FFAnalog

struct Bench: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Speed and memory benchmarks of this machine and of the simulator (run from a release build).",
        subcommands: [Gemm.self, Device.self, Train.self, Memory.self, MemoryRun.self])

    struct Gemm: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "cblas_sgemm GFLOP/s on the layer shapes ffanalog uses.")

        @OptionGroup var runtime: RunOptions

        @Option(name: .long, help: "Timed repetitions per shape (best is kept).")
        var repetitions: Int = 5

        @Option(name: .long, help: "Write the measurements as JSON here.")
        var output: String?

        func run() throws {
            runtime.apply()
            let results = GemmBenchmark.run(repetitions: max(1, repetitions))
            print("cblas_sgemm, \(BLAS.threadCount) OpenBLAS thread(s): \(BLAS.configuration)")
            for r in results {
                print("  \(r.use.padding(24))  \(format(r.gflops, 1)) GFLOP/s  (\(format(r.seconds * 1e3, 3)) ms per product)")
            }
            if let output { try JSONFile.write(BenchmarkDocument(benchmark: "gemm", threads: BLAS.threadCount,
                                                                 blas: BLAS.configuration, results: results), to: output) }
        }
    }
}

extension Bench {
    struct Device: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Simulated over exact forward time of one analog layer (default 500×784, batch 1000, generic --noise 0.05).")

        @OptionGroup var deviceOptions: DeviceOptions
        @OptionGroup var runtime: RunOptions

        @Option(name: .long, help: "Layer inputs.") var inputs: Int = 784
        @Option(name: .long, help: "Layer outputs.") var outputs: Int = 500
        @Option(name: .long, help: "Rows per forward.") var batch: Int = 1000
        @Option(name: .long, help: "Timed repetitions (best is kept).") var repetitions: Int = 20
        @Option(name: .long, help: "Write the measurement as JSON here.") var output: String?

        struct Result: Codable {
            var preset: String
            var noise: Float?
            var inputs: Int, outputs: Int, batch: Int
            var exactSeconds: Double, simulatedSeconds: Double, ratio: Double
        }

        func run() throws {
            runtime.apply()
            var options = deviceOptions
            if options.device == nil && options.noise == nil { options.noise = 0.05 }
            let preset = try options.resolve()
            let t = DeviceBenchmark.forwardOverhead(preset: preset, inputSize: inputs, outputSize: outputs,
                                                    batch: batch, repetitions: max(1, repetitions), seed: runtime.seed)
            print("\(preset.name)\(options.noise.map { " --noise \($0)" } ?? ""), \(outputs)×\(inputs) at batch \(batch), \(BLAS.threadCount) thread(s):")
            print("  exact forward     \(format(t.exactSeconds * 1e3, 3)) ms")
            print("  simulated forward \(format(t.simulatedSeconds * 1e3, 3)) ms")
            print("  ratio             \(format(t.ratio, 3))")
            if let output {
                try JSONFile.write(BenchmarkDocument(
                    benchmark: "device", threads: BLAS.threadCount, blas: BLAS.configuration,
                    results: Result(preset: preset.name, noise: options.noise, inputs: inputs, outputs: outputs, batch: batch,
                                    exactSeconds: t.exactSeconds, simulatedSeconds: t.simulatedSeconds, ratio: t.ratio)),
                    to: output)
            }
        }
    }
}

/// The JSON a benchmark writes.
struct BenchmarkDocument<Result: Codable>: Codable {
    var benchmark: String
    var threads: Int
    var blas: String
    var results: Result
    var ffanalogVersion = FFAnalogVersion.current
    var gitCommit = FFAnalogVersion.gitCommit
}

extension String {
    func padding(_ n: Int) -> String { count >= n ? self : self + String(repeating: " ", count: n - count) }
}

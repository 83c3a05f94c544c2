import ArgumentParser
import FFAnalog

/// Reproducibility and parallelism: shared by every command that trains.
struct RunOptions: ParsableArguments {
    @Option(name: .long, help: "Seed of every random stream; with a fixed --threads the run is bit-reproducible.")
    var seed: UInt64 = 1

    @Option(name: .long, help: "OpenBLAS threads (default: what OpenBLAS chose, normally one per core).")
    var threads: Int?

    @Flag(name: .long, help: "No progress display.")
    var quiet = false

    func validate() throws {
        if let threads, threads < 1 { throw ValidationError("--threads must be at least 1, got \(threads)") }
    }

    /// Applies the thread count.
    func apply() {
        if let threads { BLAS.threadCount = threads }
    }
}

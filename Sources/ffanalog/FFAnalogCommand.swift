import ArgumentParser

@main
struct FFAnalogCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ffanalog",
        abstract: "Forward-Forward and backprop training through simulated analog hardware.",
        version: FFAnalogVersionString.value,
        subcommands: [Train.self, Simulate.self, Compare.self, Sweep.self, Plot.self, Report.self, Evaluate.self, DataCommand.self, Bench.self])

    /// Switches to native OpenBLAS kernels if needed, then runs the command.
    static func main() {
        NativeKernels.restartIfNeeded()
        main(nil)
    }
}

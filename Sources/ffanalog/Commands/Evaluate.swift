import ArgumentParser
import FFAnalog

struct Evaluate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Reload a saved model and report its test accuracy.")

    @Option(name: .long, help: "A model written by `ffanalog train --save`.")
    var model: String

    @OptionGroup var data: DataOptions
    @OptionGroup var runtime: RunOptions

    func run() throws {
        runtime.apply()
        let checkpoint = try Checkpoint.read(from: model)
        let dataset = try data.load()
        if dataset.name.rawValue != checkpoint.dataset {
            printError("warning: the model was trained on \(checkpoint.dataset), evaluating on \(dataset.name.rawValue)")
        }
        let standardization = checkpoint.ffConfiguration?.pixelStandardization ?? checkpoint.bpConfiguration?.pixelStandardization
        let test = Examples(dataset.test).standardized(standardization)
        guard test.images.columns == checkpoint.inputSize else {
            throw ValidationError("the model takes \(checkpoint.inputSize) pixels but \(dataset.name.rawValue) images have \(test.images.columns)")
        }
        if let network = checkpoint.makeFFNetwork() {
            let goodness = test.accuracy(of: network.predictByGoodness(test.images))
            var line = "ff model \(model): test accuracy \(format(100 * goodness, 2))% (goodness)"
            if let r = network.predictByReadout(test.images).map(test.accuracy(of:)) {
                line += ", \(format(100 * r, 2))% (readout)"
            }
            print(line)
        } else if let network = checkpoint.makeBPNetwork() {
            print("bp model \(model): test accuracy \(format(100 * test.accuracy(of: network.predict(test.images)), 2))%")
        }
    }
}

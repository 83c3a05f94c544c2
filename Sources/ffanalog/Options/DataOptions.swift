import ArgumentParser
import FFAnalog

/// Where the dataset comes from: shared by every command that reads data.
struct DataOptions: ParsableArguments {
    @Option(name: .long, help: "Dataset: mnist or fashion-mnist.")
    var dataset: String = "mnist"

    @Option(name: .long, help: ArgumentHelp(
        "Directory holding the four IDX files (.gz or plain).",
        discussion: "Without it: $FFANALOG_DATA/<name>, ~/.cache/ffanalog/<name>, /usr/share/datasets/<name>."))
    var dataDir: String?

    /// Parses the dataset name and loads it, verifying checksums.
    func load() throws -> LabeledDataset {
        let name = try DatasetName(parsing: dataset)
        return try DatasetLoader.load(name, dataDirectory: dataDir)
    }
}

import Foundation
import Testing

@Suite("Command-line errors")
struct CLIErrorTests {
    /// The error is one line on standard error and the exit status is non-zero.
    func expectOneLineError(_ output: CLI.Output, mentioning words: [String]) {
        #expect(output.status != 0)
        let lines = output.stderr.split(separator: "\n").filter { !$0.isEmpty }
        #expect(lines.count == 1, "expected one line, got: \(output.stderr)")
        for w in words { #expect(output.stderr.contains(w), "'\(w)' missing from: \(output.stderr)") }
    }

    @Test("an unknown dataset name lists the known ones")
    func unknownDataset() throws {
        expectOneLineError(try CLI.run(["train", "--dataset", "cifar", "--epochs", "1"]),
                           mentioning: ["cifar", "mnist", "fashion-mnist"])
    }

    @Test("a wrong --data-dir names the directory and says how to fix it")
    func wrongDataDirectory() throws {
        expectOneLineError(try CLI.run(["train", "--data-dir", "/nonexistent/ffanalog-data"]),
                           mentioning: ["/nonexistent/ffanalog-data", "--data-dir"])
    }

    @Test("a truncated IDX file names the file")
    func truncatedFile() throws {
        let dir = try CLI.temporaryDirectory()
        defer { CLI.remove(dir) }
        let source = CLI.fashionDirectory
        try #require(FileManager.default.fileExists(atPath: source), "apt-get install dataset-fashion-mnist")
        for name in ["train-images-idx3-ubyte", "train-labels-idx1-ubyte", "t10k-labels-idx1-ubyte"] {
            try FileManager.default.copyItem(atPath: "\(source)/\(name).gz", toPath: dir.appendingPathComponent("\(name).gz").path)
        }
        // The test images, decompressed and cut short.
        let full = try Data(contentsOf: URL(fileURLWithPath: "\(source)/t10k-images-idx3-ubyte.gz"))
        try full.prefix(full.count / 2).write(to: dir.appendingPathComponent("t10k-images-idx3-ubyte.gz"))
        expectOneLineError(try CLI.run(["train", "--dataset", "fashion-mnist", "--data-dir", dir.path, "--epochs", "1"]),
                           mentioning: ["t10k-images-idx3-ubyte"])
    }

    @Test("invalid hyper-parameters are refused before any work", arguments: [
        ["--hidden", "500,,500"], ["--epochs", "0"], ["--optimizer", "rmsprop"], ["--recipe", "nope"],
        ["--algorithm", "svm"], ["--learning-rate", "-1"], ["--decorrelation", "-0.1"], ["--decorrelation", "lots"],
    ])
    func invalidOptions(arguments: [String]) throws {
        let output = try CLI.run(["train"] + arguments)
        #expect(output.status != 0)
        #expect(output.stderr.contains("Error"))
    }
}

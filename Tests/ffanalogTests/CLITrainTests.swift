import Foundation
import Testing

@Suite("ffanalog train and evaluate", .serialized)
struct CLITrainTests {
    static let common = ["--dataset", "fashion-mnist", "--data-dir", CLI.fashionDirectory, "--train-examples", "3000",
                         "--epochs", "2", "--hidden", "64,64", "--threads", "1", "--seed", "7", "--quiet"]

    /// The result with timings removed, re-serialised with sorted keys.
    func withoutTimings(_ path: String) throws -> Data {
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        var json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        for key in ["train_seconds", "total_seconds"] { json.removeValue(forKey: key) }
        if var history = json["history"] as? [[String: Any]] {
            for i in history.indices { history[i].removeValue(forKey: "seconds") }
            json["history"] = history
        }
        return try JSONSerialization.data(withJSONObject: json, options: [.sortedKeys])
    }

    @Test("the same command and seed give identical results apart from timings", arguments: ["ff", "bp"])
    func reproducible(algorithm: String) throws {
        let dir = try CLI.temporaryDirectory()
        defer { CLI.remove(dir) }
        var results = [Data]()
        var first = [String: Any]()
        for run in 0..<2 {
            let path = dir.appendingPathComponent("r\(run).json").path
            let output = try CLI.run(["train", "--algorithm", algorithm, "--output", path] + Self.common)
            #expect(output.status == 0, "\(output.stderr)")
            results.append(try withoutTimings(path))
            if run == 0 {
                first = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as? [String: Any])
            }
        }
        #expect(results[0] == results[1])
        for key in ["algorithm", "dataset", "hidden", "epochs", "batch_size", "seed", "threads",
                    "test_accuracy", "train_accuracy", "train_seconds", "history"] {
            #expect(first[key] != nil, "missing \(key)")
        }
        #expect(first["threads"] as? Int == 1)
        // A short run: well above chance (10%), not a converged accuracy.
        if algorithm == "ff" {
            #expect(try #require(first["test_accuracy_readout"] as? Double) > 0.25)
        } else {
            #expect(try #require(first["test_accuracy"] as? Double) > 0.6)
        }
    }

    @Test("--validation N evaluates on the last N training examples and records it; a bad N is refused")
    func validationHoldOut() throws {
        let dir = try CLI.temporaryDirectory()
        defer { CLI.remove(dir) }
        let path = dir.appendingPathComponent("v.json").path
        let common = Self.common.map { $0 == "2" ? "1" : $0 }
        let output = try CLI.run(["train", "--algorithm", "bp", "--validation", "500", "--output", path] + common)
        #expect(output.status == 0, "\(output.stderr)")
        #expect(output.stdout.contains("validation accuracy"), "\(output.stdout)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as? [String: Any])
        #expect(json["evaluation_set"] as? String == "validation (last 500 training examples)")
        #expect(json["test_examples"] as? Int == 500)
        #expect(json["train_examples"] as? Int == 3000)

        let zero = try CLI.run(["train", "--validation", "0"] + common)
        #expect(zero.status != 0 && zero.stderr.contains("--validation must be at least 1"), "\(zero.stderr)")
        let all = try CLI.run(["train", "--validation", "60000"] + common)
        #expect(all.status != 0 && all.stderr.contains("cannot hold out 60000 validation examples"), "\(all.stderr)")
    }

    @Test("a run that learned nothing says so: SGD at lr 1 silences every FF unit; a run that learns gives no warning")
    func collapseWarning() throws {
        let collapsed = try CLI.run(["train", "--algorithm", "ff", "--optimizer", "sgd", "--momentum", "0.9",
                                     "--learning-rate", "1"] + Self.common)
        #expect(collapsed.status == 0, "\(collapsed.stderr)")
        #expect(collapsed.stderr.contains("is at chance (10% for 10 classes): the network learned nothing"), "\(collapsed.stderr)")
        #expect(collapsed.stderr.contains("lower --learning-rate"), "\(collapsed.stderr)")
        let learned = try CLI.run(["train", "--algorithm", "ff"] + Self.common)
        #expect(learned.status == 0 && !learned.stderr.contains("at chance"), "\(learned.stderr)")
    }

    @Test("a saved model reloads with the same test accuracy; a corrupt one is rejected", arguments: ["ff", "bp"])
    func saveAndEvaluate(algorithm: String) throws {
        let dir = try CLI.temporaryDirectory()
        defer { CLI.remove(dir) }
        let model = dir.appendingPathComponent("model.ffmodel").path
        let result = dir.appendingPathComponent("r.json").path
        let train = try CLI.run(["train", "--algorithm", algorithm, "--save", model, "--output", result] + Self.common)
        #expect(train.status == 0, "\(train.stderr)")
        let evaluated = try CLI.run(["evaluate", "--model", model, "--dataset", "fashion-mnist",
                                     "--data-dir", CLI.fashionDirectory, "--threads", "1"])
        #expect(evaluated.status == 0, "\(evaluated.stderr)")
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: result))) as? [String: Any]
        let accuracy = try #require(json?["test_accuracy"] as? Double)
        let percent = String(format: "%.2f%%", 100 * accuracy)
        #expect(evaluated.stdout.contains(percent), "expected \(percent) in \(evaluated.stdout)")

        var bytes = try Data(contentsOf: URL(fileURLWithPath: model))
        bytes[bytes.count / 3] ^= 0xFF
        try bytes.write(to: URL(fileURLWithPath: model))
        let rejected = try CLI.run(["evaluate", "--model", model, "--dataset", "fashion-mnist", "--data-dir", CLI.fashionDirectory])
        #expect(rejected.status != 0)
        #expect(rejected.stderr.contains("corrupt"))
    }
}

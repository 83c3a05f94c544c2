import Foundation
import Testing
import FFNumerics
import FFRandom
import FFTraining
@testable import FFResults

@Suite("Checkpoints")
final class CheckpointTests {
    /// This test's own directory, removed when the test ends (Swift Testing makes one instance per test).
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("ffanalog-ckpt-\(UUID().uuidString)")

    init() throws {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(at: directory)
    }

    func temporaryPath(_ name: String) -> String {
        directory.appendingPathComponent(name).path
    }

    func ffNetwork() -> FFNetwork {
        FFNetwork(configuration: FFConfiguration(hiddenSizes: [6, 5]), inputSize: 12, random: RandomGenerator(seed: 1))
    }

    @Test("an FF model round-trips with its readout, and predicts the same")
    func roundTripFF() throws {
        let net = ffNetwork()
        let path = temporaryPath("m.ffmodel")
        try Checkpoint(network: net, dataset: "mnist", seed: 9).write(to: path)
        let back = try Checkpoint.read(from: path)
        #expect(back.layers == net.parameters)
        #expect(back.readout == net.readout?.parameters)
        #expect(back.seed == 9 && back.dataset == "mnist" && back.algorithm == "ff")
        let x = Matrix(rows: 3, columns: 12, repeating: 0.5)
        let reloaded = try #require(back.makeFFNetwork())
        #expect(reloaded.goodnessScores(x) == net.goodnessScores(x))
        #expect(reloaded.predictByReadout(x) == net.predictByReadout(x))
    }

    @Test("a backprop model round-trips")
    func roundTripBP() throws {
        let net = BPNetwork(configuration: BPConfiguration(hiddenSizes: [4]), inputSize: 5, random: RandomGenerator(seed: 2))
        let path = temporaryPath("b.ffmodel")
        try Checkpoint(network: net, dataset: "fashion-mnist", seed: 3).write(to: path)
        let back = try #require(try Checkpoint.read(from: path).makeBPNetwork())
        #expect(back.parameters == net.parameters)
    }

    @Test("truncated, flipped, foreign and missing files are rejected with a clear error")
    func corruption() throws {
        let path = temporaryPath("c.ffmodel")
        try Checkpoint(network: ffNetwork(), dataset: "mnist", seed: 1).write(to: path)
        let good = try #require(FileManager.default.contents(atPath: path))

        func error(for data: Data) -> CheckpointError? {
            let p = temporaryPath("bad.ffmodel")
            #expect(FileManager.default.createFile(atPath: p, contents: data))
            do { _ = try Checkpoint.read(from: p); return nil } catch { return error }
        }
        var flipped = good
        flipped[good.count / 2] ^= 0x40
        guard case .corrupt(_, let why)? = error(for: flipped) else { Issue.record("flipped byte accepted"); return }
        #expect(why.contains("CRC"))
        guard case .corrupt? = error(for: good.prefix(good.count - 10)) else { Issue.record("truncation accepted"); return }
        guard case .notACheckpoint? = error(for: Data("hello world, not a model".utf8)) else { Issue.record("foreign file accepted"); return }
        do {
            _ = try Checkpoint.read(from: "/nonexistent/model.ffmodel")
            Issue.record("missing file accepted")
        } catch {
            #expect(error.description.contains("/nonexistent/model.ffmodel"))
        }
    }
}

import Foundation
import Testing
@testable import FFExperiments

@Suite("Sweep grid, shard and method parsing")
struct SweepGridTests {
    @Test("a grid is sorted by key, values canonical and in the order given")
    func parsesAndCanonicalises() throws {
        let grid = try SweepGrid(parsing: ["noise = 0.050, 0, 1e-2", "device=pcm,generic", "hidden=0500x500,10",
                                           "train-examples=1000", "learning_rate=0.0030", "epochs=2"])
        #expect(grid.keys == [.device, .epochs, .hidden, .learningRate, .noise, .trainExamples])
        #expect(grid.values(of: .noise) == ["0.05", "0.0", "0.01"])
        #expect(grid.values(of: .device) == ["pcm", "generic"])
        #expect(grid.values(of: .hidden) == ["500x500", "10"])
        #expect(grid.values(of: .learningRate) == ["0.003"])
        #expect(grid.values(of: .trainExamples) == ["1000"])
        #expect(grid.points.count == 3 * 2 * 2)
        #expect(Set(grid.points).count == grid.points.count)
        #expect(try SweepGrid(parsing: []).points == [SweepPoint()])
        #expect(try SweepGrid(parsing: ["noise=-0"]).values(of: .noise) == ["0.0"])
    }

    @Test("malformed --grid values are refused with the right error", arguments: [
        (["noise0.1"], SweepError.missingEquals("noise0.1")),
        (["colour=red"], .unknownKey("colour")),
        (["noise="], .emptyValues(key: "noise")),
        (["noise= "], .emptyValues(key: "noise")),
        (["noise=-1"], .invalidValue(key: "noise", value: "-1", expected: "a finite number ≥ 0")),
        (["noise=abc"], .invalidValue(key: "noise", value: "abc", expected: "a finite number ≥ 0")),
        (["noise=0,,1"], .invalidValue(key: "noise", value: "", expected: "a finite number ≥ 0")),
        (["noise=inf"], .invalidValue(key: "noise", value: "inf", expected: "a finite number ≥ 0")),
        (["learning_rate=0"], .invalidValue(key: "learning_rate", value: "0", expected: "a finite number > 0")),
        (["epochs=1.5"], .invalidValue(key: "epochs", value: "1.5", expected: "a whole number ≥ 1")),
        (["train_examples=0"], .invalidValue(key: "train_examples", value: "0", expected: "a whole number ≥ 1")),
        (["noise=0", "noise=1"], .duplicateKey("noise")),
        (["train_examples=5", "train-examples=6"], .duplicateKey("train_examples")),
        (["noise=0.05,0.050"], .duplicateValue(key: "noise", value: "0.05")),
    ])
    func malformed(arguments: [String], expected: SweepError) {
        #expect(throws: expected) { try SweepGrid(parsing: arguments) }
        // One line that names the problem.
        #expect(!expected.description.contains("\n"))
    }

    @Test("malformed hidden sizes are refused", arguments: ["500,,500", "500x", "x500", "0x10", "500;500", "a"])
    func malformedHidden(value: String) {
        #expect(throws: SweepError.self) { try SweepGrid(parsing: ["hidden=\(value)"]) }
    }

    @Test("a key swept and also fixed by its option is refused")
    func sweptAndFixed() throws {
        let grid = try SweepGrid(parsing: ["epochs=1,2", "noise=0"])
        #expect(throws: SweepError.sweptAndFixed(key: "epochs", option: "--epochs")) { try grid.checkNotFixed([.epochs]) }
        try grid.checkNotFixed([.hidden, .device])
    }

    @Test("an unknown device preset is refused when the plan is built, before any file exists")
    func unknownDevice() throws {
        let directory = SweepTestSupport.temporaryDirectory()
        defer { SweepTestSupport.remove(directory) }
        let configuration = try SweepTestSupport.configuration(grid: ["device=ideal,nonexistent-preset", "noise=0"])
        #expect {
            try SweepTestSupport.plan(configuration)
        } throws: { error in
            guard case let SweepError.unknownDevice(value, reason) = error else { return false }
            return value == "nonexistent-preset" && reason.contains("pcm") && !"\(error)".contains("\n")
        }
        // A fixed --device is checked as well.
        #expect(throws: SweepError.self) {
            try SweepTestSupport.plan(try SweepTestSupport.configuration(grid: [], device: "no-such-device"))
        }
        #expect(!FileManager.default.fileExists(atPath: directory.path))
    }

    @Test("--shard must be I/N with 0 ≤ I < N", arguments: ["2/2", "-1/2", "1", "a/b", "1/0", "0/2/3", "", "/", "0/-1"])
    func invalidShard(text: String) {
        #expect(throws: SweepError.invalidShard(text)) { try SweepShard(parsing: text) }
    }

    @Test("valid shards parse")
    func validShard() throws {
        #expect(try SweepShard(parsing: "0/1") == .whole)
        let s = try SweepShard(parsing: "3/4")
        #expect(s.index == 3 && s.count == 4 && s.description == "3/4")
    }

    @Test("--methods: unknown, repeated and empty lists are refused")
    func methods() throws {
        #expect(try MethodName.list(parsing: "ff, bp-offline") == [.ff, .bpOffline])
        #expect(throws: SweepError.unknownMethod("bp")) { try MethodName.list(parsing: "ff,bp") }
        #expect(throws: SweepError.duplicateMethod("ff")) { try MethodName.list(parsing: "ff,ff") }
        #expect(throws: SweepError.noMethods) { try MethodName.list(parsing: ",") }
        #expect(throws: SweepError.invalidSeedCount(0)) { try SweepConfiguration.seeds(from: 1, count: 0) }
    }
}

import Foundation
import Testing
import FFDatasets
@testable import FFExperiments

@Suite("Sweep job ids and shards")
struct SweepJobTests {
    @Test("the id is canonical: grid keys sorted, then method and seed")
    func idFormat() throws {
        let grid = try SweepGrid(parsing: ["noise=0.05", "device=pcm"])
        let job = SweepJob(point: grid.points[0], method: .ff, seed: 3)
        #expect(job.id == "device=pcm;noise=0.05;method=ff;seed=3")
        #expect(job.fileStem.hasPrefix("device-pcm_noise-0.05_method-ff_seed-3_"))
        #expect(SweepJob(point: SweepPoint(), method: .bpOracle, seed: 1).id == "method=bp-oracle;seed=1")
    }

    @Test("ids do not depend on the order of the options or the spelling of values")
    func orderIndependent() throws {
        let a = SweepJob.all(grid: try SweepGrid(parsing: ["noise=0,0.05", "device=pcm,generic", "hidden=16x16"]),
                             methods: [.ff, .bpOffline], seeds: [1, 2])
        let b = SweepJob.all(grid: try SweepGrid(parsing: ["hidden=16x016", "device=generic,pcm", "noise=0.050,0.0"]),
                             methods: [.bpOffline, .ff], seeds: [2, 1])
        #expect(a.map(\.id) == b.map(\.id))
        #expect(a.count == 2 * 2 * 2 * 2)
        #expect(Set(a.map(\.id)).count == a.count)
        #expect(a.map(\.id) == a.map(\.id).sorted())
    }

    @Test("shards partition the jobs exactly, whatever N", arguments: [1, 2, 3, 5, 7, 40])
    func shardsPartition(count: Int) throws {
        let jobs = SweepJob.all(grid: try SweepGrid(parsing: ["noise=0,0.01,0.02,0.05,0.1", "device=generic,pcm,black-box"]),
                                methods: [.ff, .bpOffline, .bpPAT, .bpOracle], seeds: [1, 2])
        var seen = [String]()
        for i in 0..<count {
            let slice = try SweepShard(index: i, count: count).select(jobs.shuffled())
            #expect(slice == slice.sorted())
            // Balanced: sizes differ by at most one.
            #expect(abs(slice.count - jobs.count / count) <= 1)
            seen += slice.map(\.id)
        }
        #expect(seen.count == jobs.count)
        #expect(Set(seen) == Set(jobs.map(\.id)))
    }

    @Test("file names are safe, readable and distinct")
    func fileNames() throws {
        let grid = try SweepGrid(parsing: ["device=my presets/x.json,my_presets_x.json,../up.json", "noise=0.1"])
        let jobs = SweepJob.all(grid: grid, methods: [.ff], seeds: [1])
        let stems = jobs.map(\.fileStem)
        #expect(Set(stems).count == jobs.count)
        for stem in stems {
            #expect(stem.unicodeScalars.allSatisfy { CharacterSet.alphanumerics.contains($0) || "._-".unicodeScalars.contains($0) })
            #expect(!stem.hasPrefix("."))
            #expect(stem.contains("noise-0.1_method-ff_seed-1"))
        }
        let long = SweepJob(point: SweepPoint(values: [.device: String(repeating: "d", count: 400)]), method: .ff, seed: 1)
        #expect(long.fileStem.count <= 130)
        // Stable across runs: a fixed hash, not Swift's per-process Hasher.
        #expect(SweepJob.fileStem(forId: "method=ff;seed=1") == SweepJob.fileStem(forId: "method=ff;seed=1"))
        #expect(SweepJob.fileStem(forId: "method=ff;seed=1").hasSuffix("_" + String(Checksum.sha256Hex(Array("method=ff;seed=1".utf8)).prefix(8))))
    }
}


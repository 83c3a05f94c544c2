import Foundation
import Testing
import FFNumerics
import FFRandom
import FFTraining
@testable import FFResults

@Suite("Streaming Forward-Forward (ff-stream)")
struct StreamingFFTests {
    /// Prototype-plus-noise images with empty label pixels, as FFTrainingTests' synthetic data.
    static func examples(count: Int, pixels: Int = 40, seed: UInt64) -> Examples {
        var prototypes = Matrix(rows: 10, columns: pixels)
        RandomGenerator(seed: 999).fillUniform(&prototypes, from: 0, to: 1)
        let r = RandomGenerator(seed: seed)
        var images = Matrix(rows: count, columns: pixels)
        var labels = [Int32]()
        for i in 0..<count {
            let c = r.uniformInt(below: 10)
            labels.append(Int32(c))
            for j in 10..<pixels { images[i, j] = max(0, min(1, prototypes[c, j] + Float(r.gaussian(sigma: 0.3)))) }
        }
        return Examples(images: images, labels: labels)
    }

    static func configuration(readout: Bool = true) -> FFConfiguration {
        FFConfiguration(hiddenSizes: [32, 24, 16], epochs: 3, batchSize: 50, learningRate: 0.01,
                        learningRateSchedule: .linearDecay, schedule: .layerwise, fixedNegatives: true,
                        initialization: .normalFanOut, readout: readout, readoutLearningRate: 0.01)
    }

    static func directory(_ config: FFConfiguration, inputSize: Int = 40) throws -> LayerDirectory {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("ffanalog-stream-\(UUID().uuidString)").path
        return try LayerDirectory.create(at: path, configuration: config, inputSize: inputSize, dataset: "synthetic", seed: 5)
    }

    /// Removes a directory made by ``directory(_:inputSize:)``, with everything in it.
    static func remove(_ store: LayerDirectory) {
        try? FileManager.default.removeItem(atPath: store.path)
    }

    /// Layerwise FF in memory (on the naive path, which runs every overlay as its
    /// own first-layer product as ff-stream does) and ff-stream from disk, same seed.
    static func trainBoth(chunkSize: Int, readout: Bool = true) throws
        -> (reference: FFNetwork, referenceHistory: [EpochRecord], store: LayerDirectory, history: [EpochRecord]) {
        let train = examples(count: 300, seed: 3)
        let config = configuration(readout: readout)
        let network = FFNetwork(configuration: config, inputSize: 40, random: RandomGenerator(seed: 5))
        network.sharesFirstLayerProduct = false
        network.skipsZeroInputs = false
        let referenceHistory = try FFTrainer(network: network, seed: 5).fit(train: train, test: nil)
        let store = try directory(config)
        let history = try StreamingFFTrainer(configuration: config, inputSize: 40, store: store, seed: 5,
                                             chunkSize: chunkSize).fit(train: train)
        return (network, referenceHistory, store, history)
    }

    @Test("with the same seed and fixed negatives it makes layerwise FF's parameters bit for bit")
    func sameParametersAsLayerwise() throws {
        let (reference, referenceHistory, store, history) = try Self.trainBoth(chunkSize: 10_000)
        defer { Self.remove(store) }
        for l in 0..<reference.layerCount {
            #expect(try store.readLayer(l) == reference.parameters[l], "layer \(l)")
        }
        #expect(try store.readReadout() == reference.readout?.parameters)
        #expect(history.map(\.loss) == referenceHistory.map(\.loss))
        #expect(history.map(\.layer) == referenceHistory.map(\.layer))
        #expect(history.last?.readoutLoss == referenceHistory.last?.readoutLoss)
        // Only the layer files and the manifest remain; the scratch inputs are gone.
        #expect(try FileManager.default.contentsOfDirectory(atPath: store.scratchDirectory).isEmpty)
    }

    @Test("written in small chunks, the layer inputs differ by rounding at most")
    func smallChunks() throws {
        let (reference, _, store, _) = try Self.trainBoth(chunkSize: 7, readout: false)
        defer { Self.remove(store) }
        for l in 0..<reference.layerCount {
            let streamed = try store.readLayer(l).weights.storage
            let exact = reference.parameters[l].weights.storage
            let worst = zip(streamed, exact).map { abs($0 - $1) }.max() ?? 0
            #expect(worst < 1e-4, "layer \(l): max |Δw| = \(worst)")
        }
        #expect(try store.readReadout() == nil)
    }

    @Test("predictions streamed layer by layer from disk equal the in-memory network's")
    func streamedPredictions() throws {
        let (reference, _, store, _) = try Self.trainBoth(chunkSize: 10_000)
        defer { Self.remove(store) }
        let test = Self.examples(count: 120, seed: 11)
        let streamed = StreamingFFNetwork(configuration: store.manifest.configuration, inputSize: 40, store: store, chunkSize: 50)
        #expect(try streamed.goodnessScores(test.images) == reference.goodnessScores(test.images, chunkSize: 50))
        let readout = try #require(try streamed.predictByReadout(test.images))
        let expected = try #require(reference.predictByReadout(test.images))
        #expect(zip(readout, expected).filter { $0 != $1 }.count <= 1)
        // The assembled checkpoint is the in-memory network.
        let checkpoint = try store.checkpoint()
        #expect(checkpoint.layers == reference.parameters && checkpoint.readout == reference.readout?.parameters)
    }

    @Test("configurations whose layer inputs depend on other layers are refused with a reason")
    func unsupported() throws {
        var simultaneous = Self.configuration()
        simultaneous.schedule = .simultaneous
        var fresh = Self.configuration()
        fresh.fixedNegatives = false
        var hard = Self.configuration()
        hard.negatives = .hard
        for config in [simultaneous, fresh, hard] {
            let store = try Self.directory(config)
            defer { Self.remove(store) }
            let trainer = StreamingFFTrainer(configuration: config, inputSize: 40, store: store, seed: 1)
            #expect(throws: StreamingError.self) { try trainer.fit(train: Self.examples(count: 20, seed: 1)) }
        }
        #expect(StreamingError.unsupported("x").description.contains("ff-stream"))
    }

    @Test("extra terms its layer step does not have are refused, not ignored")
    func extraTermsRefused() throws {
        var peer = Self.configuration()
        peer.peerNormalization = PeerNormalization()
        var decorrelated = Self.configuration()
        decorrelated.decorrelation = Decorrelation(strength: 0.1)
        var straight = Self.configuration()
        straight.activationGradient = .straightThrough
        for (config, option) in [(peer, "--peer-norm"), (decorrelated, "--decorrelation"), (straight, "--activation-gradient")] {
            #expect { try StreamingFFTrainer.validate(config) } throws: { "\($0)".contains(option) }
        }
        try StreamingFFTrainer.validate(Self.configuration())
    }

    @Test("a layer file round-trips; a flipped byte or a missing layer is reported")
    func layerFiles() throws {
        let store = try Self.directory(Self.configuration())
        defer { Self.remove(store) }
        let p = LayerParameters(inputSize: 7, outputSize: 3, initialization: .pytorchDefault, random: RandomGenerator(seed: 4))
        try store.writeLayer(p, index: 2)
        #expect(try store.readLayer(2) == p)
        #expect(try LayerDirectory.open(store.path).manifest == store.manifest)
        #expect(throws: StreamingError.missingLayer(directory: store.path, index: 0)) { try store.readLayer(0) }
        var bytes = try Data(contentsOf: URL(fileURLWithPath: store.layerPath(2)))
        bytes[40] ^= 0x10
        try bytes.write(to: URL(fileURLWithPath: store.layerPath(2)))
        #expect(throws: StreamingError.corrupt(path: store.layerPath(2), why: "CRC-32 mismatch")) { try store.readLayer(2) }
    }

    @Test("an activation file reads back row ranges and gathered rows")
    func activationFile() throws {
        let store = try Self.directory(Self.configuration())
        defer { Self.remove(store) }
        let file = try ActivationFile(creating: store.scratchDirectory + "/a.f32", columns: 3)
        let m = Matrix(rows: 4, columns: 3, storage: (0..<12).map(Float.init))
        try file.append(m)
        try file.append(m)
        #expect(file.rows == 8)
        var out = Matrix(rows: 0, columns: 0)
        try file.read(rows: 3..<5, into: &out)
        #expect(out.storage == [9, 10, 11, 0, 1, 2])
        try [6, 1, 2, 3].withUnsafeBufferPointer { try file.gather(rows: $0, into: &out) }
        #expect(out.storage == [6, 7, 8, 3, 4, 5, 6, 7, 8, 9, 10, 11])
        file.remove()
        #expect(!FileManager.default.fileExists(atPath: file.path))
    }
}

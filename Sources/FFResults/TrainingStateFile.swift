import Foundation
import FFDatasets
import FFTraining

/// A resumable training run on disk: what was being trained, on which data,
/// and the trainer's ``TrainerSnapshot`` after its last finished epoch.
///
/// `ffanalog train --state PATH` writes one (atomically) every few epochs;
/// `ffanalog train --resume PATH` continues from it. The layout is that of a
/// checkpoint (magic `FFANSTAT`): a JSON header naming every array, then the
/// arrays' raw little-endian values, then a CRC-32.
public struct TrainingStateFile: Sendable {
    /// The learning rule (`ff`, `ff-recurrent` or `ff-unsupervised`).
    public var algorithm: String
    /// The recipe the configuration came from, if any.
    public var recipe: String?
    /// Dataset name.
    public var dataset: String
    /// The seed.
    public var seed: UInt64
    /// OpenBLAS threads of the run (resume with the same count for the same bits).
    public var threads: Int
    /// Training examples of the run.
    public var trainExamples: Int
    /// Training examples held out for validation (`nil`: the run evaluates on the test set).
    public var validationExamples: Int?
    /// The FF configuration.
    public var ffConfiguration: FFConfiguration
    /// The unsupervised settings (`ff-unsupervised`).
    public var unsupervisedSettings: UnsupervisedSettings?
    /// The recurrent dynamics (`ff-recurrent`).
    public var recurrentDynamics: RecurrentDynamics?
    /// The trainer's state.
    public var snapshot: TrainerSnapshot

    static let magic = Array("FFANSTAT".utf8)
    static let version: UInt32 = 1

    /// Creates a state record.
    /// - Parameters:
    ///   - algorithm: The learning rule.
    ///   - recipe: The recipe, if any.
    ///   - dataset: Dataset name.
    ///   - seed: The seed.
    ///   - threads: OpenBLAS threads.
    ///   - trainExamples: Training examples.
    ///   - validationExamples: Examples held out for validation, if any.
    ///   - ffConfiguration: The FF configuration.
    ///   - unsupervisedSettings: The unsupervised settings, if any.
    ///   - recurrentDynamics: The recurrent dynamics, if any.
    ///   - snapshot: The trainer's state.
    public init(algorithm: String, recipe: String?, dataset: String, seed: UInt64, threads: Int, trainExamples: Int,
                validationExamples: Int?, ffConfiguration: FFConfiguration, unsupervisedSettings: UnsupervisedSettings?,
                recurrentDynamics: RecurrentDynamics? = nil, snapshot: TrainerSnapshot) {
        self.algorithm = algorithm
        self.recipe = recipe
        self.dataset = dataset
        self.seed = seed
        self.threads = threads
        self.trainExamples = trainExamples
        self.validationExamples = validationExamples
        self.ffConfiguration = ffConfiguration
        self.unsupervisedSettings = unsupervisedSettings
        self.recurrentDynamics = recurrentDynamics
        self.snapshot = snapshot
    }

    private struct Entry: Codable {
        enum Kind: String, Codable { case float32, int64, uint8 }
        var name: String
        var kind: Kind
        var count: Int
    }

    private struct Header: Codable {
        var algorithm: String
        var recipe: String?
        var dataset: String
        var seed: UInt64
        var threads: Int
        var trainExamples: Int
        var validationExamples: Int?
        var ffConfiguration: FFConfiguration
        var unsupervisedSettings: UnsupervisedSettings?
        var recurrentDynamics: RecurrentDynamics?
        var completedEpochs: Int
        var history: [EpochRecord]
        var entries: [Entry]
    }

    /// Writes the state atomically (a temporary file renamed into place).
    /// - Parameter path: Destination file.
    public func write(to path: String) throws {
        let s = snapshot
        let entries = s.floats.keys.sorted().map { Entry(name: $0, kind: .float32, count: s.floats[$0]!.count) }
            + s.integers.keys.sorted().map { Entry(name: $0, kind: .int64, count: s.integers[$0]!.count) }
            + s.bytes.keys.sorted().map { Entry(name: $0, kind: .uint8, count: s.bytes[$0]!.count) }
        let header = Header(algorithm: algorithm, recipe: recipe, dataset: dataset, seed: seed, threads: threads,
                            trainExamples: trainExamples, validationExamples: validationExamples,
                            ffConfiguration: ffConfiguration, unsupervisedSettings: unsupervisedSettings,
                            recurrentDynamics: recurrentDynamics, completedEpochs: s.completedEpochs, history: s.history, entries: entries)
        var archive = BinaryArchive(magic: Self.magic, version: Self.version, header: try JSONFile.encoder().encode(header))
        for e in entries {
            switch e.kind {
            case .float32: archive.append(contentsOf: s.floats[e.name]!)
            case .int64: archive.append(contentsOf: s.integers[e.name]!)
            case .uint8: archive.append(contentsOf: s.bytes[e.name]!)
            }
        }
        try AtomicFile.write(archive.finished(), to: path)
    }

    /// Reads and validates a state file.
    /// - Parameter path: The file.
    /// - Throws: ``CheckpointError`` naming the file and what is wrong.
    public static func read(from path: String) throws(CheckpointError) -> TrainingStateFile {
        let opened = try BinaryArchive.read(path, magic: magic, version: version, header: Header.self,
                                            wrongKind: .notATrainingState(path: path))
        let (header, bytes, payload) = (opened.header, opened.bytes, opened.payload)
        var snapshot = TrainerSnapshot(completedEpochs: header.completedEpochs, history: header.history)
        var offset = payload.lowerBound
        for e in header.entries {
            let width = switch e.kind { case .float32: 4; case .int64: 8; case .uint8: 1 }
            guard e.count >= 0, offset + e.count * width <= payload.upperBound else {
                throw .corrupt(path: path, why: "array '\(e.name)' ends after the file")
            }
            switch e.kind {
            case .float32: snapshot.put(e.name, floats: BinaryArchive.loadArray(bytes, at: offset, count: e.count, of: Float.self))
            case .int64: snapshot.put(e.name, integers: BinaryArchive.loadArray(bytes, at: offset, count: e.count, of: Int64.self))
            case .uint8: snapshot.put(e.name, bytes: Array(bytes[offset..<(offset + e.count)]))
            }
            offset += e.count * width
        }
        guard offset == payload.upperBound else {
            throw .corrupt(path: path, why: "\(payload.upperBound - offset) unexpected trailing bytes")
        }
        return TrainingStateFile(algorithm: header.algorithm, recipe: header.recipe, dataset: header.dataset,
                                 seed: header.seed, threads: header.threads, trainExamples: header.trainExamples,
                                 validationExamples: header.validationExamples, ffConfiguration: header.ffConfiguration,
                                 unsupervisedSettings: header.unsupervisedSettings,
                                 recurrentDynamics: header.recurrentDynamics, snapshot: snapshot)
    }
}

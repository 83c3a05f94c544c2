import Foundation
import FFDatasets
import FFNumerics
import FFResults
import FFTraining

extension TrainingRun {
    /// Where a run keeps its resumable state, how often it writes it, and
    /// whether it continues from it.
    public struct StatePolicy: Sendable, Equatable {
        /// The state file (``TrainingStateFile``), written atomically.
        public var path: String
        /// Write after every `every` finished epochs (and after the last).
        public var every: Int
        /// Continue from `path` when it exists (start afresh when it does not).
        public var resume: Bool

        /// Creates a policy.
        /// - Parameters:
        ///   - path: The state file.
        ///   - every: Epochs between writes (at least 1).
        ///   - resume: Continue from `path` when it exists.
        public init(path: String, every: Int = 1, resume: Bool = false) {
            precondition(every >= 1, "a state is written every 1 or more epochs")
            self.path = path
            self.every = every
            self.resume = resume
        }
    }

    /// The algorithms whose runs can be saved and resumed.
    public static let resumableAlgorithms: [Algorithm] = [.ff, .ffRecurrent, .ffUnsupervised]

    /// The state file of this run after `snapshot`.
    func stateFile(_ snapshot: TrainerSnapshot, dataset: LabeledDataset, trainExamples: Int) -> TrainingStateFile {
        TrainingStateFile(algorithm: algorithm.rawValue, recipe: recipe?.rawValue, dataset: dataset.name.rawValue,
                          seed: seed, threads: BLAS.threadCount, trainExamples: trainExamples,
                          validationExamples: dataset.evaluationSet.validationExamples, ffConfiguration: ff,
                          unsupervisedSettings: algorithm == .ffUnsupervised ? unsupervised : nil,
                          recurrentDynamics: algorithm == .ffRecurrent ? recurrent : nil, snapshot: snapshot)
    }

    /// The snapshot to continue from: `nil` without a policy, without
    /// `resume`, or when the file does not exist yet.
    /// - Throws: ``TrainingError/unresumable(_:)`` when the file belongs to
    ///   another run (algorithm, data, seed, threads or configuration differ);
    ///   ``CheckpointError`` when it cannot be read.
    func resumeSnapshot(dataset: LabeledDataset, trainExamples: Int) throws -> TrainerSnapshot? {
        guard let policy = state, policy.resume, FileManager.default.fileExists(atPath: policy.path) else { return nil }
        let saved = try TrainingStateFile.read(from: policy.path)
        let expected = stateFile(TrainerSnapshot(completedEpochs: 0, history: []), dataset: dataset, trainExamples: trainExamples)
        var differences = [String]()
        func check<T: Equatable>(_ name: String, _ a: T, _ b: T, show: Bool = true) {
            if a != b { differences.append(show ? "\(name) (saved \(a), now \(b))" : name) }
        }
        check("algorithm", saved.algorithm, expected.algorithm)
        check("dataset", saved.dataset, expected.dataset)
        check("seed", saved.seed, expected.seed)
        check("--threads", saved.threads, expected.threads)
        check("training examples", saved.trainExamples, expected.trainExamples)
        check("validation hold-out", saved.validationExamples ?? 0, expected.validationExamples ?? 0)
        check("FF configuration", saved.ffConfiguration, expected.ffConfiguration, show: false)
        check("unsupervised settings", saved.unsupervisedSettings, expected.unsupervisedSettings, show: false)
        // The label scale gets its own line: its default changed (to `state`), and
        // states written before it existed read as `normalized`.
        var savedDynamics = saved.recurrentDynamics
        if let s = savedDynamics, let e = expected.recurrentDynamics, s.labelScale != e.labelScale {
            differences.append("--label-scale (saved \(s.labelScale.cliName), now \(e.labelScale.cliName); "
                               + "add --label-scale \(s.labelScale.cliName) to continue the saved run)")
            savedDynamics?.labelScale = e.labelScale
        }
        check("recurrent dynamics", savedDynamics, expected.recurrentDynamics, show: false)
        guard differences.isEmpty else {
            throw TrainingError.unresumable("\(policy.path) was written by another run: "
                + differences.joined(separator: ", ") + "; repeat the original command with --resume")
        }
        return saved.snapshot
    }

    /// Refuses a state policy the run cannot honour.
    func checkStatePolicy() throws(TrainingError) {
        guard state != nil else { return }
        guard Self.resumableAlgorithms.contains(algorithm) else {
            throw .invalidConfiguration("resumable training states are implemented for "
                + Self.resumableAlgorithms.map(\.rawValue).joined(separator: ", ") + " only, not for \(algorithm.rawValue)")
        }
        if algorithm == .ff && ff.schedule == .layerwise {
            throw .invalidConfiguration("resumable training states need the simultaneous schedule; --schedule layerwise cannot be resumed yet")
        }
    }

    /// The trainer's arguments for keeping this run's state.
    func stateHooks(dataset: LabeledDataset, trainExamples: Int, totalEpochs: Int) throws
        -> (resume: TrainerSnapshot?, when: (Int) -> Bool, write: (TrainerSnapshot) throws -> Void) {
        let resume = try resumeSnapshot(dataset: dataset, trainExamples: trainExamples)
        let when: (Int) -> Bool = { writesState(after: $0, of: totalEpochs) }
        let write: (TrainerSnapshot) throws -> Void = { snapshot in
            if let path = state?.path {
                try stateFile(snapshot, dataset: dataset, trainExamples: trainExamples).write(to: path)
            }
        }
        return (resume, when, write)
    }

    /// Whether the state is written after finished epoch `epoch` of `total`.
    func writesState(after epoch: Int, of total: Int) -> Bool {
        guard let state else { return false }
        return epoch % state.every == 0 || epoch == total
    }
}

extension EvaluationSet {
    /// The hold-out size, or `nil` for the test set.
    var validationExamples: Int? {
        if case .validation(let n) = self { return n }
        return nil
    }
}

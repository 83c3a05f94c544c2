/// `--diagnostics`: per-layer diagnostics after every epoch.
extension FFTrainer {
    /// Adds ``LayerDiagnostics`` of every layer on `test` to `record` when
    /// ``recordsDiagnostics`` is on and there is a test set. It runs after the
    /// epoch's timing and draws nothing from the trainer's random streams, so
    /// on exact digital layers training is bit-identical with and without it;
    /// on a noisy device its extra reads, like evaluation's, advance the
    /// device's own noise streams.
    /// - Parameters:
    ///   - record: The epoch's record.
    ///   - test: The evaluation set (in `ffanalog train`, the whole test set).
    func recordDiagnostics(_ record: inout EpochRecord, test: Examples?) {
        guard recordsDiagnostics, let test, test.count > 0 else { return }
        let negatives = LayerDiagnostics.negativeLabels(for: test.labels, classes: network.configuration.overlay.classes)
        record.diagnostics = network.layerDiagnostics(test, negativeLabels: negatives)
    }
}

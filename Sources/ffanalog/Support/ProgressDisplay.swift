#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import FFAnalog

/// Shows training progress on standard error: a redrawn bar with ETA and a
/// running loss on a terminal, one plain line per epoch otherwise.
final class ProgressDisplay {
    private let isTerminal: Bool
    private let quiet: Bool
    private let label: String
    private let evaluationName: String
    private var epochStart = 0.0
    private var lastDraw = 0.0
    private var epoch = 0, epochs = 0, layer: Int?
    private var runningLoss = 0.0, steps = 0

    /// Creates a display.
    /// - Parameters:
    ///   - label: Prefix of each line, e.g. the algorithm.
    ///   - quiet: Show nothing.
    ///   - evaluationName: What the per-epoch accuracy measures: `test` or `validation`.
    init(label: String, quiet: Bool, evaluationName: String = "test") {
        self.label = label
        self.evaluationName = evaluationName
        self.quiet = quiet
        isTerminal = isatty(STDERR_FILENO) == 1
    }

    /// Handles one training event.
    func handle(_ event: TrainingEvent) {
        guard !quiet else { return }
        switch event {
        case let .epochStarted(e, n, l, _):
            (epoch, epochs, layer) = (e, n, l)
            epochStart = WallClock.seconds()
            runningLoss = 0
            steps = 0
        case let .step(step, total, loss):
            steps += 1
            runningLoss += (loss - runningLoss) / Double(min(steps, 50))
            let t = WallClock.seconds()
            if isTerminal && (t - lastDraw > 0.1 || step == total) {
                lastDraw = t
                let fraction = Double(step) / Double(max(total, 1))
                let eta = fraction > 0 ? (t - epochStart) * (1 - fraction) / fraction : 0
                let width = 30
                let filled = Int(fraction * Double(width))
                let bar = String(repeating: "█", count: filled) + String(repeating: "·", count: width - filled)
                write("\r\u{1B}[K\(prefix) \(bar) \(Int(fraction * 100))% loss \(format(runningLoss, 4)) ETA \(Int(eta.rounded()))s")
            }
        case let .epochFinished(r):
            var line = "\(prefix) loss \(format(r.loss, 4))"
            if let a = r.testAccuracy { line += " \(evaluationName) \(format(100 * a, 2))%" }
            if let a = r.testAccuracyReadout { line += " readout \(format(100 * a, 2))%" }
            line += " \(format(r.seconds, 1))s"
            write((isTerminal ? "\r\u{1B}[K" : "") + line + "\n")
        }
    }

    private var prefix: String {
        let l = layer.map { " layer \($0 + 1)" } ?? ""
        return "\(label)\(l) epoch \(epoch)/\(epochs)"
    }

    private func write(_ s: String) {
        writeStandardError(s)
    }
}

/// Fixed-point formatting with exactly `digits` decimals, locale-independent.
func format(_ x: Double, _ digits: Int) -> String {
    NumberFormatting.fixed(x, decimals: digits, trimmingZeros: false)
}

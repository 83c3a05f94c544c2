/// A setting a sweep can vary with `--grid KEY=V1,V2,...`.
///
/// Values are parsed and written in a canonical form, so `noise=0.050` and
/// `noise=0.05` name the same grid point and the same job.
public enum SweepKey: String, Sendable, Codable, CodingKeyRepresentable, CaseIterable, Comparable {
    /// A device preset name (`models/<name>.json`) or a `.json` preset file.
    case device
    /// Epochs of every method (FF and backprop alike, as `--epochs`).
    case epochs
    /// Hidden layer sizes of every method, `x`-separated (`500x500`), as `--hidden 500,500`.
    case hidden
    /// Base learning rate of every method, as `--learning-rate`.
    case learningRate = "learning_rate"
    /// Relative noise σ ≥ 0: ``FFDevice/DevicePreset/withNoise(_:)`` applied to the job's preset, whichever it is.
    case noise
    /// The first N training examples, as `--train-examples`.
    case trainExamples = "train_examples"

    public static func < (a: SweepKey, b: SweepKey) -> Bool { a.rawValue < b.rawValue }

    /// The key as typed on the command line; `-` may stand for `_` (`train-examples`).
    /// - Parameter text: The text left of `=`.
    public init?(parsing text: String) {
        self.init(rawValue: String(text.map { $0 == "-" ? "_" : $0 }))
    }

    /// The plain option that fixes this setting for every job, e.g. `--epochs`.
    public var option: String {
        switch self {
        case .device: "--device"
        case .epochs: "--epochs"
        case .hidden: "--hidden"
        case .learningRate: "--learning-rate"
        case .noise: "--noise"
        case .trainExamples: "--train-examples"
        }
    }

    /// A valid value list, for error messages.
    var example: String {
        switch self {
        case .device: "generic,pcm,black-box"
        case .epochs: "1,3,10"
        case .hidden: "500x500,1000x1000"
        case .learningRate: "0.001,0.003"
        case .noise: "0,0.01,0.05"
        case .trainExamples: "1000,10000"
        }
    }

    /// Parses one value into its canonical text.
    /// - Parameter text: One value of the comma-separated list, trimmed.
    /// - Returns: The canonical text: Swift's shortest `Float` form for
    ///   noise and learning rate (`0.0`, `0.05`), decimal integers, `x`-joined sizes.
    /// - Throws: ``SweepError/invalidValue(key:value:expected:)``.
    public func canonicalValue(_ text: String) throws(SweepError) -> String {
        func invalid(_ expected: String) -> SweepError { .invalidValue(key: rawValue, value: text, expected: expected) }
        switch self {
        case .device:
            guard !text.isEmpty else { throw invalid("a preset name or .json file") }
            return text
        case .noise:
            guard var x = Float(text), x.isFinite, x >= 0 else { throw invalid("a finite number ≥ 0") }
            if x == 0 { x = 0 }  // -0 → 0
            return "\(x)"
        case .learningRate:
            guard let x = Float(text), x.isFinite, x > 0 else { throw invalid("a finite number > 0") }
            return "\(x)"
        case .epochs, .trainExamples:
            guard let n = Int(text), n >= 1 else { throw invalid("a whole number ≥ 1") }
            return "\(n)"
        case .hidden:
            let sizes = text.split(separator: "x", omittingEmptySubsequences: false).map { Int($0) }
            guard !text.isEmpty, sizes.allSatisfy({ ($0 ?? 0) > 0 }) else {
                throw invalid("layer sizes such as 500x500 (x between layers, commas between values)")
            }
            return sizes.map { "\($0!)" }.joined(separator: "x")
        }
    }
}

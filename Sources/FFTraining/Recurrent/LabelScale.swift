import FFNumerics

/// How large the label vector is that recurrent FF's top layer hears next to
/// the normalised state of the layer below it.
///
/// The label is first normalised like every state. Under RMS normalisation a
/// one-hot label over 10 classes then has length √10 ≈ 3.2, while a normalised
/// state of 2000 units has length √2000 ≈ 45, so the label is a small part of
/// the top layer's input. ``stateLength`` scales it to a state's length
/// (by √(units / classes) under RMS; under L2 normalisation both already have
/// length 1).
public enum LabelScale: Sendable, Equatable, Hashable {
    /// Normalised like a state, nothing more (the behaviour before this setting existed).
    case normalized
    /// Scaled to the length of a normalised state of the top hidden layer.
    case stateLength
    /// Normalised, then multiplied by this factor.
    case gain(Float)

    /// The factor applied to the normalised label.
    /// - Parameters:
    ///   - topUnits: Units of the top hidden layer.
    ///   - classes: Units of the label.
    ///   - normalization: How states and the label are normalised.
    public func factor(topUnits: Int, classes: Int, normalization: RowNormalization) -> Float {
        switch self {
        case .normalized: 1
        case .stateLength: normalization == .rms ? (Float(topUnits) / Float(classes)).squareRoot() : 1
        case .gain(let g): g
        }
    }

    /// Parses `normalized`, `state` or a positive number.
    /// - Parameter text: The option's text.
    public init?(_ text: String) {
        switch text {
        case "normalized": self = .normalized
        case "state": self = .stateLength
        default:
            guard let g = Float(text), g > 0, g.isFinite else { return nil }
            self = .gain(g)
        }
    }

    /// The option's text for this scale.
    public var cliName: String {
        switch self {
        case .normalized: "normalized"
        case .stateLength: "state"
        case .gain(let g): "\(g)"
        }
    }
}

extension LabelScale: Codable {
    /// Decodes `"normalized"`, `"state"` or a number.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        if let g = try? c.decode(Float.self) {
            self = .gain(g)
            return
        }
        let text = try c.decode(String.self)
        guard let scale = LabelScale(text) else {
            throw DecodingError.dataCorruptedError(in: c, debugDescription: "unknown label scale '\(text)'; expected normalized, state or a number")
        }
        self = scale
    }

    /// Encodes the scale as ``cliName`` (a number for a gain).
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        switch self {
        case .gain(let g): try c.encode(g)
        default: try c.encode(cliName)
        }
    }
}

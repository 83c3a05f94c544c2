/// The data sets ffanalog knows how to find, verify and download.
///
/// The raw value is the name used on the command line, in directory names
/// (`~/.cache/ffanalog/<name>`) and in result files.
public enum DatasetName: String, CaseIterable, Sendable, Codable {
    /// LeCun, Cortes and Burges' handwritten digits.
    case mnist = "mnist"
    /// Zalando's Fashion-MNIST (Xiao, Rasul and Vollgraf, 2017).
    case fashionMNIST = "fashion-mnist"

    /// Parses a data set name as typed by a user.
    ///
    /// Matching ignores case, surrounding white space, and treats `_` like `-`,
    /// so `Fashion_MNIST` is accepted.
    /// - Parameter text: The name to parse, e.g. `"mnist"` or `"fashion-mnist"`.
    /// - Throws: ``DatasetError/unknownDataset(name:known:)`` listing the known names.
    public init(parsing text: String) throws(DatasetError) {
        let normalized = text.trimmingWhitespace().lowercased().replacingUnderscores()
        guard let name = DatasetName(rawValue: normalized) else {
            throw .unknownDataset(name: text, known: DatasetName.allCases.map(\.rawValue))
        }
        self = name
    }

    /// A human-readable name for reports, e.g. `"Fashion-MNIST"`.
    public var displayName: String {
        switch self {
        case .mnist: return "MNIST"
        case .fashionMNIST: return "Fashion-MNIST"
        }
    }
}

extension String {
    fileprivate func trimmingWhitespace() -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
              let last = scalars.lastIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        return String(scalars[first...last])
    }

    fileprivate func replacingUnderscores() -> String {
        String(map { $0 == "_" ? "-" : $0 })
    }
}

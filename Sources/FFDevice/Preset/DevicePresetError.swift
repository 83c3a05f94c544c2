/// A preset that cannot be used: unreadable, malformed, or with a value or
/// key that is not allowed. The description is one line that names the file
/// and the key path and says how to fix it.
public struct DevicePresetError: Error, CustomStringConvertible, Equatable, Sendable {
    /// What kind of problem it is.
    public enum Kind: String, Sendable, Equatable {
        /// The file does not exist or cannot be read.
        case unreadableFile
        /// The file is not valid JSON.
        case malformedJSON
        /// A key that no section defines (a typo, or a key from another section).
        case unknownKey
        /// A value of the wrong JSON type (a string where a number belongs, ...).
        case wrongType
        /// A value of the right type that is not allowed (negative noise, 0 bits, ...).
        case invalidValue
        /// A preset name that no searched directory holds.
        case notFound
    }

    /// What kind of problem it is.
    public var kind: Kind
    /// The preset file, or `nil` for a preset built in code.
    public var file: String?
    /// Dotted snake_case path of the offending key, e.g. `"read_noise.output"`; empty for the whole file.
    public var keyPath: String
    /// What is wrong.
    public var problem: String
    /// How to fix it.
    public var fix: String

    /// Creates an error.
    /// - Parameters:
    ///   - kind: What kind of problem it is.
    ///   - file: The preset file, if any.
    ///   - keyPath: Dotted snake_case key path.
    ///   - problem: What is wrong.
    ///   - fix: How to fix it.
    public init(_ kind: Kind, file: String? = nil, keyPath: String, problem: String, fix: String) {
        self.kind = kind
        self.file = file
        self.keyPath = keyPath
        self.problem = problem
        self.fix = fix
    }

    public var description: String {
        let place = file ?? "device preset"
        let key = keyPath.isEmpty ? "" : " \(keyPath):"
        return "\(place):\(key) \(problem); \(fix)"
    }

    /// The same error attributed to `file`.
    func inFile(_ file: String) -> DevicePresetError {
        var e = self
        e.file = file
        return e
    }
}

/// Why streaming training or evaluation could not read or write its files.
public enum StreamingError: Error, CustomStringConvertible, Equatable {
    /// A system call on a file failed.
    case io(path: String, operation: String, reason: String)
    /// A file holds something other than what was expected.
    case corrupt(path: String, why: String)
    /// A layer that should have been written is not there.
    case missingLayer(directory: String, index: Int)
    /// The configuration cannot be trained by streaming.
    case unsupported(String)

    public var description: String {
        switch self {
        case let .io(path, operation, reason):
            return "cannot \(operation) \(path): \(reason); check the directory exists, is writable and has free space"
        case let .corrupt(path, why):
            return "\(path) is corrupt (\(why)); it was damaged or truncated, train again into a fresh directory"
        case let .missingLayer(directory, index):
            return "layer \(index + 1) is missing from \(directory); the streaming run that wrote it did not finish"
        case let .unsupported(why):
            return "ff-stream cannot train this configuration: \(why)"
        }
    }
}

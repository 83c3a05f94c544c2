import Foundation
import FFDatasets

/// Reading and writing ffanalog's JSON files: snake_case keys, sorted and
/// indented for diffs, written atomically.
public enum JSONFile {
    /// The encoder ffanalog uses for every JSON it writes.
    public static func encoder() -> JSONEncoder {
        let e = JSONEncoder()
        e.keyEncodingStrategy = .convertToSnakeCase
        e.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        e.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        return e
    }

    /// The matching decoder.
    public static func decoder() -> JSONDecoder {
        let d = JSONDecoder()
        d.keyDecodingStrategy = .convertFromSnakeCase
        d.nonConformingFloatDecodingStrategy = .convertFromString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        return d
    }

    /// Encodes `value` and writes it atomically (temporary file, then rename).
    /// - Parameters:
    ///   - value: What to write.
    ///   - path: Destination; parent directories are created.
    public static func write(_ value: some Encodable, to path: String) throws {
        var data = try encoder().encode(value)
        data.append(0x0A)
        try AtomicFile.write(data, to: path)
    }
}

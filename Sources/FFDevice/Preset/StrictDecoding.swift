import Foundation

/// A coding key that accepts any string, so that unknown keys can be seen.
struct AnyKey: CodingKey, Hashable {
    var stringValue: String
    var intValue: Int? { nil }
    init(_ string: String) { stringValue = string }
    init?(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}

/// `readNoise` → `read_noise`; snake_case input is returned unchanged. Keys
/// are compared in this form, so presets decode the same with or without a
/// decoder's `convertFromSnakeCase` strategy.
func snakeCase(_ key: String) -> String {
    var out = ""
    for c in key {
        if c.isUppercase {
            out.append("_")
            out.append(contentsOf: c.lowercased())
        } else {
            out.append(c)
        }
    }
    return out
}

/// The dotted snake_case path of a coding path, e.g. `read_noise.output`.
func keyPath(_ path: [any CodingKey]) -> String {
    path.map { $0.intValue.map { "[\($0)]" } ?? snakeCase($0.stringValue) }.joined(separator: ".")
        .replacingOccurrences(of: ".[", with: "[")
}

/// Reads one JSON object of a preset, rejecting keys it does not know.
struct StrictReader {
    let container: KeyedDecodingContainer<AnyKey>
    let path: String
    private let present: [String: AnyKey]

    /// - Parameters:
    ///   - decoder: The decoder positioned at the object.
    ///   - known: The snake_case keys the object may hold.
    init(_ decoder: any Decoder, known: [String]) throws {
        container = try decoder.container(keyedBy: AnyKey.self)
        path = keyPath(decoder.codingPath)
        var present = [String: AnyKey]()
        for key in container.allKeys.sorted(by: { $0.stringValue < $1.stringValue }) {
            let name = snakeCase(key.stringValue)
            guard known.contains(name) else {
                let full = path.isEmpty ? name : "\(path).\(name)"
                let section = path.isEmpty ? "the top level" : path
                throw DevicePresetError(
                    .unknownKey, keyPath: full, problem: "unknown key '\(name)'",
                    fix: "check the spelling; keys allowed in \(section): \(known.joined(separator: ", "))")
            }
            present[name] = key
        }
        self.present = present
    }

    /// The value of `name`, or `defaultValue` when the key is absent.
    func value<T: Decodable>(_ name: String, default defaultValue: T) throws -> T {
        guard let key = present[name] else { return defaultValue }
        return try located(name, T.self) { try container.decode(T.self, forKey: key) }
    }

    /// The value of `name`; JSON `null` gives `nil`, an absent key `defaultValue`.
    func optional<T: Decodable>(_ name: String, default defaultValue: T?) throws -> T? {
        guard let key = present[name] else { return defaultValue }
        return try located(name, T.self) { try container.decodeIfPresent(T.self, forKey: key) }
    }

    /// Runs a decode, attributing number-conversion failures to key `name`:
    /// Foundation signals a number that does not fit its type (1e999 as a
    /// `Float`, 7.5 as an `Int`) with an internal error that surfaces as
    /// corrupted data without a coding path.
    private func located<T, R>(_ name: String, _ type: T.Type, _ body: () throws -> R) throws -> R {
        do {
            return try body()
        } catch let error as DevicePresetError {
            throw error
        } catch let error as DecodingError {
            guard case .dataCorrupted(let context) = error, context.codingPath.isEmpty else { throw error }
            throw numberError(name, type)
        } catch {
            throw numberError(name, type)
        }
    }

    private func numberError<T>(_ name: String, _ type: T.Type) -> DevicePresetError {
        let full = path.isEmpty ? name : "\(path).\(name)"
        if type == Int.self {
            return DevicePresetError(.wrongType, keyPath: full, problem: "expected an integer",
                                     fix: "write a whole number such as 8")
        }
        return DevicePresetError(.invalidValue, keyPath: full, problem: "the number is not finite or out of range",
                                 fix: "give a finite value")
    }

    /// A string-valued choice among `T`'s raw values, with an error listing them.
    func choice<T: RawRepresentable & CaseIterable>(_ name: String, default defaultValue: T) throws -> T
    where T.RawValue == String {
        guard let key = present[name] else { return defaultValue }
        let raw = try container.decode(String.self, forKey: key)
        guard let v = T(rawValue: raw) else {
            let allowed = T.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: ", ")
            throw DevicePresetError(.invalidValue, keyPath: path.isEmpty ? name : "\(path).\(name)",
                                    problem: "unknown value \"\(raw)\"", fix: "use one of \(allowed)")
        }
        return v
    }
}

/// One scalar of a preset, for encoding every key (defaults included) and
/// for the flat `key = value` listing.
enum PresetValue: Equatable {
    case float(Float?)
    case double(Double?)
    case int(Int?)
    case string(String)

    /// The value as text; `none` for an absent optional.
    var text: String {
        switch self {
        case .float(let v): return v.map { "\($0)" } ?? "none"
        case .double(let v): return v.map { "\($0)" } ?? "none"
        case .int(let v): return v.map { "\($0)" } ?? "none"
        case .string(let s): return s
        }
    }

    /// Encodes the value under `key`; `nil` is written as JSON `null` so
    /// that the resolved preset lists every key.
    func encode(to container: inout KeyedEncodingContainer<AnyKey>, key: String) throws {
        let k = AnyKey(key)
        switch self {
        case .float(let v): if let v { try container.encode(v, forKey: k) } else { try container.encodeNil(forKey: k) }
        case .double(let v): if let v { try container.encode(v, forKey: k) } else { try container.encodeNil(forKey: k) }
        case .int(let v): if let v { try container.encode(v, forKey: k) } else { try container.encodeNil(forKey: k) }
        case .string(let s): try container.encode(s, forKey: k)
        }
    }
}

/// A preset section: a flat object of scalars.
protocol PresetSection: Codable, Sendable, Equatable {
    /// The section's snake_case keys, in listing order.
    static var keys: [String] { get }
    /// Every key with its current value, in ``keys`` order.
    var fields: [(key: String, value: PresetValue)] { get }
}

extension PresetSection {
    /// Writes every field, defaults included.
    func encodeFields(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: AnyKey.self)
        for (key, value) in fields { try value.encode(to: &c, key: key) }
    }
}

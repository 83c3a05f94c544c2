import Foundation

/// A time since programming, as written on the command line: a number and a
/// unit, e.g. `1s`, `10min`, `1h`, `1d`, `1w`, `1mo`, `1y`.
public struct DriftTime: Sendable, Codable, Equatable, Comparable {
    /// The text as given.
    public var label: String
    /// Seconds.
    public var seconds: Double

    /// Seconds per unit. A month is 30.44 days and a year 365.25 days.
    public static let units: [(suffix: String, seconds: Double)] = [
        ("s", 1), ("min", 60), ("h", 3600), ("d", 86_400), ("w", 604_800),
        ("mo", 2_629_800), ("y", 31_557_600),
    ]

    /// Parses one time.
    /// - Parameter text: A positive number followed by one of ``units``.
    /// - Throws: ``DriftTimeError`` saying what is wrong.
    public init(parsing text: String) throws(DriftTimeError) {
        let t = text.trimmingCharacters(in: .whitespaces)
        guard !t.isEmpty else { throw .empty }
        let number = t.prefix { $0.isNumber || $0 == "." || $0 == "e" || $0 == "E" || $0 == "+" || $0 == "-" }
        let unit = String(t.dropFirst(number.count))
        guard let value = Double(number), value.isFinite else { throw .notANumber(text) }
        guard value > 0 else { throw .notPositive(text) }
        guard let factor = Self.units.first(where: { $0.suffix == unit })?.seconds else {
            throw .unknownUnit(text, unit: unit)
        }
        label = t
        seconds = value * factor
    }

    /// Parses a comma-separated list, sorted by time; duplicates are errors.
    /// - Parameter list: E.g. `1s,1h,1d,1y`.
    public static func parseList(_ list: String) throws(DriftTimeError) -> [DriftTime] {
        let parts = list.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        guard !list.trimmingCharacters(in: .whitespaces).isEmpty else { throw .empty }
        var times = [DriftTime]()
        for p in parts { times.append(try DriftTime(parsing: p)) }
        times.sort()
        for i in times.indices.dropFirst() where times[i].seconds == times[i - 1].seconds {
            throw .duplicate(times[i].label)
        }
        return times
    }

    public static func < (a: DriftTime, b: DriftTime) -> Bool { a.seconds < b.seconds }
}

/// Why a drift time could not be read.
public enum DriftTimeError: Error, CustomStringConvertible, Equatable {
    /// Nothing given, or an empty item in the list.
    case empty
    /// The number part is missing or malformed.
    case notANumber(String)
    /// Zero or negative.
    case notPositive(String)
    /// A unit ffanalog does not know.
    case unknownUnit(String, unit: String)
    /// The same time twice.
    case duplicate(String)

    public var description: String {
        let units = DriftTime.units.map(\.suffix).joined(separator: ", ")
        switch self {
        case .empty: return "--drift needs a comma-separated list of times such as 1s,1h,1d,1y (no empty items)"
        case .notANumber(let t): return "--drift item '\(t)' does not start with a number; write e.g. 1h or 2.5d"
        case .notPositive(let t): return "--drift item '\(t)' must be a positive time"
        case let .unknownUnit(t, unit):
            return "--drift item '\(t)' has unknown unit '\(unit)'; use one of \(units)"
        case .duplicate(let t): return "--drift lists the time \(t) twice"
        }
    }
}

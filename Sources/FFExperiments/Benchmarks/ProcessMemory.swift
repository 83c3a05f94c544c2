import Foundation

/// Resident memory of this process, from Linux's `/proc/self/status`.
public struct ProcessMemory: Sendable, Codable, Equatable {
    /// Resident set size now (`VmRSS`), bytes.
    public var residentBytes: Int
    /// Peak resident set size since the process started (`VmHWM`), bytes.
    public var peakResidentBytes: Int

    /// Reads `VmRSS` and `VmHWM`, or `nil` where `/proc` does not report them (not Linux).
    public static func current() -> ProcessMemory? {
        guard let text = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return nil }
        var values = [String: Int]()
        for line in text.split(separator: "\n") {
            // "VmHWM:\t  123456 kB"
            let parts = line.split(whereSeparator: { $0 == ":" || $0 == " " || $0 == "\t" })
            guard parts.count >= 3, parts[2] == "kB", let kib = Int(parts[1]) else { continue }
            values[String(parts[0])] = kib * 1024
        }
        guard let rss = values["VmRSS"], let hwm = values["VmHWM"] else { return nil }
        return ProcessMemory(residentBytes: rss, peakResidentBytes: hwm)
    }

    /// Bytes in a mebibyte.
    public static let mebibyte = 1024.0 * 1024.0
}

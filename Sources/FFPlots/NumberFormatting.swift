import Foundation

/// Compact, locale-independent formatting of numbers for labels and coordinates.
public enum NumberFormatting {
    /// Formats a number with a fixed count of decimals, optionally dropping trailing zeros.
    ///
    /// Always uses `.` as decimal separator and `-` for negatives, never grouping
    /// separators, and never prints `-0`. Magnitudes of 10¹⁵ and more fall back to
    /// ``scientific(_:)``.
    /// - Parameters:
    ///   - value: The number.
    ///   - decimals: Decimals to round to (0...15).
    ///   - trimmingZeros: Whether to drop trailing zeros of the fraction (`0.50` → `0.5`,
    ///     `1.00` → `1`); keep them for labels that should line up, such as axis ticks.
    /// - Returns: Text such as `0.25`, `-3` or `0.50`; `NaN`, `inf` or `-inf` for
    ///   non-finite values.
    public static func fixed(_ value: Double, decimals: Int, trimmingZeros: Bool = true) -> String {
        guard value.isFinite else { return nonFinite(value) }
        let places = min(max(decimals, 0), 15)
        let scale = pow(10, Double(places))
        let scaled = (abs(value) * scale).rounded()
        if abs(value) >= 1e15 || scaled >= 9e15 { return scientific(value) }
        if scaled == 0 {
            return trimmingZeros || places == 0 ? "0" : "0." + String(repeating: "0", count: places)
        }
        let digits = String(UInt64(scaled))
        var integerPart: Substring
        var fraction: Substring
        if places == 0 {
            integerPart = Substring(digits)
            fraction = ""
        } else {
            let padded = String(repeating: "0", count: max(0, places + 1 - digits.count)) + digits
            integerPart = padded.dropLast(places)
            fraction = padded.suffix(places)
        }
        while trimmingZeros, fraction.last == "0" { fraction = fraction.dropLast() }
        if integerPart.isEmpty { integerPart = "0" }
        let sign = value < 0 ? "-" : ""
        return sign + integerPart + (fraction.isEmpty ? "" : "." + fraction)
    }

    /// Formats a number in scientific notation with up to three significant decimals.
    /// - Parameter value: The number.
    /// - Returns: Text such as `2.5e6` or `1e-7`.
    public static func scientific(_ value: Double) -> String {
        guard value.isFinite else { return nonFinite(value) }
        if value == 0 { return "0" }
        var exponent = Int(floor(log10(abs(value))))
        var mantissa = value / pow(10, Double(exponent))
        if abs((mantissa * 1000).rounded()) >= 10_000 {
            exponent += 1
            mantissa /= 10
        }
        return fixed(mantissa, decimals: 3) + "e" + String(exponent)
    }

    /// Formats a number compactly: as ``fixed(_:decimals:)`` with up to six significant
    /// digits for ordinary magnitudes, otherwise ``scientific(_:)``.
    /// - Parameter value: The number.
    /// - Returns: Text such as `0.9731`, `86400` or `1.5e-5`.
    public static func compact(_ value: Double) -> String {
        guard value.isFinite else { return nonFinite(value) }
        if value == 0 { return "0" }
        let magnitude = abs(value)
        if magnitude >= 1e7 || magnitude < 1e-4 { return scientific(value) }
        let exponent = Int(floor(log10(magnitude)))
        return fixed(value, decimals: max(0, 5 - exponent))
    }

    /// Formats an SVG coordinate or length: at most two decimals.
    static func coordinate(_ value: Double) -> String {
        let rounded = value.isFinite ? (value * 100).rounded() / 100 : 0
        return rounded == 0 ? "0" : fixed(rounded, decimals: 2)
    }

    private static func nonFinite(_ value: Double) -> String {
        value.isNaN ? "NaN" : (value < 0 ? "-inf" : "inf")
    }
}

import Foundation

/// How data values map onto a chart axis.
public enum AxisScale: Sendable, Hashable {
    /// Equal distances for equal differences.
    case linear
    /// Equal distances for equal ratios; only positive values can be shown.
    case log10

    /// Whether `value` can be placed on an axis with this scale.
    /// - Parameter value: A data value.
    /// - Returns: `true` for finite values, and for `.log10` only positive ones.
    public func accepts(_ value: Double) -> Bool {
        switch self {
        case .linear: return value.isFinite
        case .log10: return value.isFinite && value > 0
        }
    }

    /// The value in the axis' internal linear coordinate (itself, or its base-10 logarithm).
    func transform(_ value: Double) -> Double {
        switch self {
        case .linear: return value
        case .log10: return Foundation.log10(value)
        }
    }

    /// Inverse of ``transform(_:)``.
    func inverse(_ value: Double) -> Double {
        switch self {
        case .linear: return value
        case .log10: return Foundation.pow(10, value)
        }
    }
}

import Foundation

/// Tick positions for chart axes.
public enum Ticks {
    /// Evenly spaced ticks at "nice" values (1, 2 or 5 times a power of ten).
    public struct Linear: Sendable, Hashable {
        /// The distance between neighbouring ticks.
        public var step: Double
        /// The tick values, ascending.
        public var values: [Double]
        /// Decimals needed to print every tick exactly.
        public var decimals: Int
        /// The largest multiple of `step` at or below the requested lower bound.
        public var niceLowerBound: Double
        /// The smallest multiple of `step` at or above the requested upper bound.
        public var niceUpperBound: Double

        /// The same ticks extended to the nice bounds: ticks from ``niceLowerBound``
        /// through ``niceUpperBound`` with the same step.
        public var widened: Linear {
            guard step > 0, abs(niceLowerBound / step) < 1e15, abs(niceUpperBound / step) < 1e15 else { return self }
            let first = Int((niceLowerBound / step).rounded())
            let last = Int((niceUpperBound / step).rounded())
            var copy = self
            copy.values = Ticks.multiples(of: step, from: first, through: last, decimals: decimals)
            return copy
        }

        /// The tick values as label text.
        public var labels: [String] {
            values.map { NumberFormatting.fixed($0, decimals: decimals, trimmingZeros: false) }
        }
    }

    /// Rounds a positive number to a "nice" number: 1, 2, 5 or 10 times a power of ten.
    ///
    /// This is the classic nice-numbers rule (Heckbert, *Graphics Gems*, 1990).
    /// - Parameters:
    ///   - value: A positive, finite number.
    ///   - round: `true` to round to the nearest nice number, `false` to take the
    ///     smallest nice number at or above `value`.
    /// - Returns: The nice number.
    public static func niceNumber(_ value: Double, round: Bool) -> Double {
        precondition(value > 0 && value.isFinite, "niceNumber needs a positive finite value, got \(value)")
        let exponent = floor(log10(value) + 1e-12)
        let power = pow(10, exponent)
        let fraction = value / power
        // Ranges computed in floating point are often a hair above a nice number
        // (1.1 - 0.9 = 0.2000000000000001); such noise must not bump the step.
        let slack = 1e-9
        let nice: Double
        if round {
            nice = fraction < 1.5 ? 1 : fraction < 3 ? 2 : fraction < 7 ? 5 : 10
        } else {
            nice = fraction <= 1 + slack ? 1 : fraction <= 2 + slack ? 2 : fraction <= 5 + slack ? 5 : 10
        }
        return nice * power
    }

    /// Nice ticks covering a range.
    ///
    /// The step is the nice number nearest `(upper - lower) / count`, so the range holds
    /// roughly `count` steps. The ticks lie within `[lower, upper]`;
    /// ``Linear/niceLowerBound`` and ``Linear/niceUpperBound`` give the range widened to
    /// whole steps, for axes that may grow to fit (see ``Linear/widened``).
    /// - Parameters:
    ///   - lower: The lower end of the range (finite).
    ///   - upper: The upper end of the range (finite, greater than `lower`).
    ///   - count: The desired number of steps (intervals between ticks), at least 1.
    /// - Returns: The ticks; empty values when the range is empty or not finite.
    public static func linear(from lower: Double, to upper: Double, count: Int = 5) -> Linear {
        guard lower.isFinite, upper.isFinite, upper > lower else {
            return Linear(step: 0, values: [], decimals: 0, niceLowerBound: lower, niceUpperBound: upper)
        }
        let step = niceNumber((upper - lower) / Double(max(count, 1)), round: true)
        guard max(abs(lower), abs(upper)) / step < 1e15 else {
            // The range is too narrow for its magnitude to have distinct nice ticks.
            return Linear(step: upper - lower, values: [lower, upper], decimals: 15,
                          niceLowerBound: lower, niceUpperBound: upper)
        }
        let decimals = max(0, -Int(floor(log10(step) + 1e-9)))
        let tolerance = 1e-9
        let first = Int(ceil(lower / step - tolerance))
        let last = Int(floor(upper / step + tolerance))
        return Linear(step: step, values: multiples(of: step, from: first, through: last, decimals: decimals),
                      decimals: decimals,
                      niceLowerBound: multiple(Int(floor(lower / step + tolerance)), of: step, decimals: decimals),
                      niceUpperBound: multiple(Int(ceil(upper / step - tolerance)), of: step, decimals: decimals))
    }

    /// `index × step`, rounded to `decimals` so it is the double nearest its decimal form
    /// (3 × 0.1 gives 0.3, not 0.30000000000000004).
    static func multiple(_ index: Int, of step: Double, decimals: Int) -> Double {
        let scale = pow(10, Double(decimals))
        return (Double(index) * step * scale).rounded() / scale
    }

    static func multiples(of step: Double, from first: Int, through last: Int, decimals: Int) -> [Double] {
        first <= last ? (first...last).map { multiple($0, of: step, decimals: decimals) } : []
    }

    /// The powers of ten within a range of positive values.
    /// - Parameters:
    ///   - lower: The lower end (positive).
    ///   - upper: The upper end (at least `lower`).
    /// - Returns: Every 10ᵏ with `lower ≤ 10ᵏ ≤ upper`, ascending.
    public static func decades(from lower: Double, to upper: Double) -> [Double] {
        guard lower > 0, upper >= lower, lower.isFinite, upper.isFinite else { return [] }
        let first = Int(ceil(log10(lower) - 1e-9))
        let last = Int(floor(log10(upper) + 1e-9))
        return first <= last ? (first...last).map { pow(10, Double($0)) } : []
    }

    /// The minor ticks of a log axis: 2…9 times each power of ten, within a range.
    /// - Parameters:
    ///   - lower: The lower end (positive).
    ///   - upper: The upper end (at least `lower`).
    /// - Returns: The values `m·10ᵏ` (m = 2…9) with `lower ≤ value ≤ upper`, ascending.
    public static func logMinor(from lower: Double, to upper: Double) -> [Double] {
        guard lower > 0, upper >= lower, lower.isFinite, upper.isFinite else { return [] }
        let first = Int(floor(log10(lower)))
        let last = Int(floor(log10(upper)))
        var values: [Double] = []
        for k in first...last {
            for m in 2...9 {
                let v = Double(m) * pow(10, Double(k))
                if v >= lower * (1 - 1e-12), v <= upper * (1 + 1e-12) { values.append(v) }
            }
        }
        return values
    }
}

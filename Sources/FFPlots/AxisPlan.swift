import Foundation

/// One axis of a chart, resolved: its shown range, ticks and labels, and the mapping
/// from data values to pixels.
struct AxisPlan {
    /// A tick label; `exponent`, when set, is drawn as a superscript after `text`.
    struct Label {
        var text: String
        var exponent: String?

        /// A numeric label, with a true minus sign (U+2212) instead of a hyphen.
        static func number(_ text: String, exponent: String? = nil) -> Label {
            Label(text: minus(text), exponent: exponent.map(minus))
        }

        private static func minus(_ text: String) -> String {
            text.hasPrefix("-") ? "\u{2212}" + text.dropFirst() : text
        }

        func width(fontSize: Double) -> Double {
            TextMetrics.width(text, fontSize: fontSize)
                + (exponent.map { TextMetrics.width($0, fontSize: fontSize * 0.75) } ?? 0)
        }
    }

    /// A major tick: a grid line, a tick mark and possibly a label.
    struct Tick {
        var value: Double
        var label: Label?
    }

    var scale: AxisScale
    /// The shown range in transformed coordinates (the value, or its log10).
    var lower: Double
    var upper: Double
    /// Pixels of `lower` and `upper`.
    var pixelStart: Double
    var pixelEnd: Double
    var major: [Tick]
    var minor: [Double]

    /// The pixel coordinate of a data value.
    func pixel(_ value: Double) -> Double {
        let t = scale.transform(value)
        return pixelStart + (t - lower) / (upper - lower) * (pixelEnd - pixelStart)
    }

    /// The widest label, in pixels.
    func maxLabelWidth(fontSize: Double) -> Double {
        major.compactMap { $0.label?.width(fontSize: fontSize) }.max() ?? 0
    }

    /// Plans an axis.
    /// - Parameters:
    ///   - scale: Linear or log10.
    ///   - values: The data values to show (already accepted by `scale`).
    ///   - range: A fixed range, used as is when valid for the scale.
    ///   - customTicks: Tick positions with their own labels, replacing computed ticks.
    ///   - pixelStart: Pixel of the range's lower end.
    ///   - pixelEnd: Pixel of the range's upper end.
    ///   - horizontal: Whether labels sit side by side (x) or stacked (y), for spacing.
    ///   - fontSize: Tick label font size.
    static func make(scale: AxisScale, values: [Double], range: ClosedRange<Double>?,
                     customTicks: [(Double, String)]?, pixelStart: Double, pixelEnd: Double,
                     horizontal: Bool, fontSize: Double) -> AxisPlan {
        let length = abs(pixelEnd - pixelStart)
        let custom = customTicks?.filter { scale.accepts($0.0) }
        var explicit = false
        var lo: Double, hi: Double
        if let range, scale.accepts(range.lowerBound), scale.accepts(range.upperBound),
           range.lowerBound < range.upperBound {
            (lo, hi) = (range.lowerBound, range.upperBound)
            explicit = true
        } else {
            let all = values + (custom?.map(\.0) ?? [])
            if let minimum = all.min(), let maximum = all.max() {
                (lo, hi) = (minimum, maximum)
            } else {
                (lo, hi) = scale == .linear ? (0, 1) : (1, 10)
            }
            if lo == hi {
                switch scale {
                case .linear:
                    let pad = lo == 0 ? 1 : abs(lo) * 0.1
                    (lo, hi) = (lo - pad, hi + pad)
                case .log10:
                    (lo, hi) = (lo / 10, hi * 10)
                }
            }
        }

        var major: [Tick] = []
        var minor: [Double] = []
        let minimumGap = horizontal ? 10.0 : fontSize + 6
        if let custom {
            major = custom.filter { $0.0 >= lo && $0.0 <= hi }
                .sorted { $0.0 < $1.0 }
                .map { Tick(value: $0.0, label: Label(text: $0.1)) }
        } else if scale == .linear {
            var target = max(1, Int(length / (horizontal ? 80 : 42)))
            while true {
                let fitted = Ticks.linear(from: lo, to: hi, count: target)
                let ticks = explicit ? fitted : fitted.widened
                let (a, b) = explicit ? (lo, hi) : (fitted.niceLowerBound, fitted.niceUpperBound)
                let labels = ticks.labels
                let spacing = length * ticks.step / (b - a) * 0.94
                let needed = horizontal
                    ? (labels.map { TextMetrics.width($0, fontSize: fontSize) }.max() ?? 0) + minimumGap
                    : minimumGap
                if spacing >= needed || target <= 1 {
                    if !explicit { (lo, hi) = (a, b) }
                    major = zip(ticks.values, labels).map { Tick(value: $0, label: .number($1)) }
                    break
                }
                target -= 1
            }
        } else {
            if !explicit {
                lo = pow(10, floor(Foundation.log10(lo) + 1e-9))
                hi = pow(10, ceil(Foundation.log10(hi) - 1e-9))
                if lo >= hi { hi = lo * 10 }
            }
            let decades = Ticks.decades(from: lo, to: hi)
            if decades.count >= 2 {
                let exponents = decades.map { Int(Foundation.log10($0).rounded()) }
                let superscript = exponents.contains { abs($0) > 4 }
                major = zip(decades, exponents).map { value, k in
                    Tick(value: value, label: superscript
                         ? .number("10", exponent: String(k))
                         : .number(NumberFormatting.fixed(value, decimals: max(0, -k))))
                }
                let decadePixels = length / max(Foundation.log10(hi / lo), 1e-9)
                if decadePixels >= 24 { minor = Ticks.logMinor(from: lo, to: hi) }
            } else {
                let ticks = Ticks.linear(from: lo, to: hi, count: 4)
                major = zip(ticks.values, ticks.labels).filter { $0.0 > 0 }
                    .map { Tick(value: $0.0, label: .number($0.1)) }
            }
        }

        var lower = scale.transform(lo), upper = scale.transform(hi)
        if !explicit {
            let pad = (upper - lower) * 0.03
            (lower, upper) = (lower - pad, upper + pad)
        }
        var plan = AxisPlan(scale: scale, lower: lower, upper: upper, pixelStart: pixelStart,
                            pixelEnd: pixelEnd, major: major, minor: minor)
        plan.hideCrowdedLabels(horizontal: horizontal, fontSize: fontSize, minimumGap: minimumGap)
        return plan
    }

    /// Drops labels (keeping their ticks) that would overlap the previous kept label.
    private mutating func hideCrowdedLabels(horizontal: Bool, fontSize: Double, minimumGap: Double) {
        var lastEnd = -Double.infinity
        for i in major.indices {
            guard let label = major[i].label else { continue }
            let position = pixel(major[i].value)
            let half = horizontal ? label.width(fontSize: fontSize) / 2 : fontSize / 2
            let (start, end) = pixelStart <= pixelEnd ? (position - half, position + half)
                                                       : (-position - half, -position + half)
            if start < lastEnd + (horizontal ? minimumGap * 0.6 : 2) {
                major[i].label = nil
            } else {
                lastEnd = end
            }
        }
    }
}

/// A converter's transfer: clip to [−range, range], then round to the
/// nearest of 2^bits − 1 levels that are symmetric around and include 0
/// (step = range / (2^(bits−1) − 1)), as a sign-magnitude DAC or ADC.
///
/// A range of `nil` means unbounded, a bit width of `nil` continuous; with
/// both `nil` the quantizer is the identity.
struct Quantizer: Sendable, Equatable {
    /// Half-width of the range, or `nil` for unbounded.
    let range: Float?
    /// Distance between levels, or `nil` for continuous.
    let step: Float?
    private let inverseStep: Float

    /// - Parameters:
    ///   - range: Half-width of the range.
    ///   - bits: Resolution (2...16); needs `range`.
    init(range: Float?, bits: Int?) {
        self.range = range
        if let range, let bits {
            let s = range / Float((1 << (bits - 1)) - 1)
            step = s
            inverseStep = 1 / s
        } else {
            step = nil
            inverseStep = 0
        }
    }

    /// Whether the quantizer changes nothing.
    var isIdentity: Bool { range == nil && step == nil }

    /// Number of distinct output levels, or `nil` when continuous.
    var levelCount: Int? {
        guard let range, let step else { return nil }
        return 2 * Int((range / step).rounded()) + 1
    }

    /// Rounds to the nearest integer, ties to even, for |x| < 2²². The
    /// sum with 1.5 · 2²³ drops the fraction in IEEE arithmetic; unlike
    /// `rounded()` it needs no library call and vectorizes.
    @inline(__always) static func roundToInteger(_ x: Float) -> Float {
        (x + 12_582_912) - 12_582_912
    }

    /// One converted value.
    @inline(__always) func apply(_ x: Float) -> Float {
        var v = x
        if let range { v = Swift.min(Swift.max(v, -range), range) }
        if let step { v = Self.roundToInteger(v * inverseStep) * step }
        return v
    }

    /// Converts `count` values from `source` into `destination` (which may be the same memory).
    func apply(from source: UnsafePointer<Float>, to destination: UnsafeMutablePointer<Float>, count: Int) {
        switch (range, step) {
        case (nil, nil):
            if UnsafePointer(destination) != source { destination.update(from: source, count: count) }
        case (let r?, nil):
            for i in 0..<count { destination[i] = Swift.min(Swift.max(source[i], -r), r) }
        case (let r?, let s?):
            let inv = inverseStep
            for i in 0..<count {
                let v = Swift.min(Swift.max(source[i], -r), r)
                destination[i] = Self.roundToInteger(v * inv) * s
            }
        case (nil, let s?):
            let inv = inverseStep
            for i in 0..<count { destination[i] = Self.roundToInteger(source[i] * inv) * s }
        }
    }

    /// Whether `x` lies inside the range (where the clip passes gradients).
    @inline(__always) func passes(_ x: Float) -> Bool {
        guard let range else { return true }
        return x >= -range && x <= range
    }
}

/// Keeps optimizer state out of the subnormal range.
///
/// Moment averages decay geometrically where a weight's gradient is (nearly)
/// zero, as for the inputs of a unit that rarely fires, and so pass through
/// the subnormal floats below 2⁻¹²⁶. On x86 every operation that reads or
/// produces a subnormal takes a microcode assist of about a hundred cycles:
/// measured on the `hinton-unsupervised` recipe, 60–80% of Adam's first
/// moments were subnormal after five epochs, and Adam's share of the run grew
/// from 11% to 40%. The optimizers therefore treat moments below
/// ``momentFloor`` and gradient components below ``gradientFloor`` as zero,
/// which keeps every product they form normal. The step of an affected
/// weight changes by less than `lr · 2⁻⁵⁵ / ε` (Adam) or `lr · 2⁻¹⁰⁰` (SGD).
enum SubnormalGuard {
    /// Moments smaller in magnitude are read as zero (2⁻¹⁰⁰ ≈ 7.9e-31).
    static let momentFloor: Float = 0x1p-100
    /// Gradient components smaller in magnitude are read as zero (2⁻⁵⁵ ≈ 2.8e-17),
    /// so that `(1 − β₂)·g²` stays normal.
    static let gradientFloor: Float = 0x1p-55

    /// `x`, or zero when `|x| < floor`.
    @inline(__always)
    static func flushed(_ x: Float, below floor: Float) -> Float {
        abs(x) < floor ? 0 : x
    }
}

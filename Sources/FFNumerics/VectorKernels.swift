/// Reductions over contiguous Float runs with several independent SIMD
/// accumulators, so that the compiler neither serialises the sum on one
/// floating-point add nor needs to reorder it (it may not, for Float).
///
/// The summation order is fixed by the code below, so results are
/// deterministic; they differ from a plain left-to-right loop by rounding only.
public enum VectorKernels {
    /// Σ p[i]² over `count` values.
    /// - Parameters:
    ///   - p: The first value.
    ///   - count: How many values.
    /// - Returns: The sum of squares.
    @inlinable
    public static func sumOfSquares(_ p: UnsafePointer<Float>, count: Int) -> Float {
        var a0 = SIMD8<Float>(), a1 = SIMD8<Float>(), a2 = SIMD8<Float>(), a3 = SIMD8<Float>()
        var i = 0
        let raw = UnsafeRawPointer(p)
        while i + 32 <= count {
            let v0 = raw.loadUnaligned(fromByteOffset: i * 4, as: SIMD8<Float>.self)
            let v1 = raw.loadUnaligned(fromByteOffset: (i + 8) * 4, as: SIMD8<Float>.self)
            let v2 = raw.loadUnaligned(fromByteOffset: (i + 16) * 4, as: SIMD8<Float>.self)
            let v3 = raw.loadUnaligned(fromByteOffset: (i + 24) * 4, as: SIMD8<Float>.self)
            // Separate multiply and add: `addingProduct` would be a libm fmaf
            // call per lane on the baseline x86-64 target.
            a0 += v0 * v0
            a1 += v1 * v1
            a2 += v2 * v2
            a3 += v3 * v3
            i += 32
        }
        while i + 8 <= count {
            let v = raw.loadUnaligned(fromByteOffset: i * 4, as: SIMD8<Float>.self)
            a0 += v * v
            i += 8
        }
        var s = ((a0 + a1) + (a2 + a3)).sum()
        while i < count {
            s += p[i] * p[i]
            i += 1
        }
        return s
    }
}

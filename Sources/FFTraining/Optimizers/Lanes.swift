/// Eight-lane loads and stores for the optimizers' element-wise updates.
///
/// An update is written once, on `SIMD8<Float>`: full chunks load eight
/// values, the last partial chunk loads the rest zero-padded and stores only
/// them. Lanes never interact, and every lane runs the same IEEE operations
/// (add, multiply, divide, square root: all correctly rounded) in the same
/// order as the scalar formula, so the results are the scalar loop's bits,
/// at four to eight elements per instruction instead of one.
enum Lanes {
    /// Calls `body(start, count)` for consecutive chunks of at most eight elements of `range`.
    @inline(__always)
    static func forEachChunk(_ range: Range<Int>, _ body: (_ start: Int, _ count: Int) -> Void) {
        var i = range.lowerBound
        while i < range.upperBound {
            let count = min(8, range.upperBound - i)
            body(i, count)
            i += count
        }
    }

    /// `count` values from `p + start`, zero-padded to eight lanes.
    @inline(__always)
    static func load(_ p: UnsafePointer<Float>, _ start: Int, _ count: Int) -> SIMD8<Float> {
        if count == 8 { return UnsafeRawPointer(p + start).loadUnaligned(as: SIMD8<Float>.self) }
        var x = SIMD8<Float>()
        for k in 0..<count { x[k] = p[start + k] }
        return x
    }

    /// Stores the first `count` lanes of `x` at `p + start`.
    @inline(__always)
    static func store(_ x: SIMD8<Float>, _ p: UnsafeMutablePointer<Float>, _ start: Int, _ count: Int) {
        if count == 8 {
            UnsafeMutableRawPointer(p + start).storeBytes(of: x, as: SIMD8<Float>.self)
        } else {
            for k in 0..<count { p[start + k] = x[k] }
        }
    }
}

extension SubnormalGuard {
    /// Each lane of `x`, or zero where `|x| < floor` (``flushed(_:below:)`` per lane).
    @inline(__always)
    static func flushed(_ x: SIMD8<Float>, below floor: Float) -> SIMD8<Float> {
        x.replacing(with: 0, where: (x .< floor) .& (x .> -floor))
    }
}

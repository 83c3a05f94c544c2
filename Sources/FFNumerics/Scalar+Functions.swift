#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Numerically stable scalar functions shared by the kernels and the losses.
public enum Scalar {
    /// The logistic function σ(x) = 1 / (1 + e^(−x)), stable for large |x|.
    @inlinable public static func sigmoid(_ x: Float) -> Float {
        if x >= 0 {
            return 1 / (1 + expf(-x))
        }
        let e = expf(x)
        return e / (1 + e)
    }

    /// softplus(x) = log(1 + eˣ), stable for large |x|.
    @inlinable public static func softplus(_ x: Float) -> Float {
        if x > 20 { return x + log1pf(expf(-x)) }
        return log1pf(expf(x))
    }

    /// softplus in double precision, for loss accumulation.
    @inlinable public static func softplus(_ x: Double) -> Double {
        if x > 30 { return x + log1p(exp(-x)) }
        return log1p(exp(x))
    }
}

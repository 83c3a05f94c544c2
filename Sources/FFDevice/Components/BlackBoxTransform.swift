#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import FFNumerics
import FFRandom

/// A fixed random transform between a layer and the next (hidden), drawn
/// once per instance from GSL.
///
/// - Mixing: x′ = h(x · Mᵀ) row by row, with M = (I + s · R / √n) / √(1 + s²),
///   Rᵢⱼ ~ N(0, 1), and h(u) = u / (1 + |u| / c), a softsign scaled by c that
///   is the identity for |u| ≪ c and saturates at ±c (linear without c).
///   The normalisation keeps the expected squared length of a row.
/// - Gain curve: xᵢ′ = aᵢ xᵢ / (1 + kᵢ |xᵢ|), with aᵢ = exp(σ_a ξ) and
///   kᵢ = k · exp(σ_k ξ′).
struct BlackBoxTransform {
    /// Which transform.
    let kind: BlackBoxKind
    /// Channels in and out.
    let size: Int
    /// M, `size × size` (mixing).
    let mixing: Matrix
    /// c of the softsign, or `nil` (mixing).
    let saturation: Float?
    /// aᵢ and kᵢ (gain curve).
    let gain: [Float], curvature: [Float]
    /// Scratch for x · Mᵀ.
    private var mixed = Matrix(rows: 0, columns: 0)

    /// Draws an instance, or returns `nil` for ``BlackBoxKind/none``.
    /// - Parameters:
    ///   - settings: The preset's black-box section.
    ///   - size: Number of channels.
    ///   - random: Source of the draws.
    init?(_ settings: DevicePreset.BlackBoxSettings, size: Int, random: RandomGenerator) {
        kind = settings.kind
        self.size = size
        switch settings.kind {
        case .none:
            return nil
        case .mixing:
            var m = Matrix(rows: size, columns: size)
            random.fillGaussian(&m, sigma: 1)
            let s = settings.strength
            let a = s / Float(size).squareRoot(), norm = 1 / (1 + s * s).squareRoot()
            m.withUnsafeMutableBufferPointer { b in
                for i in 0..<size {
                    for j in 0..<size { b[i * size + j] = ((i == j ? 1 : 0) + a * b[i * size + j]) * norm }
                }
            }
            mixing = m
            saturation = settings.saturation
            gain = []
            curvature = []
        case .gainCurve:
            mixing = Matrix(rows: 0, columns: 0)
            saturation = nil
            let rg = random.derived(stream: "gain"), rk = random.derived(stream: "curvature")
            gain = (0..<size).map { _ in Float(exp(Double(settings.gainSpread) * rg.gaussian())) }
            curvature = (0..<size).map { _ in Float(Double(settings.curvature) * exp(Double(settings.curvatureSpread) * rk.gaussian())) }
        }
    }

    /// Applies the transform to each row of `x`.
    /// - Parameters:
    ///   - x: `batch × size` values sent.
    ///   - y: Receives `batch × size` values received.
    mutating func forward(_ x: Matrix, into y: inout Matrix) {
        precondition(x.columns == size, "black box expects \(size) channels, got \(x.columns)")
        switch kind {
        case .none:
            y = x
        case .mixing:
            BLAS.gemm(x, mixing, transposeB: true, into: &y)
            if let c = saturation {
                let inv = 1 / c
                y.withUnsafeMutableBufferPointer { b in
                    for i in b.indices { b[i] = b[i] / (1 + abs(b[i]) * inv) }
                }
            }
        case .gainCurve:
            y.reshape(rows: x.rows, columns: size)
            let n = size
            x.withUnsafeBufferPointer { src in
                y.withUnsafeMutableBufferPointer { dst in
                    gain.withUnsafeBufferPointer { a in
                        curvature.withUnsafeBufferPointer { k in
                            for r in 0..<x.rows {
                                let o = r * n
                                for i in 0..<n { dst[o + i] = a[i] * src[o + i] / (1 + k[i] * abs(src[o + i])) }
                            }
                        }
                    }
                }
            }
        }
    }

    /// The adjoint of ``forward(_:into:)``: ∂L/∂x from ∂L/∂x′ (the exact Jacobian).
    /// - Parameters:
    ///   - x: What was sent.
    ///   - gradient: ∂L/∂(what was received).
    ///   - result: Receives ∂L/∂x.
    mutating func backward(sent x: Matrix, gradient: Matrix, into result: inout Matrix) {
        precondition(x.rows == gradient.rows && x.columns == size && gradient.columns == size,
                     "black box backward: shapes differ")
        switch kind {
        case .none:
            result = gradient
        case .mixing:
            guard let c = saturation else {
                BLAS.gemm(gradient, mixing, into: &result)
                return
            }
            // h′(u) = 1 / (1 + |u| / c)²; ∂L/∂x = (g ⊙ h′(x Mᵀ)) · M.
            BLAS.gemm(x, mixing, transposeB: true, into: &mixed)
            let inv = 1 / c
            gradient.withUnsafeBufferPointer { g in
                mixed.withUnsafeMutableBufferPointer { u in
                    for i in u.indices {
                        let d = 1 + abs(u[i]) * inv
                        u[i] = g[i] / (d * d)
                    }
                }
            }
            BLAS.gemm(mixed, mixing, into: &result)
        case .gainCurve:
            // ∂xᵢ′/∂xᵢ = aᵢ / (1 + kᵢ |xᵢ|)².
            result.reshape(rows: x.rows, columns: size)
            let n = size
            x.withUnsafeBufferPointer { src in
                gradient.withUnsafeBufferPointer { g in
                    result.withUnsafeMutableBufferPointer { dst in
                        for r in 0..<x.rows {
                            let o = r * n
                            for i in 0..<n {
                                let d = 1 + curvature[i] * abs(src[o + i])
                                dst[o + i] = g[o + i] * gain[i] / (d * d)
                            }
                        }
                    }
                }
            }
        }
    }
}

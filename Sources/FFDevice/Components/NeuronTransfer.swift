#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import FFRandom

/// The real neuron circuit of a ReLU layer, drawn once per instance (hidden).
///
/// Unit i computes fᵢ(z) = Sᵢ · tanh(max(z + oᵢ, 0) · sᵢ / Sᵢ) + λᵢ · min(z + oᵢ, 0)
/// (without saturation: max(z + oᵢ, 0) · sᵢ + λᵢ · min(z + oᵢ, 0)), where
/// Sᵢ = S · exp(σ_S ξ), sᵢ = (1 + e) · exp(σ_e ξ), oᵢ = o + σ_o ξ and
/// λᵢ = max(0, λ + σ_λ ξ) with independent standard normals ξ.
struct NeuronTransfer: Sendable {
    /// Saturation level of each unit, or `nil` for none.
    let saturation: [Float]?
    /// Slope sᵢ of each unit.
    let slope: [Float]
    /// Input offset oᵢ of each unit.
    let offset: [Float]
    /// Leak λᵢ of each unit.
    let leak: [Float]

    /// Draws the units' parameters.
    /// - Parameters:
    ///   - settings: The preset's transfer section.
    ///   - units: Number of output units.
    ///   - random: Source of the draws.
    init(_ settings: DevicePreset.TransferSettings, units: Int, random: RandomGenerator) {
        func normals(_ stream: String) -> [Double] {
            let r = random.derived(stream: stream)
            return (0..<units).map { _ in r.gaussian() }
        }
        if let s = settings.saturation {
            saturation = normals("saturation").map { Float(Double(s) * exp(Double(settings.saturationSpread) * $0)) }
        } else {
            saturation = nil
        }
        slope = normals("slope").map { Float(Double(1 + settings.slopeError) * exp(Double(settings.slopeErrorSpread) * $0)) }
        offset = normals("offset").map { settings.offset + settings.offsetSpread * Float($0) }
        leak = normals("leak").map { Swift.max(0, settings.leak + settings.leakSpread * Float($0)) }
    }

    /// fᵢ(z).
    @inline(__always) func apply(_ z: Float, unit i: Int) -> Float {
        let u = z + offset[i]
        if u <= 0 { return leak[i] * u }
        if let saturation {
            let s = saturation[i]
            return s * tanhf(u * slope[i] / s)
        }
        return u * slope[i]
    }

    /// fᵢ′(z).
    @inline(__always) func derivative(_ z: Float, unit i: Int) -> Float {
        let u = z + offset[i]
        if u <= 0 { return leak[i] }
        if let saturation {
            let t = tanhf(u * slope[i] / saturation[i])
            return slope[i] * (1 - t * t)
        }
        return slope[i]
    }
}

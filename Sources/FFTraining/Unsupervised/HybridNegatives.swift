import FFNumerics
import FFRandom

/// Hinton's hybrid images (2022 §3.2): two real images mixed through a mask
/// with large regions of ones and zeros.
///
/// The mask starts as a random bit image. It is blurred ``blurPasses`` times
/// with the filter [1/4, 1/2, 1/4] horizontally and then vertically (edges
/// repeat the border pixel, so every pass keeps the mean) and thresholded at
/// 0.5. A pixel that lands exactly on 0.5 keeps its original bit; the whole
/// construction is then symmetric (up to Float rounding) under exchanging
/// ones and zeros, so on average half of the pixels come from each image. The hybrid is
/// `mask · a + (1 − mask) · b`.
public struct HybridNegatives: NegativeImageGenerator {
    /// Image width in pixels.
    public var width: Int
    /// Image height in pixels.
    public var height: Int
    /// How often the blur is applied in each direction.
    public var blurPasses: Int

    /// Creates the generator.
    /// - Parameters:
    ///   - width: Image width.
    ///   - height: Image height.
    ///   - blurPasses: Passes of the [1/4, 1/2, 1/4] filter in each direction.
    public init(width: Int, height: Int, blurPasses: Int = HybridNegatives.defaultBlurPasses) {
        precondition(width > 0 && height > 0 && blurPasses >= 0, "HybridNegatives: bad image shape or pass count")
        self.width = width
        self.height = height
        self.blurPasses = blurPasses
    }

    /// The default number of blur passes.
    public static let defaultBlurPasses = 10

    /// A fresh mask of `width × height` values, each exactly 0 or 1.
    /// - Parameter random: Source of the random bits.
    public func mask(random: GaussianStream) -> [Float] {
        var mask = [Float](repeating: 0, count: width * height)
        var bits = mask, scratch = mask
        mask.withUnsafeMutableBufferPointer { m in
            bits.withUnsafeMutableBufferPointer { b in
                scratch.withUnsafeMutableBufferPointer { s in makeMask(into: m, bits: b, scratch: s, random: random) }
            }
        }
        return mask
    }

    public func makeNegatives(from images: Matrix, partners: Matrix, into result: inout Matrix, random: GaussianStream) {
        let pixels = width * height
        precondition(images.columns == pixels && partners.columns == pixels && partners.rows == images.rows,
                     "HybridNegatives: images must be \(width)×\(height) and paired row by row")
        result.reshape(rows: images.rows, columns: pixels)
        var buffers = [Float](repeating: 0, count: 3 * pixels)
        images.withUnsafeBufferPointer { a in
            partners.withUnsafeBufferPointer { b in
                result.withUnsafeMutableBufferPointer { out in
                    buffers.withUnsafeMutableBufferPointer { buf in
                        let base = buf.baseAddress!
                        let m = UnsafeMutableBufferPointer(start: base, count: pixels)
                        let bits = UnsafeMutableBufferPointer(start: base + pixels, count: pixels)
                        let scratch = UnsafeMutableBufferPointer(start: base + 2 * pixels, count: pixels)
                        for i in 0..<images.rows {
                            makeMask(into: m, bits: bits, scratch: scratch, random: random)
                            let o = i * pixels
                            for p in 0..<pixels { out[o + p] = m[p] * a[o + p] + (1 - m[p]) * b[o + p] }
                        }
                    }
                }
            }
        }
    }

    /// Random bits, blurred, thresholded at 0.5 (ties keep their bit).
    private func makeMask(into mask: UnsafeMutableBufferPointer<Float>, bits: UnsafeMutableBufferPointer<Float>,
                          scratch: UnsafeMutableBufferPointer<Float>, random: GaussianStream) {
        let count = width * height
        var word: UInt64 = 0
        for p in 0..<count {
            if p % 64 == 0 { word = random.nextBits() }
            bits[p] = Float(word & 1)
            word >>= 1
            mask[p] = bits[p]
        }
        for _ in 0..<blurPasses {
            blur(mask, into: scratch, stride: 1, length: width, lines: height, lineStride: width)
            blur(scratch, into: mask, stride: width, length: height, lines: width, lineStride: 1)
        }
        for p in 0..<count {
            mask[p] = mask[p] > 0.5 ? 1 : (mask[p] < 0.5 ? 0 : bits[p])
        }
    }

    /// One pass of [1/4, 1/2, 1/4] along lines of `length` values `stride` apart, edges repeated.
    private func blur(_ source: UnsafeMutableBufferPointer<Float>, into target: UnsafeMutableBufferPointer<Float>,
                      stride: Int, length: Int, lines: Int, lineStride: Int) {
        for line in 0..<lines {
            let start = line * lineStride
            for k in 0..<length {
                let left = source[start + max(k - 1, 0) * stride]
                let centre = source[start + k * stride]
                let right = source[start + min(k + 1, length - 1) * stride]
                target[start + k * stride] = 0.25 * left + 0.5 * centre + 0.25 * right
            }
        }
    }
}

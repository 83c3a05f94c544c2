import Testing
import FFNumerics
import FFRandom
@testable import FFTraining

/// A small synthetic classification problem: each class is a random
/// prototype image plus noise, with empty label pixels at the front.
func syntheticExamples(count: Int, pixels: Int = 40, classes: Int = 10, seed: UInt64, noise: Float = 0.3) -> Examples {
    let prototypes = RandomGenerator(seed: 999)
    var protos = Matrix(rows: classes, columns: pixels)
    prototypes.fillUniform(&protos, from: 0, to: 1)
    let r = RandomGenerator(seed: seed)
    var images = Matrix(rows: count, columns: pixels)
    var labels = [Int32]()
    for i in 0..<count {
        let c = r.uniformInt(below: classes)
        labels.append(Int32(c))
        for j in classes..<pixels {
            images[i, j] = max(0, min(1, protos[c, j] + Float(r.gaussian(sigma: Double(noise)))))
        }
    }
    return Examples(images: images, labels: labels)
}

/// Central finite difference of `f` with respect to `x[index]`, in Double.
func finiteDifference(_ x: inout [Float], _ index: Int, step: Float = 1e-2, _ f: ([Float]) -> Double) -> Double {
    let saved = x[index]
    x[index] = saved + step
    let up = f(x)
    x[index] = saved - step
    let down = f(x)
    x[index] = saved
    return (up - down) / (2 * Double(step))
}

/// Expects every element of `gradient` to match the central finite difference
/// of `f` at `values` (step 1e-2) within 1e-4 + 1e-2·|analytic|.
func expectMatchesFiniteDifferences(_ gradient: Matrix, at values: [Float], _ f: ([Float]) -> Double) {
    var x = values
    for i in x.indices {
        let numeric = finiteDifference(&x, i, step: 1e-2, f)
        let analytic = Double(gradient.storage[i])
        #expect(abs(numeric - analytic) < 1e-4 + 1e-2 * abs(analytic), "element \(i): \(numeric) vs \(analytic)")
    }
}

func randomMatrix(_ rows: Int, _ columns: Int, seed: UInt64, scale: Float = 1) -> Matrix {
    var m = Matrix(rows: rows, columns: columns)
    RandomGenerator(seed: seed).fillGaussian(&m, sigma: scale)
    return m
}

/// The largest elementwise `|a − b| / (10⁻³ + |a|)`: how far a shortcut's
/// result (`b`) is from the reference (`a`), relative but safe near zero.
func worstRelativeDifference(_ a: Matrix, _ b: Matrix) -> Float {
    precondition(a.rows == b.rows && a.columns == b.columns, "worstRelativeDifference: shapes differ")
    return zip(a.storage, b.storage).map { abs($0 - $1) / (1e-3 + abs($0)) }.max() ?? 0
}

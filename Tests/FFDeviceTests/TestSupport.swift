#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import FFNumerics
import FFRandom
import FFTraining
@testable import FFDevice

/// Shared helpers for the device tests.
enum Support {
    /// The package root: the real directory that holds this test file's
    /// `Tests/` (symlinks resolved, so a scratch package that links the
    /// sources still finds `models/`).
    static let packageRoot: String = {
        var path = #filePath
        if let resolved = realpath(path, nil) {
            path = String(cString: resolved)
            free(resolved)
        }
        var url = URL(fileURLWithPath: path)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }()

    /// The shipped presets directory.
    static var modelsDirectory: String { packageRoot + "/models" }

    /// A shipped preset.
    static func shipped(_ name: String) throws -> DevicePreset {
        try DevicePreset.named(name, directory: modelsDirectory)
    }

    /// An all-ideal preset changed by `configure`.
    static func preset(_ configure: (inout DevicePreset) -> Void) -> DevicePreset {
        var p = DevicePreset(name: "test")
        configure(&p)
        return p
    }

    /// Parameters with every weight and bias equal to `value`.
    static func constant(_ value: Float, inputs: Int, outputs: Int) -> LayerParameters {
        LayerParameters(weights: Matrix(rows: outputs, columns: inputs, repeating: value),
                        bias: [Float](repeating: value, count: outputs))
    }

    /// Gaussian parameters.
    static func random(inputs: Int, outputs: Int, sigma: Float = 0.3, seed: UInt64 = 1) -> LayerParameters {
        let g = GaussianStream(seed: seed)
        var w = Matrix(rows: outputs, columns: inputs)
        g.fill(&w, sigma: sigma)
        return LayerParameters(weights: w, bias: (0..<outputs).map { _ in sigma * g.next() })
    }

    /// A Gaussian matrix.
    static func gaussian(rows: Int, columns: Int, sigma: Float = 1, seed: UInt64 = 2) -> Matrix {
        var m = Matrix(rows: rows, columns: columns)
        GaussianStream(seed: seed).fill(&m, sigma: sigma)
        return m
    }

    /// Sample mean and standard deviation (n − 1), in double precision.
    static func moments<S: Sequence>(_ values: S) -> (mean: Double, sd: Double, n: Double) where S.Element == Float {
        var n = 0.0, sum = 0.0, sumSquares = 0.0
        for v in values {
            n += 1
            sum += Double(v)
            sumSquares += Double(v) * Double(v)
        }
        let mean = sum / n
        return (mean, ((sumSquares - n * mean * mean) / (n - 1)).squareRoot(), n)
    }

    /// Whether a sample of a normal law of deviation `sigma` has mean `mean`
    /// and deviation `sigma` within 5 standard errors (σ/√n and σ/√(2n)).
    static func matchesNormal(_ m: (mean: Double, sd: Double, n: Double), mean: Double, sigma: Double) -> Bool {
        abs(m.mean - mean) < 5 * sigma / m.n.squareRoot() && abs(m.sd - sigma) < 5 * sigma / (2 * m.n).squareRoot()
    }

    /// Runs the layer forward and returns the outputs.
    static func forward(_ layer: any LayerExecutor, _ x: Matrix) -> Matrix {
        var y = Matrix(rows: 0, columns: 0)
        layer.forward(x, into: &y)
        return y
    }

    /// Largest |a − b| / (|b| + floor).
    static func maxRelativeDifference(_ a: Matrix, _ b: Matrix, floor: Float = 1e-3) -> Float {
        precondition(a.rows == b.rows && a.columns == b.columns)
        var worst: Float = 0
        for i in 0..<a.count { worst = max(worst, abs(a.storage[i] - b.storage[i]) / (abs(b.storage[i]) + floor)) }
        return worst
    }
}

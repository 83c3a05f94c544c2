import FFNumerics
import FFRandom

/// Measures this machine's `cblas_sgemm` throughput on the matrix shapes
/// ffanalog's layers use: the practical ceiling of every trainer.
public enum GemmBenchmark {
    /// One measured product shape.
    public struct Measurement: Codable, Sendable {
        /// What the shape is used for.
        public var use: String
        /// Rows of the result (batch).
        public var m: Int
        /// Columns of the result (layer outputs).
        public var n: Int
        /// Inner dimension (layer inputs).
        public var k: Int
        /// Best time of one product over the repetitions, seconds.
        public var seconds: Double
        /// 2·m·n·k / seconds / 1e9.
        public var gflops: Double
    }

    /// The shapes of the default 784-500-500 network, Hinton's 4×2000 and the
    /// minimal PyTorch FF's full batch.
    public static let standardShapes: [(use: String, m: Int, n: Int, k: Int)] = [
        ("784→500, batch 100", 100, 500, 784),
        ("500→500, batch 100", 100, 500, 500),
        ("784→500, batch 1000", 1000, 500, 784),
        ("784→2000, batch 100", 100, 2000, 784),
        ("2000→2000, batch 100", 100, 2000, 2000),
        ("784→500, batch 50000", 50_000, 500, 784),
    ]

    /// Times each shape, best of `repetitions` after one warm-up.
    /// - Parameters:
    ///   - shapes: Products to time.
    ///   - repetitions: Timed repetitions per shape (the best is kept).
    /// - Returns: One measurement per shape.
    public static func run(shapes: [(use: String, m: Int, n: Int, k: Int)] = standardShapes,
                           repetitions: Int = 5) -> [Measurement] {
        let random = RandomGenerator(seed: 1)
        return shapes.map { shape in
            var a = Matrix(rows: shape.m, columns: shape.k)
            var b = Matrix(rows: shape.n, columns: shape.k)
            random.fillUniform(&a, from: -1, to: 1)
            random.fillUniform(&b, from: -1, to: 1)
            var c = Matrix(rows: 0, columns: 0)
            BLAS.gemm(a, b, transposeB: true, into: &c)
            // Enough products per repetition to last ~50 ms.
            let flops = 2.0 * Double(shape.m) * Double(shape.n) * Double(shape.k)
            let inner = max(1, Int(5e9 / flops))
            var best = Double.infinity
            for _ in 0..<repetitions {
                let start = WallClock.seconds()
                for _ in 0..<inner { BLAS.gemm(a, b, transposeB: true, into: &c) }
                best = min(best, (WallClock.seconds() - start) / Double(inner))
            }
            return Measurement(use: shape.use, m: shape.m, n: shape.n, k: shape.k, seconds: best, gflops: flops / best / 1e9)
        }
    }
}

import Testing
import FFNumerics
import FFRandom
@testable import FFTraining

@Suite("Hybrid negatives")
struct HybridNegativesTests {
    let generator = HybridNegatives(width: 28, height: 28)

    @Test("every mask value is exactly 0 or 1")
    func maskIsBinary() {
        let random = GaussianStream(seed: 11)
        for _ in 0..<50 {
            #expect(generator.mask(random: random).allSatisfy { $0 == 0 || $0 == 1 })
        }
    }

    @Test("on average half of the pixels come from each image")
    func halfFromEach() {
        // Hybrids of an all-ones and an all-zeros image are the masks themselves.
        let rows = 2000
        let ones = Matrix(rows: rows, columns: 784, repeating: 1)
        let zeros = Matrix(rows: rows, columns: 784)
        var hybrids = Matrix(rows: 0, columns: 0)
        generator.makeNegatives(from: ones, partners: zeros, into: &hybrids, random: GaussianStream(seed: 5))
        let fraction = hybrids.storage.reduce(0, +) / Float(hybrids.count)
        // A mask's fraction varies by about ±0.1 (large blobs); the mean of 2000
        // masks has a standard error of about 0.003.
        #expect(abs(fraction - 0.5) < 0.02, "fraction from the first image: \(fraction)")
        #expect(hybrids.storage.allSatisfy { $0 == 0 || $0 == 1 })
    }

    @Test("each hybrid pixel is the pixel of one of its two images")
    func pixelsComeFromTheImages() {
        let a = randomMatrix(20, 784, seed: 1), b = randomMatrix(20, 784, seed: 2)
        var hybrids = Matrix(rows: 0, columns: 0)
        generator.makeNegatives(from: a, partners: b, into: &hybrids, random: GaussianStream(seed: 3))
        var fromA = 0
        for i in 0..<hybrids.count {
            let v = hybrids.storage[i]
            #expect(v == a.storage[i] || v == b.storage[i])
            if v == a.storage[i] { fromA += 1 }
        }
        #expect(fromA > 0 && fromA < hybrids.count)
    }

    @Test("blurring makes large regions: neighbours agree far more often than random bits")
    func largeRegions() {
        let random = GaussianStream(seed: 9)
        var same = 0, pairs = 0
        for _ in 0..<20 {
            let m = generator.mask(random: random)
            for y in 0..<28 {
                for x in 0..<27 {
                    pairs += 1
                    if m[y * 28 + x] == m[y * 28 + x + 1] { same += 1 }
                }
            }
        }
        #expect(Double(same) / Double(pairs) > 0.85)
        let unblurred = HybridNegatives(width: 28, height: 28, blurPasses: 0).mask(random: random)
        #expect(unblurred.allSatisfy { $0 == 0 || $0 == 1 })
    }
}

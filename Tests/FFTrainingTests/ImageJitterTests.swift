import Foundation
import Testing
@testable import FFTraining
import FFNumerics
import FFRandom

@Suite("Image jitter")
struct ImageJitterTests {
    /// Shifts a 3×3 image holding 1…9 by `(dx, dy)` with background −1.
    static func shifted(dx: Int, dy: Int) -> [Float] {
        var image: [Float] = [1, 2, 3, 4, 5, 6, 7, 8, 9]
        var scratch = [Float](repeating: 0, count: 9)
        image.withUnsafeMutableBufferPointer { i in
            scratch.withUnsafeMutableBufferPointer { s in
                ImageJitter.shift(i, side: 3, dx: dx, dy: dy, background: -1, scratch: s)
            }
        }
        return image
    }

    @Test("by hand: a 3×3 image moved right, left and up, and not at all")
    func shiftsByHand() {
        #expect(Self.shifted(dx: 1, dy: 0) == [-1, 1, 2, -1, 4, 5, -1, 7, 8])
        #expect(Self.shifted(dx: -1, dy: 1) == [-1, -1, -1, 2, 3, -1, 5, 6, -1])
        #expect(Self.shifted(dx: 0, dy: -2) == [7, 8, 9, -1, -1, -1, -1, -1, -1])
        #expect(Self.shifted(dx: 0, dy: 0) == [1, 2, 3, 4, 5, 6, 7, 8, 9])
        #expect(Self.shifted(dx: 3, dy: 0) == [Float](repeating: -1, count: 9))
    }

    @Test("each image gets its own shift, uniform over the (2N+1)² offsets")
    func offsetsAreUniform() {
        // One bright pixel in the middle of a 5×5 image: where it lands gives the offset.
        let (count, side) = (1800, 5)
        var images = Matrix(rows: count, columns: side * side)
        images.withUnsafeMutableBufferPointer { p in for r in 0..<count { p[r * side * side + 12] = 1 } }
        var scratch = [Float]()
        ImageJitter(maxShift: 1).apply(to: &images, scratch: &scratch, random: RandomGenerator(seed: 3))
        var landed = [Int: Int]()
        images.withUnsafeMutableBufferPointer { p in
            for r in 0..<count {
                let row = (0..<(side * side)).filter { p[r * side * side + $0] != 0 }
                #expect(row.count == 1 && p[r * side * side + row[0]] == 1)
                landed[row[0], default: 0] += 1
            }
        }
        // The nine positions of the middle 3×3 block, 200 expected each (binomial sd ≈ 13).
        #expect(Set(landed.keys) == [6, 7, 8, 11, 12, 13, 16, 17, 18])
        for (position, n) in landed { #expect(abs(n - 200) < 60, "position \(position): \(n)") }
    }

    @Test("a recurrent run with jitter is reproducible, differs from one without, and refuses non-square images")
    func recurrentTraining() throws {
        let train = syntheticExamples(count: 60, pixels: 64, seed: 21)
        func run(jitter: Int, pixels: Int = 64) throws -> [Double] {
            var ff = FFConfiguration(hiddenSizes: [12, 12], epochs: 2, batchSize: 20)
            ff.readout = false
            ff.negatives = .random
            let c = RecurrentFFConfiguration(ff: ff, dynamics: RecurrentDynamics(iterations: 2, firstScoredIteration: 1,
                                                                                 lastScoredIteration: 2, jitter: jitter))
            let network = RecurrentFFNetwork(configuration: c, inputSize: pixels, random: RandomGenerator(seed: 4))
            let data = pixels == 64 ? train : syntheticExamples(count: 60, pixels: pixels, seed: 21)
            return try RecurrentFFTrainer(network: network, seed: 8).fit(train: data, test: nil).map(\.loss)
        }
        let jittered = try run(jitter: 2)
        #expect(try run(jitter: 2) == jittered)
        #expect(try run(jitter: 0) != jittered)
        #expect(jittered.allSatisfy { $0.isFinite })
        #expect { try run(jitter: 1, pixels: 60) } throws: { "\($0)".contains("--jitter shifts square images") }
        #expect(throws: TrainingError.self) { try RecurrentDynamics(jitter: -1).validate() }
    }

    @Test("dynamics without jitter encode as before; with it, they round-trip")
    func coding() throws {
        let plain = String(decoding: try JSONEncoder().encode(RecurrentDynamics()), as: UTF8.self)
        #expect(!plain.contains("jitter"))
        let on = RecurrentDynamics(jitter: 2)
        #expect(try JSONDecoder().decode(RecurrentDynamics.self, from: JSONEncoder().encode(on)) == on)
        #expect(try JSONDecoder().decode(RecurrentDynamics.self, from: Data(plain.utf8)).jitter == 0)
    }
}

import Foundation
import Testing
import FFNumerics
import FFRandom
@testable import FFTraining

@Suite("Optimizers and schedules")
struct OptimizerTests {
    func step(_ o: inout some Optimizer, _ p: inout [Float], _ g: [Float], lr: Float) -> [Float] {
        var d = [Float](repeating: 0, count: p.count)
        p.withUnsafeMutableBufferPointer { pp in
            g.withUnsafeBufferPointer { gg in
                d.withUnsafeMutableBufferPointer { dd in o.step(parameters: pp, gradient: gg, delta: dd, learningRate: lr) }
            }
        }
        return d
    }

    @Test("SGD with momentum and weight decay follows PyTorch's update by hand")
    func sgd() {
        var o = SGDMomentum(count: 1, momentum: 0.9, weightDecay: 0.1)
        var p: [Float] = [1]
        _ = step(&o, &p, [0.5], lr: 0.1)          // v = 0.5 + 0.1·1 = 0.6; p = 0.94
        #expect(abs(p[0] - 0.94) < 1e-6)
        let d = step(&o, &p, [0.5], lr: 0.1)      // v = 0.54 + 0.594 = 1.134; p = 0.8266
        #expect(abs(p[0] - 0.8266) < 1e-6)
        #expect(abs(d[0] + 0.1134) < 1e-6)
    }

    @Test("Adam's first step moves each parameter by the learning rate")
    func adam() {
        var o = Adam(count: 2, beta1: 0.9, beta2: 0.999, epsilon: 1e-8, weightDecay: 0)
        var p: [Float] = [0, 0]
        let d = step(&o, &p, [3, -0.01], lr: 0.01)
        #expect(abs(d[0] + 0.01) < 1e-6 && abs(d[1] - 0.01) < 1e-5)
        #expect(p == d)
    }

    @Test("optimizer state never turns subnormal where gradients vanish or are tiny",
          arguments: [OptimizerConfiguration.Kind.adam, .sgd])
    func noSubnormals(kind: OptimizerConfiguration.Kind) {
        var o = OptimizerConfiguration(kind: kind).makeOptimizer(count: 4)
        var p: [Float] = [0.1, 0.2, 0.3, 0.4]
        _ = step(&o, &p, [1e-3, 1e-30, -1e-18, 1e-10], lr: 0.01)
        // Afterwards the gradients vanish (or stay tiny): the moments decay geometrically.
        var subnormal = [Float]()
        for _ in 0..<3000 {
            _ = step(&o, &p, [0, 1e-30, -1e-18, 0], lr: 0.01)
            subnormal += o.state.vectors.joined().filter { $0 != 0 && !$0.isNormal }
        }
        #expect(subnormal.isEmpty, "\(subnormal.count) subnormal state values, e.g. \(subnormal.prefix(3))")
        let finite = p.allSatisfy { $0.isFinite }
        #expect(finite)
    }

    /// The scalar formulas, element by element, for the lane kernels to match.
    func referenceSteps(_ kind: OptimizerConfiguration.Kind, parameters: [Float], gradients: [[Float]],
                        lr: Float, wd: Float) -> [Float] {
        var p = parameters
        var m = [Float](repeating: 0, count: p.count), v = m
        let (b1, b2, eps, mu): (Float, Float, Float, Float) = (0.9, 0.999, 1e-8, 0.9)
        func flush(_ x: Float, _ floor: Float) -> Float { abs(x) < floor ? 0 : x }
        for (t, gradient) in gradients.enumerated() {
            let c1 = 1 - powf(b1, Float(t + 1))
            let c2 = (1 - powf(b2, Float(t + 1))).squareRoot()
            for i in p.indices {
                switch kind {
                case .adam:
                    let g = flush(gradient[i] + wd * p[i], 0x1p-55)
                    m[i] = b1 * flush(m[i], 0x1p-100) + (1 - b1) * g
                    v[i] = b2 * flush(v[i], 0x1p-100) + (1 - b2) * g * g
                    p[i] += -(lr / c1) * m[i] / (v[i].squareRoot() / c2 + eps)
                case .sgd:
                    let g = flush(gradient[i] + wd * p[i], 0x1p-100)
                    m[i] = t == 0 ? g : mu * flush(m[i], 0x1p-100) + g
                    p[i] += -lr * m[i]
                }
            }
        }
        return p
    }

    @Test("the eight-lane optimizer kernels give the scalar formulas' bits, at any thread count and length",
          arguments: [OptimizerConfiguration.Kind.adam, .sgd], [1, 7, 8, 37, 1000])
    func lanesMatchScalar(kind: OptimizerConfiguration.Kind, count: Int) {
        var seed: UInt64 = 12345
        func next() -> Float {
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            let u = Float(seed >> 40) / Float(1 << 24) - 0.5
            // Mix ordinary values with tiny ones that would turn subnormal.
            return (seed >> 20) % 5 == 0 ? u * 1e-30 : u
        }
        let parameters = (0..<count).map { _ in next() }
        let gradients = (0..<6).map { _ in (0..<count).map { _ in next() } }
        let expected = referenceSteps(kind, parameters: parameters, gradients: gradients, lr: 0.01, wd: 0.001)
        for threads in [1, 2, 3] {
            ParallelRows.$threadsOverride.withValue(threads) {
                var o = OptimizerConfiguration(kind: kind, weightDecay: 0.001).makeOptimizer(count: count)
                var p = parameters
                for g in gradients { _ = step(&o, &p, g, lr: 0.01) }
                let same = p.map(\.bitPattern) == expected.map(\.bitPattern)
                #expect(same, "\(kind) with \(count) elements on \(threads) threads")
            }
        }
    }

    @Test("a digital layer updated in the optimizer's pass keeps the bits that adding the increment gives",
          arguments: [OptimizerConfiguration.Kind.adam, .sgd])
    func mirroredDigitalLayer(kind: OptimizerConfiguration.Kind) {
        let config = OptimizerConfiguration(kind: kind, weightDecay: 0.01)
        let start = LayerParameters(inputSize: 37, outputSize: 11, initialization: .heNormal, random: RandomGenerator(seed: 3))
        let (mirrored, incremented) = (DigitalLayer(parameters: start, activation: .relu), DigitalLayer(parameters: start, activation: .relu))
        var (a, b) = (ParameterOptimizer(config, inputSize: 37, outputSize: 11), ParameterOptimizer(config, inputSize: 37, outputSize: 11))
        var (pa, pb) = (start, start)
        for s in 0..<5 {
            var gradient = LayerParameters(inputSize: 37, outputSize: 11, initialization: .heNormal, random: RandomGenerator(seed: UInt64(10 + s)))
            gradient.bias = gradient.bias.map { $0 * 0.1 }
            a.step(&pa, gradient: gradient, learningRate: 0.01, updating: mirrored)
            b.step(&pb, gradient: gradient, learningRate: 0.01)
            incremented.update(by: b.lastDelta)
        }
        #expect(pa == pb && mirrored.parameters == incremented.parameters && mirrored.parameters == pa)
    }

    @Test("linear decay is flat for the first half and reaches 0 at the end")
    func schedule() {
        let s = LearningRateSchedule.linearDecay
        #expect(s.factor(step: 0, totalSteps: 100) == 1)
        #expect(s.factor(step: 49, totalSteps: 100) == 1)
        #expect(abs(s.factor(step: 75, totalSteps: 100) - 0.5) < 1e-6)
        #expect(s.factor(step: 99, totalSteps: 100) > 0)
        #expect(LearningRateSchedule.constant.factor(step: 99, totalSteps: 100) == 1)
    }

    @Test("SGD and Adam steps split over threads give the same bits as one thread")
    func threadedSteps() {
        let n = 300_001
        let g0 = (0..<n).map { Float(($0 * 7919) % 1000) / 500 - 1 }
        func run(threads: Int) -> [[Float]] {
            ParallelRows.$threadsOverride.withValue(threads) {
                var sgd = SGDMomentum(count: n, momentum: 0.9, weightDecay: 3e-4)
                var adam = Adam(count: n, beta1: 0.9, beta2: 0.999, epsilon: 1e-8, weightDecay: 1e-4)
                var (p1, p2) = (g0.map { $0 * 0.5 }, g0.map { $0 * 0.25 })
                var out = [[Float]]()
                for s in 0..<3 {
                    let g = g0.map { $0 * Float(s + 1) }
                    out.append(step(&sgd, &p1, g, lr: 0.01))
                    out.append(step(&adam, &p2, g, lr: 0.01))
                }
                return out + [p1, p2]
            }
        }
        #expect(run(threads: 1) == run(threads: 2))
        #expect(run(threads: 1) == run(threads: 3))
    }
}

import Testing
import FFNumerics
import FFRandom
@testable import FFTraining

@Suite("Backprop baseline")
struct BackpropGradientTests {
    @Test("parameter gradients match central finite differences")
    func gradientCheck() {
        let config = BPConfiguration(hiddenSizes: [7, 5], classes: 4)
        let net = BPNetwork(configuration: config, inputSize: 6, random: RandomGenerator(seed: 5))
        let x = randomMatrix(8, 6, seed: 11)
        let labels: [Int32] = [0, 1, 2, 3, 3, 2, 1, 0]
        var workspace = BPWorkspace()
        var grads = net.parameters.map { LayerParameters(inputSize: $0.inputSize, outputSize: $0.outputSize) }
        _ = net.lossAndGradients(x, labels: labels, workspace: &workspace, gradients: &grads)

        for l in 0..<net.layerCount {
            var w = net.parameters[l].weights.storage
            let f: ([Float]) -> Double = { values in
                var p = net.parameters[l]
                p.weights = Matrix(rows: p.outputSize, columns: p.inputSize, storage: values)
                net.executors[l].program(p)
                var scratch = Matrix(rows: 0, columns: 0)
                let loss = SoftmaxCrossEntropy.evaluate(logits: net.logits(x), labels: labels, gradient: &scratch).loss
                net.executors[l].program(net.parameters[l])
                return loss
            }
            for i in stride(from: 0, to: w.count, by: 3) {
                let numeric = finiteDifference(&w, i, step: 5e-3, f)
                let analytic = Double(grads[l].weights.storage[i])
                #expect(abs(numeric - analytic) < 1e-3 + 2e-2 * abs(analytic),
                        "layer \(l) weight \(i): numeric \(numeric) vs analytic \(analytic)")
            }
        }
        // Bias of the first layer too.
        var b = net.parameters[0].bias
        for i in b.indices {
            let numeric = finiteDifference(&b, i, step: 5e-3) { values in
                var p = net.parameters[0]
                p.bias = values
                net.executors[0].program(p)
                var scratch = Matrix(rows: 0, columns: 0)
                let loss = SoftmaxCrossEntropy.evaluate(logits: net.logits(x), labels: labels, gradient: &scratch).loss
                net.executors[0].program(net.parameters[0])
                return loss
            }
            #expect(abs(numeric - Double(grads[0].bias[i])) < 1e-3 + 2e-2 * abs(Double(grads[0].bias[i])))
        }
    }

    @Test("backprop learns a synthetic problem")
    func learns() throws {
        let train = syntheticExamples(count: 600, seed: 1)
        let test = syntheticExamples(count: 300, seed: 2)
        let config = BPConfiguration(hiddenSizes: [32], epochs: 5, batchSize: 20, learningRate: 0.01)
        let net = BPNetwork(configuration: config, inputSize: train.images.columns, random: RandomGenerator(seed: 1))
        let history = try BPTrainer(network: net, seed: 1).fit(train: train, test: test)
        #expect(history.count == 5)
        #expect(history.last!.loss < history.first!.loss)
        #expect(history.last!.testAccuracy! > 0.9)
    }
}

import Foundation
import Testing

@Suite("ffanalog bench train", .serialized)
struct CLIBenchTests {
    @Test("bench train reports per-layer steps, the naive ratio and the prediction timing, and writes JSON")
    func benchTrain() throws {
        let dir = try CLI.temporaryDirectory()
        defer { CLI.remove(dir) }
        let path = dir.appendingPathComponent("bench.json").path
        let output = try CLI.run(["bench", "train", "--recipe", "pytorch-forward-forward", "--dataset", "fashion-mnist",
                                  "--data-dir", CLI.fashionDirectory, "--hidden", "32,32", "--train-examples", "500",
                                  "--standardize", "none", "--steps", "2", "--predict", "200", "--threads", "1",
                                  "--output", path])
        #expect(output.status == 0, "\(output.stderr)")
        #expect(output.stdout.contains("layer 1"))
        #expect(output.stdout.contains("layer 2"))
        #expect(output.stdout.contains("prediction"))
        let json = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as? [String: Any])
        let results = try #require(json["results"] as? [String: Any])
        let training = try #require(results["training"] as? [[String: Any]])
        #expect(training.count == 2)
        #expect(training.first?["steps"] as? Int == 2)
        #expect(results["shared_first_layer"] as? Bool == true)
        // The full batch of 500 Fashion-MNIST images leaves its border pixels out of sgemm.
        let split = try #require(results["first_layer_split"] as? [String: Int])
        #expect(split["images"] == 500 && split["pixels"] == 784)
        #expect((split["dense_pixels"] ?? 0) + (split["base_pixels"] ?? 0) == 784 && (split["base_pixels"] ?? 0) >= 49)
        #expect(output.stdout.contains("first layer's last batch of 500: sgemm on \(split["dense_pixels"] ?? -1) of 784 pixels"))
        let prediction = try #require(results["prediction"] as? [String: Any])
        #expect((prediction["input_use"] as? [Double])?.count == 2)
        #expect(prediction["shared_only_seconds"] is Double && prediction["performed_flops"] is Double
                && prediction["naive_flops"] is Double)
        #expect(training.first?["naive_flops_per_step"] is Double)
        // The peak is measured before and after the timed work, and the higher one is used.
        for part in [training[0], training[1], prediction] {
            let peaks = try #require(part["peak_measurements"] as? [Double])
            #expect(peaks.count == 2 && peaks.allSatisfy { $0 > 0 })
            #expect(part["peak_gflops"] as? Double == peaks.max())
        }
        #expect(output.stdout.contains("measured before and after"))
    }
}

import Foundation
import Testing
import FFNumerics
import FFRandom
@testable import FFTraining

@Suite("Recurrent FF's label scale")
struct LabelScaleTests {
    @Test("the factor: 1 as normalised, √(units / classes) for a state's length under RMS, 1 under L2, or the gain")
    func factors() {
        #expect(LabelScale.normalized.factor(topUnits: 2000, classes: 10, normalization: .rms) == 1)
        #expect(abs(LabelScale.stateLength.factor(topUnits: 2000, classes: 10, normalization: .rms) - Float(200).squareRoot()) < 1e-5)
        #expect(LabelScale.stateLength.factor(topUnits: 2000, classes: 10, normalization: .l2) == 1)
        #expect(LabelScale.gain(3).factor(topUnits: 2000, classes: 10, normalization: .rms) == 3)
    }

    @Test("the option's text parses, and bad values are refused")
    func parsing() {
        #expect(LabelScale("normalized") == .normalized)
        #expect(LabelScale("state") == .stateLength)
        #expect(LabelScale("2.5") == .gain(2.5))
        for bad in ["", "large", "0", "-1", "nan", "inf"] { #expect(LabelScale(bad) == nil, "\(bad)") }
        #expect(throws: TrainingError.self) { try RecurrentDynamics(labelScale: .gain(0)).validate() }
    }

    @Test("dynamics round-trip through JSON, and JSON written before the setting decodes as normalised")
    func coding() throws {
        for scale in [LabelScale.normalized, .stateLength, .gain(7.5)] {
            let d = RecurrentDynamics(labelScale: scale)
            let data = try JSONEncoder().encode(d)
            #expect(try JSONDecoder().decode(RecurrentDynamics.self, from: data) == d)
        }
        let state = try JSONEncoder().encode(RecurrentDynamics(labelScale: .stateLength))
        #expect(String(decoding: state, as: UTF8.self).contains("\"labelScale\":\"state\""))
        let old = #"{"damping":0.3,"iterations":8,"firstScoredIteration":3,"lastScoredIteration":5,"predictionLayers":"all","updateEveryIteration":true}"#
        let decoded = try JSONDecoder().decode(RecurrentDynamics.self, from: Data(old.utf8))
        #expect(decoded == RecurrentDynamics(labelScale: .normalized))
    }

    @Test("with a state's length, every label row the top layer hears is as long as a normalised top state")
    func labelLength() {
        let ff = FFConfiguration(hiddenSizes: [6, 8], normalization: .rms, normalizationEpsilon: 0,
                                 overlay: LabelOverlay(classes: 3))
        let config = RecurrentFFConfiguration(ff: ff, dynamics: RecurrentDynamics(labelScale: .stateLength))
        let net = RecurrentFFNetwork(configuration: config, inputSize: 5, random: RandomGenerator(seed: 3))
        var state = RecurrentState(layers: 2)
        net.start(&state, images: Matrix(rows: 2, columns: 5, storage: (0..<10).map { Float($0 % 4) }))
        net.setLabels(&state, .labels([2, 0]))
        for row in 0..<2 {
            let length = state.label.row(row).reduce(0) { $0 + $1 * $1 }.squareRoot()
            #expect(abs(length - Float(8).squareRoot()) < 1e-5)
            // A normalised state of the top layer has the same length.
            var top = Matrix(rows: 1, columns: 8, storage: state.states[1].row(row))
            top.normalizeRows(.rms, epsilon: 0)
            #expect(abs(top.row(0).reduce(0) { $0 + $1 * $1 }.squareRoot() - length) < 1e-4)
        }
    }
}

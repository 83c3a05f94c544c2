import Testing
@testable import FFPlots

@Suite("Tick generation")
struct TicksTests {
    @Test("nice numbers round to 1, 2, 5 or 10 times a power of ten")
    func niceNumbers() {
        #expect(Ticks.niceNumber(0.25, round: true) == 0.2)
        #expect(Ticks.niceNumber(0.25, round: false) == 0.5)
        #expect(Ticks.niceNumber(7.3, round: true) == 10)
        #expect(Ticks.niceNumber(4.9, round: true) == 5)
        #expect(Ticks.niceNumber(1234, round: false) == 2000)
        #expect(Ticks.niceNumber(1.1 - 0.9, round: false) == 0.2)  // floating-point noise must not bump the step
    }

    @Test("linear ticks for typical ranges",
          arguments: [
              (0.0, 1.0, 5, [0.0, 0.2, 0.4, 0.6, 0.8, 1.0], 0.2),
              (0.0, 100.0, 5, [0.0, 20, 40, 60, 80, 100], 20.0),
              (0.93, 0.985, 6, [0.93, 0.94, 0.95, 0.96, 0.97, 0.98], 0.01),
              (-3.0, 7.0, 5, [-2.0, 0, 2, 4, 6], 2.0),
              (1.0, 50.0, 5, [10.0, 20, 30, 40, 50], 10.0),
              (0.0, 0.3, 3, [0.0, 0.1, 0.2, 0.3], 0.1),
              (0.0, 0.3, 5, [0.0, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3], 0.05),
          ])
    func linear(lower: Double, upper: Double, count: Int, expected: [Double], step: Double) {
        let ticks = Ticks.linear(from: lower, to: upper, count: count)
        #expect(ticks.step == step)
        #expect(ticks.values == expected)  // exact: 0.3 is the double nearest 0.3, not 3 × 0.1
    }

    @Test("nice bounds widen a range to whole steps, and labels share their decimals")
    func niceBounds() {
        let ticks = Ticks.linear(from: 0.934, to: 0.982, count: 6)
        #expect(ticks.niceLowerBound == 0.93)
        #expect(ticks.niceUpperBound == 0.99)
        #expect(ticks.widened.values == [0.93, 0.94, 0.95, 0.96, 0.97, 0.98, 0.99])
        #expect(Ticks.linear(from: 0, to: 1, count: 6).labels == ["0.0", "0.2", "0.4", "0.6", "0.8", "1.0"])
        #expect(Ticks.linear(from: -0.034, to: 0.016, count: 3).widened.labels == ["-0.04", "-0.02", "0.00", "0.02"])
    }

    @Test("degenerate ranges give no ticks instead of crashing")
    func degenerate() {
        #expect(Ticks.linear(from: 1, to: 1).values.isEmpty)
        #expect(Ticks.linear(from: .nan, to: 1).values.isEmpty)
        #expect(Ticks.linear(from: 2, to: 1).values.isEmpty)
        #expect(Ticks.linear(from: 1e300, to: 1e300 * (1 + 1e-15)).values.count == 2)
    }

    @Test("log ticks at decades, minor ticks at 2–9 times each decade")
    func logTicks() {
        #expect(Ticks.decades(from: 1, to: 86400) == [1, 10, 100, 1000, 10_000])
        #expect(Ticks.decades(from: 0.001, to: 0.1) == [0.001, 0.01, 0.1])
        #expect(Ticks.decades(from: 2, to: 8).isEmpty)
        #expect(Ticks.decades(from: 0, to: 10).isEmpty)
        let minor = Ticks.logMinor(from: 1, to: 100)
        #expect(minor.count == 16)
        #expect(minor.first == 2 && minor.last == 90)
    }

    @Test("a log axis snaps to decades and labels them")
    func logAxis() {
        let plan = AxisPlan.make(scale: .log10, values: [3, 4000], range: nil, customTicks: nil,
                                 pixelStart: 0, pixelEnd: 500, horizontal: true, fontSize: 11)
        #expect(plan.major.map(\.value) == [1, 10, 100, 1000, 10_000])
        #expect(plan.major.compactMap(\.label?.text) == ["1", "10", "100", "1000", "10000"])
        #expect(!plan.minor.isEmpty)
        let wide = AxisPlan.make(scale: .log10, values: [1e-6, 1e6], range: nil, customTicks: nil,
                                 pixelStart: 0, pixelEnd: 500, horizontal: true, fontSize: 11)
        #expect(wide.major.first?.label?.exponent == "\u{2212}6")
    }
}

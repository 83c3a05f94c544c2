import Testing
@testable import FFPlots

@Suite("Number formatting")
struct NumberFormattingTests {
    @Test("fixed decimals, locale-independent, no negative zero")
    func fixed() {
        #expect(NumberFormatting.fixed(0.25, decimals: 2) == "0.25")
        #expect(NumberFormatting.fixed(0.5, decimals: 2) == "0.5")
        #expect(NumberFormatting.fixed(0.5, decimals: 2, trimmingZeros: false) == "0.50")
        #expect(NumberFormatting.fixed(-0.0001, decimals: 2) == "0")
        #expect(NumberFormatting.fixed(-0.0, decimals: 1, trimmingZeros: false) == "0.0")
        #expect(NumberFormatting.fixed(1234567.891, decimals: 1) == "1234567.9")
        #expect(NumberFormatting.fixed(-3, decimals: 0) == "-3")
        #expect(NumberFormatting.fixed(0.1 + 0.2, decimals: 3) == "0.3")
        #expect(NumberFormatting.fixed(.nan, decimals: 2) == "NaN")
        #expect(NumberFormatting.fixed(-.infinity, decimals: 2) == "-inf")
    }

    @Test("compact and scientific forms")
    func compact() {
        #expect(NumberFormatting.compact(0.9731234567) == "0.973123")
        #expect(NumberFormatting.compact(86400) == "86400")
        #expect(NumberFormatting.compact(0) == "0")
        #expect(NumberFormatting.compact(1.5e-5) == "1.5e-5")
        #expect(NumberFormatting.compact(2.5e9) == "2.5e9")
        #expect(NumberFormatting.scientific(9.9996e3) == "1e4")
        #expect(NumberFormatting.coordinate(-0.001) == "0")
        #expect(NumberFormatting.coordinate(12.3456) == "12.35")
    }
}

import Testing
@testable import FFPlots

@Suite("Chart builder")
struct ChartBuilderTests {
    /// A tidy table: two methods, two noise levels, three seeds, two metrics.
    static let csv = """
    method,noise,seed,metric,value
    FF,0.0,1,test_accuracy,0.970
    FF,0.0,2,test_accuracy,0.972
    FF,0.0,3,test_accuracy,0.974
    FF,0.1,1,test_accuracy,0.90
    FF,0.1,2,test_accuracy,0.92
    FF,0.1,3,test_accuracy,0.97
    BP,0.1,1,test_accuracy,0.80
    BP,0.0,1,test_accuracy,0.981
    BP,0.0,2,test_accuracy,0.983
    FF,0.0,1,train_seconds,12.5
    BP,0.0,1,train_seconds,3.5
    FF,0.05,1,test_accuracy,

    """

    static func rows() throws -> [[String: String]] { try CSVReader.parse(csv).rows }

    @Test("mean and sample standard deviation per series and x")
    func aggregation() throws {
        let s = try ChartBuilder.summarize(Self.rows(), series: "method", x: "noise", y: "value",
                                           where: ["metric": "test_accuracy"])
        #expect(s.map(\.series) == ["FF", "FF", "BP", "BP"])
        #expect(s.map(\.x) == [0, 0.1, 0, 0.1])
        #expect(s.map(\.count) == [3, 3, 2, 1])
        // FF at 0.0: 0.970, 0.972, 0.974 → mean 0.972, std sqrt((0.002² + 0 + 0.002²) / 2) = 0.002.
        #expect(abs(s[0].mean - 0.972) < 1e-12)
        #expect(abs(s[0].standardDeviation! - 0.002) < 1e-12)
        // FF at 0.1: 0.90, 0.92, 0.97 → mean 0.93, deviations −0.03, −0.01, 0.04 → std sqrt(0.0026 / 2).
        #expect(abs(s[1].mean - 0.93) < 1e-12)
        #expect(abs(s[1].standardDeviation! - (0.0026 / 2).squareRoot()) < 1e-12)
        // BP at 0.0: two seeds → n − 1 = 1.
        #expect(abs(s[2].mean - 0.982) < 1e-12)
        #expect(abs(s[2].standardDeviation! - (2 * 0.001 * 0.001).squareRoot()) < 1e-12)
        // One observation: no error bar.
        #expect(s[3].standardDeviation == nil)
        #expect(s[3].mean == 0.8)
    }

    @Test("series come out sorted by x, in order of appearance or as requested")
    func seriesAndOrder() throws {
        let series = try ChartBuilder.series(Self.rows(), series: "method", x: "noise", y: "value",
                                             where: ["metric": "test_accuracy"], order: ["BP", "absent"])
        #expect(series.map(\.label) == ["BP", "FF"])
        #expect(series[0].points.map(\.x) == [0, 0.1])
        #expect(series[0].points[1].error == nil)
        #expect(series[1].points.allSatisfy { $0.error != nil })
    }

    @Test("a line chart from the table renders and labels its axes")
    func lineChart() throws {
        let chart = try ChartBuilder.lineChart(Self.rows(), series: "method", x: "noise", y: "value",
                                               where: ["metric": "test_accuracy"], title: "Accuracy")
        #expect(chart.xLabel == "noise")
        #expect(chart.yLabel == "test_accuracy")
        #expect(chart.series.count == 2)
        let xml = XMLCheck(chart.svg())
        #expect(xml.wellFormed)
        #expect(xml.text.contains("test_accuracy"))
    }

    @Test("wide tables work too: the y column is a metric")
    func wideTable() throws {
        let rows = [
            ["method": "ff", "seed": "1", "noise": "0.05", "test_accuracy": "0.9"],
            ["method": "ff", "seed": "2", "noise": "0.05", "test_accuracy": "0.8"],
            ["method": "bp", "seed": "1", "noise": "0.05", "test_accuracy": ""],
        ]
        let s = try ChartBuilder.summarize(rows, series: "method", x: "noise", y: "test_accuracy")
        #expect(s.count == 1)
        #expect(abs(s[0].mean - 0.85) < 1e-12)
    }

    @Test("missing columns and bad numbers are errors")
    func errors() throws {
        let rows = try Self.rows()
        #expect(throws: ChartBuilderError.missingColumn("metirc")) {
            try ChartBuilder.summarize(rows, series: "method", x: "noise", y: "value", where: ["metirc": "test_accuracy"])
        }
        #expect(throws: ChartBuilderError.missingColumn("epoch")) {
            try ChartBuilder.summarize(rows, series: "method", x: "epoch", y: "value")
        }
        let bad = [["method": "FF", "noise": "0.1", "value": "0.9"], ["method": "FF", "noise": "low", "value": "0.8"]]
        #expect(throws: ChartBuilderError.notANumber(column: "noise", value: "low", row: 2)) {
            try ChartBuilder.summarize(bad, series: "method", x: "noise", y: "value")
        }
        #expect(try ChartBuilder.summarize([], series: "method", x: "noise", y: "value").isEmpty)
    }

    @Test("sample standard deviation helper")
    func statistics() {
        let (mean, std) = ChartBuilder.meanAndSampleStandardDeviation([2, 4, 4, 4, 5, 5, 7, 9])
        #expect(mean == 5)
        #expect(abs(std! - (32.0 / 7).squareRoot()) < 1e-12)
        #expect(ChartBuilder.meanAndSampleStandardDeviation([3]).standardDeviation == nil)
    }
}

@testable import FFPlots

/// Charts that exercise the renderer's cases, shared by the SVG and rendering tests.
enum SampleCharts {
    static let hostile = "<&>\"' & </svg><script>"

    static let noise: LineChart = {
        let noise = [0.0, 0.01, 0.02, 0.05, 0.1]
        return LineChart(title: "Accuracy vs. noise", xLabel: "read noise", yLabel: "test accuracy", series: [
            Series(label: "FF", x: noise, y: [0.978, 0.976, 0.973, 0.961, 0.93], errors: [0.001, 0.002, 0.002, 0.004, 0.008]),
            Series(label: "backprop", x: noise, y: [0.984, 0.982, 0.977, 0.955, 0.90], errors: [0.0005, 0.001, 0.003, 0.006, 0.012]),
        ])
    }()

    static let drift = LineChart(
        title: "Drift", xLabel: "time since programming", yLabel: "test accuracy",
        series: [
            Series(label: "FF", x: [1, 3600, 86400, 2_592_000], y: [0.97, 0.95, 0.93, 0.9], errors: [0.002, 0.004, 0.006, 0.01]),
            Series(label: "BP", x: [1, 3600, 86400, 2_592_000], y: [0.98, 0.94, 0.9, 0.84]),
        ],
        xScale: .log10, xTickLabels: [(1, "1s"), (3600, "1h"), (86400, "1d"), (2_592_000, "30d")])

    static let empty = LineChart(title: "Nothing yet", xLabel: "epoch", yLabel: "loss")

    static let emptySeries = LineChart(title: "Empty series", xLabel: "epoch", yLabel: "loss",
                                       series: [Series(label: "FF", points: [])])

    static let single = LineChart(title: "One point", xLabel: "x", yLabel: "y",
                                  series: [Series(label: "only", points: [.init(x: 2, y: 0.5, error: 0.05)])])

    static let withNaN = LineChart(title: "Gaps", xLabel: "x", yLabel: "y", series: [
        Series(label: "gappy", x: [0, 1, 2, 3, 4], y: [1, .nan, 3, .infinity, 5]),
        Series(label: "bad x", x: [.nan, -.infinity], y: [1, 2]),
    ])

    static let flat = LineChart(title: "Flat", xLabel: "x", yLabel: "y",
                                series: [Series(label: "constant", x: [1, 2, 3], y: [0.9, 0.9, 0.9])])

    static let logNonPositive = LineChart(title: "Log with zero", xLabel: "noise", yLabel: "accuracy",
                                          series: [Series(label: "FF", x: [0, 0.001, 0.01, 0.1], y: [0.98, 0.97, 0.95, 0.9])],
                                          xScale: .log10)

    static let hostileLabels = LineChart(title: hostile, xLabel: "x " + hostile, yLabel: "y " + hostile, series: [
        Series(label: hostile, x: [1, 2], y: [3, 4]),
        Series(label: "tab\tand control \u{1}\u{8} characters", x: [1, 2], y: [4, 3]),
    ], xTickLabels: [(1, "<one>"), (2, "two & 'half'")])

    static let logLog = LineChart(title: "Loss", xLabel: "step", yLabel: "loss",
                                  series: [Series(label: "FF", x: [1, 10, 100, 1e5], y: [2, 0.1, 1e-3, 1e-6])],
                                  xScale: .log10, yScale: .log10)

    static let all: [(name: String, chart: LineChart)] = [
        ("noise", noise), ("drift", drift), ("empty", empty), ("emptySeries", emptySeries), ("single", single),
        ("withNaN", withNaN), ("flat", flat), ("logNonPositive", logNonPositive), ("hostileLabels", hostileLabels),
        ("logLog", logLog),
    ]

    static var names: [String] { all.map(\.name) }

    static func chart(named name: String) -> LineChart {
        all.first { $0.name == name }!.chart
    }
}

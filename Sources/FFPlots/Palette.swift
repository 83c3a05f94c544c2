/// Colours, markers and dash patterns that tell series apart, in colour and in greyscale.
///
/// The colours are the Okabe–Ito palette, which stays distinguishable under the common
/// forms of colour-vision deficiency. Markers and dash patterns cycle with different
/// periods, so the first 56 series all differ in at least two of the three cues.
public enum Palette {
    /// The Okabe–Ito colours as `#RRGGBB`, ordered so the first ones contrast best on white.
    public static let colors: [String] = [
        "#0072B2", // blue
        "#D55E00", // vermillion
        "#009E73", // bluish green
        "#CC79A7", // reddish purple
        "#E69F00", // orange
        "#56B4E9", // sky blue
        "#000000", // black
        "#F0E442", // yellow
    ]

    /// The SVG `stroke-dasharray` values used for series lines; `nil` is a solid line.
    public static let dashPatterns: [String?] = [nil, "7 3", "2 2", "9 3 2 3", "4 4", "1 3 6 3", "12 4"]

    /// The style of the series at `index`.
    /// - Parameter index: The series' position in the chart (0-based).
    /// - Returns: Its colour, marker and dash pattern.
    public static func style(at index: Int) -> SeriesStyle {
        let i = max(index, 0)
        return SeriesStyle(color: colors[i % colors.count],
                           marker: Marker.allCases[i % Marker.allCases.count],
                           dash: dashPatterns[i % dashPatterns.count])
    }
}

/// How one series is drawn.
public struct SeriesStyle: Sendable, Hashable {
    /// Stroke and fill colour as `#RRGGBB`.
    public var color: String
    /// The marker drawn at each point.
    public var marker: Marker
    /// SVG `stroke-dasharray` of the line; `nil` for a solid line.
    public var dash: String?

    /// Creates a style.
    /// - Parameters:
    ///   - color: Colour as `#RRGGBB`.
    ///   - marker: Marker shape.
    ///   - dash: SVG dash array, or `nil` for solid.
    public init(color: String, marker: Marker, dash: String?) {
        self.color = color
        self.marker = marker
        self.dash = dash
    }
}

/// One labelled line of a ``LineChart``: its points in drawing order.
public struct Series: Sendable {
    /// The legend text.
    public var label: String
    /// The points, joined by a line in this order.
    public var points: [Point]

    /// Creates a series.
    /// - Parameters:
    ///   - label: The legend text; any characters, escaped when rendered.
    ///   - points: The points, joined by a line in the given order.
    public init(label: String, points: [Point]) {
        self.label = label
        self.points = points
    }

    /// Creates a series from parallel arrays.
    /// - Parameters:
    ///   - label: The legend text.
    ///   - x: Horizontal positions.
    ///   - y: Vertical positions; must have as many values as `x`.
    ///   - errors: Optional error-bar half-widths, as many as `x`.
    public init(label: String, x: [Double], y: [Double], errors: [Double]? = nil) {
        precondition(x.count == y.count, "Series \(label): \(x.count) x values but \(y.count) y values")
        precondition(errors.map { $0.count == x.count } ?? true, "Series \(label): error count differs from point count")
        self.label = label
        self.points = x.indices.map { Point(x: x[$0], y: y[$0], error: errors?[$0]) }
    }
}

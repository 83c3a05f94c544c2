extension Series {
    /// One observation of a ``Series``.
    public struct Point: Sendable, Hashable {
        /// The horizontal position.
        public var x: Double
        /// The vertical position (for aggregated data, the mean).
        public var y: Double
        /// Half-width of the vertical error bar (for example the standard deviation over
        /// seeds); `nil` draws no bar.
        public var error: Double?

        /// Creates a point.
        /// - Parameters:
        ///   - x: The horizontal position. Non-finite values are skipped when drawing.
        ///   - y: The vertical position. Non-finite values are skipped when drawing.
        ///   - error: Half-width of the error bar, or `nil` for none.
        public init(x: Double, y: Double, error: Double? = nil) {
            self.x = x
            self.y = y
            self.error = error
        }
    }
}

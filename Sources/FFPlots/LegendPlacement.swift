/// Where a ``LineChart`` puts its legend. The legend is always outside the plot area,
/// so it never covers data.
public enum LegendPlacement: Sendable, Hashable {
    /// Right of the plot when the legend is narrow enough (at most 30 % of the chart's
    /// width and no taller than the plot), otherwise below it.
    case automatic
    /// Right of the plot, one entry per row.
    case right
    /// Below the plot, entries flowing left to right in rows.
    case bottom
    /// No legend.
    case hidden
}

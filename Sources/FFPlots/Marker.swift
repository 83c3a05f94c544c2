/// Marker shapes drawn at data points.
public enum Marker: String, Sendable, Hashable, CaseIterable {
    /// A filled disc.
    case circle
    /// A filled square.
    case square
    /// A filled triangle pointing up.
    case triangleUp
    /// A filled diamond.
    case diamond
    /// A filled triangle pointing down.
    case triangleDown
    /// An outlined ×.
    case cross
    /// An outlined +.
    case plus

    /// SVG path data of the marker centred at the origin, about `2 * radius` across.
    /// - Parameter radius: Half the marker's extent in pixels.
    /// - Returns: Path data with coordinates relative to the centre.
    func pathData(radius r: Double) -> String {
        let f = NumberFormatting.coordinate
        switch self {
        case .circle:
            return "M\(f(-r)),0a\(f(r)),\(f(r)) 0 1,0 \(f(2 * r)),0a\(f(r)),\(f(r)) 0 1,0 \(f(-2 * r)),0z"
        case .square:
            let s = r * 0.88
            return "M\(f(-s)),\(f(-s))h\(f(2 * s))v\(f(2 * s))h\(f(-2 * s))z"
        case .triangleUp:
            let t = r * 1.15
            return "M0,\(f(-t))L\(f(t * 0.87)),\(f(t * 0.5))L\(f(-t * 0.87)),\(f(t * 0.5))z"
        case .triangleDown:
            let t = r * 1.15
            return "M0,\(f(t))L\(f(t * 0.87)),\(f(-t * 0.5))L\(f(-t * 0.87)),\(f(-t * 0.5))z"
        case .diamond:
            let d = r * 1.2
            return "M0,\(f(-d))L\(f(d)),0L0,\(f(d))L\(f(-d)),0z"
        case .cross:
            let c = r * 0.85
            return "M\(f(-c)),\(f(-c))L\(f(c)),\(f(c))M\(f(-c)),\(f(c))L\(f(c)),\(f(-c))"
        case .plus:
            let p = r * 1.1
            return "M\(f(-p)),0H\(f(p))M0,\(f(-p))V\(f(p))"
        }
    }

    /// Whether the marker is an outline (drawn with a stroke) rather than a filled shape.
    var isStrokeOnly: Bool { self == .cross || self == .plus }
}

/// Accumulates SVG markup with escaped attribute values and text.
struct SVGWriter {
    /// The markup written so far.
    private(set) var markup = ""
    private var depth = 0

    /// An attribute value: text is escaped, numbers are formatted as coordinates.
    enum Value {
        case text(String)
        case number(Double)
    }

    /// Opens an element that will get children.
    mutating func open(_ name: String, _ attributes: KeyValuePairs<String, Value?> = [:]) {
        line("<\(name)\(Self.format(attributes))>")
        depth += 1
    }

    /// Closes the innermost open element.
    mutating func close(_ name: String) {
        depth -= 1
        line("</\(name)>")
    }

    /// Writes an empty element.
    mutating func element(_ name: String, _ attributes: KeyValuePairs<String, Value?> = [:]) {
        line("<\(name)\(Self.format(attributes))/>")
    }

    /// Writes an element holding escaped text.
    mutating func element(_ name: String, _ attributes: KeyValuePairs<String, Value?> = [:], text: String) {
        line("<\(name)\(Self.format(attributes))>\(XMLEscaping.escape(text))</\(name)>")
    }

    /// Writes pre-built markup verbatim; the caller guarantees it is well-formed and escaped.
    mutating func raw(_ markup: String) {
        line(markup)
    }

    private mutating func line(_ text: String) {
        markup += String(repeating: " ", count: max(depth, 0)) + text + "\n"
    }

    /// Formats attributes as ` name="value"`, skipping `nil` values.
    static func format(_ attributes: KeyValuePairs<String, Value?>) -> String {
        var out = ""
        for (name, value) in attributes {
            guard let value else { continue }
            switch value {
            case .text(let text): out += " \(name)=\"\(XMLEscaping.escape(text))\""
            case .number(let number): out += " \(name)=\"\(NumberFormatting.coordinate(number))\""
            }
        }
        return out
    }
}

extension SVGWriter.Value: ExpressibleByStringLiteral, ExpressibleByFloatLiteral, ExpressibleByIntegerLiteral,
    ExpressibleByStringInterpolation {
    init(stringLiteral value: String) { self = .text(value) }
    init(floatLiteral value: Double) { self = .number(value) }
    init(integerLiteral value: Int) { self = .number(Double(value)) }
}

/// Escaping of text for XML, SVG and HTML documents.
public enum XMLEscaping {
    /// Escapes text for use in element content or in a quoted attribute value.
    ///
    /// Replaces `&`, `<`, `>`, `"` and `'` with entity references, and replaces characters
    /// that XML 1.0 forbids (C0 controls other than tab, line feed and carriage return,
    /// and U+FFFE, U+FFFF) with U+FFFD so the document stays well-formed.
    /// - Parameter text: Arbitrary text.
    /// - Returns: The escaped text.
    public static func escape(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        out.reserveCapacity(text.unicodeScalars.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out.append(contentsOf: "&amp;".unicodeScalars)
            case "<": out.append(contentsOf: "&lt;".unicodeScalars)
            case ">": out.append(contentsOf: "&gt;".unicodeScalars)
            case "\"": out.append(contentsOf: "&quot;".unicodeScalars)
            case "'": out.append(contentsOf: "&#39;".unicodeScalars)
            default:
                out.append(isAllowedInXML(scalar) ? scalar : "\u{FFFD}")
            }
        }
        return String(out)
    }

    /// Whether XML 1.0 allows `scalar` as a character of a document.
    static func isAllowedInXML(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x9, 0xA, 0xD: return true
        case 0x0..<0x20: return false
        case 0xFFFE, 0xFFFF: return false
        default: return true
        }
    }
}

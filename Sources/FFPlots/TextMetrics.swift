/// Estimated text widths, used for layout since an SVG writer cannot measure fonts.
///
/// The estimates follow the advance widths of common sans-serif faces (DejaVu Sans,
/// Helvetica, Arial) and err on the wide side so text is not clipped.
enum TextMetrics {
    /// Estimated width of `text` in pixels at `fontSize`.
    static func width(_ text: String, fontSize: Double) -> Double {
        var ems = 0.0
        for scalar in text.unicodeScalars {
            ems += advance(scalar)
        }
        return ems * fontSize
    }

    /// Estimated advance of one character in ems.
    private static func advance(_ scalar: Unicode.Scalar) -> Double {
        switch scalar {
        case "i", "j", "l", ".", ",", ":", ";", "|", "!", "'", "I", "\u{2009}": return 0.3
        case " ", "f", "t", "r", "(", ")", "[", "]", "{", "}", "-", "/", "\\", "\"", "`": return 0.4
        case "m", "w", "M", "W", "@", "%", "\u{2014}": return 0.95
        case "0"..."9", "+", "=", "<", ">", "~", "^", "*", "_", "#", "$", "&", "?": return 0.64
        case "A"..."Z": return 0.72
        case "a"..."z": return 0.6
        default:
            // Ideographs and other wide scripts take about a full em.
            return scalar.value >= 0x1100 ? 1.0 : 0.65
        }
    }

    /// Shortens `text` with a trailing ellipsis so its estimated width is at most `maxWidth`.
    static func truncated(_ text: String, fontSize: Double, maxWidth: Double) -> String {
        guard width(text, fontSize: fontSize) > maxWidth else { return text }
        let budget = maxWidth - width("…", fontSize: fontSize)
        var kept = ""
        var used = 0.0
        for character in text {
            let w = width(String(character), fontSize: fontSize)
            if used + w > budget { break }
            kept.append(character)
            used += w
        }
        return kept + "…"
    }
}

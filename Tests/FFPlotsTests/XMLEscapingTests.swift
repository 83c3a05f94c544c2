import Testing
@testable import FFPlots

@Suite("XML escaping")
struct XMLEscapingTests {
    @Test("the five special characters become entities")
    func specials() {
        #expect(XMLEscaping.escape("<a href=\"x\">Tom & Jerry's</a>")
                == "&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;")
        #expect(XMLEscaping.escape("σ ± 1 → ok") == "σ ± 1 → ok")
    }

    @Test("characters XML forbids are replaced, tab and line breaks kept")
    func forbidden() {
        #expect(XMLEscaping.escape("a\u{0}b\u{1B}c\u{FFFE}") == "a\u{FFFD}b\u{FFFD}c\u{FFFD}")
        #expect(XMLEscaping.escape("a\tb\nc\r") == "a\tb\nc\r")
    }
}

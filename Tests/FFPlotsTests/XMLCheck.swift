import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// The result of parsing a document with Foundation's `XMLParser`.
struct XMLCheck {
    var wellFormed: Bool
    var error: String?
    var rootName: String?
    var rootAttributes: [String: String] = [:]
    /// Every element name, in document order.
    var elementNames: [String] = []
    /// The concatenated character data of the whole document (entities resolved).
    var text: String = ""
    /// Character data per element name (entities resolved), e.g. all `<desc>` texts.
    var textByElement: [String: [String]] = [:]

    init(_ document: String) {
        let collector = Collector()
        let parser = XMLParser(data: Data(document.utf8))
        parser.delegate = collector
        wellFormed = parser.parse()
        error = parser.parserError.map { "\($0)" }
        rootName = collector.rootName
        rootAttributes = collector.rootAttributes
        elementNames = collector.elementNames
        text = collector.text
        textByElement = collector.textByElement
    }

    private final class Collector: NSObject, XMLParserDelegate {
        var rootName: String?
        var rootAttributes: [String: String] = [:]
        var elementNames: [String] = []
        var text = ""
        var textByElement: [String: [String]] = [:]
        private var stack: [(name: String, text: String)] = []

        func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                    qualifiedName: String?, attributes: [String: String] = [:]) {
            if rootName == nil {
                rootName = elementName
                rootAttributes = attributes
            }
            elementNames.append(elementName)
            stack.append((elementName, ""))
        }

        func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?,
                    qualifiedName: String?) {
            guard let top = stack.popLast() else { return }
            textByElement[top.name, default: []].append(top.text)
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            text += string
            // Text of nested elements (a <tspan>, a legend <title>) also counts for its parents.
            for i in stack.indices { stack[i].text += string }
        }
    }
}

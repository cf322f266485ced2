/// Writes HTML (with inline SVG) into a byte buffer: every start tag closed, attributes quoted
/// in the order given, text escaped. The markup is also well-formed XML (polyglot), so tests can
/// parse it with an XML parser and a browser reads it as HTML.
///
/// Element and attribute names are `StaticString`: they come from the code, never from input.
/// Everything else (text and attribute values) is escaped, and characters that would drive a
/// terminal, reorder text or are not allowed in XML are shown as visible escapes instead.
///
///     var html = HTMLWriter()
///     html.element("p", [("class", "note")]) { $0.text("a < b & \"c\"") }
///     // <p class="note">a &lt; b &amp; &quot;c&quot;</p>\n
public struct HTMLWriter {
    /// An attribute: a name from the code and a value that is escaped.
    public typealias Attribute = (name: StaticString, value: String)

    /// The markup written so far.
    public private(set) var bytes: [UInt8] = []
    /// Put before every `id` and `aria-labelledby` value, so that one page can hold the same
    /// parts several times (one per scope) with ids that stay unique.
    public var idPrefix = ""

    public init() {
        bytes.reserveCapacity(16_384)
    }

    /// The markup as a string.
    public var text: String { String(decoding: bytes, as: UTF8.self) }

    // MARK: Elements

    /// Writes `<name attributes>…</name>`; `body` writes the content.
    ///
    /// A line break follows the end tag of a block element (and the start tag of a container
    /// such as `table` or `svg`), so the output reads line by line and diffs well.
    public mutating func element(_ name: StaticString, _ attributes: [Attribute] = [], _ body: (inout HTMLWriter) -> Void) {
        startTag(name, attributes)
        if Self.containers.contains(name.description) { bytes.append(ASCII.newline) }
        body(&self)
        endTag(name)
    }

    /// Writes `<name attributes>text</name>` with `text` escaped.
    public mutating func element(_ name: StaticString, _ attributes: [Attribute] = [], text: String) {
        element(name, attributes) { $0.text(text) }
    }

    /// Writes `<name attributes/>`: only for HTML void elements (`meta`, `br`) and SVG elements
    /// without content (`rect`, `line`), where the self-closing form means the same in HTML and XML.
    public mutating func empty(_ name: StaticString, _ attributes: [Attribute] = []) {
        bytes.append(UInt8(ascii: "<"))
        append(name)
        writeAttributes(attributes)
        bytes.append(contentsOf: Array("/>".utf8))
        if !Self.inline.contains(name.description) { bytes.append(ASCII.newline) }
    }

    /// Writes escaped text.
    public mutating func text(_ value: String) {
        Self.escape(value, into: &bytes)
    }

    /// Writes `<!DOCTYPE html>` and a line break.
    public mutating func doctype() {
        bytes.append(contentsOf: Array("<!DOCTYPE html>\n".utf8))
    }

    /// Writes the content of a `style` element as it is.
    ///
    /// The stylesheet comes from the code. It must not hold `<` or `&` (so it can neither end the
    /// element nor read differently as XML); a stylesheet that does is a programming error.
    public mutating func styleSheet(_ css: String) {
        precondition(!css.utf8.contains(UInt8(ascii: "<")) && !css.utf8.contains(UInt8(ascii: "&")),
                     "a stylesheet must not contain < or &")
        bytes.append(contentsOf: Array(css.utf8))
    }

    // MARK: Escaping

    /// `value` as HTML text or attribute value: `&`, `<`, `>`, `"` and `'` as references, and
    /// characters unsafe to show as visible escapes (`eni\u{1b}[31m` → `eni\x1b[31m`).
    public static func escaped(_ value: String) -> String {
        var bytes: [UInt8] = []
        escape(value, into: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// What a reader sees of `value` once the markup is parsed: `value` with unsafe characters
    /// replaced by visible escapes (the inverse of the references `escaped` writes).
    public static func visible(_ value: String) -> String {
        guard value.unicodeScalars.contains(where: isUnsafe) else { return value }
        var result = ""
        for scalar in value.unicodeScalars {
            if isUnsafe(scalar) { result += visibleEscape(scalar) } else { result.unicodeScalars.append(scalar) }
        }
        return result
    }

    /// Escapes `value`; in an attribute, tab and line feed become references too (an XML parser
    /// would otherwise read them as spaces).
    private static func escape(_ value: String, attribute: Bool = false, into bytes: inout [UInt8]) {
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\t" where attribute: bytes.append(contentsOf: Array("&#9;".utf8))
            case "\n" where attribute: bytes.append(contentsOf: Array("&#10;".utf8))
            case "&": bytes.append(contentsOf: Array("&amp;".utf8))
            case "<": bytes.append(contentsOf: Array("&lt;".utf8))
            case ">": bytes.append(contentsOf: Array("&gt;".utf8))
            case "\"": bytes.append(contentsOf: Array("&quot;".utf8))
            case "'": bytes.append(contentsOf: Array("&#39;".utf8))
            default:
                if isUnsafe(scalar) {
                    bytes.append(contentsOf: Array(visibleEscape(scalar).utf8))
                } else {
                    bytes.append(contentsOf: Array(String(scalar).utf8))
                }
            }
        }
    }

    /// Control characters (C0 but tab and line feed, DEL, C1), bidirectional overrides and
    /// isolates (they make text read as something else), and noncharacters (not allowed in XML,
    /// a parse error in HTML).
    private static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x20 { return value != 0x09 && value != 0x0a }
        return (0x7f...0x9f).contains(value) || (0x202a...0x202e).contains(value) || (0x2066...0x2069).contains(value)
            || (0xfdd0...0xfdef).contains(value) || value & 0xfffe == 0xfffe
    }

    private static func visibleEscape(_ scalar: Unicode.Scalar) -> String {
        let digits = String(scalar.value, radix: 16)
        return scalar.value < 0x100
            ? "\\x" + String(repeating: "0", count: max(0, 2 - digits.count)) + digits
            : "\\u{" + String(repeating: "0", count: max(0, 4 - digits.count)) + digits + "}"
    }

    // MARK: Tags

    private mutating func startTag(_ name: StaticString, _ attributes: [Attribute]) {
        bytes.append(UInt8(ascii: "<"))
        append(name)
        writeAttributes(attributes)
        bytes.append(UInt8(ascii: ">"))
    }

    private mutating func endTag(_ name: StaticString) {
        bytes.append(contentsOf: Array("</".utf8))
        append(name)
        bytes.append(UInt8(ascii: ">"))
        if !Self.inline.contains(name.description) { bytes.append(ASCII.newline) }
    }

    private mutating func writeAttributes(_ attributes: [Attribute]) {
        for attribute in attributes {
            bytes.append(ASCII.space)
            append(attribute.name)
            bytes.append(contentsOf: Array("=\"".utf8))
            let prefixed = !idPrefix.isEmpty && (attribute.name.description == "id" || attribute.name.description == "aria-labelledby")
            Self.escape(prefixed ? idPrefix + attribute.value : attribute.value, attribute: true, into: &bytes)
            bytes.append(ASCII.quote)
        }
    }

    private mutating func append(_ name: StaticString) {
        name.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    /// Elements kept on the line of their neighbours.
    private static let inline: Set<String> = [
        "a", "abbr", "b", "code", "data", "em", "small", "span", "strong", "sup", "sub", "time", "tspan", "th", "td",
    ]

    /// Elements whose content starts on a new line.
    private static let containers: Set<String> = [
        "html", "head", "body", "header", "footer", "main", "section", "nav", "div", "figure", "table", "thead",
        "tbody", "tfoot", "tr", "ul", "ol", "dl", "svg", "g", "defs",
    ]
}

/// A strict checker of the HTML flowscan writes, small enough for the fuzz targets (no XML parser):
/// one doctype, tags that balance, element names from the renderer's set, attribute values quoted,
/// `<` and `>` only as markup, `&` only in the references `HTMLWriter` writes, and no character
/// that `HTMLWriter` shows as an escape. Markup injected through the input breaks one of these.
enum MarkupCheck {
    /// The elements the HTML renderer writes.
    static let elements: Set<String> = [
        "html", "head", "meta", "title", "style", "body", "header", "h1", "h2", "h3", "p", "div", "span", "dl", "dt", "dd",
        "section", "ul", "li", "figure", "figcaption", "svg", "g", "rect", "line", "text", "table", "caption", "thead",
        "tbody", "tfoot", "tr", "th", "td", "code", "data", "footer",
    ]
    static let references = ["&amp;", "&lt;", "&gt;", "&quot;", "&#39;", "&#9;", "&#10;"].map { Array($0.utf8) }

    /// The first problem of `text`, or nil when it is well-formed.
    ///
    ///     MarkupCheck.problem(in: "<!DOCTYPE html>\n<p>a &amp; b</p>")   // nil
    ///     MarkupCheck.problem(in: "<!DOCTYPE html>\n<p>a & b</p>")       // "a bare & at byte 20"
    static func problem(in text: String) -> String? {
        if let scalar = text.unicodeScalars.first(where: { $0 != "\n" && $0 != "\t" && FuzzChecks.isUnsafe($0) || isNoncharacter($0) }) {
            return "U+\(String(scalar.value, radix: 16)) is not escaped"
        }
        let bytes = Array(text.utf8)
        let doctype = Array("<!DOCTYPE html>\n".utf8)
        guard bytes.starts(with: doctype) else { return "no doctype" }
        var index = doctype.count
        var open: [String] = []
        func isNameByte(_ byte: UInt8) -> Bool {
            (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
                || byte == UInt8(ascii: "-")
        }
        func name() -> String {
            let start = index
            while index < bytes.count, isNameByte(bytes[index]) { index += 1 }
            return String(decoding: bytes[start..<index], as: UTF8.self)
        }
        func reference() -> Bool { references.contains { bytes[index...].starts(with: $0) } }
        while index < bytes.count {
            switch bytes[index] {
            case UInt8(ascii: ">"):
                return "a bare > at byte \(index)"
            case UInt8(ascii: "&"):
                guard reference() else { return "a bare & at byte \(index)" }
                index += 1
            case UInt8(ascii: "<") where index + 1 < bytes.count && bytes[index + 1] == UInt8(ascii: "/"):
                index += 2
                let closing = name()
                guard index < bytes.count, bytes[index] == UInt8(ascii: ">") else { return "a broken end tag at byte \(index)" }
                guard open.popLast() == closing else { return "</\(closing)> at byte \(index) closes nothing open" }
                index += 1
            case UInt8(ascii: "<"):
                index += 1
                let element = name()
                guard elements.contains(element) else { return "an element <\(element)> the renderer does not write, at byte \(index)" }
                while index < bytes.count, bytes[index] == UInt8(ascii: " ") {
                    index += 1
                    let start = index
                    while index < bytes.count, isNameByte(bytes[index]) || bytes[index] == UInt8(ascii: ":")
                        || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(bytes[index]) { index += 1 }  // SVG's viewBox
                    let attribute = String(decoding: bytes[start..<index], as: UTF8.self)
                    guard !attribute.isEmpty, !attribute.hasPrefix("on"), attribute != "style", attribute != "href", attribute != "src",
                          bytes[index...].starts(with: Array("=\"".utf8)) else { return "a bad attribute '\(attribute)' at byte \(index)" }
                    index += 2
                    while index < bytes.count, bytes[index] != UInt8(ascii: "\"") {
                        if bytes[index] == UInt8(ascii: "<") || bytes[index] == UInt8(ascii: ">") { return "a raw < or > in an attribute at byte \(index)" }
                        if bytes[index] == UInt8(ascii: "&"), !reference() { return "a bare & in an attribute at byte \(index)" }
                        index += 1
                    }
                    index += 1
                }
                if bytes[index...].starts(with: Array("/>".utf8)) {
                    index += 2
                } else if index < bytes.count, bytes[index] == UInt8(ascii: ">") {
                    index += 1
                    open.append(element)
                    if element == "style" {
                        // The stylesheet is code: it runs to its end tag and holds no <.
                        while index < bytes.count, bytes[index] != UInt8(ascii: "<") { index += 1 }
                    }
                } else {
                    return "a broken start tag <\(element) at byte \(index)"
                }
            default:
                index += 1
            }
        }
        return open.isEmpty ? nil : "unclosed: \(open.joined(separator: " "))"
    }

    private static func isNoncharacter(_ scalar: Unicode.Scalar) -> Bool {
        (0xfdd0...0xfdef).contains(scalar.value) || scalar.value & 0xfffe == 0xfffe
    }
}

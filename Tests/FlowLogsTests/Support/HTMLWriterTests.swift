import Foundation
import Testing
@testable import FlowLogs

@Suite struct HTMLWriterTests {
    @Test func writesElementsAttributesAndTextExactly() {
        var html = HTMLWriter()
        html.element("p", [("class", "note"), ("title", "a\"b'c")]) { p in
            p.text("x < y & z > 0")
            p.element("code", text: "eni-1")
        }
        html.empty("br")
        html.element("svg", [("viewBox", "0 0 1 1")]) { $0.empty("rect", [("width", "1")]) }
        #expect(html.text == """
            <p class="note" title="a&quot;b&#39;c">x &lt; y &amp; z &gt; 0<code>eni-1</code></p>
            <br/>
            <svg viewBox="0 0 1 1">
            <rect width="1"/>
            </svg>

            """)
    }

    @Test func unsafeCharactersBecomeVisibleEscapes() {
        #expect(HTMLWriter.escaped("a\u{1b}[31m\u{0}") == "a\\x1b[31m\\x00")
        #expect(HTMLWriter.escaped("\u{202e}x\u{2069}") == "\\u{202e}x\\u{2069}")
        #expect(HTMLWriter.escaped(HTMLFixtures.scalars(0xfffe, 0x1ffff, 0xfdd0)) == "\\u{fffe}\\u{1ffff}\\u{fdd0}")
        #expect(HTMLWriter.escaped("\u{85}\r") == "\\x85\\x0d")
        #expect(HTMLWriter.escaped("tab\tline\n\u{1f600}é") == "tab\tline\n\u{1f600}é")
    }

    /// A hostile name in text and in an attribute reads back, once parsed, as exactly what the
    /// reader should see, and it never becomes markup.
    @Test(arguments: HTMLFixtures.hostileNames)
    func hostileNameRoundTrips(name: String) throws {
        var html = HTMLWriter()
        html.element("div") { div in
            div.element("span", [("title", name), ("data-x", name)], text: name)
        }
        let parsed = ParsedMarkup(html.bytes)
        #expect(parsed.error == nil)
        #expect(parsed.elements.map(\.name) == ["div", "span"])
        let span = try #require(parsed.all("span").first)
        #expect(span.text == HTMLWriter.visible(name))
        #expect(span.attributes == ["title": HTMLWriter.visible(name), "data-x": HTMLWriter.visible(name)])
        #expect(!html.text.contains("<script") && !html.text.contains("<img") && !html.text.contains("</style"))
    }

    @Test func aPageIsWellFormedAndItsPolicyNamesItsStyleSheet() throws {
        let bytes = HTMLFixtures.page()
        let parsed = ParsedMarkup(bytes)
        #expect(parsed.error == nil)
        #expect(parsed.elements.first?.name == "html")
        let style = try #require(parsed.all("style").first)
        #expect(style.text == HTMLStyleSheet.report)
        let policy = try #require(parsed.all("meta").first { $0.attributes["http-equiv"] == "Content-Security-Policy" })
        let content = try #require(policy.attributes["content"])
        #expect(content.hasPrefix("default-src 'none'; "))
        #expect(content.contains("style-src 'sha256-\(SHA256.base64(of: Array(style.text.utf8)))'"))
        #expect(!content.contains("unsafe"))
        #expect(parsed.all("script").isEmpty && parsed.all("link").isEmpty && parsed.all("img").isEmpty)
        #expect(!parsed.elements.contains { $0.attributes.keys.contains("style") || $0.attributes.keys.contains { $0.hasPrefix("on") } })
        // The policy comes before the stylesheet it allows.
        let names = parsed.elements.map { $0.name + ($0.attributes["http-equiv"] ?? "") }
        #expect(try #require(names.firstIndex(of: "metaContent-Security-Policy")) < (try #require(names.firstIndex(of: "style"))))
    }

    @Test func everyHostileNameOnThePageIsShownAsItIs() {
        let parsed = ParsedMarkup(HTMLFixtures.page())
        let cells = parsed.all("code").map(\.text)
        #expect(cells == HTMLFixtures.hostileNames.map(HTMLWriter.visible))
        let titles = parsed.all("td").compactMap { $0.attributes["title"] }
        #expect(titles == HTMLFixtures.hostileNames.map(HTMLWriter.visible))
    }

    @Test func theSameInputGivesTheSameBytes() {
        #expect(HTMLFixtures.page() == HTMLFixtures.page())
        #expect(HTMLFixtures.page() != HTMLFixtures.page(names: ["other"]))
    }

    @Test func theStyleSheetCoversBothSchemesAndPrint() {
        let css = HTMLStyleSheet.report
        #expect(css.contains("@media (prefers-color-scheme: dark)"))
        #expect(css.contains("@media print"))
        for index in 0..<SVGChart.tones {
            #expect(css.contains("--s\(index): \(HTMLStyleSheet.lightTones[index]);"))
            #expect(css.contains("--s\(index): \(HTMLStyleSheet.darkTones[index]);"))
        }
        #expect(!css.contains("<") && !css.contains("&"))
    }
}

/// The fuzz targets' markup checker accepts what the renderer writes and catches injected markup.
@Suite struct MarkupCheckTests {
    @Test func acceptsThePageAndAgreesWithTheXMLParser() {
        let page = HTMLFixtures.page()
        #expect(ParsedMarkup(page).error == nil)
        #expect(MarkupCheck.problem(in: String(decoding: page, as: UTF8.self)) == nil)
    }

    @Test(arguments: [
        ("&lt;script&gt;", "<script>"),  // an element from the input
        ("&quot;&gt;&lt;img", "\"><img"),  // an attribute broken out of
        ("&amp;amp;", "&amp"),  // a bare ampersand
        ("\\x1b", "\u{1b}"),  // a raw escape character
        ("</h1>", "</h2>"),  // tags that do not balance
    ])
    func catchesInjectedMarkup(escaped: String, raw: String) throws {
        let page = String(decoding: HTMLFixtures.page(), as: UTF8.self)
        let range = try #require(page.range(of: escaped))
        let broken = page.replacingCharacters(in: range, with: raw)
        #expect(MarkupCheck.problem(in: broken) != nil, "\(raw)")
    }
}

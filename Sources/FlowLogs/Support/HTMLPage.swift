/// A self-contained HTML page: one stylesheet inside, no scripts, no fonts, no requests.
///
/// The Content-Security-Policy meta tag forbids everything (`default-src 'none'`) but the one
/// style element, named by its SHA-256 hash. The page works offline from a file, and markup
/// injected through escaped input could not run or load anything even if escaping failed.
///
///     var html = HTMLWriter()
///     HTMLPage.write(title: "flowscan", styleSheet: HTMLStyleSheet.report, into: &html) { body in
///         body.element("h1", text: "NAT traffic")
///     }
public enum HTMLPage {
    /// The policy for a page whose only resource is `styleSheet`.
    public static func contentSecurityPolicy(styleSheet: String) -> String {
        "default-src 'none'; style-src 'sha256-\(SHA256.base64(of: Array(styleSheet.utf8)))'; "
            + "img-src 'none'; base-uri 'none'; form-action 'none'"
    }

    /// Writes the doctype, `html`, `head` (charset, viewport, policy, colour schemes, title,
    /// stylesheet) and `body`, whose content `body` writes.
    /// - Parameters:
    ///   - title: the document title (escaped).
    ///   - styleSheet: the page's CSS; it must contain neither `<` nor `&`.
    ///   - html: the writer to append to.
    ///   - body: writes the content of `body`.
    public static func write(title: String, styleSheet: String, into html: inout HTMLWriter,
                             body: (inout HTMLWriter) -> Void) {
        html.doctype()
        html.element("html", [("xmlns", "http://www.w3.org/1999/xhtml"), ("lang", "en")]) { page in
            page.element("head") { head in
                head.empty("meta", [("charset", "utf-8")])
                head.empty("meta", [("http-equiv", "Content-Security-Policy"),
                                    ("content", contentSecurityPolicy(styleSheet: styleSheet))])
                head.empty("meta", [("name", "viewport"), ("content", "width=device-width, initial-scale=1")])
                head.empty("meta", [("name", "color-scheme"), ("content", "light dark")])
                head.empty("meta", [("name", "generator"), ("content", "flowscan")])
                head.element("title", text: title)
                head.element("style") { $0.styleSheet(styleSheet) }
            }
            page.element("body", [], body)
        }
    }
}

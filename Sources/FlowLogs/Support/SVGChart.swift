/// Small charts as inline SVG, written into an `HTMLWriter`: horizontal bars, a waterfall, a
/// stacked time series and bars against a break-even line.
///
/// Charts carry no colours of their own: shapes get classes (`s0`…`s7` for series, `tot`,
/// `down`, `up`, `pays`, `below`, `line`) that `HTMLStyleSheet` colours for light, dark and
/// print. Labels come from input and are escaped; a long one is shortened on the chart and
/// given whole in the shape's `<title>` (a tooltip) and in the tables beside it. Coordinates
/// are written with one decimal, so the same figures give the same bytes.
///
/// Values that are negative, NaN or infinite are drawn as zero; an empty chart says so.
public enum SVGChart {
    /// The width of every chart in SVG units; the page scales it to the column.
    static let width = 720.0
    /// Series classes available before they repeat.
    public static let tones = 8

    /// The class of series `index`: `s0` … `s7`, then again from `s0`.
    public static func toneClass(_ index: Int) -> String {
        "s\(((index % tones) + tones) % tones)"
    }

    // MARK: Shared pieces

    /// Opens the `svg` element with its accessible title, writes `body` and closes it.
    static func frame(id: String, title: String, height: Double, into html: inout HTMLWriter,
                      _ body: (inout HTMLWriter) -> Void) {
        html.element("svg", [("xmlns", "http://www.w3.org/2000/svg"), ("class", "chart"), ("role", "img"),
                             ("aria-labelledby", id), ("viewBox", "0 0 \(number(width)) \(number(height))")]) { svg in
            svg.element("title", [("id", id)], text: title)
            body(&svg)
        }
    }

    /// A chart with nothing to draw: one line saying so.
    static func empty(id: String, title: String, message: String, into html: inout HTMLWriter) {
        frame(id: id, title: title, height: 40, into: &html) { svg in
            svg.element("text", [("class", "note"), ("x", "8"), ("y", "24")], text: message)
        }
    }

    /// A coordinate or length with at most one decimal: `12.0` → `12`, `3.25` → `3.3`.
    static func number(_ value: Double) -> String {
        let text = JSONWriter.decimal(value.isFinite ? value : 0, places: 1)
        return text.hasSuffix(".0") ? String(text.dropLast(2)) : text
    }

    /// `value` when it is a finite number above zero, else zero.
    static func drawable(_ value: Double) -> Double {
        value.isFinite && value > 0 ? value : 0
    }

    /// `label` as the reader sees it (`HTMLWriter.visible`), cut to `limit` characters, the
    /// last one an ellipsis when it was longer.
    static func shortened(_ label: String, to limit: Int) -> String {
        let shown = HTMLWriter.visible(label)
        guard shown.count > limit, limit > 1 else { return shown }
        return String(shown.prefix(limit - 1)) + "\u{2026}"
    }

    /// The width that 12-unit text takes, estimated (an average glyph is at most ~7 wide).
    static let glyphWidth = 7.0

    /// Characters of 12-unit text that fit in `length` units.
    static func characters(fitting length: Double) -> Int {
        max(1, Int(length / glyphWidth))
    }

    /// A step of 1, 2, 2.5 or 5 × 10ⁿ that divides `0...maximum` into about `count` ticks.
    static func tickStep(for maximum: Double, count: Int = 5) -> Double {
        guard maximum.isFinite, maximum > 0 else { return 1 }
        let raw = maximum / Double(count)
        var magnitude = 1.0
        while magnitude * 10 <= raw { magnitude *= 10 }
        while magnitude > raw { magnitude /= 10 }
        for factor in [1.0, 2.0, 2.5, 5.0] where raw <= factor * magnitude { return factor * magnitude }
        return 10 * magnitude
    }

    /// The top of an axis: `maximum` rounded up to a whole number of `step`s (at least one).
    static func axisTop(_ maximum: Double, step: Double) -> Double {
        guard maximum > 0 else { return step }
        return max(1, (maximum / step).rounded(.up)) * step
    }
}

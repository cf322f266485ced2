/// The one stylesheet of flowscan's HTML pages: light and dark schemes, a print layout, and
/// the classes `SVGChart` and the report use.
///
/// Series colours are the Okabe–Ito palette (Okabe & Ito, "Color Universal Design", 2008),
/// chosen to stay apart for the common forms of colour blindness; in the dark scheme the two
/// darkest are lightened. Colour never carries meaning alone: bars have labels, the break-even
/// chart says "pays" or "below" in words, series have a legend.
///
/// No `<` or `&` appears in it (`HTMLWriter.styleSheet` requires that), and it is written as it
/// is: the page's Content-Security-Policy names it by its SHA-256 hash.
public enum HTMLStyleSheet {
    /// The light and dark series colours, `s0` to `s7`.
    public static let lightTones = ["#0072b2", "#e69f00", "#009e73", "#cc79a7", "#56b4e9", "#d55e00", "#f0e442", "#6b6b6b"]
    public static let darkTones = ["#3d8fd1", "#e69f00", "#1fb98a", "#d896bb", "#8fcdf2", "#f0793a", "#f0e442", "#7a7a7a"]

    /// The stylesheet.
    public static let report: String = {
        func tones(_ colours: [String]) -> String {
            colours.enumerated().map { "  --s\($0.offset): \($0.element);" }.joined(separator: "\n")
        }
        let light = """
            --bg: #ffffff; --ink: #1b1f24; --muted: #57606a; --rule: #d0d7de; --panel: #f6f8fa;
            --tot: #57606a; --down: #009e73; --up: #d55e00; --pays: #009e73; --below: #e69f00; --warn: #9a6700;
            """
        let dark = """
            --bg: #0d1117; --ink: #e6edf3; --muted: #9da7b3; --rule: #3d444d; --panel: #161b22;
            --tot: #9da7b3; --down: #1fb98a; --up: #f0793a; --pays: #1fb98a; --below: #e69f00; --warn: #d29922;
            """
        let series = (0..<SVGChart.tones).map { "svg.chart .s\($0) { fill: var(--s\($0)); }" }.joined(separator: "\n")
        return """
            :root {
            \(light)
            \(tones(lightTones))
              color-scheme: light dark;
            }
            @media (prefers-color-scheme: dark) {
              :root {
            \(dark)
            \(tones(darkTones))
              }
            }
            * { box-sizing: border-box; }
            body { margin: 0 auto; max-width: 1040px; padding: 24px; background: var(--bg); color: var(--ink);
              font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "DejaVu Sans", sans-serif; }
            h1 { font-size: 1.6em; margin: 0 0 4px; }
            h2 { font-size: 1.25em; margin: 32px 0 8px; padding-bottom: 4px; border-bottom: 1px solid var(--rule); }
            h3 { font-size: 1.05em; margin: 20px 0 6px; }
            p, ul { margin: 6px 0; }
            code, .mono { font-family: ui-monospace, "SFMono-Regular", "DejaVu Sans Mono", Menlo, Consolas, monospace;
              font-size: 0.92em; overflow-wrap: anywhere; }
            .muted { color: var(--muted); }
            .headline { display: grid; grid-template-columns: repeat(auto-fit, minmax(220px, 1fr)); gap: 12px; margin: 16px 0; }
            .headline .figure { background: var(--panel); border: 1px solid var(--rule); border-radius: 8px; padding: 12px 16px; }
            .headline .amount { display: block; font-size: 2em; font-weight: 600; font-variant-numeric: tabular-nums; }
            .headline .caption { display: block; color: var(--muted); font-size: 0.9em; }
            dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 2px 16px; margin: 8px 0; }
            dl.facts dt { color: var(--muted); }
            dl.facts dd { margin: 0; overflow-wrap: anywhere; }
            table { border-collapse: collapse; width: 100%; margin: 8px 0 16px; font-size: 0.92em; }
            caption { text-align: left; color: var(--muted); padding: 4px 0; }
            th, td { text-align: left; padding: 4px 8px; border-bottom: 1px solid var(--rule); vertical-align: top; }
            td code { overflow-wrap: break-word; }
            code.path { overflow-wrap: anywhere; }
            th { font-weight: 600; background: var(--panel); }
            tfoot td { font-weight: 600; border-top: 2px solid var(--rule); }
            td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
            figure { margin: 12px 0 20px; }
            figcaption { color: var(--muted); font-size: 0.9em; margin-top: 4px; }
            svg.chart { display: block; width: 100%; max-width: 720px; height: auto; }
            svg.chart text { fill: var(--ink); font: 12px system-ui, "DejaVu Sans", sans-serif; }
            svg.chart text.tick, svg.chart text.note { fill: var(--muted); }
            svg.chart .axis { stroke: var(--muted); stroke-width: 1; }
            svg.chart .grid { stroke: var(--rule); stroke-width: 1; }
            svg.chart .link { stroke: var(--muted); stroke-width: 1; stroke-dasharray: 3 3; }
            svg.chart .line { stroke: var(--ink); stroke-width: 2; stroke-dasharray: 4 3; }
            svg.chart .tot { fill: var(--tot); }
            svg.chart .down { fill: var(--down); }
            svg.chart .up { fill: var(--up); }
            svg.chart .pays { fill: var(--pays); }
            svg.chart .below { fill: var(--below); }
            \(series)
            .warnings li { color: var(--warn); }
            .warnings li span { color: var(--ink); }
            footer { margin-top: 32px; color: var(--muted); font-size: 0.85em; }
            @media print {
              :root {
            \(light)
            \(tones(lightTones))
                color-scheme: light;
              }
              @page { margin: 14mm; }
              body { max-width: none; padding: 0; font-size: 10pt; }
              * { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
              h2 { break-after: avoid; }
              figure, tr, .headline { break-inside: avoid; }
              thead { display: table-header-group; }
              svg.chart { max-width: 100%; }
            }

            """
    }()
}

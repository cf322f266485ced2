extension SVGChart {
    /// One bar measured against its own threshold, such as an interface endpoint's monthly GB
    /// against the volume at which it pays for itself.
    public struct Threshold: Sendable, Equatable {
        public var label: String
        public var value: Double
        /// Where the line is drawn; `nil` when there is none (the bar is then `below`).
        public var threshold: Double?
        public var valueLabel: String
        /// True when the bar pays (class `pays`), else `below`.
        public var reaches: Bool

        /// - Parameter reaches: whether the bar pays, when the caller knows it; by default, whether
        ///   the value reaches the threshold.
        public init(label: String, value: Double, threshold: Double?, valueLabel: String, reaches: Bool? = nil) {
            self.label = label
            self.value = value
            self.threshold = threshold
            self.valueLabel = valueLabel
            self.reaches = reaches ?? threshold.map { $0.isFinite && drawable(value) >= $0 } ?? false
        }
    }

    /// Writes one bar per row with a dashed break-even line (class `line`) across it; a bar at
    /// or past its line has class `pays`, one short of it `below`, and the value label says
    /// which in words as well as in colour.
    /// - Parameters:
    ///   - rows: the bars, in the order given.
    ///   - id: a page-unique id for the chart's title.
    ///   - title: the chart's accessible title.
    ///   - html: the writer to append to.
    public static func breakEven(_ rows: [Threshold], id: String, title: String, into html: inout HTMLWriter) {
        guard !rows.isEmpty else { return empty(id: id, title: title, message: "nothing to show", into: &html) }
        let maximum = rows.map { max(drawable($0.value), drawable($0.threshold ?? 0)) }.max() ?? 0
        let span = width - labelColumn - valueColumn
        let height = Double(rows.count) * rowHeight + 30
        let labelLimit = characters(fitting: labelColumn - 12)
        let valueLimit = characters(fitting: valueColumn - 8)
        func x(_ value: Double) -> Double { labelColumn + (maximum > 0 ? drawable(value) / maximum * span : 0) }

        frame(id: id, title: title, height: height, into: &html) { svg in
            for (index, row) in rows.enumerated() {
                let top = 4 + Double(index) * rowHeight
                let baseline = number(top + rowHeight / 2 + 4)
                svg.element("g", [("class", "bar")]) { group in
                    group.element("title", text: row.label + ": " + row.valueLabel)
                    group.element("text", [("class", "label"), ("x", number(labelColumn - 8)), ("y", baseline),
                                           ("text-anchor", "end")], text: shortened(row.label, to: labelLimit))
                    group.empty("rect", [("class", row.reaches ? "pays" : "below"), ("x", number(labelColumn)),
                                         ("y", number(top + (rowHeight - barHeight) / 2)),
                                         ("width", number(x(row.value) - labelColumn)), ("height", number(barHeight))])
                    if let threshold = row.threshold, threshold.isFinite {
                        group.empty("line", [("class", "line"), ("x1", number(x(threshold))), ("y1", number(top + 1)),
                                             ("x2", number(x(threshold))), ("y2", number(top + rowHeight - 1))])
                    }
                    group.element("text", [("class", "value"), ("x", number(max(x(row.value), x(row.threshold ?? 0)) + 6)),
                                           ("y", baseline)], text: shortened(row.valueLabel, to: valueLimit))
                }
            }
            let legendY = 4 + Double(rows.count) * rowHeight + 16
            svg.empty("line", [("class", "line"), ("x1", number(labelColumn)), ("y1", number(legendY - 4)),
                               ("x2", number(labelColumn + 20)), ("y2", number(legendY - 4))])
            svg.element("text", [("class", "label"), ("x", number(labelColumn + 26)), ("y", number(legendY))],
                        text: "break-even")
        }
    }
}

extension SVGChart {
    /// One horizontal bar: a label on the left, the bar, and its value label after it.
    public struct Bar: Sendable, Equatable {
        public var label: String
        public var value: Double
        /// What the bar's end says, such as `12.34 GB · $0.56/month`.
        public var valueLabel: String
        /// The series class (`s0`…), so one category keeps its colour across charts.
        public var tone: Int

        public init(label: String, value: Double, valueLabel: String, tone: Int = 0) {
            self.label = label
            self.value = value
            self.valueLabel = valueLabel
            self.tone = tone
        }
    }

    static let labelColumn = 200.0
    static let valueColumn = 190.0
    static let rowHeight = 22.0
    static let barHeight = 14.0

    /// Writes horizontal bars, longest value full width, in the order given.
    /// - Parameters:
    ///   - bars: the rows.
    ///   - id: a page-unique id for the chart's title.
    ///   - title: the chart's accessible title.
    ///   - html: the writer to append to.
    public static func bars(_ bars: [Bar], id: String, title: String, into html: inout HTMLWriter) {
        guard !bars.isEmpty else { return empty(id: id, title: title, message: "nothing to show", into: &html) }
        let maximum = bars.map { drawable($0.value) }.max() ?? 0
        let span = width - labelColumn - valueColumn
        let height = Double(bars.count) * rowHeight + 8
        let labelLimit = characters(fitting: labelColumn - 12)
        let valueLimit = characters(fitting: valueColumn - 8)
        frame(id: id, title: title, height: height, into: &html) { svg in
            for (index, bar) in bars.enumerated() {
                let top = 4 + Double(index) * rowHeight
                let length = maximum > 0 ? drawable(bar.value) / maximum * span : 0
                let baseline = number(top + rowHeight / 2 + 4)
                svg.element("g", [("class", "bar")]) { row in
                    row.element("title", text: bar.label + ": " + bar.valueLabel)
                    row.element("text", [("class", "label"), ("x", number(labelColumn - 8)), ("y", baseline),
                                         ("text-anchor", "end")], text: shortened(bar.label, to: labelLimit))
                    row.empty("rect", [("class", toneClass(bar.tone)), ("x", number(labelColumn)),
                                       ("y", number(top + (rowHeight - barHeight) / 2)),
                                       ("width", number(length)), ("height", number(barHeight))])
                    row.element("text", [("class", "value"), ("x", number(labelColumn + length + 6)),
                                         ("y", baseline)], text: shortened(bar.valueLabel, to: valueLimit))
                }
            }
        }
    }
}

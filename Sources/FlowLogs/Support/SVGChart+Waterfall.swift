extension SVGChart {
    /// One column of a waterfall: a total drawn from zero, or a change from the running level.
    public struct Step: Sendable, Equatable {
        public enum Kind: Sendable, Equatable {
            /// A level (today's cost, the cost after): drawn from zero; the running level becomes it.
            case total
            /// A change from the running level: negative for a saving, positive for a cost.
            case change
        }

        public var label: String
        public var kind: Kind
        /// The level of a total, or the signed amount of a change.
        public var value: Double
        public var valueLabel: String

        public init(label: String, kind: Kind, value: Double, valueLabel: String) {
            self.label = label
            self.kind = kind
            self.value = value
            self.valueLabel = valueLabel
        }
    }

    static let waterfallHeight = 240.0

    /// Writes a waterfall: totals as full columns (class `tot`), savings as columns hanging from
    /// the running level (class `down`), costs as columns rising from it (class `up`), with a
    /// dashed link (class `link`) from each column's end to the next.
    /// - Parameters:
    ///   - steps: the columns, left to right.
    ///   - id: a page-unique id for the chart's title.
    ///   - title: the chart's accessible title.
    ///   - html: the writer to append to.
    public static func waterfall(_ steps: [Step], id: String, title: String, into html: inout HTMLWriter) {
        guard !steps.isEmpty else { return empty(id: id, title: title, message: "nothing to show", into: &html) }
        // Each column spans `from...to` on the value axis.
        var level = 0.0
        var spans: [(from: Double, to: Double)] = []
        for step in steps {
            let value = step.value.isFinite ? step.value : 0
            switch step.kind {
            case .total:
                spans.append((0, max(0, value)))
                level = max(0, value)
            case .change:
                let next = max(0, level + value)
                spans.append((level, next))
                level = next
            }
        }
        let maximum = spans.map { max($0.from, $0.to) }.max() ?? 0
        let plotTop = 24.0, plotBottom = waterfallHeight - 40
        let scale = maximum > 0 ? (plotBottom - plotTop) / maximum : 0
        let slot = (width - 20) / Double(steps.count)
        let columnWidth = slot * 0.6
        let labelLimit = characters(fitting: slot - 4)
        func y(_ value: Double) -> Double { plotBottom - value * scale }

        frame(id: id, title: title, height: waterfallHeight, into: &html) { svg in
            svg.empty("line", [("class", "axis"), ("x1", "10"), ("y1", number(plotBottom)),
                               ("x2", number(width - 10)), ("y2", number(plotBottom))])
            for (index, step) in steps.enumerated() {
                let span = spans[index]
                let left = 10 + Double(index) * slot + (slot - columnWidth) / 2
                let center = 10 + (Double(index) + 0.5) * slot
                let high = max(span.from, span.to), low = min(span.from, span.to)
                let tone = step.kind == .total ? "tot" : (span.to < span.from ? "down" : "up")
                svg.element("g", [("class", "step")]) { column in
                    column.element("title", text: step.label + ": " + step.valueLabel)
                    column.empty("rect", [("class", tone), ("x", number(left)), ("y", number(y(high))),
                                          ("width", number(columnWidth)), ("height", number((high - low) * scale))])
                    column.element("text", [("class", "value"), ("x", number(center)), ("y", number(y(high) - 6)),
                                            ("text-anchor", "middle")], text: step.valueLabel)
                    column.element("text", [("class", "label"), ("x", number(center)), ("y", number(plotBottom + 18)),
                                            ("text-anchor", "middle")], text: shortened(step.label, to: labelLimit))
                }
                if index + 1 < steps.count {
                    svg.empty("line", [("class", "link"), ("x1", number(left + columnWidth)), ("y1", number(y(span.to))),
                                       ("x2", number(left + slot)), ("y2", number(y(span.to)))])
                }
            }
        }
    }
}

extension SVGChart {
    /// Values per time bucket for a few named series, drawn as stacked columns.
    public struct Series: Sendable, Equatable {
        /// One bucket: its start (Unix seconds) and one value per series name.
        public struct Bucket: Sendable, Equatable {
            public var start: UInt64
            public var values: [Double]

            public init(start: UInt64, values: [Double]) {
                self.start = start
                self.values = values
            }
        }

        /// The series, bottom of the stack first; series `i` gets class `toneClass(tones[i])`.
        public var names: [String]
        /// Each series' colour index (defaults to its position).
        public var tones: [Int]
        /// The length of a bucket in seconds (3600 for hourly).
        public var bucketSeconds: UInt64
        /// Buckets with data; missing ones between them are drawn as empty.
        public var buckets: [Bucket]

        public init(names: [String], tones: [Int]? = nil, bucketSeconds: UInt64, buckets: [Bucket]) {
            self.names = names
            self.tones = tones ?? Array(names.indices)
            self.bucketSeconds = bucketSeconds
            self.buckets = buckets
        }

        /// The colour index of series `index`.
        func tone(_ index: Int) -> Int { index < tones.count ? tones[index] : index }
    }

    static let seriesPlotTop = 10.0
    static let seriesPlotBottom = 210.0
    static let seriesLeft = 70.0

    /// Writes stacked columns over time, a value axis labelled by `valueText`, a time axis in
    /// UTC and a legend.
    /// - Parameters:
    ///   - series: the names and buckets.
    ///   - id: a page-unique id for the chart's title.
    ///   - title: the chart's accessible title.
    ///   - valueText: formats a value for the axis and the tooltips (`12.5` → `12.5 GB`).
    ///   - html: the writer to append to.
    public static func stackedSeries(_ series: Series, id: String, title: String, valueText: (Double) -> String,
                                     into html: inout HTMLWriter) {
        let buckets = series.buckets.sorted { $0.start < $1.start }
        guard let first = buckets.first?.start, let last = buckets.last?.start, series.bucketSeconds > 0 else {
            return empty(id: id, title: title, message: "no traffic over time to show", into: &html)
        }
        let bucketSeconds = Double(series.bucketSeconds)
        let count = ((Double(last - first) / bucketSeconds).rounded(.down)) + 1
        let plotWidth = width - seriesLeft - 10
        let columnWidth = plotWidth / count
        let gap = columnWidth > 4 ? 1.0 : 0
        let totals = buckets.map { drawable($0.values.reduce(0) { $0 + drawable($1) }) }
        let step = tickStep(for: totals.max() ?? 0)
        let top = axisTop(totals.max() ?? 0, step: step)
        let scale = (seriesPlotBottom - seriesPlotTop) / top
        let legend = legendLayout(series.names)
        let height = seriesPlotBottom + 40 + Double(legend.rows) * 18

        frame(id: id, title: title, height: height, into: &html) { svg in
            var tick = 0.0
            while tick <= top + step / 2 {
                let y = number(seriesPlotBottom - tick * scale)
                svg.empty("line", [("class", tick == 0 ? "axis" : "grid"), ("x1", number(seriesLeft)), ("y1", y),
                                   ("x2", number(width - 10)), ("y2", y)])
                svg.element("text", [("class", "tick"), ("x", number(seriesLeft - 6)), ("y", number(seriesPlotBottom - tick * scale + 4)),
                                     ("text-anchor", "end")], text: valueText(tick))
                tick += step
            }
            for label in timeTicks(first: first, last: last, bucketSeconds: series.bucketSeconds) {
                let x = seriesLeft + (Double(label.time - first) / bucketSeconds + 0.5) * columnWidth
                svg.empty("line", [("class", "axis"), ("x1", number(x)), ("y1", number(seriesPlotBottom)),
                                   ("x2", number(x)), ("y2", number(seriesPlotBottom + 4))])
                svg.element("text", [("class", "tick"), ("x", number(x)), ("y", number(seriesPlotBottom + 18)),
                                     ("text-anchor", "middle")], text: label.text)
            }
            for bucket in buckets {
                let x = seriesLeft + Double(bucket.start - first) / bucketSeconds * columnWidth
                svg.element("g", [("class", "bucket")]) { column in
                    let parts = series.names.indices.map { index in
                        series.names[index] + " " + valueText(index < bucket.values.count ? drawable(bucket.values[index]) : 0)
                    }
                    column.element("title", text: UnixTime.iso8601(bucket.start) + ": " + parts.joined(separator: ", "))
                    var base = 0.0
                    for (index, value) in bucket.values.prefix(series.names.count).enumerated() where drawable(value) > 0 {
                        let amount = drawable(value)
                        column.empty("rect", [("class", toneClass(series.tone(index))), ("x", number(x)),
                                              ("y", number(seriesPlotBottom - (base + amount) * scale)),
                                              ("width", number(max(0.5, columnWidth - gap))), ("height", number(amount * scale))])
                        base += amount
                    }
                }
            }
            for item in legend.items {
                let y = seriesPlotBottom + 36 + Double(item.row) * 18
                svg.empty("rect", [("class", toneClass(series.tone(item.index))), ("x", number(seriesLeft + item.x)),
                                   ("y", number(y - 9)), ("width", "10"), ("height", "10")])
                svg.element("text", [("class", "label"), ("x", number(seriesLeft + item.x + 14)), ("y", number(y))],
                            text: shortened(series.names[item.index], to: 40))
            }
        }
    }

    /// Where each legend entry goes: rows of entries as wide as their names.
    static func legendLayout(_ names: [String]) -> (items: [(index: Int, row: Int, x: Double)], rows: Int) {
        var items: [(index: Int, row: Int, x: Double)] = []
        var row = 0, x = 0.0
        let room = width - seriesLeft - 10
        for (index, name) in names.enumerated() {
            let entry = 14 + Double(min(HTMLWriter.visible(name).count, 40)) * glyphWidth + 18
            if x > 0, x + entry > room {
                row += 1
                x = 0
            }
            items.append((index, row, x))
            x += entry
        }
        return (items, names.isEmpty ? 0 : row + 1)
    }

    /// At most seven time labels on whole multiples of a round interval (1 h, 2 h, 3 h, 6 h,
    /// 12 h, 1 d, 2 d, 7 d …): `11-29 06:00`.
    static func timeTicks(first: UInt64, last: UInt64, bucketSeconds: UInt64) -> [(time: UInt64, text: String)] {
        let hour: UInt64 = 3600
        let candidates: [UInt64] = [1, 2, 3, 6, 12, 24, 48, 96, 168, 336, 672, 1344, 2688, 5376].map { $0 * hour }
        let span = (last - first).saturatingAdd(bucketSeconds)
        let interval = candidates.first { $0 >= bucketSeconds && span / $0 <= 6 } ?? max(bucketSeconds, span / 6)
        var ticks: [(UInt64, String)] = []
        var time = first.saturatingAdd(interval - 1) / interval * interval
        while time >= first, time <= last, ticks.count < 7 {
            let iso = UnixTime.iso8601(time)  // 2026-11-29T06:00:00Z
            ticks.append((time, String(iso.dropFirst(5).prefix(11).map { $0 == "T" ? " " : $0 })))
            let next = time.saturatingAdd(interval)
            if next == time { break }
            time = next
        }
        return ticks
    }
}

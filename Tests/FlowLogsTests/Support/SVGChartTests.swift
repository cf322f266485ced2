import Foundation
import Testing
@testable import FlowLogs

@Suite struct SVGChartTests {
    static func render(_ draw: (inout HTMLWriter) -> Void) -> ParsedMarkup {
        var html = HTMLWriter()
        draw(&html)
        return ParsedMarkup(html.bytes)
    }

    static func double(_ element: ParsedMarkup.Element, _ name: String) -> Double {
        Double(element.attributes[name] ?? "") ?? .nan
    }

    @Test func barsAreAsLongAsTheirValues() throws {
        let values = [40.0, 10, 0, -5, .nan, .infinity, 30]
        let parsed = Self.render { html in
            SVGChart.bars(values.enumerated().map { SVGChart.Bar(label: "row \($0.offset)", value: $0.element,
                                                                 valueLabel: "v\($0.offset)", tone: $0.offset) },
                          id: "c", title: "bars", into: &html)
        }
        #expect(parsed.error == nil)
        let rects = parsed.all("rect")
        #expect(rects.count == values.count)
        let span = SVGChart.width - SVGChart.labelColumn - SVGChart.valueColumn
        let widths = rects.map { Self.double($0, "width") }
        #expect(widths == [span, span / 4, 0, 0, 0, 0, span * 3 / 4])
        #expect(rects.map { $0.attributes["class"] } == ["s0", "s1", "s2", "s3", "s4", "s5", "s6"])
        // The value label starts just after its bar.
        let values_ = parsed.all("text").filter { $0.attributes["class"] == "value" }
        #expect(values_.map { Self.double($0, "x") } == widths.map { SVGChart.labelColumn + $0 + 6 })
        #expect(parsed.all("svg").first?.attributes["aria-labelledby"] == "c")
    }

    @Test func aLongLabelIsShortenedOnTheChartAndWholeInItsTooltip() throws {
        let label = String(repeating: "abcdefghij", count: 8) + ".example"
        let parsed = Self.render { SVGChart.bars([.init(label: label, value: 1, valueLabel: "1 GB")], id: "c", title: "t", into: &$0) }
        let shown = try #require(parsed.all("text").first { $0.attributes["class"] == "label" }).text
        #expect(shown.hasSuffix("\u{2026}"))
        #expect(label.hasPrefix(shown.dropLast()))
        #expect(shown.count == SVGChart.characters(fitting: SVGChart.labelColumn - 12))
        #expect(parsed.all("title").map(\.text) == ["t", label + ": 1 GB"])
    }

    @Test func theWaterfallStepsDownFromTodayToAfter() throws {
        let parsed = Self.render { html in
            SVGChart.waterfall([
                .init(label: "today", kind: .total, value: 100, valueLabel: "$100"),
                .init(label: "gateway", kind: .change, value: -50, valueLabel: "-$50"),
                .init(label: "interface", kind: .change, value: -20, valueLabel: "-$20"),
                .init(label: "extra", kind: .change, value: 10, valueLabel: "+$10"),
                .init(label: "after", kind: .total, value: 40, valueLabel: "$40"),
            ], id: "w", title: "savings", into: &html)
        }
        #expect(parsed.error == nil)
        let rects = parsed.all("rect")
        #expect(rects.map { $0.attributes["class"] } == ["tot", "down", "down", "up", "tot"])
        let heights = rects.map { Self.double($0, "height") }
        let tops = rects.map { Self.double($0, "y") }
        let bottom = tops[0] + heights[0]  // today stands on the axis
        let unit = heights[0] / 100
        #expect(abs(heights[1] - 50 * unit) < 0.1 && abs(tops[1] - tops[0]) < 0.1)
        #expect(abs(tops[2] - (tops[0] + 50 * unit)) < 0.1 && abs(heights[2] - 20 * unit) < 0.1)
        #expect(abs(tops[3] + heights[3] - (bottom - 30 * unit)) < 0.1)
        #expect(abs(tops[4] + heights[4] - bottom) < 0.1 && abs(heights[4] - 40 * unit) < 0.1)
        #expect(parsed.all("line").filter { $0.attributes["class"] == "link" }.count == 4)
    }

    @Test func theSeriesStacksEachHourAtItsTime() throws {
        let start: UInt64 = 1_795_910_400  // 2026-11-29T00:00:00Z
        let series = SVGChart.Series(names: ["a", "b"], bucketSeconds: 3600, buckets: [
            .init(start: start + 5 * 3600, values: [1, 3]),
            .init(start: start, values: [2, 0]),
            .init(start: start + 9 * 3600, values: [0.5, 0.5]),
        ])
        let parsed = Self.render {
            SVGChart.stackedSeries(series, id: "s", title: "hourly", valueText: { NumberText.decimal($0, 1) }, into: &$0)
        }
        #expect(parsed.error == nil)
        let columns = parsed.all("g").filter { $0.attributes["class"] == "bucket" }
        #expect(columns.map { $0.text.trimmingCharacters(in: .whitespacesAndNewlines) } == ["2026-11-29T00:00:00Z: a 2.0, b 0.0", "2026-11-29T05:00:00Z: a 1.0, b 3.0",
                                        "2026-11-29T09:00:00Z: a 0.5, b 0.5"])
        let rects = parsed.all("rect").filter { $0.attributes["height"] != "10" }
        #expect(rects.map { $0.attributes["class"] } == ["s0", "s0", "s1", "s0", "s1"])
        let columnWidth = (SVGChart.width - SVGChart.seriesLeft - 10) / 10
        #expect(rects.map { Self.double($0, "x") } == [0, 5, 5, 9, 9].map { ((SVGChart.seriesLeft + $0 * columnWidth) * 10).rounded() / 10 })
        // Axis 0…4 in steps of 1: a value of 4 reaches the top of the plot.
        let ticks = parsed.all("text").filter { $0.attributes["class"] == "tick" }.map(\.text)
        #expect(ticks == ["0.0", "1.0", "2.0", "3.0", "4.0", "11-29 00:00", "11-29 02:00", "11-29 04:00",
                          "11-29 06:00", "11-29 08:00"])
        let scale = (SVGChart.seriesPlotBottom - SVGChart.seriesPlotTop) / 4
        let hour5 = rects[1...2].map { Self.double($0, "height") }
        #expect(hour5 == [scale, 3 * scale])
        #expect(Self.double(rects[2], "y") == SVGChart.seriesPlotTop)
        #expect(parsed.all("text").filter { $0.attributes["class"] == "label" }.map(\.text) == ["a", "b"])
    }

    @Test func breakEvenBarsSayWhetherTheyPay() throws {
        let parsed = Self.render { html in
            SVGChart.breakEven([
                .init(label: "ecr", value: 400, threshold: 200, valueLabel: "400 GB"),
                .init(label: "sts", value: 100, threshold: 200, valueLabel: "100 GB"),
                .init(label: "none", value: 50, threshold: nil, valueLabel: "50 GB"),
            ], id: "b", title: "endpoints", into: &html)
        }
        #expect(parsed.error == nil)
        #expect(parsed.all("rect").map { $0.attributes["class"] } == ["pays", "below", "below"])
        let span = SVGChart.width - SVGChart.labelColumn - SVGChart.valueColumn
        let lines = parsed.all("line").filter { $0.attributes["class"] == "line" }
        #expect(lines.count == 3)  // two thresholds and the legend's sample
        #expect(lines.prefix(2).map { Self.double($0, "x1") } == [SVGChart.labelColumn + span / 2, SVGChart.labelColumn + span / 2])
        #expect(parsed.all("rect").map { Self.double($0, "width") } == [span, span / 4, (span / 8 * 10).rounded() / 10])
    }

    @Test func emptyChartsSaySo() {
        for parsed in [
            Self.render { SVGChart.bars([], id: "a", title: "t", into: &$0) },
            Self.render { SVGChart.waterfall([], id: "a", title: "t", into: &$0) },
            Self.render { SVGChart.breakEven([], id: "a", title: "t", into: &$0) },
            Self.render { SVGChart.stackedSeries(.init(names: ["x"], bucketSeconds: 3600, buckets: []), id: "a", title: "t",
                                                 valueText: { "\($0)" }, into: &$0) },
        ] {
            #expect(parsed.error == nil)
            #expect(parsed.all("rect").isEmpty)
            #expect(parsed.all("text").count == 1)
        }
    }

    @Test func hostileTimesAndValuesDrawWithoutTrapping() {
        let series = SVGChart.Series(names: ["a"], tones: [], bucketSeconds: 3600, buckets: [
            .init(start: 0, values: [.nan, 1]), .init(start: .max, values: [.greatestFiniteMagnitude, .greatestFiniteMagnitude]),
        ])
        let parsed = Self.render {
            SVGChart.stackedSeries(series, id: "s", title: "t", valueText: { NumberText.decimal($0, 0) }, into: &$0)
        }
        #expect(parsed.error == nil)
        #expect(parsed.all("g").count == 2)
    }

    @Test(arguments: [(0.0, 1.0), (4.0, 1.0), (10.0, 2.0), (12.5, 2.5), (23.0, 5.0), (48.0, 10.0), (0.003, 0.001), (7_300.0, 2_000.0)])
    func ticksAreRound(maximum: Double, step: Double) {
        #expect(SVGChart.tickStep(for: maximum) == step)
    }
}

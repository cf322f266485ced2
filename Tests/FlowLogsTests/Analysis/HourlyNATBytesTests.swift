import Testing
@testable import FlowLogs

/// The hourly series behind the HTML report's chart of NAT bytes over time.
@Suite struct HourlyNATBytesTests {
    static let s3 = FlowKey(local: 0, serviceRegionIndex: 2, kind: .inner, direction: .inbound, trafficPath: 0, showsInner: true, pathColumn: true)
    static let web = FlowKey(local: 1, serviceRegionIndex: 0, kind: .outer, direction: .outbound, trafficPath: 8, showsInner: false, pathColumn: true)
    static let hour: UInt64 = 1_795_910_400  // 2026-11-29T00:00:00Z, a whole hour

    @Test func theTallyKeepsEachKeysHoursAndMerges() {
        var first = HourlyTally(capacity: 64)
        first.add(Self.s3, start: Self.hour + 10, bytes: 100)
        first.add(Self.s3, start: Self.hour + 3599, bytes: 50)
        first.add(Self.s3, start: Self.hour + 3600, bytes: 7)
        first.add(Self.s3, start: nil, bytes: 1000)  // no start time: not in the series
        var second = HourlyTally(capacity: 64)
        second.add(Self.web.withLocal(5), start: Self.hour + 7200, bytes: 30)
        first.merge(second) { $0.local == 5 ? $0.withLocal(1) : $0 }
        let hours = first.hoursByFlow()
        #expect(hours[Self.s3]?.sorted { $0.hour < $1.hour }.map(\.bytes) == [150, 7])
        #expect(hours[Self.s3]?.map(\.hour).sorted() == [Self.hour / 3600, Self.hour / 3600 + 1])
        #expect(hours[Self.web]?.map(\.bytes) == [30])
    }

    @Test func theTallyStaysBoundedAndKeepsTheHeaviestHours() {
        var tally = HourlyTally(capacity: 8)
        for index in 0..<100 { tally.add(Self.s3, start: Self.hour + UInt64(index) * 3600, bytes: UInt64(index + 1)) }
        let rows = tally.hoursByFlow()[Self.s3] ?? []
        #expect(rows.count <= 8)
        #expect(rows.map(\.bytes).contains(100))
        let kept = rows.reduce(UInt64(0)) { $0 + $1.bytes }
        #expect(kept + tally.table.foldedTally.bytes == (1...100).reduce(0, +))
    }

    @Test func theSeriesScalesSharedKeysAndSaysWhatItCouldNotPlace() {
        let hours: [FlowKey: [(hour: UInt64, bytes: UInt64)]] = [
            Self.s3: [(Self.hour / 3600, 600), (Self.hour / 3600 + 2, 400)],
            Self.web: [(Self.hour / 3600, 90)],
        ]
        var half = SpanTally()
        half.add(bytes: 500, packets: 1, start: Self.hour, end: Self.hour + 60)  // half of the S3 key counted
        var all = SpanTally()
        all.add(bytes: 100, packets: 1, start: Self.hour, end: Self.hour + 60)  // 10 bytes of it had no start time
        let series = HourlyNATBytes(counted: [(Self.s3, half), (Self.web, all)], hoursByKey: hours,
                                    keyBytes: { $0 == Self.s3 ? 1000 : 100 }, total: 600,
                                    category: { $0 == 2 ? .gatewayEndpoint : .internet })
        #expect(series.hours == [
            .init(start: Self.hour, bytes: [.gatewayEndpoint: 300, .internet: 90]),
            .init(start: Self.hour + 7200, bytes: [.gatewayEndpoint: 200]),
        ])
        #expect(series.unplacedBytes == 10)
    }

    @Test func theHTMLReportDrawsTheSeries() throws {
        let lines = [AnalysisFixtures.natFormat] + AnalysisFixtures.natLegs(peer: "52.216.8.1", upload: 1000, download: 2000)
        let report = try AnalysisFixtures.analyse(lines)
        var series = HourlyNATBytes()
        series.hours = [.init(start: Self.hour, bytes: [.gatewayEndpoint: 2_000_000, .internet: 500_000]),
                        .init(start: Self.hour + 3 * 3600, bytes: [.gatewayEndpoint: 40_000_000])]
        series.unplacedBytes = 123
        var bare = report, drawn = report
        bare.hourly = HourlyNATBytes()
        drawn.hourly = series
        let without = ParsedMarkup(Array(bare.html().utf8))
        let with = ParsedMarkup(Array(drawn.html().utf8))
        #expect(without.error == nil && with.error == nil)
        #expect(with.all("svg").count == without.all("svg").count + 1)
        let columns = with.all("g").filter { $0.attributes["class"] == "bucket" }
        #expect(columns.count == 2)
        #expect(columns.first?.text.contains("gateway-endpoint 2 MB, internet 500 KB") == true)
        #expect(with.all("data").contains { $0.attributes["value"] == "123" })
        #expect(Report.axisBytes(250_000_000) == "250 MB" && Report.axisBytes(1_500_000_000) == "1.5 GB" && Report.axisBytes(0) == "0 B")
    }

    @Test func theAnalysisPlacesEveryCountedByteInAnHour() throws {
        let lines = [AnalysisFixtures.natFormat]
            + AnalysisFixtures.natLegs(peer: "52.216.8.1", upload: 1000, download: 2000, start: 1_764_000_000)
            + AnalysisFixtures.natLegs(peer: "44.192.0.9", upload: 300, download: 700, start: 1_764_000_000 + 2 * 3600)
        let report = try AnalysisFixtures.analyse(lines)
        #expect(report.hourly.hours.count == 2)
        let placed = report.hourly.hours.reduce(UInt64(0)) { $0 + $1.bytes.values.reduce(0, +) }
        #expect(placed + report.hourly.unplacedBytes == report.nat.bytes)
        #expect(report.hourly.hours.first?.bytes[.gatewayEndpoint] == 3000)
    }
}

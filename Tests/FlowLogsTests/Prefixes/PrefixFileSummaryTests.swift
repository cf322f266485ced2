import Foundation
import Testing
@testable import FlowLogs

struct PrefixFileSummaryTests {
    typealias Entry = PrefixFixtures.Entry

    func info(createDate: String = "2026-08-22-15-17-05", now: String = "2026-09-01-15-17-05") throws -> PrefixFileSummary {
        let json = PrefixFixtures.json([
            Entry("52.216.0.0/15", "AMAZON"), Entry("52.216.0.0/15", "S3"), Entry("3.64.0.0/12", "EC2", "eu-central-1"),
            Entry("2600:1f18::/33", "EC2"), Entry("2600:1f18::/33", "AMAZON"),
        ], createDate: createDate)
        let table = try PrefixTable(jsonData: Array(json.utf8), source: "/c/ip-ranges.json")
        return PrefixFileSummary(table: table, path: "/c/ip-ranges.json", origin: "default location",
                              now: try #require(PrefixTable.parseCreateDate(now)))
    }

    @Test func text() throws {
        var text = ""
        try info().renderText(into: &text)
        #expect(text == """
            file        /c/ip-ranges.json (default location)
            created     2026-08-22 15:17:05 UTC, 10 days ago
            sync token  1787411825
            prefixes    3 IPv4, 2 IPv6

              service  IPv4  IPv6  total
              AMAZON      1     1      2
              EC2         1     1      2
              S3          1     0      1

              region        IPv4  IPv6  total
              us-east-1        2     2      4
              eu-central-1     1     0      1

            """)
    }

    @Test func json() throws {
        var bytes: [UInt8] = []
        try info(now: "2026-10-01-15-17-04").renderJSON(into: &bytes)
        #expect(String(decoding: bytes, as: UTF8.self) == """
            {
              "path": "/c/ip-ranges.json",
              "sync_token": "1787411825",
              "create_date": "2026-08-22-15-17-05",
              "age_days": 39,
              "ipv4_prefixes": 3,
              "ipv6_prefixes": 2,
              "services": {
                "AMAZON": 2,
                "EC2": 2,
                "S3": 1
              },
              "regions": {
                "us-east-1": 4,
                "eu-central-1": 1
              },
              "stale": true
            }

            """)
    }

    @Test(arguments: [
        ("2026-09-21-15-17-05", 30, false), ("2026-09-21-15-17-06", 30, true), ("2026-08-22-15-17-05", 0, false),
        ("2026-08-01-00-00-00", 0, false),  // a clock behind the file: age 0, not negative
    ])
    func staleness(now: String, days: Int, stale: Bool) throws {
        let info = try info(now: now)
        #expect(info.ageDays == days)
        #expect(info.isStale == stale)
        #expect((info.warning != nil) == stale)
    }

    @Test func warnings() throws {
        #expect(try info(now: "2026-12-01-00-00-00").warning == "/c/ip-ranges.json is 100 days old (created "
                + "2026-08-22-15-17-05); AWS changes ip-ranges.json several times a week, so recent ranges are "
                + "missing: run 'flowscan prefixes update'")
        let undated = try info(createDate: "yesterday")
        #expect(undated.ageDays == nil)
        #expect(!undated.isStale)
        #expect(undated.warning?.hasPrefix("cannot tell how old /c/ip-ranges.json is") == true)
        var text = ""
        undated.renderText(into: &text)
        #expect(text.contains("created     yesterday (not YYYY-MM-DD-hh-mm-ss: age unknown)\n"))
        var bytes: [UInt8] = []
        undated.renderJSON(into: &bytes)
        #expect(String(decoding: bytes, as: UTF8.self).contains(#""age_days": null"#))
    }
}

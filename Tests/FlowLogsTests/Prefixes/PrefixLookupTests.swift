import Foundation
import Testing
@testable import FlowLogs

struct PrefixLookupTests {
    typealias Entry = PrefixFixtures.Entry
    let ip = PrefixFixtures.ip

    func lookup() throws -> PrefixLookup {
        let table = try PrefixFixtures.table([
            Entry("52.216.0.0/15", "AMAZON"), Entry("52.216.0.0/15", "S3"),
            Entry("15.181.232.0/21", "EC2", "us-west-2", group: "us-west-2-lax-1"),
            Entry("2600:1f18::/33", "EC2"), Entry("2600:1f18::/33", "AMAZON"),
        ])
        return PrefixLookup(table: table, addresses: ["52.216.8.1", "15.181.232.9", "8.8.8.8", "10.0.0.1",
                                                      "2600:1f18::1", "fe80::1", "::ffff:52.217.0.1"].map(ip))
    }

    @Test func owners() throws {
        #expect(try lookup().answers.map(\.owner) == ["S3", "EC2", "internet", "private", "EC2", "link-local", "S3"])
    }

    @Test func text() throws {
        var text = ""
        try lookup().renderText(into: &text)
        #expect(text == """
              address       service     region     border group     prefix           services
              52.216.8.1    S3          us-east-1  us-east-1        52.216.0.0/15    AMAZON, S3
              15.181.232.9  EC2         us-west-2  us-west-2-lax-1  15.181.232.0/21  EC2
              8.8.8.8       internet    -          -                -                -
              10.0.0.1      private     -          -                -                -
              2600:1f18::1  EC2         us-east-1  us-east-1        2600:1f18::/33   AMAZON, EC2
              fe80::1       link-local  -          -                -                -
              52.217.0.1    S3          us-east-1  us-east-1        52.216.0.0/15    AMAZON, S3

            """)
    }

    @Test func json() throws {
        let table = try PrefixFixtures.table([Entry("52.216.0.0/15", "AMAZON"), Entry("52.216.0.0/15", "S3")])
        var bytes: [UInt8] = []
        PrefixLookup(table: table, addresses: [ip("52.216.8.1"), ip("100.64.1.1")]).renderJSON(into: &bytes)
        #expect(String(decoding: bytes, as: UTF8.self) == """
            [
              {
                "address": "52.216.8.1",
                "aws": true,
                "service": "S3",
                "region": "us-east-1",
                "network_border_group": "us-east-1",
                "prefix": "52.216.0.0/15",
                "services": ["AMAZON", "S3"],
                "scope": "public"
              },
              {
                "address": "100.64.1.1",
                "aws": false,
                "service": null,
                "region": null,
                "network_border_group": null,
                "prefix": null,
                "services": [],
                "scope": "private"
              }
            ]

            """)
        // One address is still an array; no address is an empty one.
        bytes = []
        PrefixLookup(table: table, addresses: [ip("8.8.8.8")]).renderJSON(into: &bytes)
        #expect(bytes.first == UInt8(ascii: "["))
        bytes = []
        PrefixLookup(table: table, addresses: []).renderJSON(into: &bytes)
        #expect(String(decoding: bytes, as: UTF8.self) == "[]\n")
    }

    @Test func namesFromTheFileCannotDriveTheTerminal() throws {
        let table = try PrefixTable(jsonData: Array(PrefixFixtures.json([Entry("1.0.0.0/8", "EVIL\\u001b[2J", "r\\u0007")]).utf8),
                                    source: "t.json")
        var text = ""
        PrefixLookup(table: table, addresses: [ip("1.2.3.4")]).renderText(into: &text)
        #expect(text.contains("EVIL\\x1b[2J"))
        #expect(text.contains("r\\x07"))
        #expect(!text.unicodeScalars.contains { $0.value == 0x1b || $0.value == 0x07 })
        var bytes: [UInt8] = []
        PrefixLookup(table: table, addresses: [ip("1.2.3.4")]).renderJSON(into: &bytes)
        #expect(String(decoding: bytes, as: UTF8.self).contains(#""service": "EVIL\u001b[2J""#))
    }
}

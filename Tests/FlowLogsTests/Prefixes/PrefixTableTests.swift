import Foundation
import Testing
@testable import FlowLogs

struct PrefixTableTests {
    typealias Entry = PrefixFixtures.Entry
    let ip = PrefixFixtures.ip

    /// The winning service for `address`, or "-" when not AWS.
    func service(_ table: PrefixTable, _ address: String) -> String {
        let index = table.serviceRegionIndex(of: ip(address))
        #expect(table.lookup(ip(address))?.serviceRegionIndex ?? 0 == index)
        return index == 0 ? "-" : table.serviceRegions[index].service
    }

    // MARK: Precedence

    @Test func specificServiceBeatsAmazonOnTheSamePrefix() throws {
        // Both orders in the file: the answer must not depend on which comes first.
        for entries in [[Entry("52.216.0.0/15", "AMAZON"), Entry("52.216.0.0/15", "S3")],
                        [Entry("52.216.0.0/15", "S3"), Entry("52.216.0.0/15", "AMAZON")]] {
            let table = try PrefixFixtures.table(entries)
            let match = try #require(table.lookup(ip("52.216.8.1")))
            #expect(match.service == "S3")
            #expect(match.services == ["AMAZON", "S3"])
            #expect(match.prefix == IPPrefix("52.216.0.0/15"))
        }
    }

    @Test func s3BeatsEC2OnTheSamePrefix() throws {
        for entries in [[Entry("3.5.0.0/19", "EC2"), Entry("3.5.0.0/19", "S3"), Entry("3.5.0.0/19", "AMAZON")],
                        [Entry("3.5.0.0/19", "S3"), Entry("3.5.0.0/19", "AMAZON"), Entry("3.5.0.0/19", "EC2")]] {
            let table = try PrefixFixtures.table(entries)
            #expect(service(table, "3.5.0.1") == "S3")
            #expect(table.lookup(ip("3.5.0.1"))?.services == ["AMAZON", "EC2", "S3"])
        }
    }

    @Test func dynamoDBBeatsEC2AndOthersBeatEC2() throws {
        let table = try PrefixFixtures.table([
            Entry("52.94.0.0/22", "EC2"), Entry("52.94.0.0/22", "DYNAMODB"), Entry("52.94.0.0/22", "AMAZON"),
            Entry("15.177.0.0/18", "EC2"), Entry("15.177.0.0/18", "ROUTE53_HEALTHCHECKS"),
            Entry("99.84.0.0/16", "CLOUDFRONT_ORIGIN_FACING"), Entry("99.84.0.0/16", "CLOUDFRONT"),
            Entry("16.0.0.0/8", "SOMETHING_NEW"), Entry("16.0.0.0/8", "EC2"),
        ])
        #expect(service(table, "52.94.1.1") == "DYNAMODB")
        #expect(service(table, "15.177.1.1") == "ROUTE53_HEALTHCHECKS")
        #expect(service(table, "99.84.1.1") == "CLOUDFRONT")
        #expect(service(table, "16.1.1.1") == "SOMETHING_NEW")  // unknown names are data
    }

    @Test func ec2InsideAShorterAmazonPrefixIsEC2() throws {
        let table = try PrefixFixtures.table([Entry("3.0.0.0/9", "AMAZON"), Entry("3.64.0.0/12", "EC2", "eu-central-1")])
        #expect(service(table, "3.75.6.195") == "EC2")
        #expect(table.lookup(ip("3.75.6.195"))?.region == "eu-central-1")
        #expect(service(table, "3.1.1.1") == "AMAZON")
    }

    @Test func longerAmazonOnlyPrefixInsideAShorterEC2PrefixIsAmazon() throws {
        // The 2026 file: 3.78.204.0/22 AMAZON inside 3.64.0.0/12 EC2 (precedence never crosses lengths).
        let table = try PrefixFixtures.table([
            Entry("3.64.0.0/12", "EC2", "eu-central-1"), Entry("3.64.0.0/12", "AMAZON", "eu-central-1"),
            Entry("3.78.204.0/22", "AMAZON", "eu-central-1"),
        ])
        let match = try #require(table.lookup(ip("3.78.206.74")))
        #expect(match.service == "AMAZON")
        #expect(match.prefix == IPPrefix("3.78.204.0/22"))
        #expect(match.services == ["AMAZON"])
        #expect(service(table, "3.78.203.255") == "EC2")
        #expect(service(table, "3.78.208.0") == "EC2")
    }

    @Test func identicalRankTiesGoToTheFirstEntryInTheFile() throws {
        let table = try PrefixFixtures.table([Entry("1.0.0.0/24", "EC2", "eu-west-1"), Entry("1.0.0.0/24", "EC2", "eu-west-2")])
        #expect(table.lookup(ip("1.0.0.1"))?.region == "eu-west-1")
    }

    // MARK: Boundaries

    @Test(arguments: [
        ("52.215.255.255", "-"), ("52.216.0.0", "S3"), ("52.217.255.255", "S3"), ("52.218.0.0", "-"),
        ("9.255.255.255", "-"), ("10.0.0.0", "AMAZON"), ("10.0.255.255", "AMAZON"), ("10.1.0.0", "EC2"), ("10.1.0.255", "EC2"), ("10.1.1.0", "AMAZON"),
        ("10.1.1.1", "S3"), ("10.1.1.2", "AMAZON"), ("10.255.255.255", "AMAZON"), ("11.0.0.0", "-"),
        ("2600:1f17:ffff:ffff:ffff:ffff:ffff:ffff", "-"), ("2600:1f18::", "EC2"),
        ("2600:1f18:7fff:ffff:ffff:ffff:ffff:ffff", "EC2"), ("2600:1f18:8000::", "-"),
        ("2600:1f18:1::", "S3"), ("2600:1f18:1::ffff", "S3"), ("2600:1f18:1::1:0", "EC2"),
    ])
    func boundaries(address: String, expected: String) throws {
        let table = try PrefixFixtures.table([
            Entry("52.216.0.0/15", "S3"), Entry("10.0.0.0/8", "AMAZON"), Entry("10.1.0.0/24", "EC2"),
            Entry("10.1.1.1/32", "S3"), Entry("2600:1f18::/33", "EC2"), Entry("2600:1f18:1::/112", "S3"),
        ])
        #expect(service(table, address) == expected)
    }

    @Test func edgesOfTheAddressSpace() throws {
        let table = try PrefixFixtures.table([Entry("0.0.0.0/8", "AMAZON"), Entry("255.255.255.255/32", "EC2"),
                                              Entry("::/16", "S3"), Entry("ffff::/16", "EC2")])
        #expect(service(table, "0.0.0.0") == "AMAZON")
        #expect(service(table, "255.255.255.255") == "EC2")
        #expect(service(table, "255.255.255.254") == "-")
        #expect(service(table, "::") == "S3")
        #expect(service(table, "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff") == "EC2")
        // IPv4-mapped IPv6 is the IPv4 address, never matched by IPv6 blocks such as ::/16.
        #expect(service(table, "::ffff:0.0.0.1") == "AMAZON")
        #expect(service(table, "::ffff:255.255.255.255") == "EC2")
        #expect(service(table, "::ffff:1.2.3.4") == "-")

        let empty = try PrefixFixtures.table([Entry("52.216.0.0/15", "S3")])
        for address in ["0.0.0.0", "255.255.255.255", "::", "::ffff:52.216.8.1", "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff"] {
            #expect(service(empty, address) == (address.contains("52.216") ? "S3" : "-"))
        }
    }

    @Test func wholeSpaceBlocks() throws {
        let table = try PrefixFixtures.table([Entry("0.0.0.0/0", "AMAZON"), Entry("::/0", "EC2")])
        #expect(service(table, "255.255.255.255") == "AMAZON")
        #expect(service(table, "0.0.0.0") == "AMAZON")
        #expect(service(table, "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff") == "EC2")
    }

    // MARK: Answers

    @Test func answersCarryRegionBorderGroupAndPrefix() throws {
        let table = try PrefixFixtures.table([
            Entry("15.181.232.0/21", "EC2", "us-west-2", group: "us-west-2-lax-1"),
            Entry("15.181.232.0/21", "AMAZON", "us-west-2", group: "us-west-2-lax-1"),
        ])
        let match = try #require(table.lookup(ip("15.181.233.7")))
        #expect(match.serviceRegion == ServiceRegion(service: "EC2", region: "us-west-2", networkBorderGroup: "us-west-2-lax-1"))
        #expect(match.prefix.description == "15.181.232.0/21")
        #expect(table.serviceRegions[0] == .notAWS)
        #expect(table.serviceRegions.count == 2)  // AMAZON never wins here, so it is not an answer
        #expect(table.lookup(ip("8.8.8.8")) == nil)
        #expect(table.serviceRegionIndex(of: ip("8.8.8.8")) == 0)
    }

    @Test func privateAndSpecialAddressesAreNotAWS() throws {
        let table = try PrefixFixtures.table([Entry("52.216.0.0/15", "S3")])
        for address in ["10.0.0.1", "172.16.5.4", "192.168.1.1", "100.64.0.1", "169.254.169.254", "127.0.0.1",
                        "fd00::1", "fe80::1", "::1"] {
            #expect(table.lookup(ip(address)) == nil)
            #expect(ip(address).scope != .public)
        }
    }

    @Test func countsAndMetadata() throws {
        let table = try PrefixFixtures.table([
            Entry("52.216.0.0/15", "S3"), Entry("52.216.0.0/15", "AMAZON"),
            Entry("3.64.0.0/12", "EC2", "eu-central-1"), Entry("2600:1f18::/33", "EC2"),
        ])
        #expect(table.ipv4PrefixCount == 3)
        #expect(table.ipv6PrefixCount == 1)
        #expect(table.serviceCounts["EC2"] == PrefixEntryCount(ipv4: 1, ipv6: 1))
        #expect(table.serviceCounts["S3"]?.total == 1)
        #expect(table.regionCounts["us-east-1"] == PrefixEntryCount(ipv4: 2, ipv6: 1))
        #expect(table.syncToken == "1787411825")
        #expect(table.createDate == "2026-08-22-15-17-05")
        #expect(table.createdAt == Date(timeIntervalSince1970: 1_787_411_825))
        #expect(table.prefixes.map(\.description) == ["52.216.0.0/15", "3.64.0.0/12", "2600:1f18::/33"])
    }

    @Test(arguments: [
        ("1970-01-01-00-00-00", 0.0), ("2000-02-29-12-00-00", 951_825_600), ("2026-08-22-15-17-05", 1_787_411_825),
        ("1999-12-31-23-59-59", 946_684_799),
    ])
    func createDates(text: String, seconds: Double) {
        #expect(PrefixTable.parseCreateDate(text) == Date(timeIntervalSince1970: seconds))
    }

    @Test(arguments: ["", "2026-08-22", "2026-13-01-00-00-00", "2026-08-22T15:17:05", "2026-08-22-15-17-5", "２０２６-08-22-15-17-05"])
    func unreadableCreateDates(text: String) {
        #expect(PrefixTable.parseCreateDate(text) == nil)
    }
}

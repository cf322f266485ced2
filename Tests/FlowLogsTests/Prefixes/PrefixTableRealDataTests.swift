import Foundation
import Testing
@testable import FlowLogs

/// The real ip-ranges.json snapshots in ../shared/realdata/ip-ranges (see SOURCES.md there).
/// A user's clone has no realdata: the suite is then skipped, and says why.
@Suite(.enabled(if: PrefixFixtures.hasRealData,
                "the real ip-ranges.json snapshots in ../shared/realdata/ip-ranges are not present (a user's clone has none)"))
struct PrefixTableRealDataTests {
    let ip = PrefixFixtures.ip
    let table2026: PrefixTable
    let table2022: PrefixTable

    init() throws {
        table2026 = try #require(PrefixFixtures.real2026)
        table2022 = try #require(PrefixFixtures.real2022)
    }

    @Test func snapshotsLoadWithTheirCounts() throws {
        #expect(table2026.syncToken == "1787411825")
        #expect(table2026.createDate == "2026-08-22-15-17-05")
        #expect(table2026.ipv4PrefixCount == 10668)
        #expect(table2026.ipv6PrefixCount == 6160)
        #expect(table2026.serviceCounts["AMAZON"]?.ipv4 == 6084)
        #expect(table2026.serviceCounts["S3"]?.ipv4 == 441)
        #expect(table2026.serviceCounts["DYNAMODB"]?.ipv4 == 94)
        #expect(table2022.syncToken == "1671592986")
        #expect(table2022.createDate == "2022-12-21-03-23-06")
        #expect(table2022.ipv4PrefixCount == 7440)
        #expect(table2022.ipv6PrefixCount == 1901)
    }

    /// The matches SOURCES.md lists as checked, the same in both snapshots.
    @Test(arguments: [
        ("52.95.128.179", "S3", "ap-southeast-2", "52.95.128.0/21"),
        ("3.5.246.198", "S3", "eu-west-2", "3.5.244.0/22"),
        // SOURCES.md says "EC2/AMAZON": the longest block is 3.239.232.0/24, listed only as AMAZON,
        // inside 3.224.0.0/12 (AMAZON and EC2). The longest prefix wins, so AMAZON.
        ("3.239.232.29", "AMAZON", "us-east-1", "3.239.232.0/24"),
        ("52.213.180.42", "EC2", "eu-west-1", "52.208.0.0/13"),
        ("3.75.6.195", "EC2", "eu-central-1", "3.64.0.0/12"),
        ("52.119.169.95", "AMAZON", "us-west-2", "52.119.160.0/20"),
        ("72.21.196.65", "AMAZON", "us-east-1", "72.21.192.0/19"),
        // 3.5.0.0/19 is listed under S3, EC2 and AMAZON: S3 must win (DOMAIN.md §3).
        ("3.5.0.1", "S3", "us-east-1", "3.5.0.0/19"),
        ("52.216.8.1", "S3", "us-east-1", "52.216.0.0/15"),
        ("2600:1f18::1", "EC2", "us-east-1", "2600:1f18::/33"),
    ])
    func checkedMatches(address: String, service: String, region: String, prefix: String) throws {
        for table in [table2026, table2022] {
            let match = try #require(table.lookup(ip(address)))
            #expect(match.service == service)
            #expect(match.region == region)
            #expect(match.prefix.description == prefix)
        }
    }

    @Test func staleSnapshotsDiffer() throws {
        // 3.78.206.74 is in 3.78.204.0/22 AMAZON only in 2026; in 2022 only the 3.64.0.0/12 EC2 block holds it.
        let now = try #require(table2026.lookup(ip("3.78.206.74")))
        #expect((now.service, now.region, now.prefix.description) == ("AMAZON", "eu-central-1", "3.78.204.0/22"))
        let then = try #require(table2022.lookup(ip("3.78.206.74")))
        #expect((then.service, then.region, then.prefix.description) == ("EC2", "eu-central-1", "3.64.0.0/12"))
    }

    @Test(arguments: ["76.198.154.105", "142.250.185.91", "85.214.204.244", "203.0.113.5", "89.160.20.112",
                      "67.43.156.12", "81.2.69.143", "10.0.0.1", "8.8.8.8", "2a02:cf40::1"])
    func notAWS(address: String) throws {
        for table in [table2026, table2022] {
            #expect(table.lookup(ip(address)) == nil)
            #expect(table.serviceRegionIndex(of: ip(address)) == 0)
        }
    }

    /// The fast structure against a linear scan of the file read by JSONSerialization: the edges of
    /// every block (first, last, one outside each side), a random address inside each, and as many
    /// uniformly random IPv4 and IPv6 addresses.
    @Test(arguments: [PrefixFixtures.real2026Path, PrefixFixtures.real2022Path])
    func matchesALinearScan(path: String) throws {
        let table = try PrefixTable.load(contentsOf: path)
        let reference = try PrefixReference(contentsOf: path)
        #expect(reference.entries.count == table.ipv4PrefixCount + table.ipv6PrefixCount)
        var random = SplitMix64(seed: 2026)
        // Every block would take a minute in a debug build: a random 1,500 of them (about 10,000 probes).
        var blocks = table.prefixes
        for index in blocks.indices.reversed() { blocks.swapAt(index, random.below(index + 1)) }
        let probes = PrefixReference.probes(around: Array(blocks.prefix(1500)), random: &random)
        let mismatches = reference.mismatches(table, probes)
        #expect(mismatches.isEmpty, "\(mismatches.prefix(5))")
    }

    /// The whole table (counts, blocks, answers, every interval) against the one its entries
    /// define, so that a faster loader must build exactly the same table.
    @Test(arguments: [PrefixFixtures.real2026Path, PrefixFixtures.real2022Path])
    func tableIsTheOneItsEntriesDefine(path: String) throws {
        let table = try PrefixTable.load(contentsOf: path)
        let differences = try PrefixReference(contentsOf: path).differences(from: table)
        #expect(differences.isEmpty, "\(differences.count) differences: \(differences.prefix(5))")
    }

    /// Every edge of every block, checked against the resolved answer of the block itself.
    @Test func everyBlockAnswersForItsOwnEdges() throws {
        let table = table2026
        var wrong: [String] = []
        for prefix in table.prefixes {
            for address in [prefix.first, prefix.last] {
                // The answer is this block or a longer one inside it that holds the address.
                guard let match = table.lookup(address), match.prefix.contains(address),
                      match.prefix.length >= prefix.length, prefix.contains(match.prefix.first) else {
                    wrong.append("\(prefix): \(address) -> \(String(describing: table.lookup(address)))")
                    continue
                }
            }
        }
        #expect(wrong.isEmpty, "\(wrong.prefix(5))")
    }
}

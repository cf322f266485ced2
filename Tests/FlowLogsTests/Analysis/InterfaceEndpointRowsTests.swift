import Foundation
import Testing
@testable import FlowLogs

/// Interface endpoints by service: NAT bytes per endpoint service that Resolver query logs name.
@Suite struct InterfaceEndpointRowsTests {
    typealias F = AnalysisFixtures

    var syntheticPrefixes: PrefixTable {
        try! PrefixTable(jsonData: Array(SyntheticVPC.ipRangesJSON(region: "us-east-1").utf8), source: "synthetic")
    }

    /// A generated VPC with Resolver query logs beside its flow logs.
    static func generate(_ directory: TemporaryDirectory, interfaces: SyntheticVPC.LoggedInterfaces = .all, dnsLogs: Bool = true,
                         name: String = "logs") throws -> (folder: String, truth: SyntheticTruth) {
        var options = SyntheticVPC.Options()
        options.seed = 17
        options.minutes = 60
        options.connectionsPerFile = 40
        options.interfaces = interfaces
        // Instance interfaces in the default format have no traffic-path: the bastion's internet-gateway
        // traffic would count as NAT traffic (an assumption the report states), so the truth needs v5 there.
        if interfaces == .instances { options.formats = .v5 }
        options.dnsLogs = dnsLogs
        let folder = directory.path(name)
        return (folder, try SyntheticVPC(options: options).write(to: folder))
    }

    /// Bytes per endpoint service (or DNS name no endpoint carries) as the report gives them.
    static func namedBytes(_ report: Report) -> [String: UInt64] {
        var bytes: [String: UInt64] = [:]
        for row in report.savings.interfaceEndpoints where row.attribution == .dns && row.bytes > 0 {
            bytes[row.endpointService!, default: 0] += row.bytes
        }
        for row in report.interfaceEndpoints.notCarried { bytes[row.name, default: 0] += row.bytes }
        return bytes
    }

    @Test(arguments: SyntheticVPC.LoggedInterfaces.allCases)
    func generatedBytesPerEndpointServiceEqualExpectedToTheByte(interfaces: SyntheticVPC.LoggedInterfaces) throws {
        let directory = TemporaryDirectory()
        let (folder, truth) = try Self.generate(directory, interfaces: interfaces)
        let expected = try #require(truth.endpointBytes)
        #expect(expected.count >= 8)
        // The Resolver logs sit beside the flow logs: found by content.
        let report = try TrafficAnalysis.run(paths: [folder], prefixes: syntheticPrefixes, prefixFile: F.prefixFile, options: AnalysisOptions()).scopes[0].report
        #expect(report.nat.bytes == truth.natBytes)
        #expect(Self.namedBytes(report) == expected)
        let unattributed = report.savings.interfaceEndpoints.filter { $0.attribution == .unattributed }
        #expect(unattributed.map(\.bytes) == [truth.unnamedAmazonBytes])
        #expect(unattributed.allSatisfy { $0.endpointService == nil && !$0.counted })
        let dns = try #require(report.interfaceEndpoints.dns)
        #expect(dns.files == 12)
        #expect(dns.amazonBytes == expected.values.reduce(truth.unnamedAmazonBytes, +))
        #expect(dns.ambiguousBytes == 0)
        #expect(report.inputs.files.filter { $0.content == .resolverQueryLog }.allSatisfy { $0.malformed == 0 && $0.queries > 0 })
        // Global STS is named, but no endpoint of the region carries it.
        #expect(report.interfaceEndpoints.notCarried.map(\.name) == ["sts.amazonaws.com"])
        #expect(report.interfaceEndpoints.notCarried.first?.kind == .global)
    }

    @Test func savingsPerEndpointFollowTheFormulaAndOnlyThoseWorthItCount() throws {
        let directory = TemporaryDirectory()
        let (folder, _) = try Self.generate(directory)
        for hourPrice in [0.01, 0.000_05] {
            var options = AnalysisOptions()
            options.prices.flags["interface_endpoint_hour"] = hourPrice
            let report = try TrafficAnalysis.run(paths: [folder], prefixes: syntheticPrefixes, prefixFile: F.prefixFile, options: options).scopes[0].report
            let window = try #require(report.window)
            let p = report.prices
            let endpointMonthly = p.interfaceEndpointHour * 730 * Double(report.availabilityZones)
            let perGB = p.natGatewayGB - p.interfaceEndpointGB
            let rows = report.savings.interfaceEndpoints.filter { $0.attribution == .dns }
            #expect(rows.count >= 9)
            for row in rows {
                let monthlyGB = Double(row.bytes) / 1e9 * window.monthlyFactor
                #expect(abs(row.monthlyGB - monthlyGB) < 1e-9)
                #expect(abs(row.endpointMonthlyUSD - endpointMonthly) < 1e-9)
                #expect(abs(row.netMonthlyUSD - (monthlyGB * perGB - endpointMonthly)) < 1e-9)
                #expect(abs(row.breakEvenGB! - endpointMonthly / perGB) < 1e-9)
                if row.groupNetMonthlyUSD == nil { #expect(row.worthIt == (monthlyGB > row.breakEvenGB!)) }
                #expect(row.counted == row.worthIt)
            }
            let counted = report.savings.interfaceEndpoints.filter(\.counted).reduce(0) { $0 + $1.netMonthlyUSD }
            #expect(abs(report.savings.interfaceEndpointsMonthlyUSD - counted) < 1e-9)
            if hourPrice == 0.01 {
                // Every endpoint is below break-even at list prices on this small VPC: none is recommended.
                #expect(rows.allSatisfy { !$0.worthIt && $0.verdict.hasPrefix("not worth it") })
                #expect(report.savings.interfaceEndpointsMonthlyUSD == 0)
            } else {
                #expect(rows.contains { $0.worthIt } && rows.contains { !$0.worthIt })
                #expect(report.savings.interfaceEndpointsMonthlyUSD > 0)
            }
            // The ECR pair is judged together.
            let ecr = rows.filter { $0.endpointService?.hasPrefix("com.amazonaws.us-east-1.ecr.") == true }
            #expect(ecr.count == 2)
            #expect(Set(ecr.map(\.worthIt)).count == 1)
            #expect(ecr.allSatisfy { abs($0.groupNetMonthlyUSD! - (ecr[0].netMonthlyUSD + ecr[1].netMonthlyUSD)) < 1e-9 })
        }
    }

    @Test func withoutDNSLogsTheSameTrafficIsUnattributedAndCountsNoInterfaceSaving() throws {
        let directory = TemporaryDirectory()
        let (withDNS, truth) = try Self.generate(directory)
        let (withoutDNS, _) = try Self.generate(directory, dnsLogs: false, name: "plain")
        let named = try TrafficAnalysis.run(paths: [withDNS], prefixes: syntheticPrefixes, prefixFile: F.prefixFile, options: AnalysisOptions()).scopes[0].report
        var cheap = AnalysisOptions()
        cheap.prices.flags["interface_endpoint_hour"] = 0.000_05
        let report = try TrafficAnalysis.run(paths: [withoutDNS], prefixes: syntheticPrefixes, prefixFile: F.prefixFile, options: cheap).scopes[0].report
        #expect(report.interfaceEndpoints.dns == nil)
        let amazon = report.savings.interfaceEndpoints.filter { $0.service == "AMAZON" }
        #expect(amazon.count == 1)
        #expect(amazon.first?.attribution == .unattributed)
        #expect(amazon.first?.endpointService == nil)
        #expect(amazon.first?.bytes == truth.endpointBytes!.values.reduce(truth.unnamedAmazonBytes, +))
        // Even when one endpoint carrying it all would pay, it is an upper bound, not in the total.
        #expect(amazon.first?.worthIt == true)
        #expect(amazon.first?.counted == false)
        let others = report.savings.interfaceEndpoints.filter { $0.service != "AMAZON" }
        #expect(abs(report.savings.interfaceEndpointsMonthlyUSD - others.filter(\.counted).reduce(0) { $0 + $1.netMonthlyUSD }) < 1e-9)
        #expect(report.text().contains("No Route 53 Resolver query logs were read"))
        // How answers name addresses is stated with DNS data only.
        #expect(named.assumptions.contains(.dnsNames(windowSeconds: 3600)))
        #expect(!report.assumptions.contains { if case .dnsNames = $0 { true } else { false } })
        #expect(named.json().contains("the answers the connecting interface asked for decide"))
        // Everything else is as with the DNS logs.
        #expect(report.nat == named.nat)
        #expect(report.destinations.map(\.traffic) == named.destinations.map(\.traffic))
        #expect(report.cost.monthlyTotalUSD == named.cost.monthlyTotalUSD)
        #expect(report.savings.gatewayEndpointsMonthlyUSD == named.savings.gatewayEndpointsMonthlyUSD)
    }

    // MARK: Hand-made cases

    /// `natLegs` to an AMAZON-only address with the given Resolver lines as --dns-logs.
    static func analyse(peer: String, dns: [String], upload: Int = 1000, download: Int = 5000) throws -> Report {
        let directory = TemporaryDirectory()
        let path = directory.write("dns.log", dns.joined(separator: "\n") + "\n")
        return try F.analyse([F.natFormat] + F.natLegs(peer: peer, upload: upload, download: download)) { $0.dnsLogs = [path] }
    }

    /// 2025-11-24T16:00:00Z, a little before `natLegs`' start (1,764,000,000).
    static let before = "2025-11-24T15:59:00Z"

    @Test func anAddressNamedForTwoServicesInOneWindowIsAmbiguousAndGivenToNeither() throws {
        let report = try Self.analyse(peer: "54.239.16.5", dns: [
            resolverLine(name: "sqs.us-east-1.amazonaws.com", answers: [("A", "54.239.16.5")], source: "10.0.1.9", time: Self.before),
            resolverLine(name: "logs.us-east-1.amazonaws.com", answers: [("A", "54.239.16.5")], source: "10.0.1.8", time: Self.before),
        ])
        let rows = report.savings.interfaceEndpoints
        #expect(rows.count == 1)
        #expect(rows.first?.attribution == .ambiguous)
        #expect(rows.first?.bytes == 6000)
        #expect(rows.first?.ambiguousServices == ["com.amazonaws.us-east-1.logs", "com.amazonaws.us-east-1.sqs"])
        #expect(rows.first?.counted == false)
        #expect(report.interfaceEndpoints.dns?.ambiguousBytes == 6000)
        #expect(report.interfaceEndpoints.dns?.coverage == 0)
        #expect(report.text().contains("AMAZON (ambiguous: com.amazonaws.us-east-1.logs or com.amazonaws.us-east-1.sqs)"))
    }

    @Test func theConnectingInstancesOwnAnswerWinsOverAnotherSourcesAndTheWindowBounds() throws {
        let named = try Self.analyse(peer: "54.239.16.6", dns: [
            resolverLine(name: "sqs.us-east-1.amazonaws.com", answers: [("A", "54.239.16.6")], source: "10.0.1.5", time: Self.before),
            resolverLine(name: "logs.us-east-1.amazonaws.com", answers: [("A", "54.239.16.6")], source: "10.0.1.8", time: Self.before),
        ])
        #expect(named.savings.interfaceEndpoints.map(\.endpointService) == ["com.amazonaws.us-east-1.sqs"])
        #expect(named.savings.interfaceEndpoints.first?.bytes == 6000)
        #expect(named.interfaceEndpoints.sources.first?.rows.map(\.address) == [IPAddress("10.0.1.5")!])
        // An answer two hours before the flow names nothing with the default window, and does with a wider one.
        let old = [resolverLine(name: "sqs.us-east-1.amazonaws.com", answers: [("A", "54.239.16.6")], time: "2025-11-24T14:00:00Z")]
        let stale = try Self.analyse(peer: "54.239.16.6", dns: old)
        #expect(stale.savings.interfaceEndpoints.map(\.attribution) == [.unattributed])
        let directory = TemporaryDirectory()
        let path = directory.write("dns.log", old.joined(separator: "\n") + "\n")
        let wide = try F.analyse([F.natFormat] + F.natLegs(peer: "54.239.16.6", upload: 1000, download: 5000)) {
            $0.dnsLogs = [path]
            $0.dnsNaming.window = 3 * 3600
        }
        #expect(wide.savings.interfaceEndpoints.map(\.endpointService) == ["com.amazonaws.us-east-1.sqs"])
    }

    @Test func ecrDkrAloneBringsItsECRAPIPartnerWithItsHours() throws {
        let report = try Self.analyse(peer: "54.239.16.7", dns: [
            resolverLine(name: "111122223333.dkr.ecr.us-east-1.amazonaws.com", answers: [("A", "54.239.16.7")], time: Self.before),
        ])
        let rows = report.savings.interfaceEndpoints
        #expect(rows.map(\.endpointService) == ["com.amazonaws.us-east-1.ecr.dkr", "com.amazonaws.us-east-1.ecr.api"])
        #expect(rows.map(\.bytes) == [6000, 0])
        #expect(rows[0].groupNetMonthlyUSD == rows[0].netMonthlyUSD + rows[1].netMonthlyUSD)
        #expect(rows.allSatisfy { !$0.worthIt })
    }

    @Test func globalSTSIsNamedButNotSameRegion() throws {
        let report = try Self.analyse(peer: "54.239.16.8", dns: [
            resolverLine(name: "sts.amazonaws.com", answers: [("A", "54.239.16.8")], time: Self.before),
        ])
        #expect(report.savings.interfaceEndpoints.isEmpty)
        #expect(report.interfaceEndpoints.notCarried.map(\.name) == ["sts.amazonaws.com"])
        #expect(report.interfaceEndpoints.notCarried.first?.bytes == 6000)
        #expect(report.interfaceEndpoints.dns?.coverage == 1)
        #expect(report.savings.interfaceEndpointsMonthlyUSD == 0)
    }

    /// A NAT gateway's records in the default-like `natFormat` (no `vpc-id`) and, in a second
    /// flow log, its records with `vpc-id` `vpc-0a` (to an EC2 peer), so that the first unit joins
    /// `vpc-0a`'s scope by their shared interface; Resolver logs of `vpc-0a` and `vpc-0b` (one
    /// file each) as given.
    static func analyseJoined(dnsA: [String], dnsB: [String]) throws -> (EstateReport, paths: [String]) {
        let directory = TemporaryDirectory()
        let vpcFormat = "version vpc-id interface-id srcaddr dstaddr srcport dstport protocol packets bytes start end action log-status"
        let withVPC = [vpcFormat, "5 vpc-0a eni-nat1 10.0.0.220 44.192.0.5 50001 443 6 1 100 1764000000 1764000060 ACCEPT OK"]
        let paths = [directory.write("dns-a.log", dnsA.joined(separator: "\n") + "\n"), directory.write("dns-b.log", dnsB.joined(separator: "\n") + "\n")]
        let flows = [directory.write("flows.log", ([F.natFormat] + F.natLegs(peer: "54.239.16.5", upload: 1000, download: 5000)).joined(separator: "\n") + "\n"),
                     directory.write("flows-vpc.log", withVPC.joined(separator: "\n") + "\n")]
        var options = AnalysisOptions()
        options.region = "us-east-1"
        options.dnsLogs = paths
        return (try TrafficAnalysis.run(paths: flows, prefixes: F.prefixes, prefixFile: F.prefixFile, options: options), paths)
    }

    @Test func recordsWithoutVPCIDAreNamedByTheVPCTheirScopeIsJoinedTo() throws {
        let sqs = resolverLine(name: "sqs.us-east-1.amazonaws.com", answers: [("A", "54.239.16.5")], source: "10.0.1.9", vpc: "vpc-0a", time: Self.before)
        let logs = resolverLine(name: "logs.us-east-1.amazonaws.com", answers: [("A", "54.239.16.5")], source: "10.0.1.9", vpc: "vpc-0b", time: Self.before)
        let (estate, paths) = try Self.analyseJoined(dnsA: [sqs, sqs], dnsB: [logs])
        #expect(estate.scopes.map(\.vpc) == ["vpc-0a"])
        let report = try #require(estate.scopes.first?.report)
        // vpc-0b's answer is another VPC's: it neither names the address nor makes it ambiguous.
        let rows = report.savings.interfaceEndpoints.filter { $0.service == "AMAZON" }
        #expect(rows.map(\.endpointService) == ["com.amazonaws.us-east-1.sqs"])
        #expect(rows.map(\.bytes) == [6000])
        #expect(report.interfaceEndpoints.sources.map(\.endpointService) == ["com.amazonaws.us-east-1.sqs"])
        #expect(report.interfaceEndpoints.sources.first?.rows.map(\.address) == [IPAddress("10.0.1.5")!])
        // The scope's DNS facts are vpc-0a's.
        let dns = try #require(report.interfaceEndpoints.dns)
        #expect(dns.vpcs == ["vpc-0a"])
        #expect(dns.files == 1)
        #expect(report.inputs.files.filter { $0.resolverVPCs == ["vpc-0a"] }.map(\.path) == [paths[0]])
        #expect((dns.queries, dns.answers, dns.answersKept) == (2, 2, 2))
        #expect(dns.coverage == 1)
        #expect(report.json().contains(#""vpcs": ["vpc-0a"]"#))
    }

    @Test func aJoinedVPCWithoutResolverLogsNamesNothing() throws {
        let logs = resolverLine(name: "logs.us-east-1.amazonaws.com", answers: [("A", "54.239.16.5")], vpc: "vpc-0b", time: Self.before)
        let (estate, _) = try Self.analyseJoined(dnsA: [], dnsB: [logs])
        let report = try #require(estate.scopes.first?.report)
        #expect(estate.scopes.map(\.vpc) == ["vpc-0a"])
        #expect(report.savings.interfaceEndpoints.filter { $0.service == "AMAZON" }.map(\.attribution) == [.unattributed])
        let dns = try #require(report.interfaceEndpoints.dns)
        #expect(dns.vpcs.isEmpty)
        #expect((dns.files, dns.queries, dns.namedBytes) == (0, 0, 0))
    }

    @Test func aScopeWithoutVPCIsNamedByEveryVPCsAnswers() throws {
        let sqs = resolverLine(name: "sqs.us-east-1.amazonaws.com", answers: [("A", "54.239.16.5")], vpc: "vpc-0a", time: Self.before)
        let logs = resolverLine(name: "logs.us-east-1.amazonaws.com", answers: [("A", "54.239.16.5")], vpc: "vpc-0b", time: Self.before)
        let report = try Self.analyse(peer: "54.239.16.5", dns: [sqs, logs])
        #expect(report.savings.interfaceEndpoints.map(\.attribution) == [.ambiguous])
        let dns = try #require(report.interfaceEndpoints.dns)
        #expect(dns.vpcs == ["vpc-0a", "vpc-0b"])
        #expect((dns.files, dns.queries) == (1, 2))
    }
}

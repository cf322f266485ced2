import Foundation
import Testing
@testable import FlowLogs

/// One run over an organisation's bucket: three accounts in two regions, two VPCs in one
/// account, written by the generator into one folder; each VPC's own truth checks its scope.
@Suite struct ScopedTrafficTests {
    typealias F = AnalysisFixtures

    /// A VPC of the bucket: its generator options, and where it was also written alone.
    struct VPC {
        var options: SyntheticVPC.Options
        var truth: SyntheticTruth
        var alone: String
    }

    static let accountA = "111111111111", accountB = "222222222222", accountC = "333333333333"

    /// The generator's prefixes (us-east-1's labels for the catalog's addresses), for every run.
    static let prefixes = try! PrefixTable(jsonData: Array(SyntheticVPC.ipRangesJSON(region: "us-east-1").utf8), source: "synthetic")

    static func options(account: String, region: String, seed: UInt64, gateways: Int, formats: SyntheticVPC.FormatPlan) -> SyntheticVPC.Options {
        var options = SyntheticVPC.Options()
        options.account = account
        options.region = region
        options.seed = seed
        options.natGateways = gateways
        options.formats = formats
        options.minutes = 30
        options.connectionsPerFile = 12
        options.compress = false
        return options
    }

    /// Writes every VPC into `bucket` and each alone beside it.
    static func write(_ list: [SyntheticVPC.Options], into directory: TemporaryDirectory) throws -> (bucket: String, vpcs: [VPC]) {
        let bucket = directory.path("bucket")
        var vpcs: [VPC] = []
        for (index, options) in list.enumerated() {
            let generator = SyntheticVPC(options: options)
            let truth = try generator.write(to: bucket)
            let alone = directory.path("alone-\(index)")
            _ = try generator.write(to: alone)
            vpcs.append(VPC(options: options, truth: truth, alone: alone))
        }
        return (bucket, vpcs)
    }

    /// The bucket of issue 11: account A with two VPCs in us-east-1 (v5, with vpc-id), account B
    /// in eu-west-1 (a default-format flow log, then a v5 one), account C in eu-west-1 (default
    /// format only: no vpc-id).
    static let bucket = [
        options(account: accountA, region: "us-east-1", seed: 11, gateways: 2, formats: .v5),
        options(account: accountA, region: "us-east-1", seed: 12, gateways: 3, formats: .v5),
        options(account: accountB, region: "eu-west-1", seed: 13, gateways: 1, formats: .both),
        options(account: accountC, region: "eu-west-1", seed: 14, gateways: 2, formats: .default),
    ]

    static func run(_ paths: [String], jobs: Int = 0, configure: (inout AnalysisOptions) -> Void = { _ in }) throws -> EstateReport {
        var options = AnalysisOptions()
        options.jobs = jobs
        configure(&options)
        return try TrafficAnalysis.run(paths: paths, prefixes: prefixes, prefixFile: F.prefixFile, options: options)
    }

    /// The scope whose NAT gateways are this VPC's (by interface id).
    static func scope(of vpc: VPC, in estate: EstateReport) -> ScopeReport? {
        let gateways = Set(vpc.truth.gatewayBytes.keys)
        return estate.scopes.first { Set($0.report.gateways.flatMap(\.interfaceIDs)) == gateways }
    }

    @Test func eachVPCIsAScopeWithItsOwnFiguresRegionPricesAndAZs() throws {
        let directory = TemporaryDirectory()
        let (bucket, vpcs) = try Self.write(Self.bucket, into: directory)
        let estate = try Self.run([bucket])
        #expect(estate.scopes.count == 4)
        #expect(estate.warnings.isEmpty)
        for vpc in vpcs {
            let label = "\(vpc.options.account) \(vpc.options.region) seed \(vpc.options.seed)"
            let scope = try #require(Self.scope(of: vpc, in: estate), "\(label): no scope has its gateways")
            let report = scope.report
            #expect(scope.account == vpc.options.account, "\(label)")
            #expect(scope.region == vpc.options.region, "\(label)")
            #expect(report.region == vpc.options.region, "\(label): same-region means the scope's region")
            // Every byte of the VPC, and each gateway's, to the byte.
            #expect(report.nat.bytes == vpc.truth.natBytes, "\(label)")
            for gateway in report.gateways {
                #expect(gateway.traffic.bytes == vpc.truth.gatewayBytes[gateway.interfaceIDs[0]], "\(label) \(gateway.id)")
            }
            // Per destination: the same as the VPC read alone; for us-east-1 VPCs (whose
            // addresses the prefixes label as the generator does) the generator's own figures.
            let alone = try Self.run([vpc.alone]).scopes
            #expect(alone.count == 1)
            #expect(report.destinations.map { "\($0.service) \($0.region) \($0.traffic.bytesOut) \($0.traffic.bytesIn)" }
                    == alone[0].report.destinations.map { "\($0.service) \($0.region) \($0.traffic.bytesOut) \($0.traffic.bytesIn)" }, "\(label)")
            if vpc.options.region == "us-east-1" {
                for (key, bytes) in vpc.truth.natBytesOut.merging(vpc.truth.natBytesIn, uniquingKeysWith: +) {
                    let parts = key.split(separator: " ").map(String.init)
                    #expect(report.destinations.first { $0.service == parts[0] && $0.region == parts[1] }?.traffic.bytes == bytes, "\(label) \(key)")
                }
            }
            // Its region's prices, its own gateways and AZs.
            #expect(report.prices == PriceChoice().prices(for: vpc.options.region).pricing, "\(label)")
            #expect(report.cost.gateways == vpc.options.natGateways, "\(label)")
            #expect(report.availabilityZones == vpc.options.natGateways, "\(label)")
        }
        #expect(estate.scopes.first { $0.account == Self.accountB }?.report.prices.natGatewayGB == 0.048)
        #expect(estate.scopes.first { $0.account == Self.accountA }?.report.prices.natGatewayGB == 0.045)
        // Heaviest first, and the estate's totals are the sums.
        #expect(estate.scopes.map(\.report.nat.bytes) == estate.scopes.map(\.report.nat.bytes).sorted(by: >))
        let totals = estate.estate
        #expect(totals.nat.bytes == vpcs.map(\.truth.natBytes).reduce(0, +))
        #expect(totals.savingsMonthlyUSD == estate.scopes.map(\.report.savings.totalMonthlyUSD).reduce(0, +))
        #expect(abs(totals.monthlyTotalUSD - estate.scopes.map(\.report.cost.monthlyTotalUSD).reduce(0, +)) < 1e-9, "the sum, up to the order of the additions")
        #expect(totals.gateways == 8)
        // The same estate, byte for byte, from one worker.
        #expect(try Self.run([bucket], jobs: 1).json() == estate.json())
    }

    @Test func scopeKeysSayWhatToldTheVPC() throws {
        let directory = TemporaryDirectory()
        let (bucket, vpcs) = try Self.write(Self.bucket, into: directory)
        let estate = try Self.run([bucket])
        let a = try #require(Self.scope(of: vpcs[0], in: estate))
        #expect(a.scopeKey == .vpcID && a.vpc?.hasPrefix("vpc-") == true && a.flowLogs == ["fl-0b5c2e7d9a1f3c6e4"])
        #expect(Self.scope(of: vpcs[1], in: estate)?.vpc != a.vpc)
        // A default-format flow log, then a v5 one with vpc-id: joined by their interfaces.
        let b = try #require(Self.scope(of: vpcs[2], in: estate))
        #expect(b.scopeKey == .vpcID)
        #expect(b.flowLogs == ["fl-0a4b1d6c8e2f9b3a7", "fl-0b5c2e7d9a1f3c6e4"])
        #expect(b.report.gateways.allSatisfy { $0.countedLegs.count > 1 }, "legs of both formats in one scope")
        // Default format only: the flow log is the scope.
        let c = try #require(Self.scope(of: vpcs[3], in: estate))
        #expect(c.scopeKey == .flowLog && c.vpc == nil && c.flowLogs == ["fl-0a4b1d6c8e2f9b3a7"])
        #expect(c.report.regionSource == .s3KeyPath)
    }

    @Test func aWindowAfterEveryRecordKeepsEachVPCOneScope() throws {
        // --since after the last record: no unit keeps an address, yet account B's default-format
        // flow log still goes with its account and region's one VPC, as it does with the records.
        let directory = TemporaryDirectory()
        let (bucket, _) = try Self.write(Self.bucket, into: directory)
        let all = try Self.run([bucket])
        let late = try Self.run([bucket]) { $0.since = 4_102_444_800 }
        #expect(late.scopes.allSatisfy { $0.report.nat.bytes == 0 })
        #expect(late.scopes.count == all.scopes.count)
        let key = { (scope: ScopeReport) in "\(scope.account) \(scope.region) \(scope.vpc ?? "-") \(scope.flowLogs)" }
        #expect(late.scopes.map(key).sorted() == all.scopes.map(key).sorted())
        #expect(late.warnings.isEmpty)
    }

    @Test func privateAddressesOfTwoVPCsStayApart() throws {
        let directory = TemporaryDirectory()
        let (bucket, vpcs) = try Self.write(Array(Self.bucket.prefix(2)), into: directory)
        let estate = try Self.run([bucket])
        #expect(estate.scopes.count == 2)
        // Both VPCs use 10.0.0.220 for a NAT gateway: each scope has its own, with its own bytes.
        for vpc in vpcs {
            let scope = try #require(Self.scope(of: vpc, in: estate))
            let gateway = try #require(scope.report.gateways.first { $0.privateIPs.contains(IPAddress("10.0.0.220")!) })
            #expect(gateway.traffic.bytes == vpc.truth.gatewayBytes[gateway.interfaceIDs[0]])
        }
    }

    @Test func aFlowLogSharedByTwoVPCsIsNotJoinedAndSaysSo() throws {
        // Two VPCs of one account and region, both with a default-format flow log of the same id.
        let directory = TemporaryDirectory()
        let list = [Self.options(account: Self.accountA, region: "us-east-1", seed: 21, gateways: 1, formats: .both),
                    Self.options(account: Self.accountA, region: "us-east-1", seed: 22, gateways: 1, formats: .both)]
        let (bucket, vpcs) = try Self.write(list, into: directory)
        let estate = try Self.run([bucket])
        #expect(estate.scopes.count == 3)
        let shared = try #require(estate.scopes.first { $0.scopeKey == .flowLog })
        #expect(shared.flowLogs == ["fl-0a4b1d6c8e2f9b3a7"])
        guard case let .unitSpansVPCs(account, region, unit, others)? = estate.warnings.first else {
            Issue.record("no warning: \(estate.warnings)")
            return
        }
        #expect(account == Self.accountA && region == "us-east-1" && unit == "fl-0a4b1d6c8e2f9b3a7")
        #expect(Set(others) == Set(estate.scopes.compactMap(\.vpc)))
        // Nothing vanishes: the shared flow log's records are a scope of their own (its figures
        // mix two VPCs whose addresses overlap, which the warning says), the others are the VPCs'.
        #expect(shared.report.nat.records > 0)
        #expect(estate.scopes.filter { $0.scopeKey == .vpcID }.allSatisfy { $0.report.nat.bytes > 0 })
        #expect(vpcs.count == 2)
        let unwrapped = estate.text(width: 10_000)
        #expect(unwrapped.contains("fl-0a4b1d6c8e2f9b3a7 (account 111111111111, us-east-1) shares interfaces with 2 VPCs"))
    }

    @Test func scopeFiltersNarrowTheRunAndCountWhatTheyLeaveOut() throws {
        let directory = TemporaryDirectory()
        let (bucket, vpcs) = try Self.write(Self.bucket, into: directory)
        let all = try Self.run([bucket])
        let a = try Self.run([bucket]) { $0.scopes = [ScopeFilter(account: Self.accountA)] }
        #expect(a.scopes.count == 2 && a.scopes.allSatisfy { $0.account == Self.accountA })
        #expect(a.estate.nat.bytes == vpcs[0].truth.natBytes + vpcs[1].truth.natBytes)
        #expect(a.outsideScopes.scopes == 2)
        let keptRecords = a.scopes.map(\.report).map { $0.setAside.map(\.records).reduce(0, +) + $0.nat.records }
        #expect(a.outsideScopes.records > 0 && keptRecords.reduce(0, +) > 0)
        // By VPC id, and by flow log id (a flow log of a joined scope names the scope).
        let first = try #require(Self.scope(of: vpcs[0], in: all))
        let byVPC = try Self.run([bucket]) { $0.scopes = [ScopeFilter("\(Self.accountA)/us-east-1/\(first.vpc!)")!] }
        #expect(byVPC.scopes.map(\.vpc) == [first.vpc])
        let byFlowLog = try Self.run([bucket]) { $0.scopes = [ScopeFilter("\(Self.accountB)/eu-west-1/fl-0a4b1d6c8e2f9b3a7")!] }
        #expect(byFlowLog.scopes.map(\.account) == [Self.accountB])
        #expect(byFlowLog.scopes.first?.report.nat.bytes == vpcs[2].truth.natBytes)
        // Two filters; a region of none.
        let two = try Self.run([bucket]) { $0.scopes = [ScopeFilter(account: Self.accountB), ScopeFilter(account: Self.accountC)] }
        #expect(two.scopes.map(\.account).sorted() == [Self.accountB, Self.accountC])
        let none = try Self.run([bucket]) { $0.scopes = [ScopeFilter("\(Self.accountA)/ap-south-1")!] }
        #expect(none.scopes.count == 1 && none.scopes[0].report.nat.bytes == 0)
        #expect(none.outsideScopes.scopes == 4)
        #expect(all.outsideScopes.scopes == 0)
    }

    @Test(arguments: ["123456789012", "123456789012/eu-west-1", "123456789012/eu-west-1/vpc-0abc", "123456789012/eu-west-1/fl-01"])
    func scopeFiltersParse(_ text: String) throws {
        let filter = try #require(ScopeFilter(text))
        #expect(filter.description == text)
    }

    @Test(arguments: ["", "/", "1//vpc-1", "a/b/c/d", "123456789012/", "a b"])
    func malformedScopeFiltersAreRefused(_ text: String) {
        #expect(ScopeFilter(text) == nil)
    }

    @Test func theJSONHasTheEstateAndOneObjectPerScope() throws {
        let directory = TemporaryDirectory()
        let (bucket, vpcs) = try Self.write(Self.bucket, into: directory)
        let estate = try Self.run([bucket])
        let json = estate.json()
        let document = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(document["schema"] as? String == "flowscan.report/2")
        let totals = try #require(document["estate"] as? [String: Any])
        #expect((totals["nat"] as? [String: Any])?["bytes"] as? Int == Int(vpcs.map(\.truth.natBytes).reduce(0, +)))
        #expect(totals["regions"] as? [String] == ["eu-west-1", "us-east-1"])
        #expect(totals["accounts"] as? Int == 3)
        let scopes = try #require(document["scopes"] as? [[String: Any]])
        #expect(scopes.count == 4)
        #expect(scopes.map { $0["scope_key"] as? String } == estate.scopes.map(\.scopeKey.rawValue))
        #expect(scopes.filter { $0["vpc"] is NSNull }.count == 1, "the default-format-only VPC")
        for scope in scopes {
            let keys = ReportLayoutTests.topKeys(json).count
            #expect(keys == 5)
            #expect(Array(scope.keys).contains("destinations") && scope["prefixes"] == nil && scope["inputs"] == nil)
        }
        // Text and Markdown: the estate first, the table of scopes, then the details.
        let text = estate.text()
        #expect(text.hasPrefix("flowscan: NAT gateway traffic to AWS services, 4 scopes in 2 regions\n\nEstate\n  NAT cost today"))
        #expect(text.contains("\nScopes, heaviest first\n"))
        #expect(text.components(separatedBy: "\nScope ").count == 5)
        var narrow = estate
        narrow.topScopes = 1
        #expect(narrow.text().components(separatedBy: "\nScope ").count == 2)
        #expect(narrow.text().contains("3 more scopes beyond --top-scopes 1"))
        #expect(estate.markdown().contains("\n### NAT gateways\n"))
    }

    /// Hostile input naming a new VPC on every line: past the units one worker keeps apart, the
    /// rest are counted together (and said), so memory does not grow with the lines.
    @Test func unitsBeyondTheCapacityShareOneUnit() throws {
        let extra = 5
        let header = "version account-id interface-id srcaddr dstaddr srcport dstport protocol packets bytes start end action log-status vpc-id"
        let lines = (0..<(ScopedTraffic.unitCapacity + extra)).map { index in
            "3 123456789012 eni-\(index) 10.0.1.5 52.216.8.1 40000 443 6 1 100 1764000000 1764000060 ACCEPT OK vpc-\(String(index, radix: 16))"
        }
        let directory = TemporaryDirectory()
        let path = directory.write("many.log", ([header] + lines).joined(separator: "\n") + "\n")
        let context = AnalysisContext(prefixes: F.prefixes, vpcCIDRs: [], since: nil, until: nil, tableCapacity: 64)
        var (_, sink) = InputScan(options: ReadOptions(), jobs: 1).run(InputDiscovery.discover([path])) { ScopedTraffic(context: context) }
        let parts = sink.take()
        #expect(parts.count == ScopedTraffic.unitCapacity + 1)
        let overflow = try #require(parts.first { $0.unit == ScopeUnit.overflow })
        #expect(overflow.traffic?.counters.considered == UInt64(extra))
        #expect(parts.map { $0.traffic?.counters.considered ?? 0 }.reduce(0, +) == UInt64(lines.count))
        let join = ScopeJoin(parts, defaultRegion: "us-east-1")
        #expect(join.warnings.contains(.unitsOverflowed(capacity: ScopedTraffic.unitCapacity)))
    }

    @Test func theS3KeyTellsAccountRegionAndFlowLog() {
        let key = S3KeyHint(path: "x/AWSLogs/123456789012/vpcflowlogs/eu-west-2/2026/11/29/123456789012_vpcflowlogs_eu-west-2_fl-1234abcd_20261129T1200Z_ab12.log.gz")
        #expect(key == S3KeyHint(account: "123456789012", region: "eu-west-2", flowLogID: "fl-1234abcd"))
        #expect(S3KeyHint(path: "AWSLogs/o-abc123/210987654321/vpcflowlogs/ap-south-1/2026/x.log")
                == S3KeyHint(account: "210987654321", region: "ap-south-1"))
        #expect(S3KeyHint(path: "AWSLogs/aws-account-id=123456789012/aws-service=vpcflowlogs/aws-region=us-east-2/year=2026/a.parquet")
                == S3KeyHint(account: "123456789012", region: "us-east-2"))
        #expect(S3KeyHint(path: "flows.log") == S3KeyHint())
        #expect(S3KeyHint(path: "logs/12345_vpcflowlogs_nowhere_fl-zz.log") == S3KeyHint())
    }
}

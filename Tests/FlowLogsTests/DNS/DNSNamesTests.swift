import Foundation
import Testing
@testable import FlowLogs

/// Builds a map from Resolver lines.
func names(_ lines: [String], options: DNSNamingOptions = DNSNamingOptions()) -> DNSNames {
    var names = DNSNames(options: options)
    let parser = ResolverLineParser()
    for line in lines {
        var line = line
        line.withUTF8 { bytes in
            let outcome = parser.parse(UnsafeRawBufferPointer(bytes))
            #expect(outcome == .query, "\(parser.failure)")
            names.add(parser.query)
        }
    }
    return names
}

@Suite struct DNSNamesTests {
    static let t0 = UInt64(1_795_946_400)  // 2026-11-29T10:00:00Z
    let address = IPAddress("52.46.0.10")!

    func endpoint(_ names: DNSNames, _ naming: DNSNaming) -> String? {
        guard case let .named(service, _, _) = naming else { return nil }
        return names.service(service).endpointName
    }

    @Test func anAnswerNamesItsAddressForTheWindow() {
        let map = names([resolverLine(name: "sqs.us-east-1.amazonaws.com", answers: [("A", "52.46.0.10")])])
        let vpc = map.vpcIndex("vpc-1")
        #expect(endpoint(map, map.naming(vpc: vpc, address: address, source: nil, start: Self.t0, end: Self.t0 + 60)) == "com.amazonaws.us-east-1.sqs")
        // A flow record whose window started before the query (records cover 1–10 minutes).
        #expect(endpoint(map, map.naming(vpc: vpc, address: address, source: nil, start: Self.t0 - 300, end: Self.t0 + 300)) != nil)
        // Up to the window's end, not after.
        let window = UInt64(DNSNamingOptions.defaultWindow)
        #expect(endpoint(map, map.naming(vpc: vpc, address: address, source: nil, start: Self.t0 + window, end: Self.t0 + window + 60)) != nil)
        #expect(map.naming(vpc: vpc, address: address, source: nil, start: Self.t0 + window + 1, end: Self.t0 + window + 60) == .unnamed)
        #expect(map.naming(vpc: vpc, address: address, source: nil, start: Self.t0 - 600, end: Self.t0 - 1) == .unnamed)
        // Another VPC's answers say nothing here; an unknown VPC (flow logs without vpc-id) asks every VPC.
        #expect(map.vpcIndex("vpc-2") == nil)
        var id = "vpc-1"
        #expect(id.withUTF8 { map.vpcIndex(bytes: UnsafeRawBufferPointer($0)) } == vpc)
        #expect(endpoint(map, map.naming(vpc: nil, address: address, source: nil, start: Self.t0, end: Self.t0)) != nil)
    }

    @Test func theWindowIsAnOption() {
        var options = DNSNamingOptions()
        options.window = 60
        let map = names([resolverLine(name: "sqs.us-east-1.amazonaws.com", answers: [("A", "52.46.0.10")])], options: options)
        #expect(map.naming(vpc: nil, address: address, source: nil, start: Self.t0 + 61, end: Self.t0 + 120) == .unnamed)
        #expect(map.naming(vpc: nil, address: address, source: nil, start: Self.t0 + 60, end: Self.t0 + 120) != .unnamed)
    }

    @Test func theSameSourceWinsOverTheVPC() {
        let map = names([
            resolverLine(name: "sqs.us-east-1.amazonaws.com", answers: [("A", "52.46.0.10")], source: "10.0.1.5", instance: "i-1"),
            resolverLine(name: "sns.us-east-1.amazonaws.com", answers: [("A", "52.46.0.10")], source: "10.0.2.7"),
        ])
        let vpc = map.vpcIndex("vpc-1")
        let first = map.naming(vpc: vpc, address: address, source: IPAddress("10.0.1.5"), start: Self.t0, end: Self.t0 + 60)
        #expect(endpoint(map, first) == "com.amazonaws.us-east-1.sqs")
        #expect(first == .named(service: 0, name: 0, sameSource: true))
        #expect(endpoint(map, map.naming(vpc: vpc, address: address, source: IPAddress("10.0.2.7"), start: Self.t0, end: Self.t0 + 60)) == "com.amazonaws.us-east-1.sns")
        // A third interface that never asked: two services in the VPC, so ambiguous.
        let other = map.naming(vpc: vpc, address: address, source: IPAddress("10.0.3.9"), start: Self.t0, end: Self.t0 + 60)
        guard case let .ambiguous(services) = other else {
            Issue.record("expected ambiguous, got \(other)")
            return
        }
        #expect(services.compactMap { map.service($0).endpointName } == ["com.amazonaws.us-east-1.sqs", "com.amazonaws.us-east-1.sns"])
        #expect(map.instance(vpc: vpc!, source: IPAddress("10.0.1.5")!) == "i-1")
        #expect(map.instance(vpc: vpc!, source: IPAddress("10.0.2.7")!) == nil)
    }

    /// The map's bound: its caps times these sizes (`flowscan-bench dns` measures the whole).
    @Test func anObservationIs48Bytes() {
        #expect(MemoryLayout<DNSNames.Observation>.stride == 48)
        #expect(MemoryLayout<QueryTimes>.alignment == 4)
    }

    @Test func twoNamesOfOneServiceAreNotAmbiguous() {
        let map = names([
            resolverLine(name: "sqs.us-east-1.amazonaws.com", answers: [("A", "52.46.0.10")]),
            resolverLine(name: "sqs.us-east-1.api.aws", answers: [("A", "52.46.0.10")]),
        ])
        #expect(endpoint(map, map.naming(vpc: nil, address: address, source: nil, start: Self.t0, end: Self.t0)) == "com.amazonaws.us-east-1.sqs")
    }

    @Test func cnameChainsAreFollowedToTheAddresses() {
        // A customer's alias of an AWS name: the AWS name says which endpoint carries it.
        let map = names([resolverLine(name: "queue.example.com", answers: [
            ("CNAME", "sqs.us-east-1.amazonaws.com."), ("A", "52.46.0.10"), ("AAAA", "2600:1f18::10"),
        ])])
        for address in [address, IPAddress("2600:1f18::10")!] {
            #expect(endpoint(map, map.naming(vpc: nil, address: address, source: nil, start: Self.t0, end: Self.t0)) == "com.amazonaws.us-east-1.sqs")
        }
        #expect(map.counts.cnameRecords == 1)
        #expect(map.counts.addressAnswers == 2)
    }

    @Test func failedBlockedAndAddresslessQueriesNameNothing() {
        var blocked = resolverLine(name: "sqs.us-east-1.amazonaws.com", answers: [("A", "52.46.0.10")])
        blocked.removeLast()
        blocked += #","firewall_rule_action":"BLOCK"}"#
        let map = names([
            resolverLine(name: "sqs.us-east-1.amazonaws.com", answers: [("A", "52.46.0.10")], rcode: "NXDOMAIN"),
            blocked,
            resolverLine(name: "5.1.0.10.in-addr.arpa", answers: [("PTR", "ip-10-0-1-5.ec2.internal.")]),
            resolverLine(name: "bad.example.com", answers: [("A", "not-an-address")]),
        ])
        #expect(map.counts.failedQueries == 1)
        #expect(map.counts.blockedByFirewall == 1)
        #expect(map.counts.queriesWithoutAddress == 1)
        #expect(map.counts.badAddresses == 1)
        #expect(map.addressCount == 0)
        #expect(map.naming(vpc: nil, address: address, source: nil, start: 0, end: .max) == .unnamed)
    }

    @Test func fullTablesCountWhatTheyDrop() {
        var options = DNSNamingOptions()
        options.maximumAddresses = 10
        options.maximumSourcesPerAddress = 2
        var lines = (0..<20).map { resolverLine(name: "logs.us-east-1.amazonaws.com", answers: [("A", "52.46.1.\($0)")]) }
        lines += (0..<5).map { resolverLine(name: "logs.us-east-1.amazonaws.com", answers: [("A", "52.46.1.0")], source: "10.0.9.\($0)") }
        let map = names(lines, options: options)
        #expect(map.addressCount == 10)
        #expect(map.counts.dropped.addresses == 10)
        #expect(map.counts.dropped.sourceDetail == 4)  // 10.0.1.5 and 10.0.9.0 kept apart; 10.0.9.1–4 for the VPC only
        #expect(map.counts.kept + map.counts.dropped.total == map.counts.addressAnswers)
    }

    /// The observations are reserved at their bound with the first answer (growing by doubling
    /// held the old and the new storage at once), and not at all without answers.
    @Test func theMapReservesItsBoundWithTheFirstAnswerOnly() {
        var options = DNSNamingOptions()
        options.maximumObservations = 5000
        #expect(DNSNames(options: options).observations.capacity < 5000)
        let map = names([resolverLine(name: "sqs.us-east-1.amazonaws.com", answers: [("A", "52.46.0.10")])], options: options)
        #expect(map.observations.capacity >= 5000)
        #expect(map.observationCount == 2)  // the VPC's and the source's
    }

    static func describe(_ names: DNSNames, _ naming: DNSNaming) -> String {
        switch naming {
        case .unnamed: return "unnamed"
        case let .named(service, name, same): return "\(names.service(service).endpointName ?? "") \(names.name(name)) \(same)"
        case let .ambiguous(services): return services.map { names.service($0).endpointName ?? "" }.sorted().joined(separator: ",")
        }
    }
}

@Suite struct QueryTimesTests {
    @Test func runsMergeWithinTheWindowAndStayAtFour() {
        var times = QueryTimes()
        times.insert(100, 100, window: 10)
        times.insert(105, 105, window: 10)
        #expect(times.count == 1)
        #expect(times.start(0) == 100 && times.end(0) == 105)
        for start in [1000, 2000, 3000, 500] { times.insert(UInt32(start), UInt32(start), window: 10) }
        #expect(times.count == 4)
        // The closest pair (100–105 and 500) merged to make room.
        #expect(times.start(0) == 100 && times.end(0) == 500)
        #expect(times.overlaps(300, 300, window: 10))
        #expect(!times.overlaps(511, 990, window: 10))
        #expect(times.overlaps(511, 1000, window: 10))
        // A run bridging two joins them.
        times.insert(1005, 1995, window: 10)
        #expect(times.count == 3)
    }

    @Test func aWindowNearTheEndOfTimeSaturates() {
        var times = QueryTimes()
        times.insert(.max - 5, .max - 5, window: 3600)
        #expect(times.overlaps(.max, .max, window: 3600))
    }
}

@Suite struct DNSNamingTests {
    /// What decides a naming: the connecting interface's own answers, else the VPC's; several
    /// services among the deciding answers make the address ambiguous.
    @Test func theDecidingAnswersAreTheConnectingInterfacesElseTheVPCs() {
        let map = names([
            resolverLine(name: "sqs.us-east-1.amazonaws.com", answers: [("A", "52.46.0.10")], source: "10.0.1.5"),
            resolverLine(name: "sns.us-east-1.amazonaws.com", answers: [("A", "52.46.0.11")], source: "10.0.1.5"),
            resolverLine(name: "kms.us-east-1.amazonaws.com", answers: [("A", "52.46.0.11")], source: "10.0.2.5"),
        ])
        let t0 = DNSNamesTests.t0
        let origin = IPAddress("10.0.1.5")!, other = IPAddress("10.0.3.5")!
        func describe(_ peer: String, _ source: IPAddress) -> String {
            DNSNamesTests.describe(map, map.naming(vpc: nil, address: IPAddress(peer)!, source: source, start: t0, end: t0 + 60))
        }
        #expect(describe("52.46.0.10", origin) == "com.amazonaws.us-east-1.sqs sqs.us-east-1.amazonaws.com true")
        #expect(describe("52.46.0.10", other) == "com.amazonaws.us-east-1.sqs sqs.us-east-1.amazonaws.com false")
        // 10.0.1.5 asked for sns itself: another interface's kms answer does not make it ambiguous.
        #expect(describe("52.46.0.11", origin) == "com.amazonaws.us-east-1.sns sns.us-east-1.amazonaws.com true")
        // 10.0.3.5 never asked: the VPC's answers decide, sns or kms.
        #expect(describe("52.46.0.11", other) == "com.amazonaws.us-east-1.kms,com.amazonaws.us-east-1.sns")
        #expect(describe("52.46.9.9", origin) == "unnamed")
    }

    /// Per VPC: what each VPC's answers name, for records whose VPC is known only from their scope.
    @Test func eachVPCsAnswersAreKeptApart() throws {
        let map = names([
            resolverLine(name: "sqs.us-east-1.amazonaws.com", answers: [("A", "52.46.0.10")], vpc: "vpc-a"),
            resolverLine(name: "logs.us-east-1.amazonaws.com", answers: [("A", "52.46.0.10")], vpc: "vpc-b"),
            resolverLine(name: "logs.us-east-1.amazonaws.com", answers: [("A", "52.46.0.12")], vpc: "vpc-b"),
        ])
        let t0 = DNSNamesTests.t0
        let byVPC = map.namingsByVPC(address: IPAddress("52.46.0.10")!, source: nil, start: t0, end: t0 + 60)
        #expect(byVPC.map { map.vpcIDs[Int($0.vpc)] } == ["vpc-a", "vpc-b"])
        #expect(byVPC.map { DNSNamesTests.describe(map, $0.naming) }
            == ["com.amazonaws.us-east-1.sqs sqs.us-east-1.amazonaws.com false", "com.amazonaws.us-east-1.logs logs.us-east-1.amazonaws.com false"])
        #expect(map.namingsByVPC(address: IPAddress("52.46.0.12")!, source: nil, start: t0, end: t0 + 60).map { map.vpcIDs[Int($0.vpc)] } == ["vpc-b"])
        #expect(map.namingsByVPC(address: IPAddress("52.46.0.12")!, source: nil, start: t0 + 90_000, end: t0 + 90_060).isEmpty)
        // Counts per VPC add up to the whole.
        let a = try #require(map.counts(ofVPC: "vpc-a")), b = try #require(map.counts(ofVPC: "vpc-b"))
        #expect((a.queries, b.queries) == (1, 2))
        #expect(a.adding(b) == map.counts)
        #expect(map.counts(ofVPC: "vpc-c") == nil)
    }
}

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

    @Test func mergingGivesWhatOneMapGives() {
        let lines = (0..<40).map { index in
            resolverLine(name: ["sqs", "sns", "logs", "kms"][index % 4] + ".us-east-1.amazonaws.com",
                         answers: [("A", "52.46.2.\(index % 7)")], source: "10.0.1.\(index % 3)",
                         time: UnixTime.iso8601(Self.t0 + UInt64(index) * 500))
        }
        let whole = names(lines)
        var merged = names(Array(lines[20...]))
        merged.merge(names(Array(lines[..<20])))
        #expect(merged.counts == whole.counts)
        for index in 0..<7 {
            let address = IPAddress("52.46.2.\(index)")!
            for source in [nil, IPAddress("10.0.1.1")] {
                for start in stride(from: Self.t0 - 1000, to: Self.t0 + 30_000, by: 700) {
                    let one = whole.naming(vpc: nil, address: address, source: source, start: start, end: start + 300)
                    let two = merged.naming(vpc: nil, address: address, source: source, start: start, end: start + 300)
                    #expect(Self.describe(whole, one) == Self.describe(merged, two))
                }
            }
        }
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

@Suite struct EndpointTallyTests {
    @Test func bytesGoToTheNamedServiceOnly() {
        let map = names([
            resolverLine(name: "sqs.us-east-1.amazonaws.com", answers: [("A", "52.46.0.10")], source: "10.0.1.5"),
            resolverLine(name: "sns.us-east-1.amazonaws.com", answers: [("A", "52.46.0.11")], source: "10.0.1.5"),
            resolverLine(name: "kms.us-east-1.amazonaws.com", answers: [("A", "52.46.0.11")], source: "10.0.2.5"),
        ])
        let t0 = DNSNamesTests.t0
        var tally = EndpointTally()
        let origin = IPAddress("10.0.1.5")!, other = IPAddress("10.0.3.5")!
        for (peer, source, bytes) in [("52.46.0.10", origin, UInt64(1000)), ("52.46.0.10", other, 500),
                                      ("52.46.0.11", origin, 70), ("52.46.0.11", other, 30), ("52.46.9.9", origin, 7)] {
            tally.add(map.naming(vpc: nil, address: IPAddress(peer)!, source: source, start: t0, end: t0 + 60), bytes: bytes, origin: source)
        }
        let sqs = map.allServices.firstIndex { $0.endpointName == "com.amazonaws.us-east-1.sqs" }!
        let sns = map.allServices.firstIndex { $0.endpointName == "com.amazonaws.us-east-1.sns" }!
        #expect(tally.rows[sqs]?.bytes == 1500)
        #expect(tally.rows[sqs]?.sameSourceBytes == 1000)
        #expect(tally.rows[sqs]?.sources == [origin: 1000, other: 500])
        #expect(tally.rows[sns]?.bytes == 70)  // 10.0.1.5 asked for sns itself
        #expect(tally.ambiguousBytes == 30)   // 10.0.3.5 never asked: sns or kms
        #expect(tally.unnamedBytes == 7)
        #expect(tally.totalBytes == 1607)
        #expect(tally.coverage == 1570.0 / 1607.0)
        var merged = EndpointTally()
        merged.merge(tally)
        merged.merge(tally)
        #expect(merged.rows[sqs]?.bytes == 3000)
        #expect(merged.unnamedBytes == 14)
    }

    @Test func sourcesPerServiceAreBounded() {
        var tally = EndpointTally()
        for index in 0..<(EndpointTally.maximumSources + 10) {
            tally.add(.named(service: 0, name: 0, sameSource: false), bytes: 1, origin: IPAddress(ipv4: 0x0a00_0000 + UInt32(index)))
        }
        #expect(tally.rows[0]?.sources.count == EndpointTally.maximumSources)
        #expect(tally.rows[0]?.otherSourcesBytes == 10)
        #expect(tally.rows[0]?.bytes == UInt64(EndpointTally.maximumSources + 10))
    }
}

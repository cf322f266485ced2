import Testing
@testable import FlowLogs

/// Which bytes pass a NAT gateway: each byte once, whatever the logs hold (DOMAIN.md §2).
struct NATVantageTests {
    typealias F = AnalysisFixtures

    @Test func theFourLegExampleCountsEachByteOnce() throws {
        let report = try F.analyse([F.natFormat] + F.natLegs(peer: "52.216.8.1", upload: 1000, download: 5000))
        #expect(report.vantage == .natInterface)
        #expect(report.nat.bytes == 6000)
        #expect(report.nat.bytesOut == 1000)
        #expect(report.nat.bytesIn == 5000)
        #expect(F.bytes(report, "S3", "us-east-1") == 6000)
        #expect(report.gateways.count == 1)
        #expect(report.gateways[0].interfaceIDs == ["eni-nat1"])
        #expect(report.gateways[0].privateIPs == [IPAddress("10.0.0.220")!])
        #expect(report.gateways[0].countedLegs == [.instanceToNAT])
        #expect(report.gateways[0].origin == .detected)
    }

    @Test func natAndInstanceInterfacesBothLoggedAreNotCountedTwice() throws {
        let lines = [F.natFormat] + F.natLegs(peer: "52.216.8.1", upload: 1000, download: 5000)
            + F.instanceLegs(peer: "52.216.8.1", upload: 1000, download: 5000)
        let report = try F.analyse(lines)
        #expect(report.vantage == .natInterface)
        #expect(report.nat.bytes == 6000)
    }

    @Test func withoutPktFieldsTheNATToInternetLegsCount() throws {
        let format = "version interface-id srcaddr dstaddr srcport dstport protocol packets bytes start end action log-status"
        let legs = F.natLegs(peer: "52.216.8.1", upload: 1000, download: 5000).map { line -> String in
            // Drop instance-id and the pkt-*, direction and path columns: the default-like format.
            var fields = line.split(separator: " ").map(String.init)
            fields.remove(at: 2)
            return fields.prefix(13).joined(separator: " ")
        }
        let report = try F.analyse([format] + legs)
        #expect(report.nat.bytes == 6000)
        #expect(report.gateways.first?.countedLegs == [.natToInternet])
        // The sender is not in those legs: the sources say so.
        #expect(report.sources.first?.unknownBytes == 6000)
        #expect(report.sources.first?.rows.isEmpty == true)
    }

    @Test func onlyOnePairLoggedIsCounted() throws {
        let all = F.natLegs(peer: "52.216.8.1", upload: 1000, download: 5000)
        let inner = try F.analyse([F.natFormat, all[0], all[3]])
        #expect(inner.nat.bytes == 6000)
        let outer = try F.analyse([F.natFormat, all[1], all[2]], configure: { $0.natHints = [NATGatewayHint(privateIPs: [IPAddress("10.0.0.220")!])] })
        #expect(outer.nat.bytes == 6000)
        #expect(outer.gateways.first?.countedLegs == [.natToInternet])
    }

    @Test func theSameTrafficInTheDefaultAndAV5FormatGivesTheSameTotals() throws {
        let directory = TemporaryDirectory()
        var totals: [UInt64] = []
        for plan in [SyntheticVPC.FormatPlan.default, .v5, .both] {
            var options = SyntheticVPC.Options()
            options.seed = 42
            options.minutes = 30
            options.formats = plan
            let folder = directory.path(plan.rawValue)
            let truth = try SyntheticVPC(options: options).write(to: folder)
            let estate = try TrafficAnalysis.run(paths: [folder], prefixes: syntheticPrefixes, prefixFile: F.prefixFile,
                                                 options: AnalysisOptions())
            #expect(estate.scopes.count == 1, "format \(plan.rawValue): one VPC, one scope")
            let report = estate.scopes[0].report
            #expect(report.nat.bytes == truth.natBytes, "format \(plan.rawValue)")
            totals.append(report.nat.bytes)
        }
        #expect(Set(totals).count == 1)
    }

    @Test(arguments: SyntheticVPC.LoggedInterfaces.allCases)
    func syntheticTruthPerDestination(interfaces: SyntheticVPC.LoggedInterfaces) throws {
        var options = SyntheticVPC.Options()
        options.seed = 9
        options.minutes = 20
        options.formats = .v5
        options.interfaces = interfaces
        let directory = TemporaryDirectory()
        let truth = try SyntheticVPC(options: options).write(to: directory.url.path)
        let report = try TrafficAnalysis.run(paths: [directory.url.path], prefixes: syntheticPrefixes,
                                             prefixFile: F.prefixFile, options: AnalysisOptions()).scopes[0].report
        #expect(report.vantage == (interfaces == .instances ? .instanceInterface : .natInterface))
        for destination in report.destinations {
            let key = "\(destination.service) \(destination.region)"
            #expect(destination.traffic.bytesOut == truth.natBytesOut[key], "\(key) out")
            #expect(destination.traffic.bytesIn == truth.natBytesIn[key], "\(key) in")
        }
        #expect(report.destinations.count == Set(truth.natBytesOut.keys).count)
        #expect(report.window?.start == truth.firstStart)
        #expect(report.window?.end == truth.lastEnd)
        if interfaces != .instances {
            #expect(Dictionary(uniqueKeysWithValues: report.gateways.map { ($0.interfaceIDs[0], $0.traffic.bytes) }) == truth.gatewayBytes)
        }
        if interfaces != .nat {
            #expect(report.exposure.awsViaEndpoints == truth.gatewayEndpointBytes)
        }
    }

    @Test func aFlowAlreadyOnAGatewayEndpointIsNotNATTraffic() throws {
        let lines = [F.natFormat] + F.natLegs(peer: "52.94.1.1", upload: 10, download: 20)
            + F.instanceLegs(peer: "52.216.8.1", upload: 1000, download: 5000, path: 7, instance: "10.0.1.6")
        let report = try F.analyse(lines)
        #expect(F.bytes(report, "S3", "us-east-1") == nil)
        #expect(report.nat.bytes == 30)
        #expect(report.exposure.awsViaEndpoints == 6000)
        #expect(report.exposure.awsViaNAT == 30)
    }

    @Test func instanceVantageCountsTrafficPathOneAndItsReplies() throws {
        let lines = [F.natFormat]
            + F.instanceLegs(peer: "52.216.8.1", upload: 1000, download: 5000, path: 1)
            + F.instanceLegs(peer: "44.200.0.1", upload: 300, download: 700, path: 8, instance: "10.0.1.7")
        let report = try F.analyse(lines)
        #expect(report.vantage == .instanceInterface)
        #expect(report.nat.bytes == 6000)
        #expect(report.exposure.awsViaInternetGateway == 1000)
        #expect(report.sources.first?.rows.first?.address == IPAddress("10.0.1.5"))
        #expect(report.sources.first?.rows.first?.details?.instanceID == "i-0123")
    }

    @Test func rejectedRecordsAreExposureNotNATBytes() throws {
        let scan = "5 eni-nat1 - 198.51.100.7 10.0.0.220 51515 22 6 1 60 1764000000 1764000060 REJECT OK 198.51.100.7 10.0.0.220 ingress -"
        let report = try F.analyse([F.natFormat, scan] + F.natLegs(peer: "52.216.8.1", upload: 1, download: 2))
        #expect(report.nat.bytes == 3)
        #expect(report.exposure.rejectedRecords == 1)
        #expect(report.exposure.rejected.first?.direction == "inbound to a NAT gateway")
        #expect(report.exposure.rejected.first?.port == 22)
    }

    @Test func namedGatewaysAreUsedAndMissingOnesWarned() throws {
        let lines = [F.natFormat] + F.natLegs(peer: "52.216.8.1", upload: 1000, download: 5000)
        let report = try F.analyse(lines) { options in
            options.natHints = [NATGatewayHint(interfaceIDs: ["eni-nat1"]), NATGatewayHint(privateIPs: [IPAddress("10.0.9.9")!])]
        }
        #expect(report.gateways.map(\.origin) == [.given, .given])
        #expect(report.gateways[0].traffic.bytes == 6000)
        #expect(report.gateways[1].traffic.bytes == 0)
        #expect(report.warningSentences.contains { $0.contains("1 of 2 NAT gateways have no records") })
        #expect(report.cost.gateways == 2)
    }

    @Test func aDeletedGatewayWithoutRecordsCostsNothing() throws {
        var deleted = NATGatewayHint(id: "nat-gone", privateIPs: [IPAddress("10.0.9.9")!])
        deleted.state = "deleted"
        var logged = NATGatewayHint(id: "nat-1", interfaceIDs: ["eni-nat1"])
        logged.state = "deleted"  // deleted since, but its records are in the logs: it counts
        let report = try F.analyse([F.natFormat] + F.natLegs(peer: "52.216.8.1", upload: 1000, download: 5000)) { options in
            options.natHints = [logged, deleted]
        }
        #expect(report.gateways.map(\.id) == ["nat-1"])
        #expect(report.cost.gateways == 1)
        #expect(report.availabilityZones == 1)
        #expect(report.warningSentences.contains { $0.contains("nat-gone (10.0.9.9) is deleted") })
    }

    /// The default format's fields of a `natFormat` line (instance-id, pkt-*, direction and
    /// path dropped), with the version field set to 2.
    private func defaultFormat(_ line: String) -> String {
        var fields = line.split(separator: " ").map(String.init)
        fields.remove(at: 2)
        fields[0] = "2"
        return fields.prefix(13).joined(separator: " ")
    }

    private let defaultHeader = "version interface-id srcaddr dstaddr srcport dstport protocol packets bytes start end action log-status"

    @Test func anInstanceWithSymmetricTrafficIsNotTakenForANATGateway() throws {
        // The whole VPC in the default format: the NAT's four legs and the instance's two, the
        // same bytes each way, so the instance's private legs (logged on the NAT's interface)
        // mirror its public ones byte for byte.
        let nat = F.natLegs(peer: "52.216.8.1", upload: 1000, download: 1000).map(defaultFormat)
        let instance = F.instanceLegs(peer: "52.216.8.1", upload: 1000, download: 1000).map(defaultFormat)
        let report = try F.analyse([defaultHeader] + nat + instance)
        #expect(report.gateways.map(\.id) == ["eni-nat1"])
        #expect(report.nat.bytes == 2000)
        #expect(report.availabilityZones == 1)
    }

    @Test func oneInterfaceLoggedInTwoFormatsAtOnceCountsOnePair() throws {
        // Two flow logs on the NAT's interface over the same minutes: one with pkt-* fields, one without.
        let v5 = F.natLegs(peer: "52.216.8.1", upload: 1000, download: 5000)
        let v2 = v5.map(defaultFormat)
        let directory = TemporaryDirectory()
        let paths = [directory.write("v5.log", ([F.natFormat] + v5).joined(separator: "\n") + "\n"),
                     directory.write("v2.log", ([defaultHeader] + v2).joined(separator: "\n") + "\n")]
        var options = AnalysisOptions()
        options.region = "us-east-1"
        let estate = try TrafficAnalysis.run(paths: paths, prefixes: F.prefixes, prefixFile: F.prefixFile, options: options)
        #expect(estate.scopes.count == 1, "the format without account-id joins the other's scope by the shared interface")
        let report = estate.scopes[0].report
        #expect(report.nat.bytes == 6000)
        #expect(report.gateways.first?.countedLegs == [.instanceToNAT])
        #expect(report.warningSentences.contains { $0.contains("two flow logs on one interface") && $0.contains("6,000 bytes") })

        // The flow log with pkt-* fields starts during the other's span: only its period is
        // duplicated (exact, since its span lies within the other's).
        let first = F.natLegs(peer: "52.216.8.1", upload: 1000, download: 10000).map(defaultFormat)
        let second = F.natLegs(peer: "52.216.8.1", upload: 1, download: 10, start: 1_764_000_600)
        let partial = try TrafficAnalysis.run(
            paths: [directory.write("old.log", ([defaultHeader] + first + second.map(defaultFormat)).joined(separator: "\n") + "\n"),
                    directory.write("new.log", ([F.natFormat] + second).joined(separator: "\n") + "\n")],
            prefixes: F.prefixes, prefixFile: F.prefixFile, options: options).scopes[0].report
        #expect(partial.nat.bytes == 11011)
        // Different destinations in the overlapping period are not duplicates.
        let other = F.natLegs(peer: "54.239.16.9", upload: 1, download: 10)
        let disjoint = try F.analyse([defaultHeader] + v2 + [F.natFormat] + other)
        #expect(disjoint.nat.bytes == 6011)

        // A format change instead (the default format first, pkt-* fields an hour later): both periods count.
        let later = F.natLegs(peer: "52.216.8.1", upload: 1000, download: 5000, start: 1_764_003_600)
        let switched = try F.analyse([defaultHeader] + v2 + [F.natFormat] + later)
        #expect(switched.nat.bytes == 12000)
        #expect(!switched.warningSentences.contains { $0.contains("two flow logs") })
    }

    @Test func repliesFollowTheEgressOfTheirOwnFormat() throws {
        // One instance, the default format first (no traffic-path: assumed NAT), then a format
        // with traffic-path where the same service goes through an internet gateway (8): only the
        // first period's request and reply are NAT traffic.
        let before = F.instanceLegs(peer: "52.216.8.1", upload: 100, download: 1000).map(defaultFormat)
        let after = F.instanceLegs(peer: "52.216.8.1", upload: 100, download: 10, start: 1_764_000_300, path: 8)
        let report = try F.analyse([defaultHeader] + before + [F.natFormat] + after)
        #expect(report.vantage == .instanceInterface)
        #expect(report.nat.bytesOut == 100)
        #expect(report.nat.bytesIn == 1000)
    }

    @Test func aFormatWithOnlyPktDstaddrCountsEachDirectionOnce() throws {
        // pkt-dstaddr shows the outbound inner leg; inbound bytes come from the NAT-to-internet leg.
        let format = "version interface-id srcaddr dstaddr srcport dstport protocol packets bytes start end action log-status pkt-dstaddr"
        let lines = [
            "3 eni-nat1 10.0.1.5 10.0.0.220 40000 443 6 10 1000 1764000000 1764000060 ACCEPT OK 52.216.8.1",
            "3 eni-nat1 10.0.0.220 52.216.8.1 50000 443 6 10 1000 1764000000 1764000060 ACCEPT OK 52.216.8.1",
            "3 eni-nat1 52.216.8.1 10.0.0.220 443 50000 6 20 5000 1764000000 1764000060 ACCEPT OK 10.0.0.220",
            "3 eni-nat1 10.0.0.220 10.0.1.5 443 40000 6 20 5000 1764000000 1764000060 ACCEPT OK 10.0.1.5",
        ]
        let report = try F.analyse([format] + lines)
        #expect(report.nat.bytesOut == 1000)
        #expect(report.nat.bytesIn == 5000)
    }

    @Test func namedGatewaysThatMatchNoRecordFallBackToDetection() throws {
        // No interface-id in the format, and the gateway named only by its interface.
        let format = "version srcaddr dstaddr srcport dstport protocol packets bytes start end action log-status"
        let strip = { (line: String) -> String in
            var fields = line.split(separator: " ").map(String.init)
            fields.remove(at: 1)
            return fields.joined(separator: " ")
        }
        let nat = F.natLegs(peer: "52.216.8.1", upload: 1000, download: 5000).map(defaultFormat).map(strip)
        let instance = F.instanceLegs(peer: "52.216.8.1", upload: 1000, download: 5000).map(defaultFormat).map(strip)
        let report = try F.analyse([format] + nat + instance) { $0.natHints = [NATGatewayHint(interfaceIDs: ["eni-nat1"])] }
        #expect(report.nat.bytes == 6000)
        #expect(report.gateways.map(\.origin) == [.detected])
        #expect(report.warningSentences.contains { $0.contains("match no record") })
    }

    private var syntheticPrefixes: PrefixTable {
        try! PrefixTable(jsonData: Array(SyntheticVPC.ipRangesJSON(region: "us-east-1").utf8), source: "synthetic")
    }
}

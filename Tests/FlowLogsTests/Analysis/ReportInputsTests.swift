import Testing
@testable import FlowLogs

/// Region, time window, the pkt-*-aws-service cross-check and a real NAT interface sample.
struct ReportInputsTests {
    typealias F = AnalysisFixtures

    @Test func regionComesFromFlagRecordsOrPath() throws {
        let legs = F.natLegs(peer: "52.216.8.1", upload: 1, download: 1)
        #expect(throws: AnalysisError.regionUnknown) { try F.analyse([F.natFormat] + legs, region: nil) }
        // The records' region field.
        let withRegion = ([F.natFormat + " region"] + legs.map { $0 + " eu-west-1" })
        let report = try F.analyse(withRegion, region: nil)
        #expect(report.region == "eu-west-1")
        #expect(report.regionSource == .recordsField)
        #expect(F.bytes(report, "S3", "us-east-1") == 2)
        #expect(report.destinations.first?.sameRegion == false)
        // --region names the region of input that carries none: the records' field wins.
        #expect(try F.analyse(withRegion, region: "us-east-1").region == "eu-west-1")
        // Two regions in the records: two scopes, each in its own region, with and without --region.
        let mixed = [F.natFormat + " region", legs[0] + " eu-west-1", legs[3] + " us-east-1"]
        for flag in [nil, "ap-south-1"] {
            let estate = try F.analyseEstate(mixed, region: flag)
            #expect(estate.scopes.map(\.region).sorted() == ["eu-west-1", "us-east-1"])
            #expect(estate.scopes.allSatisfy { $0.report.regionSource == .recordsField })
        }
        // Nothing to classify (only east-west traffic here): the region changes no figure.
        let eastWest = try F.analyse([F.natFormat, "5 eni-1 - 10.0.1.5 10.0.2.6 1 2 6 1 100 1764000000 1764000060 ACCEPT OK - - egress 1"],
                                     region: nil)
        #expect(eastWest.region == "unknown")
        #expect(eastWest.nat.bytes == 0)
    }

    @Test func anAcceptedRecordWithoutBytesIsSetAsideAndLeavesTheWindowAlone() throws {
        let noBytes = "5 eni-nat1 - 10.0.1.6 10.0.0.220 40009 443 6 - - 1763990000 1764090000 ACCEPT OK 10.0.1.6 52.216.9.9 ingress -"
        let report = try F.analyse([F.natFormat, noBytes] + F.natLegs(peer: "52.216.8.1", upload: 100, download: 1000))
        #expect(report.nat.bytes == 1100)
        #expect(report.window?.start == 1_764_000_000)
        #expect(report.window?.end == 1_764_000_060)
        #expect(report.setAside.contains { $0.reason == .withoutBytes && $0.records == 1 })
    }

    @Test func regionFromTheS3KeyPath() {
        #expect(RegionHint.fromPath("logs/AWSLogs/123456789012/vpcflowlogs/us-gov-east-1/2022/01/24/x.log.gz") == "us-gov-east-1")
        #expect(RegionHint.fromPath("123456789012_vpcflowlogs_eu-west-2_fl-1234abcd_20180620T1620Z_fe123456.log.gz") == "eu-west-2")
        #expect(RegionHint.fromPath("AWSLogs/aws-account-id=1/aws-service=vpcflowlogs/aws-region=ap-south-1/x.gz") == "ap-south-1")
        #expect(RegionHint.fromPath("SOME-PREFIX/AWSLogs/ACCOUNT-ID/vpcflowlogs/us-east-1/2023/01/18/end-of-filename.log.gz") == "us-east-1")
        #expect(RegionHint.fromPath("/tmp/flows.log") == nil)
        #expect(RegionHint.fromPath("AWSLogs/1/vpcflowlogs/pangaea/x.log") == nil)
    }

    @Test func sinceAndUntilKeepOverlappingRecords() throws {
        let early = F.natLegs(peer: "52.216.8.1", upload: 1, download: 2, start: 1000)       // [1000, 1060]
        let late = F.natLegs(peer: "52.216.8.1", upload: 10, download: 20, start: 5000)      // [5000, 5060]
        let lines = [F.natFormat] + early + late
        #expect(try F.analyse(lines) { $0.since = 1060 }.nat.bytes == 33)   // touches the end of the first
        #expect(try F.analyse(lines) { $0.since = 1061 }.nat.bytes == 30)
        #expect(try F.analyse(lines) { $0.until = 4999 }.nat.bytes == 3)
        #expect(try F.analyse(lines) { $0.since = 2000; $0.until = 3000 }.nat.bytes == 0)
    }

    @Test func pktServiceDisagreementsAreCounted() throws {
        let format = F.natFormat + " pkt-dst-aws-service pkt-src-aws-service"
        let legs = F.natLegs(peer: "52.216.8.1", upload: 1, download: 1)
        let lines = [format, legs[0] + " S3 -", legs[3] + " - DYNAMODB"]
        let report = try F.analyse(lines)
        #expect(report.serviceCheck.checked == 2)
        #expect(report.serviceCheck.disagreeing == 1)
        #expect(report.serviceCheck.disagreements.first?.ours == "S3")
        #expect(report.serviceCheck.disagreements.first?.theirs == "DYNAMODB")
    }

    @Test(.enabled(if: TestPaths.hasRealData, "../shared/realdata is absent: the grafana NAT-interface sample is skipped"))
    func grafanaNATInterfaceSampleMatchesItsPeer() throws {
        let path = TestPaths.real("grafana-vpc-flow-logs-analyzer/aws-flow-logs-10.3.11.57-142.250.185.91.log")
        func run(_ configure: (inout AnalysisOptions) -> Void) throws -> Report {
            var options = AnalysisOptions()
            options.region = "eu-central-1"
            configure(&options)
            return try TrafficAnalysis.run(paths: [path], prefixes: F.prefixes, prefixFile: F.prefixFile, options: options).scopes[0].report
        }
        let all = try run { _ in }
        #expect(all.nat.bytes == 411_973)
        #expect(all.gateways.first?.privateIPs == [IPAddress("10.63.37.34")!])
        #expect(all.exposure.internetPeers.first?.address == IPAddress("142.250.185.91"))
        #expect(all.exposure.internetPeers.first?.bytes == 411_973)
        #expect(all.sources.first?.rows.first?.address == IPAddress("10.3.11.57"))
        #expect(all.sources.first?.rows.first?.bytes == 411_973)
        let window = try run { $0.since = 1_754_322_900; $0.until = 1_754_323_100 }
        #expect(window.nat.bytes == 108_480)
        #expect(window.window?.start == 1_754_322_875)
        #expect(window.window?.end == 1_754_323_130)
        #expect(try run { $0.since = UnixTime.parse("2030-01-01")! }.nat.bytes == 0)
        #expect(try run { $0.until = UnixTime.parse("2020-01-01")! }.nat.bytes == 0)
    }
}

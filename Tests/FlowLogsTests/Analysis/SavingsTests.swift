import Testing
@testable import FlowLogs

/// Prices, monthly projection and endpoint savings (DOMAIN.md §4), on exact figures.
struct SavingsTests {
    typealias F = AnalysisFixtures

    /// A record window of exactly 730 hours makes monthly = observed.
    private let monthStart = 1_700_000_000
    private var monthEnd: Int { monthStart + 730 * 3600 }

    /// One NAT connection spanning a whole month: `upload` + `download` bytes to `peer`.
    private func month(peer: String, upload: Int, download: Int, instance: String = "10.0.1.5") -> [String] {
        F.natLegs(peer: peer, upload: upload, download: download, start: monthStart, instance: instance).map {
            $0.replacingEnd(monthStart + 60, with: monthEnd)
        }
    }

    @Test func gatewayEndpointSavesAllTheNATPerGBCharge() throws {
        let report = try F.analyse([F.natFormat] + month(peer: "52.216.8.1", upload: 100_000_000_000, download: 300_000_000_000))
        #expect(report.window?.hours == 730)
        #expect(report.window?.isRough == false)
        let s3 = try #require(report.savings.gatewayEndpoints.first { $0.service == "S3" })
        #expect(s3.monthlyGB == 400)
        #expect(abs(s3.monthlyUSD - 18) < 1e-9)  // 400 GB × $0.045
        #expect(abs(report.cost.monthlyProcessingUSD - 18) < 1e-9)
        #expect(abs(report.cost.monthlyHourlyUSD - 32.85) < 1e-9)  // 1 gateway × 730 h × $0.045
        #expect(abs(report.cost.monthlyPublicIPv4USD - 3.65) < 1e-9)
        // Nothing else needs the NAT gateway: its hours are saved too.
        #expect(report.savings.natRemoval.possible)
        #expect(abs(report.savings.totalMonthlyUSD - (18 + 32.85 + 3.65)) < 1e-9)
    }

    @Test func crossRegionS3IsNotAGatewaySaving() throws {
        let report = try F.analyse([F.natFormat] + month(peer: "52.218.1.1", upload: 1_000_000_000, download: 1_000_000_000))
        let destination = try #require(report.destinations.first)
        #expect(destination.service == "S3")
        #expect(destination.region == "eu-west-1")
        #expect(!destination.sameRegion)
        #expect(destination.category == .crossRegion)
        #expect(report.savings.gatewayEndpoints.isEmpty)
        #expect(!report.savings.natRemoval.possible)
        #expect(report.savings.natRemoval.blockers.map(\.service) == ["S3"])
        #expect(report.savings.totalMonthlyUSD == 0)
    }

    @Test(arguments: [(100, false), (208, false), (209, true), (1000, true)])
    func interfaceEndpointsPayOnlyAboveBreakEven(monthlyGB: Int, worthIt: Bool) throws {
        let bytes = monthlyGB * 1_000_000_000
        let report = try F.analyse([F.natFormat] + month(peer: "54.239.16.9", upload: bytes / 2, download: bytes - bytes / 2)
            + month(peer: "198.51.100.1", upload: 1, download: 1))
        let row = try #require(report.savings.interfaceEndpoints.first)
        #expect(row.service == "AMAZON")
        #expect(abs(row.savingPerGB - 0.035) < 1e-12)
        #expect(abs(row.endpointMonthlyUSD - 7.3) < 1e-9)  // $0.01 × 730 h × 1 AZ
        #expect(abs((row.breakEvenGB ?? 0) - 7.3 / 0.035) < 1e-9)  // ≈ 208.57 GB
        #expect(row.worthIt == worthIt)
        #expect(abs(row.netMonthlyUSD - (Double(monthlyGB) * 0.035 - 7.3)) < 1e-6)
        // Without DNS data the AMAZON bytes are unattributed: the saving of one endpoint carrying
        // them all is an upper bound, never in the total (README, "Interface endpoints by service").
        #expect(row.attribution == .unattributed)
        #expect(row.endpointService == nil)
        #expect(row.bytes == UInt64(bytes))
        #expect(!row.counted)
        #expect(report.savings.interfaceEndpointsMonthlyUSD == 0)
    }

    @Test(arguments: [(14_600_000_000, 0.045, true), (1_000_000_000, 0.045, true), (1_000_000_000, 0.001, false)])
    func removingTheGatewaysPaysForTheEndpointsItNeeds(amazonBytes: Int, gatewayHour: Double, pays: Bool) throws {
        // AMAZON traffic below break-even: its endpoint is not worth it alone, but without the NAT
        // gateway it is needed, so removal saves the gateway's hours less the endpoint's net cost.
        let lines = [F.natFormat] + month(peer: "52.216.8.1", upload: 1, download: 1)
            + month(peer: "54.239.16.9", upload: amazonBytes / 2, download: amazonBytes - amazonBytes / 2)
        let report = try F.analyse(lines) { $0.pricing.natGatewayHour = gatewayHour }
        let removal = report.savings.natRemoval
        #expect(removal.possible)
        let endpointNet = Double(amazonBytes) / 1e9 * 0.035 - 7.3  // below break-even: negative
        #expect(abs(removal.endpointsNeededMonthlyUSD + endpointNet) < 1e-9)
        let hours = 730 * gatewayHour + 3.65
        #expect(abs(removal.netMonthlyUSD - (hours + endpointNet)) < 1e-9)
        #expect(removal.worthIt == pays)
        let expected = report.savings.gatewayEndpointsMonthlyUSD + (pays ? hours + endpointNet : 0)
        #expect(abs(report.savings.totalMonthlyUSD - expected) < 1e-9)
        if amazonBytes == 14_600_000_000 {
            // Today $36.50 + 14.6 GB × $0.045; with the endpoint $7.30 + 14.6 GB × $0.01: $29.711 less.
            #expect(abs(removal.netMonthlyUSD - 29.711) < 1e-9)
        }
    }

    @Test func azCountRaisesTheBreakEven() throws {
        let report = try F.analyse([F.natFormat] + month(peer: "54.239.16.9", upload: 1, download: 1)) { $0.availabilityZones = 3 }
        let row = try #require(report.savings.interfaceEndpoints.first)
        #expect(abs(row.endpointMonthlyUSD - 21.9) < 1e-9)
        #expect(report.availabilityZonesSource == .option)
    }

    @Test func pricesCanBeOverridden() throws {
        let report = try F.analyse([F.natFormat] + month(peer: "52.216.8.1", upload: 500_000_000_000, download: 500_000_000_000)) { options in
            options.pricing.natGatewayGB = 0.05
            options.pricing.natGatewayHour = 0.1
        }
        #expect(abs(report.savings.gatewayEndpointsMonthlyUSD - 50) < 1e-9)
        #expect(abs(report.cost.monthlyHourlyUSD - 73) < 1e-9)
    }

    @Test func shortWindowsAreProjectedAndSaidToBeRough() throws {
        // 1 GB in one hour: 730 GB a month.
        let lines = [F.natFormat] + F.natLegs(peer: "52.216.8.1", upload: 500_000_000, download: 500_000_000, start: 1_700_000_000)
            .map { $0.replacingEnd(1_700_000_060, with: 1_700_003_600) }
        let report = try F.analyse(lines)
        #expect(report.window?.hours == 1)
        #expect(report.window?.isRough == true)
        #expect(abs(report.cost.monthlyGB - 730) < 1e-9)
        #expect(report.warningSentences.contains { $0.contains("rough projection") })
    }

    @Test func failAboveComparesTheAvailableSaving() throws {
        let lines = [F.natFormat] + month(peer: "52.216.8.1", upload: 100_000_000_000, download: 100_000_000_000)
            + month(peer: "198.51.100.1", upload: 1, download: 1)
        #expect(try F.analyse(lines) { $0.failAbove = 8.99 }.thresholdExceeded)  // 200 GB × $0.045 = $9
        #expect(try !F.analyse(lines) { $0.failAbove = 9.01 }.thresholdExceeded)
        #expect(try !F.analyse(lines).thresholdExceeded)
    }
}

extension String {
    /// The line with its `end` value (first occurrence of `old` after the start) replaced.
    func replacingEnd(_ old: Int, with new: Int) -> String {
        split(separator: " ", omittingEmptySubsequences: false).map { $0 == "\(old)" ? "\(new)" : String($0) }.joined(separator: " ")
    }
}

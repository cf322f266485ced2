import Foundation
import Testing
@testable import FlowLogs

/// The bundled price table against AWS's published figures, and how prices are chosen per region.
struct PriceTableTests {
    typealias F = AnalysisFixtures

    private func figure(_ region: String, _ key: String) -> Double? {
        PriceTable.bundled.regions[region]?[key]?.usd
    }

    /// AWS's figures (Price List offer files and pricing pages; DOMAIN.md §4, §5).
    @Test(arguments: [("us-east-1", 0.045, 0.045), ("eu-west-1", 0.048, 0.048),
                      ("ap-northeast-1", 0.062, 0.062), ("ap-southeast-1", 0.059, 0.059)])
    func natGatewayFiguresAreAWSs(region: String, hour: Double, gb: Double) {
        #expect(figure(region, "nat_gateway_hour") == hour)
        #expect(figure(region, "nat_gateway_gb") == gb)
        let (pricing, fellBack) = PriceTable.bundled.prices(for: region)
        #expect(pricing.natGatewayHour == hour)
        #expect(pricing.natGatewayGB == gb)
        #expect(!fellBack.contains("nat_gateway_hour") && !fellBack.contains("nat_gateway_gb"))
    }

    @Test func tokyoEndpointAndUSEast1RowAreAWSs() {
        #expect(figure("ap-northeast-1", "interface_endpoint_hour") == 0.014)
        #expect(figure("ap-northeast-1", "interface_endpoint_gb") == 0.01)
        let (pricing, fellBack) = PriceTable.bundled.prices(for: "us-east-1")
        #expect(fellBack.isEmpty)
        // The us-east-1 row is the old defaults, so us-east-1 reports keep their figures.
        #expect(pricing == Pricing())
    }

    @Test func everyFigureHasASourceAndEveryRowItsNATPrices() {
        #expect(PriceTable.bundled.date.count == 10)
        for (region, figures) in PriceTable.bundled.regions {
            #expect(PricingFile.isRegionCode(region), "\(region)")
            // ap-southeast-5: AWS's endpoint and IPv4 figures were found, its NAT gateway's were not.
            #expect((figures["nat_gateway_hour"] != nil && figures["nat_gateway_gb"] != nil) == (region != "ap-southeast-5"), "\(region)")
            for (key, figure) in figures {
                #expect(Pricing.keys.contains(key), "\(region) \(key)")
                #expect(!figure.source.isEmpty && figure.usd > 0 && figure.usd < 1, "\(region) \(key)")
            }
        }
    }

    @Test func aRegionNotInTheTableFallsBackToUSEast1() {
        let (pricing, source) = PriceChoice().prices(for: "eu-north-9")
        #expect(pricing == Pricing())
        #expect(source.regionMissing)
        #expect(source.fellBack == Pricing.keys)
        #expect(source.fromTable.isEmpty)
    }

    @Test func aPartialRowFallsBackForWhatItLacks() {
        let (pricing, source) = PriceChoice().prices(for: "ap-south-1")
        #expect(pricing.natGatewayGB == 0.056)
        #expect(pricing.interfaceEndpointHour == 0.01)  // us-east-1's
        #expect(!source.regionMissing)
        #expect(source.fellBack == ["interface_endpoint_hour", "interface_endpoint_gb", "interface_endpoint_gb_next_4pb", "interface_endpoint_gb_over_5pb"])
        #expect(source.warnedFellBack == ["interface_endpoint_hour", "interface_endpoint_gb"])
        #expect(source.fromTable == ["nat_gateway_hour", "nat_gateway_gb", "public_ipv4_hour", "cross_az_gb"])
    }

    @Test func fileThenRegionThenFlagsOverrideTheTable() throws {
        let file = PricingFile(path: "p.json", flat: ["nat_gateway_gb": 0.05, "interface_endpoint_hour": 0.02],
                               regions: ["eu-west-1": ["interface_endpoint_hour": 0.011, "interface_endpoint_gb": 0.012]])
        let choice = PriceChoice(file: file, flags: ["nat_gateway_hour": 0.07])
        let (eu, euSource) = choice.prices(for: "eu-west-1")
        #expect(eu.natGatewayHour == 0.07)
        #expect(eu.natGatewayGB == 0.05)
        #expect(eu.interfaceEndpointHour == 0.011)
        #expect(eu.interfaceEndpointGB == 0.012)
        #expect(eu.publicIPv4Hour == 0.005)
        #expect(euSource.warnedFellBack.isEmpty)  // nothing to warn about
        #expect(euSource.fellBack == ["cross_az_gb"])
        #expect(euSource.fromFlags == ["nat_gateway_hour"])
        #expect(euSource.fromFile == ["nat_gateway_gb", "interface_endpoint_hour", "interface_endpoint_gb"])
        #expect(euSource.fromTable == ["public_ipv4_hour", "interface_endpoint_gb_next_4pb", "interface_endpoint_gb_over_5pb"])
        let (tokyo, _) = choice.prices(for: "ap-northeast-1")
        #expect(tokyo.interfaceEndpointHour == 0.02)  // the flat file price, not eu-west-1's
        #expect(tokyo.interfaceEndpointGB == 0.01)
    }

    @Test func pricingFilesAreFlatKeyedByRegionOrBoth() throws {
        let directory = TemporaryDirectory()
        let path = directory.write("prices.json", #"{"nat_gateway_gb": 0.05, "ap-south-1": {"nat_gateway_hour": 0.056}}"#)
        let file = try PricingFile.load(contentsOf: path)
        #expect(file.flat == ["nat_gateway_gb": 0.05])
        #expect(file.regions == ["ap-south-1": ["nat_gateway_hour": 0.056]])
        #expect(file.prices(for: "ap-south-1") == ["nat_gateway_gb": 0.05, "nat_gateway_hour": 0.056])
        #expect(file.prices(for: "us-east-1") == ["nat_gateway_gb": 0.05])
    }

    @Test(arguments: [
        (#"{"eu-west-1": {"nat_gateway_gb": "x"}}"#, "eu-west-1.nat_gateway_gb", "expected a number of US dollars"),
        (#"{"eu-west-1": {"nat_gateway_gbs": 1}}"#, "eu-west-1.nat_gateway_gbs", "unknown price"),
        (#"{"EU West": {"nat_gateway_gb": 1}}"#, "EU West", "expected a region code"),
        (#"{"eu-west-1": {"nat_gateway_gb": -1}}"#, "eu-west-1.nat_gateway_gb", "is not a price"),
    ])
    func badRegionalEntriesAreNamed(text: String, location: String, problem: String) throws {
        let directory = TemporaryDirectory()
        let path = directory.write("prices.json", text)
        #expect {
            _ = try PricingFile.load(contentsOf: path)
        } throws: { error in
            guard case .invalid(let errorPath, let errorLocation, let errorProblem) = error as? CompanionFileError else { return false }
            return errorPath == path && errorLocation == location && errorProblem.contains(problem)
        }
    }

    @Test func theReportUsesItsRegionsPricesAndWarnsWhatFellBack() throws {
        let lines = [F.natFormat] + F.natLegs(peer: "52.216.8.1", upload: 1_000_000, download: 2_000_000, start: 1_700_000_000)
        let mumbai = try F.analyse(lines, region: "ap-south-1")
        #expect(mumbai.prices.natGatewayGB == 0.056)
        #expect(mumbai.priceSource.region == "ap-south-1")
        #expect(mumbai.warnings.contains(.pricesFellBack(region: "ap-south-1", keys: ["interface_endpoint_hour", "interface_endpoint_gb"],
                                                         regionMissing: false, tableDate: PriceTable.bundledDate)))
        let us = try F.analyse(lines, region: "us-east-1")
        #expect(us.prices == Pricing())
        #expect(us.priceSource == .bundledUSEast1)
        #expect(!us.warnings.contains { if case .pricesFellBack = $0 { true } else { false } })
        let elsewhere = try F.analyse(lines, region: "me-west-7")
        #expect(elsewhere.prices == Pricing())
        #expect(elsewhere.warnings.contains(.pricesFellBack(region: "me-west-7", keys: Pricing.warnedKeys, regionMissing: true,
                                                            tableDate: PriceTable.bundledDate)))
        #expect(elsewhere.text().contains("me-west-7 is not in the price table (\(PriceTable.bundledDate)): us-east-1's were used for"))
        // Fixed prices (the old `pricing` option) still win everywhere, without a warning.
        let fixed = try F.analyse(lines, region: "me-west-7") { $0.pricing.natGatewayGB = 0.1 }
        #expect(fixed.prices.natGatewayGB == 0.1)
        #expect(fixed.priceSource.fellBack.isEmpty)
    }
}

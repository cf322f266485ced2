import Foundation
import Testing
@testable import FlowLogs

/// The bundled table's regions against AWS's published figures, the interface-endpoint volume
/// tiers, and the price keys added with them (tiers, cross-AZ) in files and flags.
struct RegionalPriceTests {
    typealias F = AnalysisFixtures

    private func figure(_ region: String, _ key: String) -> Double? {
        PriceTable.bundled.regions[region]?[key]?.usd
    }

    /// NAT gateway figures AWS publishes (Price List offers, bills, pricing pages; DOMAIN.md §5):
    /// us-east-1 and eu-west-1 from the issue, and every other region whose hour and per-GB price
    /// were found, each against the value its sources in `PriceTable+Bundled.swift` publish.
    @Test(arguments: [("us-east-1", 0.045), ("us-east-2", 0.045), ("us-west-1", 0.048), ("ca-central-1", 0.05),
                      ("eu-west-1", 0.048), ("eu-central-1", 0.052), ("eu-north-1", 0.046), ("ap-southeast-1", 0.059),
                      ("ap-northeast-1", 0.062), ("ap-northeast-2", 0.059), ("ap-south-1", 0.056), ("sa-east-1", 0.093),
                      ("eu-west-2", 0.05), ("us-west-2", 0.045), ("eu-west-3", 0.05),
                      ("af-south-1", 0.057), ("me-central-1", 0.0528), ("ap-southeast-2", 0.059)])
    func natGatewayFiguresAreAWSs(region: String, price: Double) {
        #expect(figure(region, "nat_gateway_hour") == price)
        #expect(figure(region, "nat_gateway_gb") == price)
        let (pricing, fellBack) = PriceTable.bundled.prices(for: region)
        #expect(pricing.natGatewayHour == price && pricing.natGatewayGB == price)
        #expect(!fellBack.contains("nat_gateway_hour") && !fellBack.contains("nat_gateway_gb"))
    }

    /// AWS prices a NAT gateway's hour and its GB alike in every region it publishes; a bundled row
    /// holds both or neither (ap-southeast-5's were not found), and they agree.
    @Test func everyBundledNATGatewayHourEqualsItsPerGBPrice() {
        for (region, figures) in PriceTable.bundled.regions {
            let hour = figures["nat_gateway_hour"]?.usd, gb = figures["nat_gateway_gb"]?.usd
            #expect((hour == nil) == (gb == nil), "\(region)")
            #expect(hour == gb, "\(region): \(String(describing: hour)) an hour, \(String(describing: gb)) a GB")
        }
    }

    /// Interface endpoints, public IPv4 and cross-AZ where AWS's figures were found.
    @Test func endpointIPv4AndCrossAZFiguresAreAWSs() {
        #expect(figure("eu-west-1", "interface_endpoint_hour") == 0.011)
        #expect(figure("ca-central-1", "interface_endpoint_hour") == 0.011)
        #expect(figure("ca-central-1", "interface_endpoint_gb") == 0.01)
        #expect(figure("ap-southeast-5", "interface_endpoint_hour") == 0.0117)
        #expect(figure("eu-west-2", "interface_endpoint_hour") == 0.011)
        #expect(figure("us-west-2", "interface_endpoint_hour") == 0.01)
        #expect(figure("ap-northeast-2", "interface_endpoint_hour") == 0.013)
        #expect(figure("ap-southeast-1", "interface_endpoint_hour") == 0.013)
        #expect(figure("eu-central-1", "interface_endpoint_hour") == 0.012)
        #expect(figure("me-central-1", "interface_endpoint_hour") == 0.0121)
        for region in ["eu-west-2", "us-west-2", "ap-northeast-2", "ap-southeast-1", "eu-central-1", "me-central-1"] {
            #expect(figure(region, "interface_endpoint_gb") == 0.01, "\(region)")
        }
        for region in ["us-east-1", "eu-west-1", "ap-southeast-5"] {
            #expect(figure(region, "interface_endpoint_gb") == 0.01, "\(region)")
            #expect(figure(region, "interface_endpoint_gb_next_4pb") == 0.006, "\(region)")
            #expect(figure(region, "interface_endpoint_gb_over_5pb") == 0.004, "\(region)")
        }
        for region in PriceTable.bundled.regions.keys {
            #expect(figure(region, "public_ipv4_hour") == 0.005, "\(region)")
        }
        for region in ["us-east-1", "ap-south-1", "ap-southeast-1", "ap-northeast-1", "sa-east-1"] {
            #expect(figure(region, "cross_az_gb") == 0.01, "\(region)")
        }
        // us-east-1's row is complete: nothing of it falls back, and it is Pricing's defaults.
        let (pricing, fellBack) = PriceTable.bundled.prices(for: "us-east-1")
        #expect(fellBack.isEmpty)
        #expect(pricing == Pricing())
    }

    /// Every figure names its source with a URL and a date; the bundled regions are the ones the README lists.
    @Test func everyFigureNamesItsSourceAndDate() {
        let date = /(19|20)\d\d/
        for (region, figures) in PriceTable.bundled.regions {
            for (key, figure) in figures {
                #expect(Pricing.keys.contains(key), "\(region) \(key)")
                #expect(figure.source.contains("https://") && figure.source.contains(date), "\(region) \(key): \(figure.source)")
            }
        }
        #expect(PriceTable.bundled.regions.keys.sorted() == ["af-south-1", "ap-northeast-1", "ap-northeast-2", "ap-south-1", "ap-southeast-1", "ap-southeast-2", "ap-southeast-5",
                                                            "ca-central-1", "eu-central-1", "eu-north-1", "eu-west-1", "eu-west-2", "eu-west-3", "me-central-1", "sa-east-1",
                                                            "us-east-1", "us-east-2", "us-west-1", "us-west-2"])
    }

    /// The tiers: $0.01 for the first 1,048,576 GB a month, $0.006 to 5,242,880 GB, $0.004 beyond.
    @Test(arguments: [(-5.0, 0.0), (0, 0), (1, 0.01), (1_048_576, 10_485.76), (1_048_577, 10_485.766),
                      (2_097_152, 16_777.216), (5_242_880, 35_651.584), (5_242_881, 35_651.588), (10_485_760, 56_623.104)])
    func theTiersPriceAMonthsVolume(monthlyGB: Double, usd: Double) {
        #expect(abs(Pricing().interfaceEndpointProcessingUSD(monthlyGB: monthlyGB) - usd) < 1e-6)
    }

    @Test func theRateIsTheFirstTiersUpTo1PBAndAveragesBeyond() {
        var pricing = Pricing()
        pricing.interfaceEndpointGB = 0.013  // not a value the tiers' arithmetic could reproduce by chance
        #expect(pricing.interfaceEndpointGBRate(monthlyGB: 0) == 0.013)
        #expect(pricing.interfaceEndpointGBRate(monthlyGB: 1_048_576) == 0.013)
        #expect(abs(pricing.interfaceEndpointGBRate(monthlyGB: 2_097_152) - (0.013 + 0.006) / 2) < 1e-12)
        pricing.interfaceEndpointGBNext4PB = 0.002
        #expect(abs(pricing.interfaceEndpointGBRate(monthlyGB: 2_097_152) - (0.013 + 0.002) / 2) < 1e-12)
    }

    /// The savings stage prices the interface endpoints' combined volume through the tiers.
    @Test func savingsPriceTwoPetabytesThroughTheTiers() throws {
        let start = 1_700_000_000, end = start + 730 * 3600
        let bytes = 2_097_152 * 1_000_000_000  // 2,097,152 GB in a 730-hour window: monthly = observed
        let lines = F.natLegs(peer: "54.239.16.9", upload: bytes / 2, download: bytes / 2, start: start).map {
            $0.replacingEnd(start + 60, with: end)
        }
        let report = try F.analyse([F.natFormat] + lines)
        let row = try #require(report.savings.interfaceEndpoints.first)
        #expect(row.monthlyGB == 2_097_152)
        #expect(abs(row.savingPerGB - (0.045 - 0.008)) < 1e-12)  // the average of $0.01 and $0.006
        #expect(abs(row.netMonthlyUSD - (2_097_152 * 0.037 - 7.3)) < 1e-6)
    }

    @Test func theNewKeysWorkInPricingFilesFlatAndByRegion() throws {
        let directory = TemporaryDirectory()
        let path = directory.write("prices.json", #"""
            {"interface_endpoint_gb_over_5pb": 0.003, "cross_az_gb": 0.02,
             "ap-south-1": {"interface_endpoint_gb_next_4pb": 0.005, "cross_az_gb": 0.015}}
            """#)
        let file = try PricingFile.load(contentsOf: path)
        let choice = PriceChoice(file: file, flags: ["interface_endpoint_gb": 0.009])
        let (mumbai, source) = choice.prices(for: "ap-south-1")
        #expect(mumbai.interfaceEndpointGBOver5PB == 0.003)
        #expect(mumbai.interfaceEndpointGBNext4PB == 0.005)
        #expect(mumbai.crossAZGB == 0.015)
        #expect(mumbai.interfaceEndpointGB == 0.009)
        #expect(mumbai.natGatewayGB == 0.056)
        #expect(source.fromFile == ["interface_endpoint_gb_next_4pb", "interface_endpoint_gb_over_5pb", "cross_az_gb"])
        #expect(source.fromFlags == ["interface_endpoint_gb"])
        // Only the endpoint's hourly price is left to fall back, and it is warned about.
        #expect(source.fellBack == ["interface_endpoint_hour"])
        #expect(source.warnedFellBack == ["interface_endpoint_hour"])
        let lines = choice.lines(for: "ap-south-1")
        #expect(lines.first { $0.key == "cross_az_gb" }?.source == "--pricing \(path) (ap-south-1)")
        #expect(lines.first { $0.key == "interface_endpoint_gb_over_5pb" }?.source == "--pricing \(path)")
        #expect(choice.prices(for: "us-east-1").pricing.crossAZGB == 0.02)
    }

    /// A region in the table is priced from its row: no "not in the price table" warning, and no
    /// warning for the tiers or cross-AZ it lacks (they are named in the price source instead).
    @Test func aNewlyBundledRegionDoesNotWarnAboutFallingBack() throws {
        let lines = [F.natFormat] + F.natLegs(peer: "52.216.8.1", upload: 1_000_000, download: 2_000_000, start: 1_700_000_000)
        let saoPaulo = try F.analyse(lines, region: "sa-east-1")
        #expect(saoPaulo.prices.natGatewayGB == 0.093)
        #expect(!saoPaulo.priceSource.regionMissing)
        #expect(saoPaulo.warnings.contains(.pricesFellBack(region: "sa-east-1", keys: ["interface_endpoint_hour", "interface_endpoint_gb"],
                                                           regionMissing: false, tableDate: PriceTable.bundledDate)))
        let seoul = try F.analyse(lines, region: "ap-northeast-2")
        #expect(seoul.prices.interfaceEndpointHour == 0.013)
        #expect(!seoul.warnings.contains { if case .pricesFellBack = $0 { true } else { false } })
        let ireland = try F.analyse(lines, region: "eu-west-1")
        #expect(ireland.prices.interfaceEndpointHour == 0.011)
        #expect(ireland.priceSource.fellBack == ["cross_az_gb"])
        #expect(!ireland.warnings.contains { if case .pricesFellBack = $0 { true } else { false } })
        #expect(ireland.priceSource.text.contains("us-east-1's row for cross_az_gb"))
    }
}

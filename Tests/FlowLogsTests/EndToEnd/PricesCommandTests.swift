import Foundation
import Testing
@testable import FlowLogs

/// `flowscan prices show` and the report's regional prices, through the built binary.
struct PricesCommandTests {
    let directory = TemporaryDirectory()

    private func object(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test func showListsEveryRegionOfTheTableWithItsSources() throws {
        let result = try Binary.run(["prices", "show", "--output", "json"])
        #expect(result.status == 0)
        #expect(result.stderr == "")
        let json = try object(result.stdout)
        #expect(json["schema"] as? String == "flowscan.prices/1")
        let regions = try #require(json["regions"] as? [[String: Any]])
        #expect(regions.compactMap { $0["region"] as? String } == PriceTable.bundled.regions.keys.sorted())
        let tokyo = try #require(regions.first { $0["region"] as? String == "ap-northeast-1" })
        let prices = try #require(tokyo["prices"] as? [String: Double])
        #expect(prices["nat_gateway_hour"] == 0.062 && prices["nat_gateway_gb"] == 0.062 && prices["interface_endpoint_hour"] == 0.014)
        let sources = try #require(tokyo["sources"] as? [String: String])
        #expect(sources["nat_gateway_hour"]?.contains("APN1-NatGateway-Hours") == true)
    }

    /// A key padded as `prices show` prints it (to the longest key's width).
    private func line(_ key: String, _ price: String) -> String {
        "\n  " + key.padding(toLength: Pricing.keys.map(\.count).max()!, withPad: " ", startingAt: 0) + "  "
            + price.padding(toLength: 7, withPad: " ", startingAt: 0) + "  "
    }

    @Test func showSaysWhatFellBackAndWhatWasOverridden() throws {
        let text = try Binary.run(["prices", "show", "--region", "ap-south-1"])
        #expect(text.status == 0)
        #expect(text.stdout.hasPrefix("price table: bundled, \(PriceTable.bundledDate) (\(PriceTable.bundled.regions.count) regions)\n\nap-south-1\n"))
        #expect(text.stdout.contains(line("nat_gateway_hour", "$0.056") + "AWS Price List Bulk API, AmazonEC2 offers published 2026-09-09"))
        #expect(text.stdout.contains(line("cross_az_gb", "$0.01") + "AWS Price List Bulk API"))
        #expect(text.stdout.contains(line("interface_endpoint_hour", "$0.01") + "us-east-1's row: "))
        #expect(text.stdout.contains(line("interface_endpoint_gb_over_5pb", "$0.004") + "us-east-1's row: "))
        #expect(text.stdout.contains("\n  warning: the price table (\(PriceTable.bundledDate)) lacks some of ap-south-1's prices: "
                                     + "us-east-1's were used for interface_endpoint_hour, interface_endpoint_gb;"))
        #expect(!text.stdout.contains("not in the price table"))
        let pricing = directory.write("p.json", #"{"public_ipv4_hour": 0.006, "ap-south-1": {"interface_endpoint_hour": 0.011, "interface_endpoint_gb": 0.01, "cross_az_gb": 0.02}}"#)
        let json = try object(try Binary.run(["prices", "show", "--region", "ap-south-1", "--pricing", pricing,
                                              "--nat-gateway-gb", "0.05", "--interface-endpoint-gb-next-4pb", "0.005", "--output", "json"]).stdout)
        let region = try #require((json["regions"] as? [[String: Any]])?.first)
        let prices = try #require(region["prices"] as? [String: Double])
        #expect(prices == ["nat_gateway_hour": 0.056, "nat_gateway_gb": 0.05, "interface_endpoint_hour": 0.011,
                           "interface_endpoint_gb": 0.01, "public_ipv4_hour": 0.006, "interface_endpoint_gb_next_4pb": 0.005,
                           "interface_endpoint_gb_over_5pb": 0.004, "cross_az_gb": 0.02])
        let sources = try #require(region["sources"] as? [String: String])
        #expect(sources["nat_gateway_gb"] == "--nat-gateway-gb")
        #expect(sources["interface_endpoint_gb_next_4pb"] == "--interface-endpoint-gb-next-4pb")
        #expect(sources["interface_endpoint_hour"] == "--pricing \(pricing) (ap-south-1)")
        #expect(sources["cross_az_gb"] == "--pricing \(pricing) (ap-south-1)")
        #expect(sources["public_ipv4_hour"] == "--pricing \(pricing)")
        #expect(region["warnings"] as? [String] == [])
        let bad = try Binary.run(["prices", "show", "--region", "EU West"])
        #expect(bad.status == 1)
        #expect(bad.stderr == "flowscan: invalid value 'EU West' for '--region': expected a region code such as eu-west-1\n")
    }

    @Test func aNewlyBundledRegionIsShownFromItsOwnRow() throws {
        let text = try Binary.run(["prices", "show", "--region", "sa-east-1"])
        #expect(text.status == 0)
        #expect(text.stdout.contains(line("nat_gateway_hour", "$0.093") + "AWS Price List AmazonEC2 20260925174521"))
        #expect(text.stdout.contains(line("nat_gateway_gb", "$0.093")))
        #expect(text.stdout.contains(line("cross_az_gb", "$0.01") + "AWS Price List AmazonEC2 20260925174521"))
        #expect(text.stdout.contains("\n  price source: bundled price table (\(PriceTable.bundledDate)), sa-east-1's row for nat_gateway_hour, "
                                     + "nat_gateway_gb, public_ipv4_hour, cross_az_gb; us-east-1's row for interface_endpoint_hour"))
        #expect(!text.stdout.contains("not in the price table"))
    }

    @Test func theReportPricesTheVPCsRegion() throws {
        let arguments = ["SampleLogs/AWSLogs", "--prefixes", "SampleLogs/ip-ranges.json", "--output", "json"]
        let tokyo = try object(try Binary.run(arguments + ["--region", "ap-northeast-1"]).stdout)
        #expect(tokyo["prices"] as? [String: Double] == ["nat_gateway_hour": 0.062, "nat_gateway_gb": 0.062, "interface_endpoint_hour": 0.014,
                                                         "interface_endpoint_gb": 0.01, "public_ipv4_hour": 0.005, "interface_endpoint_gb_next_4pb": 0.006,
                                                         "interface_endpoint_gb_over_5pb": 0.004, "cross_az_gb": 0.01])
        let source = try #require(tokyo["prices_source"] as? [String: Any])
        #expect(source["region"] as? String == "ap-northeast-1")
        // The tiers come from us-east-1's row, without a warning (README "Prices per region").
        #expect(source["fell_back"] as? [String] == ["interface_endpoint_gb_next_4pb", "interface_endpoint_gb_over_5pb"])
        #expect((tokyo["warnings"] as? [String])?.contains { $0.contains("price table") } == false)
        let text = try Binary.run(["SampleLogs/AWSLogs", "--prefixes", "SampleLogs/ip-ranges.json", "--region", "ap-east-1"]).stdout
        // Warnings wrap at 80 columns: read them as one line each.
        let unwrapped = text.replacingOccurrences(of: "\n {4,}", with: " ", options: .regularExpression)
        #expect(unwrapped.contains("ap-east-1 is not in the price table (\(PriceTable.bundledDate)): us-east-1's were used for nat_gateway_hour"))
        #expect(text.contains("\n  price source        bundled price table (\(PriceTable.bundledDate)), us-east-1's row\n"))
    }
}

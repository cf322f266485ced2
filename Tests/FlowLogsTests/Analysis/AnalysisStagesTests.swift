import Testing
@testable import FlowLogs

/// Each stage of `TrafficAnalysis` alone: a value computed from the aggregate and the stages
/// before it, with nothing to call in order.
struct AnalysisStagesTests {
    typealias F = AnalysisFixtures

    @Test func gatewayIdentificationReturnsTheGatewayAndItsEvidence() {
        let traffic = F.aggregate([F.natFormat] + F.natLegs(peer: "52.216.8.1", upload: 1000, download: 5000))
        let gateways = GatewayIdentification(traffic: traffic, hints: [])
        #expect(gateways.gateways.count == 1)
        #expect(gateways.gateways.first?.origin == .detected)
        #expect(gateways.gateways.first?.evidence.contains(.forwardsToPublicPktAddresses(records: 2)) == true)
        #expect(gateways.warnings.isEmpty)
    }

    @Test func namedGatewaysThatMatchNothingFallBackToDetectionWithAWarning() {
        let traffic = F.aggregate([F.natFormat] + F.natLegs(peer: "52.216.8.1", upload: 1000, download: 5000))
        let hint = NATGatewayHint(interfaceIDs: ["eni-elsewhere"])
        let gateways = GatewayIdentification(traffic: traffic, hints: [hint])
        #expect(gateways.gateways.map(\.origin) == [.detected])
        #expect(gateways.warnings == [.namedGatewaysMatchNoRecord(names: ["eni-elsewhere"])])
    }

    @Test func countedTrafficTakesTheNATInterfaceOverTheInstances() {
        let lines = [F.natFormat] + F.natLegs(peer: "52.216.8.1", upload: 1000, download: 5000)
            + F.instanceLegs(peer: "52.216.8.1", upload: 1000, download: 5000)
        let traffic = F.aggregate(lines)
        let counted = CountedTraffic(traffic: traffic, gateways: GatewayIdentification(traffic: traffic, hints: []))
        #expect(counted.vantage == .natInterface)
        #expect(counted.legs.reduce(UInt64(0)) { $0 + $1.tally.tally.bytes } == 6000)
        #expect(counted.legs.allSatisfy { $0.key.kind == .inner })
        #expect(counted.assumptions.isEmpty)
    }

    @Test func countedTrafficOnInstancesSaysWhatItAssumed() {
        let traffic = F.aggregate([F.natFormat] + F.instanceLegs(peer: "52.216.8.1", upload: 1000, download: 5000))
        let counted = CountedTraffic(traffic: traffic, gateways: GatewayIdentification(traffic: traffic, hints: []))
        #expect(counted.vantage == .instanceInterface)
        #expect(counted.legs.reduce(UInt64(0)) { $0 + $1.tally.tally.bytes } == 6000)
        #expect(counted.assumptions == [.trafficPathOneIsNotOnlyNAT])
    }

    @Test func totalsCostAndSavingsAreFunctionsOfTheCountedTraffic() {
        let traffic = F.aggregate([F.natFormat] + F.natLegs(peer: "52.216.8.1", upload: 1_000_000_000, download: 4_000_000_000))
        let gateways = GatewayIdentification(traffic: traffic, hints: [])
        let counted = CountedTraffic(traffic: traffic, gateways: gateways)
        let names = ServiceRegionNames(serviceRegions: traffic.context.prefixes.serviceRegions, vpcRegion: "us-east-1")
        let totals = NATTotals(counted, names: names)
        #expect(totals.nat.bytes == 5_000_000_000)
        #expect(totals.destinations.map(\.service) == ["S3"])
        let prices = Pricing()
        let cost = NATCost(totals: totals, gateways: gateways, vantage: counted.vantage, prices: prices)
        let savings = Savings(totals: totals, prices: prices, azs: 1, cost: cost, natTrafficCounted: true)
        // The same stages on the same values give the same figures: nothing hidden in between.
        let again = Savings(totals: totals, prices: prices, azs: 1, cost: cost, natTrafficCounted: true)
        #expect(savings.totalMonthlyUSD == again.totalMonthlyUSD)
        #expect(savings.totalMonthlyUSD > 0)
        #expect(savings.totalMonthlyUSD <= cost.monthlyTotalUSD + 1e-9)
    }
}

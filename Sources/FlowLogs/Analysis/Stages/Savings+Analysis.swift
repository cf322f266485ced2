extension Savings {
    /// What endpoints would save per month, destination by destination, and what removing the
    /// NAT gateways would add (README, "Money").
    ///
    /// - Parameters:
    ///   - totals: the counted bytes per destination and the window they project from.
    ///   - azs: AZs each interface endpoint would span (its hours are paid in each).
    ///   - cost: today's cost, whose hours and IPv4 charges removal would save.
    ///   - natTrafficCounted: false when no NAT traffic was found (then nothing can be removed).
    init(totals: NATTotals, prices: Pricing, azs: Int, cost: NATCost, natTrafficCounted: Bool) {
        let factor = totals.window?.monthlyFactor ?? 0
        var gatewayRows: [GatewayEndpoint] = []
        var interfaceRows: [InterfaceEndpoint] = []
        var blockers: [(service: String, region: String, category: ServiceCategory, monthlyGB: Double)] = []
        let endpointMonthly = prices.interfaceEndpointHour * 730 * Double(azs)
        // The endpoints' per-GB price through the volume tiers, which AWS counts over all
        // interface endpoints of the region: the first tier's price below 1 PB a month.
        let interfaceGB = totals.destinations.filter { $0.category == .interfaceEndpoint }
            .reduce(0) { $0 + Double($1.traffic.bytes) / 1e9 * factor }
        let savingPerGB = prices.natGatewayGB - prices.interfaceEndpointGBRate(monthlyGB: interfaceGB)
        for destination in totals.destinations {
            let monthlyGB = Double(destination.traffic.bytes) / 1e9 * factor
            switch destination.category {
            case .gatewayEndpoint:
                gatewayRows.append(.init(service: destination.service, monthlyGB: monthlyGB, monthlyUSD: monthlyGB * prices.natGatewayGB))
            case .interfaceEndpoint:
                interfaceRows.append(.init(
                    service: destination.service, region: destination.region, monthlyGB: monthlyGB, savingPerGB: savingPerGB,
                    endpointMonthlyUSD: endpointMonthly, breakEvenGB: savingPerGB > 0 ? endpointMonthly / savingPerGB : nil,
                    netMonthlyUSD: monthlyGB * savingPerGB - endpointMonthly))
            case .awsPublic, .crossRegion, .internet:
                if destination.traffic.bytes > 0 {
                    blockers.append((destination.service, destination.region, destination.category, monthlyGB))
                }
            }
        }
        // Without a NAT gateway every interface endpoint is needed, also those not worth it alone.
        let endpointsNeeded = interfaceRows.filter { !$0.worthIt }.reduce(0) { $0 - $1.netMonthlyUSD }
        let removal = NATRemoval(possible: natTrafficCounted && blockers.isEmpty, blockers: blockers,
                                 hourlyMonthlyUSD: cost.monthlyHourlyUSD + cost.monthlyPublicIPv4USD,
                                 endpointsNeededMonthlyUSD: endpointsNeeded)
        self.init(gatewayEndpoints: gatewayRows, interfaceEndpoints: interfaceRows, natRemoval: removal)
    }
}

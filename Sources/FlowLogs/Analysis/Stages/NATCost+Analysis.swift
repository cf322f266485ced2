extension NATCost {
    /// What the NAT gateways cost per month at `prices`: the counted bytes' processing,
    /// projected over the window, the gateways' hours and their public IPv4 addresses.
    ///
    /// A vantage with traffic but no gateway identified (instance interfaces only) still has at
    /// least one gateway behind it; private NAT gateways hold no public address.
    init(totals: NATTotals, gateways: GatewayIdentification, vantage: Vantage, prices: Pricing) {
        let count = max(gateways.gateways.count, vantage == .none ? 0 : 1)
        let publicCount = gateways.gateways.isEmpty ? count : gateways.gateways.filter { $0.hint?.connectivity != "private" }.count
        let observedGB = Double(totals.nat.bytes) / 1e9
        let factor = totals.window?.monthlyFactor ?? 0
        self.init(gateways: count, observedGB: observedGB, observedProcessingUSD: observedGB * prices.natGatewayGB,
                  monthlyGB: observedGB * factor, monthlyProcessingUSD: observedGB * factor * prices.natGatewayGB,
                  monthlyHourlyUSD: Double(count) * 730 * prices.natGatewayHour,
                  monthlyPublicIPv4USD: Double(publicCount) * 730 * prices.publicIPv4Hour)
    }
}

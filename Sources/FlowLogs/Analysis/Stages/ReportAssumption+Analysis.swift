extension ReportAssumption {
    /// How the report's figures were obtained, in the order the report states them.
    static func all(for report: Report, stages: [ReportAssumption]) -> [ReportAssumption] {
        var assumptions: [ReportAssumption] = [.units, .billing]
        if report.vantage != .none { assumptions.append(.vantage(report.vantage)) }
        if report.gateways.contains(where: { $0.origin == .detected }) { assumptions.append(.gatewaysDetected) }
        assumptions += stages
        assumptions.append(.serviceLookup)
        if report.destinations.contains(where: { $0.service == "AMAZON" }) {
            assumptions.append(.amazonRangesHoldManyServices)
            if let dns = report.interfaceEndpoints.dns { assumptions.append(.dnsNames(windowSeconds: dns.windowSeconds)) }
        }
        assumptions.append(.interfaceEndpointPricing(hourUSD: report.prices.interfaceEndpointHour, azs: report.availabilityZones,
                                                     azSource: report.availabilityZonesSource))
        return assumptions
    }
}

/// How the figures were obtained, as the facts behind each sentence the report prints.
public enum ReportAssumption: Sendable, Equatable {
    /// Decimal GB, a 730-hour month, monthly = observed × 730 h / window hours.
    case units
    /// NAT processing is billed both ways, each byte once; data transfer is not included.
    case billing
    /// Which vantage the NAT bytes were counted from.
    case vantage(Vantage)
    /// Gateways were detected from the records (a heuristic).
    case gatewaysDetected
    /// Instance traffic without a traffic-path field was assumed to go through a NAT gateway.
    case trafficPathAbsent
    /// traffic-path 1 also covers load balancers, Transit Gateway and firewall endpoints.
    case trafficPathOneIsNotOnlyNAT
    /// Services come from the longest prefix of ip-ranges.json, in a fixed precedence.
    case serviceLookup
    /// AMAZON ranges hold many services the address alone does not name.
    case amazonRangesHoldManyServices
    /// How Route 53 Resolver answers named AMAZON addresses (only with DNS data).
    case dnsNames(windowSeconds: UInt32)
    /// Interface endpoints priced per hour × AZs, and the first PB's per-GB price.
    case interfaceEndpointPricing(hourUSD: Double, azs: Int, azSource: AZCountSource)
}

/// What endpoints, and removing the NAT gateways, would save per month.
public struct Savings: Sendable {
    public struct GatewayEndpoint: Sendable {
        public var service: String
        public var monthlyGB: Double
        public var monthlyUSD: Double
    }

    public struct InterfaceEndpoint: Sendable {
        public var service: String
        public var region: String
        public var monthlyGB: Double
        /// NAT per-GB price minus the endpoint's.
        public var savingPerGB: Double
        /// The endpoint's own hourly cost per month for the AZ count.
        public var endpointMonthlyUSD: Double
        /// The monthly volume at which the endpoint pays for itself.
        public var breakEvenGB: Double?
        public var netMonthlyUSD: Double
        public var worthIt: Bool { netMonthlyUSD > 0 }
    }

    public struct NATRemoval: Sendable {
        /// True when no remaining traffic needs a NAT gateway.
        public var possible: Bool
        /// Monthly GB of traffic that still needs a NAT gateway, by service and region.
        public var blockers: [(service: String, region: String, category: ServiceCategory, monthlyGB: Double)]
        /// The gateways' hourly and public-IPv4 charges per month, saved when `possible`.
        public var hourlyMonthlyUSD: Double
        /// The monthly net cost of the interface endpoints that do not pay for themselves but
        /// that the gateways' removal needs (their traffic could no longer use a NAT gateway).
        public var endpointsNeededMonthlyUSD: Double
        /// What removing the gateways saves beyond the endpoints worth it on their own.
        public var netMonthlyUSD: Double { hourlyMonthlyUSD - endpointsNeededMonthlyUSD }
        /// True when removal is possible and pays.
        public var worthIt: Bool { possible && netMonthlyUSD > 0 }
    }

    public var gatewayEndpoints: [GatewayEndpoint]
    public var interfaceEndpoints: [InterfaceEndpoint]
    public var natRemoval: NATRemoval
    public var gatewayEndpointsMonthlyUSD: Double { gatewayEndpoints.reduce(0) { $0 + $1.monthlyUSD } }
    /// Net saving of the interface endpoints that pay for themselves.
    public var interfaceEndpointsMonthlyUSD: Double {
        interfaceEndpoints.filter(\.worthIt).reduce(0) { $0 + $1.netMonthlyUSD }
    }
    /// Everything available: gateway endpoints, worthwhile interface endpoints, and removing
    /// the NAT gateways when it pays (their hours, less the endpoints removal needs).
    public var totalMonthlyUSD: Double {
        gatewayEndpointsMonthlyUSD + interfaceEndpointsMonthlyUSD + (natRemoval.worthIt ? natRemoval.netMonthlyUSD : 0)
    }
}

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
        /// The full endpoint service name (`com.amazonaws.us-east-1.ecr.api`); `nil` when the
        /// bytes are not attributed to one service (AMAZON bytes without a DNS name, or ambiguous).
        public var endpointService: String? = nil
        /// NAT-processed bytes observed, both directions, each once.
        public var bytes: UInt64 = 0
        public var attribution = Attribution.addressRange
        /// The services an ambiguous row's addresses were named for (full endpoint names or DNS names).
        public var ambiguousServices: [String] = []
        /// For endpoints needed together (ECR's `ecr.api` and `ecr.dkr`): the pair's net saving,
        /// which decides whether each is worth it.
        public var groupNetMonthlyUSD: Double? = nil
        public var note: String? = nil
        public var worthIt: Bool { (groupNetMonthlyUSD ?? netMonthlyUSD) > 0 }
        /// True when the row's saving is in the total: a named endpoint, worth it.
        public var counted: Bool { worthIt && (attribution == .addressRange || attribution == .dns) }
    }

    /// What tells which endpoint service a row's bytes are for.
    public enum Attribution: String, Sendable {
        /// The ip-ranges.json service itself (API_GATEWAY, EBS…).
        case addressRange = "address-range"
        /// Route 53 Resolver query logs named the AMAZON addresses.
        case dns
        /// AMAZON bytes no DNS answer named: the figures are for one endpoint carrying them all,
        /// an upper bound, not in the total.
        case unattributed
        /// Addresses named for several services in one window: given to none, not in the total.
        case ambiguous
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
        interfaceEndpoints.filter(\.counted).reduce(0) { $0 + $1.netMonthlyUSD }
    }
    /// Everything available: gateway endpoints, worthwhile interface endpoints, and removing
    /// the NAT gateways when it pays (their hours, less the endpoints removal needs).
    public var totalMonthlyUSD: Double {
        gatewayEndpointsMonthlyUSD + interfaceEndpointsMonthlyUSD + (natRemoval.worthIt ? natRemoval.netMonthlyUSD : 0)
    }
}

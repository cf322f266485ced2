/// The second stage: the NAT-processed traffic of a VPC, each byte once — which legs were
/// counted, from which vantage, and what the reader should know about it.
///
/// When NAT gateway interfaces are in the logs, each gateway's own legs are counted (one pair
/// per connection, `CountedTraffic+NATInterface.swift`), and instance interfaces are never
/// counted for the same bytes; otherwise instance traffic that leaves through another resource
/// of the VPC is (`CountedTraffic+InstanceInterface.swift`).
struct CountedTraffic {
    /// A local address's traffic to one service-region.
    struct LocalServiceRegion: Hashable {
        var local: UInt32
        var serviceRegionIndex: Int
    }

    /// A local address's legs of one kind from formats with or without `pkt-*`.
    struct LocalKind: Hashable {
        var local: UInt32
        var kind: LegKind
        var showsInner: Bool
    }

    var vantage = Vantage.none
    /// The counted NAT bytes per flow key (inbound instance keys may be a share of the key).
    var legs: [(key: FlowKey, tally: SpanTally)] = []
    /// Share of each (local, service-region) pair's bytes that went through a NAT (instance
    /// vantage), for the tables (sources, peers) whose keys do not say which path each byte took.
    var natShare: [LocalServiceRegion: Double] = [:]
    var warnings: [ReportWarning] = []
    var assumptions: [ReportAssumption] = []
    /// The legs whose bytes are counted as NAT traffic, by local address and kind.
    var countedKinds: Set<LocalKind> = []

    init(traffic: TrafficAggregator, gateways: GatewayIdentification) {
        var gatewaysWithRecords = 0
        for gateway in gateways.gateways {
            let members = Set(gateway.locals)
            let own = traffic.flows.filter { members.contains($0.key.local) }
            guard !own.isEmpty else { continue }
            gatewaysWithRecords += 1
            let counted = countNATLegs(own, gateway: gateway.id)
            legs += counted
        }
        if gatewaysWithRecords > 0 {
            vantage = .natInterface
            let all = gateways.gateways.count
            if gatewaysWithRecords < all { warnings.append(.gatewaysWithoutRecords(count: all - gatewaysWithRecords, of: all)) }
        } else {
            countInstanceLegs(traffic, natLocals: gateways.natLocals)
        }
        countedKinds = Set(legs.map { LocalKind(local: $0.key.local, kind: $0.key.kind, showsInner: $0.key.showsInner) })
    }

    /// The share of a (local, service-region) pair's bytes counted as NAT traffic: 1 except in
    /// the instance vantage, where replies and mixed paths make it a fraction.
    func share(local: UInt32, serviceRegionIndex: Int) -> Double {
        vantage == .instanceInterface ? natShare[LocalServiceRegion(local: local, serviceRegionIndex: serviceRegionIndex)] ?? 1 : 1
    }
}

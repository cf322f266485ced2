extension CountedTraffic {
    /// A local address's traffic to one service-region in formats with or without a
    /// traffic-path field: the replies (which never carry one) follow the egress of their own format.
    struct LocalServiceRegionFormat: Hashable {
        var local: UInt32
        var serviceRegionIndex: Int
        var pathColumn: Bool

        init(_ key: FlowKey) {
            local = key.local
            serviceRegionIndex = key.serviceRegionIndex
            pathColumn = key.pathColumn
        }
    }

    /// NAT gateways' interfaces are not in the logs: count instance traffic that leaves through
    /// another resource of the VPC (traffic-path 1), or all of it when the format has no traffic-path.
    /// Replies carry no traffic-path: they follow the egress of the same address, service and
    /// format (so a change from the default format to one with traffic-path does not mix them),
    /// shared out by bytes when that egress took several paths.
    mutating func countInstanceLegs(_ traffic: TrafficAggregator, natLocals: Set<UInt32>) {
        var egress: [LocalServiceRegionFormat: (nat: UInt64, all: UInt64)] = [:]
        var egressByLocal: [UInt32: (nat: UInt64, all: UInt64)] = [:]
        var pathAbsent = false
        for (key, value) in traffic.flows where key.kind == .outer && key.direction == .outbound && !natLocals.contains(key.local) {
            let viaNAT = key.trafficPath == 1 || key.trafficPath == 0
            if key.trafficPath == 0 { pathAbsent = true }
            let bytes = value.tally.bytes
            egress[LocalServiceRegionFormat(key), default: (0, 0)].all.saturatingIncrease(by: bytes)
            egressByLocal[key.local, default: (0, 0)].all.saturatingIncrease(by: bytes)
            if viaNAT {
                egress[LocalServiceRegionFormat(key), default: (0, 0)].nat.saturatingIncrease(by: bytes)
                egressByLocal[key.local, default: (0, 0)].nat.saturatingIncrease(by: bytes)
            }
        }
        var all: [LocalServiceRegion: (counted: UInt64, all: UInt64)] = [:]
        for (key, value) in traffic.flows where key.kind == .outer && !natLocals.contains(key.local) {
            let pair = LocalServiceRegion(local: key.local, serviceRegionIndex: key.serviceRegionIndex)
            all[pair, default: (0, 0)].all.saturatingIncrease(by: value.tally.bytes)
            var part = value
            if key.direction == .outbound {
                guard key.trafficPath == 1 || key.trafficPath == 0 else { continue }
            } else {
                var total = egress[LocalServiceRegionFormat(key)]
                if total == nil || total!.all == 0 { total = egressByLocal[key.local] }
                guard let total, total.all > 0, total.nat > 0 else { continue }
                if total.nat < total.all { part.tally = value.tally.scaled(by: Double(total.nat) / Double(total.all)) }
            }
            all[pair, default: (0, 0)].counted.saturatingIncrease(by: part.tally.bytes)
            legs.append((key, part))
        }
        for (pair, bytes) in all { natShare[pair] = bytes.all == 0 ? 1 : Double(bytes.counted) / Double(bytes.all) }
        guard !legs.isEmpty else { return }
        vantage = .instanceInterface
        if pathAbsent { assumptions.append(.trafficPathAbsent) }
        assumptions.append(.trafficPathOneIsNotOnlyNAT)
    }
}

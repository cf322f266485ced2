extension Exposure {
    /// How much AWS-bound traffic takes the public path, and what depends on the NAT gateways:
    /// internet peers, cleartext protocols, rejected traffic, IPv6, SKIPDATA.
    init(_ traffic: TrafficAggregator, counted: CountedTraffic, natLocals: Set<UInt32>, totals: NATTotals,
         names: ServiceRegionNames, top: Int, skipDataRecords: Int) {
        let destinations = totals.destinations
        let awsViaNAT = destinations.filter { $0.category != .internet }.reduce(UInt64(0)) { $0.saturatingAdd($1.traffic.bytes) }
        let paths = InstancePaths(traffic, natLocals: natLocals, names: names)
        // A per-address row belongs to the NAT figures when its legs were counted (and, on
        // instance interfaces, when most of its pair's bytes went through a NAT).
        func isCounted(_ local: UInt32, _ kind: LegKind, _ showsInner: Bool, _ serviceRegionIndex: Int) -> Bool {
            guard counted.countedKinds.contains(.init(local: local, kind: kind, showsInner: showsInner)) else { return false }
            return counted.share(local: local, serviceRegionIndex: serviceRegionIndex) >= 0.5
        }

        var internet: [PeerGroup: UInt64] = [:]
        for (key, tally) in traffic.peers.entries where isCounted(key.local, key.kind, key.showsInner, 0) {
            let group = PeerGroup(peer: key.peer, port: key.port, protocolNumber: key.protocolNumber)
            internet[group] = (internet[group] ?? 0).saturatingAdd(tally.bytes)
        }
        var cleartext: [CleartextGroup: Tally] = [:]
        for (key, tally) in traffic.cleartext where isCounted(key.local, key.kind, key.showsInner, key.serviceRegionIndex) {
            cleartext[CleartextGroup(port: key.port, serviceRegionIndex: key.serviceRegionIndex), default: Tally()].add(tally)
        }
        let internetBytes = destinations.first { $0.category == .internet }?.traffic.bytes ?? 0
        let topPeers = internet.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.prefix(top)
            .map { Peer(address: $0.key.peer, port: $0.key.port, protocolNumber: $0.key.protocolNumber,
                        service: ServiceRegionName.internet, bytes: $0.value) }
        let listed = topPeers.reduce(UInt64(0)) { $0.saturatingAdd($1.bytes) }

        let cleartextRows = cleartext.map { group, tally in
            Cleartext(port: group.port, name: CleartextPorts.names[group.port] ?? "", service: names.name(group.serviceRegionIndex).service,
                      bytes: tally.bytes, records: tally.records)
        }.sorted { $0.bytes != $1.bytes ? $0.bytes > $1.bytes : ($0.port, $0.service) < ($1.port, $1.service) }

        var rejected: [RejectGroup: Tally] = [:]
        var rejectedRecords: UInt64 = 0
        for (key, tally) in traffic.rejects.entries {
            let toNAT = traffic.localIndexOf(key.local).map { natLocals.contains($0) } ?? false
            let direction = key.direction == .outbound ? "egress blocked" : (toNAT ? "inbound to a NAT gateway" : "inbound")
            rejected[RejectGroup(direction: direction, service: names.name(key.serviceRegionIndex).service, port: key.port), default: Tally()].add(tally)
            rejectedRecords = rejectedRecords.saturatingAdd(tally.records)
        }
        rejectedRecords = rejectedRecords.saturatingAdd(traffic.rejects.foldedTally.records)
        let rejectedRows = rejected.map {
            Rejected(direction: $0.key.direction, service: $0.key.service, port: $0.key.port,
                     records: $0.value.records, bytes: $0.value.bytes)
        }.sorted { $0.records != $1.records ? $0.records > $1.records : ($0.direction, $0.service, $0.port) < ($1.direction, $1.service, $1.port) }

        var ipv6Out: UInt64 = 0, ipv6In: UInt64 = 0, ipv6Unknown: UInt64 = 0
        for (key, tally) in traffic.ipv6 {
            switch key.direction {
            case .outbound: ipv6Out = ipv6Out.saturatingAdd(tally.bytes)
            case .inbound: ipv6In = ipv6In.saturatingAdd(tally.bytes)
            case nil: ipv6Unknown = ipv6Unknown.saturatingAdd(tally.bytes)
            }
        }
        self.init(
            awsViaNAT: awsViaNAT, awsViaInternetGateway: paths.internetGateway, awsViaEndpoints: paths.endpoint,
            awsAmbiguousPath: paths.ambiguous, internetPeers: Array(topPeers),
            internetOtherBytes: internetBytes > listed ? internetBytes - listed : 0, internetBytes: internetBytes,
            cleartext: Array(cleartextRows.prefix(top)), rejected: Array(rejectedRows.prefix(top)),
            rejectedRecords: rejectedRecords, ipv6Out: ipv6Out, ipv6In: ipv6In, ipv6UnknownDirection: ipv6Unknown,
            skipDataRecords: skipDataRecords,
            folded: traffic.sources.hasFolded || traffic.peers.hasFolded || traffic.rejects.hasFolded)
    }

    private struct PeerGroup: Hashable, Comparable {
        var peer: IPAddress
        var port: UInt16
        var protocolNumber: UInt8
        static func < (lhs: PeerGroup, rhs: PeerGroup) -> Bool {
            (lhs.peer, lhs.port, lhs.protocolNumber) < (rhs.peer, rhs.port, rhs.protocolNumber)
        }
    }

    private struct CleartextGroup: Hashable {
        var port: UInt16
        var serviceRegionIndex: Int
    }

    private struct RejectGroup: Hashable {
        var direction: String
        var service: String
        var port: UInt16
    }
}

/// AWS-bound bytes on instance interfaces by path: internet gateway, gateway endpoint, or
/// traffic-path 2 to S3/DynamoDB (internet gateway or gateway endpoint: ambiguous). Egress
/// bytes go by their traffic-path; replies (which have none) are shared out like the egress of
/// the same address, service and format.
struct InstancePaths {
    var internetGateway: UInt64 = 0
    var endpoint: UInt64 = 0
    var ambiguous: UInt64 = 0

    init(_ traffic: TrafficAggregator, natLocals: Set<UInt32>, names: ServiceRegionNames) {
        // Where an egress key's bytes belong; nil for paths not counted here (NAT, absent, …).
        func path(_ key: FlowKey) -> WritableKeyPath<InstancePaths, UInt64>? {
            switch key.trafficPath {
            case 8: return \.internetGateway
            case 7: return \.endpoint
            case 2: return names.category(key.serviceRegionIndex) == .gatewayEndpoint ? \.ambiguous : \.internetGateway
            default: return nil
            }
        }
        var egress: [CountedTraffic.LocalServiceRegionFormat: (paths: InstancePaths, all: UInt64)] = [:]
        for (key, span) in traffic.flows where key.kind == .outer && key.direction == .outbound
            && key.serviceRegionIndex != 0 && !natLocals.contains(key.local) {
            var split = egress[.init(key)] ?? (InstancePaths(), 0)
            split.all.saturatingIncrease(by: span.tally.bytes)
            if let path = path(key) { split.paths[keyPath: path].saturatingIncrease(by: span.tally.bytes) }
            egress[.init(key)] = split
        }
        for (key, span) in traffic.flows where key.kind == .outer && key.serviceRegionIndex != 0 && !natLocals.contains(key.local) {
            guard let split = egress[.init(key)], split.all > 0 else { continue }
            if key.direction == .outbound {
                if let path = path(key) { self[keyPath: path].saturatingIncrease(by: span.tally.bytes) }
            } else {
                let bytes = Double(span.tally.bytes), all = Double(split.all)
                for path in [\InstancePaths.internetGateway, \.endpoint, \.ambiguous] {
                    self[keyPath: path].saturatingIncrease(by: UInt64(saturating: (bytes * Double(split.paths[keyPath: path]) / all).rounded()))
                }
            }
        }
    }

    private init() {}
}

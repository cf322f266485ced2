extension ServiceSources {
    /// The heaviest senders of each destination's counted bytes: the `top` private addresses,
    /// the rest as "other", and the bytes whose sender the legs do not name (NAT-to-internet legs).
    static func of(_ traffic: TrafficAggregator, counted: CountedTraffic, natLocals: Set<UInt32>, totals: NATTotals,
                   names: ServiceRegionNames, top: Int) -> [ServiceSources] {
        var groups: [String: (rows: [IPAddress: UInt64], unknown: UInt64)] = [:]
        for (key, tally) in traffic.sources.entries {
            let local = key.local
            guard counted.countedKinds.contains(.init(local: local, kind: key.kind, showsInner: key.showsInner)) else { continue }
            let (service, region) = names.name(Int(key.serviceRegionIndex))
            let group = service + "\u{0}" + region
            var bytes = tally.bytes
            if counted.vantage == .instanceInterface {
                let share = counted.share(local: local, serviceRegionIndex: Int(key.serviceRegionIndex))
                bytes = UInt64(saturating: (Double(bytes) * share).rounded())
            }
            guard bytes > 0 else { continue }
            if natLocals.contains(local), key.kind == .outer {
                groups[group, default: ([:], 0)].unknown.saturatingIncrease(by: bytes)  // NAT-to-internet legs: the sender is not in them
            } else {
                groups[group, default: ([:], 0)].rows[key.source, default: 0].saturatingIncrease(by: bytes)
            }
        }
        return totals.destinations.map { destination in
            let group = groups[destination.service + "\u{0}" + destination.region] ?? ([:], 0)
            let rows = group.rows.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
                .prefix(top)
                .map { Row(address: $0.key, details: traffic.details(of: $0.key), bytes: $0.value) }
            let listed = rows.reduce(UInt64(0)) { $0.saturatingAdd($1.bytes) }
            let total = destination.traffic.bytes
            let other = total > listed.saturatingAdd(group.unknown) ? total - listed - group.unknown : 0
            return ServiceSources(service: destination.service, region: destination.region, rows: Array(rows),
                                  otherBytes: other, unknownBytes: min(group.unknown, total))
        }
    }
}

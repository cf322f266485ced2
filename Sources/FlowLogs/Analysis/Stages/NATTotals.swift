/// The third stage: the counted NAT bytes summed — in all, per destination (service × region),
/// and the window of the counted records.
struct NATTotals {
    /// Every counted byte, each once.
    let nat: DirectionalTally
    /// Heaviest first; ties by service and region.
    let destinations: [Destination]
    /// From the earliest start to the latest end of the counted records; nil when none.
    let window: TimeWindow?

    init(_ counted: CountedTraffic, names: ServiceRegionNames) {
        var nat = DirectionalTally()
        var byIndex: [Int: DirectionalTally] = [:]
        var firstStart = UInt64.max, lastEnd: UInt64 = 0
        for (key, span) in counted.legs {
            nat.add(span.tally, direction: key.direction)
            byIndex[key.serviceRegionIndex, default: DirectionalTally()].add(span.tally, direction: key.direction)
            firstStart = min(firstStart, span.firstStart)
            lastEnd = max(lastEnd, span.lastEnd)
        }
        self.nat = nat
        window = firstStart <= lastEnd ? TimeWindow(start: firstStart, end: lastEnd) : nil
        // Indices that name the same service and region (ip-ranges.json lists some pairs under
        // several border groups) are one destination.
        var merged: [String: Destination] = [:]
        for (index, traffic) in byIndex {
            let (service, region) = names.name(index)
            let key = service + "\u{0}" + region
            if merged[key] == nil {
                merged[key] = Destination(service: service, region: region, sameRegion: region == names.vpcRegion,
                                          category: names.category(index), traffic: DirectionalTally())
            }
            merged[key]!.traffic.add(traffic)
        }
        destinations = merged.values.sorted {
            $0.traffic.bytes != $1.traffic.bytes ? $0.traffic.bytes > $1.traffic.bytes : ($0.service, $0.region) < ($1.service, $1.region)
        }
    }
}

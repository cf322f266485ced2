/// Resolves the entries of a file into the answers a `PrefixTable` serves.
struct PrefixTableBuilder {
    var serviceRegions: [ServiceRegion] = [.notAWS]
    var serviceCounts: [String: PrefixEntryCount] = [:]
    var regionCounts: [String: PrefixEntryCount] = [:]
    var records: [PrefixRecord] = []
    var ipv4: IntervalIndex<UInt32>
    var ipv6: IntervalIndex<UInt128>

    init(_ contents: PrefixFileContents) {
        // Group the entries by CIDR block, in file order (IPv4 first).
        let entries = contents.ipv4 + contents.ipv6
        var groupOf: [IPPrefix: Int] = [:]
        var groups: [[Int]] = []
        for (index, entry) in entries.enumerated() {
            if let group = groupOf[entry.prefix] {
                groups[group].append(index)
            } else {
                groupOf[entry.prefix] = groups.count
                groups.append([index])
            }
            let isIPv4 = index < contents.ipv4.count
            serviceCounts[entry.service, default: PrefixEntryCount()].add(isIPv4: isIPv4)
            regionCounts[entry.region, default: PrefixEntryCount()].add(isIPv4: isIPv4)
        }

        // The winner of each block: the strongest service; the first listed among equals.
        let winners = groups.map { group in
            group.dropFirst().reduce(group[0]) { best, candidate in
                ServicePrecedence.prefers(entries[candidate].service, over: entries[best].service) ? candidate : best
            }
        }
        let answers = Set(winners.map { entries[$0].serviceRegion })
        serviceRegions += answers.sorted()
        let indexOf = Dictionary(uniqueKeysWithValues: serviceRegions.enumerated().map { ($1, $0) })

        var blocks4: [IntervalIndex<UInt32>.Block] = [], blocks6: [IntervalIndex<UInt128>.Block] = []
        for (group, winner) in zip(groups, winners) {
            let prefix = entries[winner].prefix
            let answer = indexOf[entries[winner].serviceRegion]!
            let record = Int32(records.count)
            records.append(PrefixRecord(prefix: prefix, serviceRegionIndex: answer,
                                        services: Set(group.map { entries[$0].service }).sorted()))
            if prefix.address.isIPv4 {
                blocks4.append(.init(first: UInt32(truncatingIfNeeded: prefix.first.value),
                                     last: UInt32(truncatingIfNeeded: prefix.last.value),
                                     record: record, serviceRegion: UInt32(answer)))
            } else {
                blocks6.append(.init(first: prefix.first.value, last: prefix.last.value,
                                     record: record, serviceRegion: UInt32(answer)))
            }
        }
        ipv4 = IntervalIndex(blocks: blocks4)
        ipv6 = IntervalIndex(blocks: blocks6)
    }
}

extension PrefixEntryCount {
    fileprivate mutating func add(isIPv4: Bool) {
        if isIPv4 { ipv4 += 1 } else { ipv6 += 1 }
    }
}

extension PrefixFileEntry {
    /// The entry's service, region and network border group.
    var serviceRegion: ServiceRegion {
        ServiceRegion(service: service, region: region, networkBorderGroup: networkBorderGroup)
    }
}

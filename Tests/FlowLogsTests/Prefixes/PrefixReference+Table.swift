@testable import FlowLogs

/// Everything a `PrefixTable` holds, derived again from the entries of `PrefixReference` (read by
/// JSONSerialization) by the plain definitions: the table a faster loader builds must equal it.
extension PrefixReference {
    /// The differences between `table` and the table these entries define; empty when identical.
    ///
    /// Checked: the entry counts by family, service and region; the distinct blocks in the order
    /// they first appear, each with its sorted services and its winner (`ServicePrecedence`, the
    /// first listed among equals); `serviceRegions` (not-AWS, then the distinct winners sorted);
    /// and each family's intervals: their starts are exactly 0 and every block's first address and
    /// the address after its last, and each interval answers the longest block holding its start
    /// (found by trying every prefix length, not by a sweep).
    func differences(from table: PrefixTable) -> [String] {
        var found: [String] = []
        func check(_ same: Bool, _ what: @autoclosure () -> String) { if !same { found.append(what()) } }

        let ipv4Count = entries.filter(\.prefix.address.isIPv4).count
        check(table.ipv4PrefixCount == ipv4Count, "ipv4PrefixCount \(table.ipv4PrefixCount), expected \(ipv4Count)")
        check(table.ipv6PrefixCount == entries.count - ipv4Count, "ipv6PrefixCount \(table.ipv6PrefixCount)")
        var services: [String: PrefixEntryCount] = [:], regions: [String: PrefixEntryCount] = [:]
        for entry in entries {
            let isIPv4 = entry.prefix.address.isIPv4
            services[entry.serviceRegion.service, default: .init()][isIPv4: isIPv4] += 1
            regions[entry.serviceRegion.region, default: .init()][isIPv4: isIPv4] += 1
        }
        check(table.serviceCounts == services, "serviceCounts differ")
        check(table.regionCounts == regions, "regionCounts differ")

        // Distinct blocks in order of first appearance (IPv4 first, as the file's arrays), with their entries.
        var order: [IPPrefix] = [], listed: [IPPrefix: [Entry]] = [:]
        for entry in entries.filter(\.prefix.address.isIPv4) + entries.filter({ !$0.prefix.address.isIPv4 }) {
            if listed[entry.prefix] == nil { order.append(entry.prefix) }
            listed[entry.prefix, default: []].append(entry)
        }
        check(table.prefixes == order, "the distinct blocks differ (\(table.prefixes.count), expected \(order.count))")
        func winner(_ prefix: IPPrefix) -> ServiceRegion {
            let group = listed[prefix]!
            let service = ServicePrecedence.winner(of: group.map(\.serviceRegion.service))!
            return group.first { $0.serviceRegion.service == service }!.serviceRegion
        }
        let answers = [ServiceRegion.notAWS] + Set(order.map(winner)).sorted()
        check(table.serviceRegions == answers, "serviceRegions differ (\(table.serviceRegions.count), expected \(answers.count))")
        guard found.isEmpty else { return found }
        for (index, record) in table.records.enumerated() {
            let prefix = order[index]
            check(record.services == Set(listed[prefix]!.map(\.serviceRegion.service)).sorted(), "services of \(prefix)")
            check(answers[record.serviceRegionIndex] == winner(prefix), "winner of \(prefix)")
        }

        let recordOf = Dictionary(uniqueKeysWithValues: order.enumerated().map { ($1, Int32($0)) })
        /// The record of the longest block that holds `value`, -1 for none.
        func owner(_ value: UInt128, ipv4: Bool) -> Int32 {
            let address = IPAddress(value: value)
            for length in stride(from: ipv4 ? 32 : 128, through: 0, by: -1) {
                if let record = recordOf[IPPrefix(address: address, length: length)!] { return record }
            }
            return -1
        }
        func checkIntervals<Key>(_ index: IntervalIndex<Key>, ipv4: Bool) {
            let family = ipv4 ? "IPv4" : "IPv6"
            func value(_ key: Key) -> UInt128 { ipv4 ? UInt128(0xffff) << 32 | UInt128(key) : UInt128(key) }
            var boundaries: Set<Key> = [0]
            for prefix in order where prefix.address.isIPv4 == ipv4 {
                boundaries.insert(Key(truncatingIfNeeded: prefix.first.value))
                let last = Key(truncatingIfNeeded: prefix.last.value)
                if last != Key.max { boundaries.insert(last + 1) }
            }
            check(index.starts == boundaries.sorted(), "\(family) interval starts differ (\(index.starts.count), expected \(boundaries.count))")
            guard index.starts.count == index.records.count, index.starts.count == index.serviceRegions.count else {
                return check(false, "\(family) interval arrays differ in length")
            }
            for (position, start) in index.starts.enumerated() {
                let expected = owner(value(start), ipv4: ipv4)
                check(index.records[position] == expected, "\(family) interval at \(IPAddress(value: value(start))): record \(index.records[position]), expected \(expected)")
                let answer = expected < 0 ? 0 : table.records[Int(expected)].serviceRegionIndex
                check(index.serviceRegions[position] == UInt32(answer), "\(family) interval at \(IPAddress(value: value(start))): answer")
            }
            check(index.blocks.count == (1 << 16) + 1, "\(family) block table size")
            for top in 0..<(1 << 16) {
                let first = Key(top) << IntervalIndex<Key>.blockShift
                // The last start at or before `first`, by binary search.
                var (low, high) = (0, index.starts.count - 1)
                while low < high {
                    let middle = (low + high + 1) / 2
                    if index.starts[middle] <= first { low = middle } else { high = middle - 1 }
                }
                let expected = low
                check(index.blocks[top] == UInt32(expected), "\(family) block table at \(top)")
            }
            check(index.blocks[1 << 16] == UInt32(index.starts.count - 1), "\(family) block table end")
        }
        checkIntervals(table.ipv4, ipv4: true)
        checkIntervals(table.ipv6, ipv4: false)
        return found
    }
}

extension PrefixEntryCount {
    /// The count of one family.
    fileprivate subscript(isIPv4 isIPv4: Bool) -> Int {
        get { isIPv4 ? ipv4 : ipv6 }
        set { if isIPv4 { ipv4 = newValue } else { ipv6 = newValue } }
    }
}

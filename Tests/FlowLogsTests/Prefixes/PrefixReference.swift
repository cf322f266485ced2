import Foundation
@testable import FlowLogs

/// The obvious, slow answer the fast structure is checked against: scan every entry of the file,
/// keep those of the longest prefix that holds the address, let `ServicePrecedence` pick among them
/// (the first listed among equals).
struct PrefixReference {
    struct Entry {
        let prefix: IPPrefix
        let first: UInt128
        let last: UInt128
        let serviceRegion: ServiceRegion

        init(_ prefix: IPPrefix, service: String, region: String, group: String) {
            self.prefix = prefix
            first = prefix.first.value
            last = prefix.last.value
            serviceRegion = ServiceRegion(service: service, region: region, networkBorderGroup: group)
        }
    }

    let entries: [Entry]
    private let ipv4Entries: [Entry]
    private let ipv6Entries: [Entry]
    private let ipv4Bounds: [(first: UInt128, last: UInt128)]
    private let ipv6Bounds: [(first: UInt128, last: UInt128)]

    /// The winning entry, its prefix and every service listed for it; `nil` when no entry holds `address`.
    func answer(_ address: IPAddress) -> (ServiceRegion, IPPrefix, [String])? {
        let candidates = address.isIPv4 ? ipv4Entries : ipv6Entries
        var holding: [Int] = []  // indices of the entries that hold the address
        (address.isIPv4 ? ipv4Bounds : ipv6Bounds).withUnsafeBufferPointer { bounds in  // debug builds are slow
            let value = address.value
            var index = 0
            while index < bounds.count {
                if bounds[index].first <= value, value <= bounds[index].last { holding.append(index) }
                index += 1
            }
        }
        let longest = holding.map { candidates[$0].prefix.length }.max()
        let best = holding.map { candidates[$0] }.filter { $0.prefix.length == longest }
        guard let service = ServicePrecedence.winner(of: best.map(\.serviceRegion.service)),
              let winner = best.first(where: { $0.serviceRegion.service == service }) else { return nil }
        return (winner.serviceRegion, winner.prefix, Set(best.map(\.serviceRegion.service)).sorted())
    }

    /// Entries read from an ip-ranges.json file with Foundation's JSONSerialization (an independent reader).
    init(contentsOf path: String) throws {
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        let object = try JSONSerialization.jsonObject(with: data) as? [String: Any] ?? [:]
        var entries: [Entry] = []
        for (key, prefixKey) in [("prefixes", "ip_prefix"), ("ipv6_prefixes", "ipv6_prefix")] {
            for item in object[key] as? [[String: String]] ?? [] {
                guard let text = item[prefixKey], let prefix = IPPrefix(text), let service = item["service"],
                      let region = item["region"], let group = item["network_border_group"] else {
                    throw CocoaError(.fileReadCorruptFile)
                }
                entries.append(Entry(prefix, service: service, region: region, group: group))
            }
        }
        self.init(entries: entries)
    }

    init(entries: [Entry]) {
        self.entries = entries
        ipv4Entries = entries.filter(\.prefix.address.isIPv4)
        ipv6Entries = entries.filter { !$0.prefix.address.isIPv4 }
        ipv4Bounds = ipv4Entries.map { ($0.first, $0.last) }
        ipv6Bounds = ipv6Entries.map { ($0.first, $0.last) }
    }

    /// Checks `table` against the reference for every address; returns the addresses that differ.
    func mismatches(_ table: PrefixTable, _ addresses: [IPAddress]) -> [String] {
        var differences: [String] = []
        for address in addresses {
            let expected = answer(address)
            let match = table.lookup(address)
            let index = table.serviceRegionIndex(of: address)
            let fast = match.map { ($0.serviceRegion, $0.prefix, $0.services) }
            let same = expected?.0 == fast?.0 && expected?.1 == fast?.1 && expected?.2 == fast?.2
                && table.serviceRegions[index] == (expected?.0 ?? .notAWS)
            if !same { differences.append("\(address): expected \(String(describing: expected)), got \(String(describing: fast)) [\(index)]") }
        }
        return differences
    }

    /// Addresses that probe the edges of the given blocks: first, last, one before, one after,
    /// and one inside at random; plus as many uniformly random addresses of both families.
    static func probes(around prefixes: [IPPrefix], random: inout SplitMix64) -> [IPAddress] {
        var addresses: [IPAddress] = []
        for prefix in prefixes {
            let (first, last) = (prefix.first.value, prefix.last.value)
            addresses += [prefix.first, prefix.last, random.address(in: prefix)]
            if first > 0 { addresses.append(IPAddress(value: first - 1)) }
            if last < UInt128.max { addresses.append(IPAddress(value: last + 1)) }
        }
        for _ in 0..<prefixes.count {
            addresses.append(IPAddress(ipv4: UInt32(truncatingIfNeeded: random.next())))
            addresses.append(IPAddress(value: UInt128(random.next()) << 64 | UInt128(random.next())))
        }
        return addresses
    }
}

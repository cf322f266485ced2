import Foundation

/// What every worker needs to classify records; shared read-only.
final class AnalysisContext: Sendable {
    let prefixes: PrefixTable
    /// Extra private space (`--vpc-cidr`), beyond RFC 1918, 100.64/10 and fc00::/7.
    let vpcCIDRs: [IPPrefix]
    /// `!vpcCIDRs.isEmpty`, read once an address.
    private let hasVPCCIDRs: Bool
    /// `--since` / `--until`: keep records whose [start, end] overlaps the window.
    let since: UInt64?
    let until: UInt64?
    /// Capacity of each per-address table (sources, internet peers, rejects) per worker.
    let tableCapacity: Int
    /// The most distinct private addresses kept apart per worker; the rest share one entry.
    let localCapacity: Int
    /// Each service-region's service name as bytes, to compare with `pkt-*-aws-service`: all
    /// names one after the other, name `i` from `serviceNameStarts[i]` to `serviceNameStarts[i + 1]`
    /// (one flat array: no inner array to retain on each record).
    private let serviceNameBytes: [UInt8]
    private let serviceNameStarts: [Int]
    /// The address → name map of the Resolver query logs; `nil` without DNS data (then the
    /// aggregation names nothing and costs nothing more).
    var dnsNames: DNSNames? { namesAddresses ? names : nil }
    /// The map itself (empty without DNS data), borrowed in place on the aggregation path: a
    /// stored `let` of this final class is never copied per record, an optional of it would be.
    let names: DNSNames
    /// `dnsNames != nil`, read once per leg (the only cost of the DNS path without DNS data).
    let namesAddresses: Bool
    /// By service-region index: true for plain `AMAZON` ranges, whose peers DNS names.
    let amazonIndices: [Bool]

    init(prefixes: PrefixTable, vpcCIDRs: [IPPrefix], since: UInt64?, until: UInt64?, tableCapacity: Int,
         dnsNames: DNSNames? = nil) {
        self.prefixes = prefixes
        self.vpcCIDRs = vpcCIDRs
        hasVPCCIDRs = !vpcCIDRs.isEmpty
        self.since = since
        self.until = until
        self.tableCapacity = tableCapacity
        localCapacity = max(1024, tableCapacity * 4)
        serviceNameBytes = prefixes.serviceRegions.flatMap { Array($0.service.utf8) }
        serviceNameStarts = prefixes.serviceRegions.reduce(into: [0]) { $0.append($0.last! + $1.service.utf8.count) }
        names = dnsNames ?? DNSNames(options: DNSNamingOptions())
        namesAddresses = dnsNames != nil
        // Index 0 (the internet) and indices past the table are never AMAZON.
        amazonIndices = prefixes.serviceRegions.enumerated().map { $0.offset > 0 && $0.element.service == "AMAZON" } + [false]
    }

    /// The service name of service-region `index` (empty for the internet), as bytes.
    func serviceName(_ index: Int) -> ArraySlice<UInt8> {
        serviceNameBytes[serviceNameStarts[index]..<serviceNameStarts[index + 1]]
    }

    /// True when service-region `index` has no service name (the internet).
    @inline(__always)
    func serviceNameIsEmpty(_ index: Int) -> Bool { serviceNameStarts[index + 1] == serviceNameStarts[index] }

    /// True when service-region `index`'s service name is exactly `text`.
    @inline(__always)
    func serviceName(_ index: Int, equals text: UnsafeRawBufferPointer) -> Bool {
        let start = serviceNameStarts[index], count = serviceNameStarts[index + 1] - start
        guard count == text.count else { return false }
        return count == 0 || serviceNameBytes.withUnsafeBytes { memcmp($0.baseAddress! + start, text.baseAddress!, count) == 0 }
    }

    /// Where an address sits for the NAT picture.
    enum Placement {
        /// The VPC's own space (`isPrivate`).
        case `private`
        /// Reachable only through the public path (`isPublic`).
        case `public`
        /// Neither: loopback, link-local, multicast, reserved.
        case other
    }

    /// Where `address` sits: one scope computation answers both `isPrivate` and `isPublic`
    /// (a record asks it of both its addresses).
    @inline(__always)
    func placement(of address: IPAddress) -> Placement {
        let scope = address.scope
        if scope == .private || scope == .uniqueLocal { return .private }
        if hasVPCCIDRs, isInVPCCIDRs(address) { return .private }
        return scope == .public ? .public : .other
    }

    /// True when `address` is in one of the `--vpc-cidr` blocks. Out of line: with the search
    /// inline, `placement(of:)` was too big to inline into the aggregation (a call and five
    /// register saves an address).
    @inline(never)
    private func isInVPCCIDRs(_ address: IPAddress) -> Bool {
        vpcCIDRs.contains { $0.contains(address) }
    }

    /// True for the VPC's own address space.
    @inline(__always)
    func isPrivate(_ address: IPAddress) -> Bool { placement(of: address) == .private }

    /// True for addresses reachable only through the public path (not private, not special).
    @inline(__always)
    func isPublic(_ address: IPAddress) -> Bool { placement(of: address) == .public }
}

/// What every worker needs to classify records; shared read-only.
final class AnalysisContext: Sendable {
    let prefixes: PrefixTable
    /// Extra private space (`--vpc-cidr`), beyond RFC 1918, 100.64/10 and fc00::/7.
    let vpcCIDRs: [IPPrefix]
    /// `--since` / `--until`: keep records whose [start, end] overlaps the window.
    let since: UInt64?
    let until: UInt64?
    /// Capacity of each per-address table (sources, internet peers, rejects) per worker.
    let tableCapacity: Int
    /// The most distinct private addresses kept apart per worker; the rest share one entry.
    let localCapacity: Int
    /// Each service-region's service name as bytes, to compare with `pkt-*-aws-service`.
    let serviceNames: [[UInt8]]
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
        self.since = since
        self.until = until
        self.tableCapacity = tableCapacity
        localCapacity = max(1024, tableCapacity * 4)
        serviceNames = prefixes.serviceRegions.map { Array($0.service.utf8) }
        names = dnsNames ?? DNSNames(options: DNSNamingOptions())
        namesAddresses = dnsNames != nil
        // Index 0 (the internet) and indices past the table are never AMAZON.
        amazonIndices = prefixes.serviceRegions.enumerated().map { $0.offset > 0 && $0.element.service == "AMAZON" } + [false]
    }

    /// True for the VPC's own address space.
    @inline(__always)
    func isPrivate(_ address: IPAddress) -> Bool {
        if address.isPrivate { return true }
        for cidr in vpcCIDRs where cidr.contains(address) { return true }
        return false
    }

    /// True for addresses reachable only through the public path (not private, not special).
    @inline(__always)
    func isPublic(_ address: IPAddress) -> Bool {
        address.scope == .public && !vpcCIDRs.contains { $0.contains(address) }
    }
}

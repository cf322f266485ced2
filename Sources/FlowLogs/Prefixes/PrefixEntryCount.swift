/// How many entries of each family an ip-ranges.json file lists for one service or region.
public struct PrefixEntryCount: Hashable, Sendable {
    /// Entries in `prefixes`.
    public var ipv4 = 0
    /// Entries in `ipv6_prefixes`.
    public var ipv6 = 0
    /// Both together.
    public var total: Int { ipv4 + ipv6 }

    public init(ipv4: Int = 0, ipv6: Int = 0) {
        self.ipv4 = ipv4
        self.ipv6 = ipv6
    }
}

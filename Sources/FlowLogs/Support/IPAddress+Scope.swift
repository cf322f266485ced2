/// What kind of address space an address belongs to, before any AWS lookup.
public enum AddressScope: String, Sendable, CaseIterable {
    /// Globally routable: the internet or a public AWS range.
    case `public`
    /// RFC 1918 (10/8, 172.16/12, 192.168/16) or RFC 6598 shared space (100.64/10): a VPC's own space.
    case `private`
    /// IPv6 unique local addresses, fc00::/7: private IPv6 space.
    case uniqueLocal = "unique-local"
    /// 127/8 and ::1.
    case loopback
    /// 169.254/16 and fe80::/10 (instance metadata, Time Sync, DNS resolver link-local).
    case linkLocal = "link-local"
    /// 224/4 and ff00::/8.
    case multicast
    /// 0/8, ::, 240/4 and 255.255.255.255: not a host on any network.
    case reserved
}

extension IPAddress {
    /// The address space this address belongs to.
    ///
    /// Documentation ranges (192.0.2/24, 198.51.100/24, 203.0.113/24, 2001:db8::/32) count as
    /// public: AWS's own flow-log examples use them for internet hosts.
    ///
    /// Inlined: the aggregation asks it of both addresses of every record.
    @inline(__always)
    public var scope: AddressScope {
        if let v4 = ipv4 {
            switch v4 >> 24 {
            case 10: return .private
            case 127: return .loopback
            case 0: return .reserved
            case 224...239: return .multicast
            case 240...255: return .reserved
            case 100 where v4 >> 22 == (100 << 2 | 1): return .private  // 100.64.0.0/10
            case 172 where v4 >> 20 == (172 << 4 | 1): return .private  // 172.16.0.0/12
            case 192 where v4 >> 16 == (192 << 8 | 168): return .private
            case 169 where v4 >> 16 == (169 << 8 | 254): return .linkLocal
            default: return .public
            }
        }
        let top16 = UInt16(truncatingIfNeeded: value >> 112)
        if value == 0 || (value >> 32 == 0 && value != 1) { return .reserved }  // ::, IPv4-compatible
        if value == 1 { return .loopback }
        if top16 & 0xfe00 == 0xfc00 { return .uniqueLocal }
        if top16 & 0xffc0 == 0xfe80 { return .linkLocal }
        if top16 & 0xff00 == 0xff00 { return .multicast }
        return .public
    }

    /// True for the address space a VPC uses by default: RFC 1918, 100.64/10 and fc00::/7.
    @inline(__always)
    public var isPrivate: Bool {
        let scope = self.scope
        return scope == .private || scope == .uniqueLocal
    }
}

/// The main aggregation key, packed into one integer: local address index (32 bits), the
/// peer's service-region index (16), leg kind, whether the record's format shows this
/// direction's inner legs, direction, whether the format has a traffic-path field, and the
/// traffic-path.
struct FlowKey: Hashable, Sendable, FastHashable {
    let packed: UInt64

    @inline(__always)
    var fastHash: UInt64 { packed }

    @inline(__always)
    init(local: UInt32, serviceRegionIndex: Int, kind: LegKind, direction: Direction, trafficPath: UInt8, showsInner: Bool,
         pathColumn: Bool) {
        packed = UInt64(local) << 32 | UInt64(UInt16(truncatingIfNeeded: serviceRegionIndex)) << 16
            | UInt64(kind.rawValue) << 9 | (showsInner ? 1 << 8 : 0) | UInt64(direction.rawValue) << 7
            | (pathColumn ? 1 << 4 : 0) | UInt64(trafficPath & 0x0f)
    }

    var local: UInt32 { UInt32(truncatingIfNeeded: packed >> 32) }
    var serviceRegionIndex: Int { Int(UInt16(truncatingIfNeeded: packed >> 16)) }
    var kind: LegKind { LegKind(rawValue: UInt8(truncatingIfNeeded: packed >> 9) & 1)! }
    /// True when the record's format has the `pkt-*` field that names the public peer on this
    /// direction's instance-to-NAT leg (`pkt-dstaddr` outbound, `pkt-srcaddr` inbound): then a
    /// NAT gateway's inner legs of this direction were recognisable in it.
    var showsInner: Bool { packed >> 8 & 1 == 1 }
    var direction: Direction { Direction(rawValue: UInt8(truncatingIfNeeded: packed >> 7) & 1)! }
    /// The record's traffic-path (0 when absent; only egress records carry one).
    var trafficPath: UInt8 { UInt8(truncatingIfNeeded: packed) & 0x0f }
    /// True when the record's format has a traffic-path field (replies of that format then
    /// follow the egress of the same format: a format change does not mix their paths).
    var pathColumn: Bool { packed >> 4 & 1 == 1 }

    /// The same key for another local-address index (merging workers).
    func withLocal(_ local: UInt32) -> FlowKey {
        FlowKey(local: local, serviceRegionIndex: serviceRegionIndex, kind: kind, direction: direction, trafficPath: trafficPath, showsInner: showsInner,
                pathColumn: pathColumn)
    }
}

/// Which pair of legs a record is, seen from the private address `local` it is about
/// (DOMAIN.md §2).
enum LegKind: UInt8, Sendable, Comparable {
    /// Instance ↔ NAT on the NAT's interface, with the public peer in `pkt-*`: `local` is the
    /// NAT's private address, the instance is the other private address.
    case inner = 0
    /// Private address ↔ public peer: NAT ↔ internet on a NAT's interface, or instance ↔
    /// internet on an instance's interface.
    case outer = 1

    static func < (lhs: LegKind, rhs: LegKind) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// Which way the bytes went, relative to the private side.
enum Direction: UInt8, Sendable, Comparable {
    /// Private → public (upload).
    case outbound = 0
    /// Public → private (download).
    case inbound = 1

    static func < (lhs: Direction, rhs: Direction) -> Bool { lhs.rawValue < rhs.rawValue }
}

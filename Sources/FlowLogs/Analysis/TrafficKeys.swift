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

/// The main aggregation key, packed into one integer: local address index (32 bits), the
/// peer's service-region index (16), leg kind, whether the record's format has `pkt-*`
/// addresses, direction and traffic-path.
struct FlowKey: Hashable, Sendable {
    let packed: UInt64

    @inline(__always)
    init(local: UInt32, classIndex: Int, kind: LegKind, direction: Direction, trafficPath: UInt8, pktFormat: Bool) {
        packed = UInt64(local) << 32 | UInt64(UInt16(truncatingIfNeeded: classIndex)) << 16
            | UInt64(kind.rawValue) << 9 | (pktFormat ? 1 << 8 : 0) | UInt64(direction.rawValue) << 7 | UInt64(trafficPath & 0x0f)
    }

    var local: UInt32 { UInt32(truncatingIfNeeded: packed >> 32) }
    var classIndex: Int { Int(UInt16(truncatingIfNeeded: packed >> 16)) }
    var kind: LegKind { LegKind(rawValue: UInt8(truncatingIfNeeded: packed >> 9) & 1)! }
    /// True when the record's format has `pkt-srcaddr`/`pkt-dstaddr`: then a NAT gateway's
    /// instance-to-NAT legs were recognisable in it.
    var pktFormat: Bool { packed >> 8 & 1 == 1 }
    var direction: Direction { Direction(rawValue: UInt8(truncatingIfNeeded: packed >> 7) & 1)! }
    /// The record's traffic-path (0 when absent; only egress records carry one).
    var trafficPath: UInt8 { UInt8(truncatingIfNeeded: packed) & 0x0f }

    /// The same key for another local-address index (merging workers).
    func withLocal(_ local: UInt32) -> FlowKey {
        FlowKey(local: local, classIndex: classIndex, kind: kind, direction: direction, trafficPath: trafficPath, pktFormat: pktFormat)
    }
}

/// A tally with the time span of its records.
struct SpanTally: Sendable {
    var tally = Tally()
    var firstStart = UInt64.max
    var lastEnd: UInt64 = 0

    @inline(__always)
    mutating func add(bytes: UInt64, packets: UInt64, start: UInt64?, end: UInt64?) {
        tally.add(bytes: bytes, packets: packets)
        if let start, start < firstStart { firstStart = start }
        if let end, end > lastEnd { lastEnd = end }
    }

    mutating func add(_ other: SpanTally) {
        tally.add(other.tally)
        firstStart = min(firstStart, other.firstStart)
        lastEnd = max(lastEnd, other.lastEnd)
    }
}

/// What a private address's records say about it: the evidence for NAT detection and the
/// details shown next to it as a source.
struct LocalAddressInfo: Sendable {
    let address: IPAddress
    /// The interface id on the first record that showed this address's own traffic.
    var interfaceID: String?
    /// Records on this address's legs whose `instance-id` was set / was `-` (when the format has it).
    var instanceIDSet: UInt64 = 0
    var instanceIDDash: UInt64 = 0
    /// Inner legs: records forwarded between a private address and a public `pkt-*` address.
    var forwardedRecords: UInt64 = 0
    /// Bytes private → this address and this address → private (east-west, no `pkt-*` difference).
    var eastWestIn: UInt64 = 0
    var eastWestOut: UInt64 = 0
    /// Bytes this address → public and public → this address.
    var publicOut: UInt64 = 0
    var publicIn: UInt64 = 0
    /// Ports this address used towards public peers: client-like (ephemeral → well-known) records.
    var clientRecords: UInt64 = 0

    init(address: IPAddress) {
        self.address = address
    }

    mutating func merge(_ other: LocalAddressInfo) {
        if interfaceID == nil { interfaceID = other.interfaceID }
        instanceIDSet += other.instanceIDSet
        instanceIDDash += other.instanceIDDash
        forwardedRecords += other.forwardedRecords
        eastWestIn = eastWestIn.saturatingAdd(other.eastWestIn)
        eastWestOut = eastWestOut.saturatingAdd(other.eastWestOut)
        publicOut = publicOut.saturatingAdd(other.publicOut)
        publicIn = publicIn.saturatingAdd(other.publicIn)
        clientRecords += other.clientRecords
    }
}

/// Who sent traffic to a service: the source address, through which local address (the NAT
/// for inner legs, the instance itself for outer legs), to which service-region.
struct SourceKey: Hashable, Comparable, Sendable {
    var source: IPAddress
    var local: IPAddress
    var classIndex: Int
    var kind: LegKind
    var pktFormat: Bool

    static func < (lhs: SourceKey, rhs: SourceKey) -> Bool {
        (lhs.source, lhs.local, lhs.classIndex, lhs.kind, lhs.pktFormat ? 1 : 0)
            < (rhs.source, rhs.local, rhs.classIndex, rhs.kind, rhs.pktFormat ? 1 : 0)
    }
}

/// Where a source sits, when the format names it.
public struct SourceDetails: Sendable, Equatable {
    public var instanceID: String?
    public var interfaceID: String?
    public var subnetID: String?
    public var ecsTask: String?
    public var ecsService: String?

    /// Takes from `other` what this one lacks.
    mutating func fill(from other: SourceDetails) {
        instanceID = instanceID ?? other.instanceID
        interfaceID = interfaceID ?? other.interfaceID
        subnetID = subnetID ?? other.subnetID
        ecsTask = ecsTask ?? other.ecsTask
        ecsService = ecsService ?? other.ecsService
    }
}

/// A public peer by address, port and protocol, reached from a local address.
struct PeerKey: Hashable, Comparable, Sendable {
    var peer: IPAddress
    var port: UInt16
    var protocolNumber: UInt8
    var local: IPAddress
    var kind: LegKind
    var pktFormat: Bool
    var classIndex: Int

    static func < (lhs: PeerKey, rhs: PeerKey) -> Bool {
        (lhs.peer, lhs.port, lhs.protocolNumber, lhs.local, lhs.kind, lhs.pktFormat ? 1 : 0)
            < (rhs.peer, rhs.port, rhs.protocolNumber, rhs.local, rhs.kind, rhs.pktFormat ? 1 : 0)
    }
}

/// Rejected traffic between a local address and a public peer.
struct RejectKey: Hashable, Comparable, Sendable {
    var local: IPAddress
    var direction: Direction
    var classIndex: Int
    var port: UInt16

    static func < (lhs: RejectKey, rhs: RejectKey) -> Bool {
        (lhs.local, lhs.direction, lhs.classIndex, lhs.port) < (rhs.local, rhs.direction, rhs.classIndex, rhs.port)
    }
}

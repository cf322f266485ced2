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
struct FlowKey: Hashable, Sendable, FastHashable {
    let packed: UInt64

    var fastHash: UInt64 { Self.mix(packed) }

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
    /// Where the address sits, from its own interface's records.
    var details = SourceDetails()
    /// The detail fields (`RecordParser.detailFields` bits) already looked for.
    var detailFields: UInt8 = 0

    /// The entry that stands for every address beyond the per-worker limit.
    static let overflow = IPAddress(value: 0)

    init(address: IPAddress) {
        self.address = address
    }

    /// Fills in what this record's format tells about the address and was not known yet.
    mutating func learnDetails(from parser: RecordParser) {
        func fill(_ value: inout String?, _ field: FlowField) {
            guard value == nil, let text = parser.text(field) else { return }
            value = String(decoding: text.prefix(256), as: UTF8.self)
        }
        fill(&details.interfaceID, .interfaceID)
        fill(&details.instanceID, .instanceID)
        fill(&details.subnetID, .subnetID)
        fill(&details.ecsTask, .ecsTaskID)
        fill(&details.ecsTask, .ecsTaskARN)
        fill(&details.ecsService, .ecsServiceName)
        detailFields |= parser.detailFields
    }

    /// Adds another worker's view; where both know a value, the smaller one is kept, so the
    /// result does not depend on how files were shared among workers.
    mutating func merge(_ other: LocalAddressInfo) {
        interfaceID = [interfaceID, other.interfaceID].compactMap { $0 }.min()
        instanceIDSet += other.instanceIDSet
        instanceIDDash += other.instanceIDDash
        forwardedRecords += other.forwardedRecords
        eastWestIn = eastWestIn.saturatingAdd(other.eastWestIn)
        eastWestOut = eastWestOut.saturatingAdd(other.eastWestOut)
        publicOut = publicOut.saturatingAdd(other.publicOut)
        publicIn = publicIn.saturatingAdd(other.publicIn)
        details.merge(other.details)
        detailFields |= other.detailFields
    }
}

/// Who sent traffic to a service: the source address, through which local address (interned
/// index: the NAT for inner legs, the instance itself for outer legs), to which service-region.
struct SourceKey: Hashable, Comparable, Sendable, FastHashable {
    var source: IPAddress
    var local: UInt32
    var classIndex: UInt16
    var kind: LegKind
    var pktFormat: Bool

    var fastHash: UInt64 {
        Self.mix(source.fastHash &+ UInt64(local) << 20 &+ UInt64(classIndex) << 2 &+ UInt64(kind.rawValue) << 1 &+ (pktFormat ? 1 : 0))
    }

    func withLocal(_ local: UInt32) -> SourceKey {
        SourceKey(source: source, local: local, classIndex: classIndex, kind: kind, pktFormat: pktFormat)
    }

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

    /// Takes from `other` what this one lacks; where both know a value, the smaller one
    /// (so merging workers in any order gives the same result).
    mutating func merge(_ other: SourceDetails) {
        func pick(_ a: String?, _ b: String?) -> String? { [a, b].compactMap { $0 }.min() }
        instanceID = pick(instanceID, other.instanceID)
        interfaceID = pick(interfaceID, other.interfaceID)
        subnetID = pick(subnetID, other.subnetID)
        ecsTask = pick(ecsTask, other.ecsTask)
        ecsService = pick(ecsService, other.ecsService)
    }
}

/// An internet (non-AWS) peer by address, port and protocol, reached from a local address
/// (interned index).
struct PeerKey: Hashable, Comparable, Sendable, FastHashable {
    var peer: IPAddress
    var port: UInt16
    var protocolNumber: UInt8
    var kind: LegKind
    var pktFormat: Bool
    var local: UInt32

    var fastHash: UInt64 {
        Self.mix(peer.fastHash &+ UInt64(local) << 32 &+ UInt64(port) << 12 &+ UInt64(protocolNumber) << 2
            &+ UInt64(kind.rawValue) << 1 &+ (pktFormat ? 1 : 0))
    }

    func withLocal(_ local: UInt32) -> PeerKey {
        PeerKey(peer: peer, port: port, protocolNumber: protocolNumber, kind: kind, pktFormat: pktFormat, local: local)
    }

    static func < (lhs: PeerKey, rhs: PeerKey) -> Bool {
        (lhs.peer, lhs.port, lhs.protocolNumber, lhs.local, lhs.kind, lhs.pktFormat ? 1 : 0)
            < (rhs.peer, rhs.port, rhs.protocolNumber, rhs.local, rhs.kind, rhs.pktFormat ? 1 : 0)
    }
}

/// Rejected traffic between a local address and a public peer.
struct RejectKey: Hashable, Comparable, Sendable, FastHashable {
    var local: IPAddress
    var direction: Direction
    var classIndex: Int
    var port: UInt16

    var fastHash: UInt64 {
        Self.mix(local.fastHash &+ UInt64(port) << 20 &+ UInt64(classIndex) << 1 &+ UInt64(direction.rawValue))
    }

    static func < (lhs: RejectKey, rhs: RejectKey) -> Bool {
        (lhs.local, lhs.direction, lhs.classIndex, lhs.port) < (rhs.local, rhs.direction, rhs.classIndex, rhs.port)
    }
}

/// Traffic on a cleartext port, by peer service-region and local address (interned index).
struct CleartextKey: Hashable, Sendable, FastHashable {
    var port: UInt16
    var classIndex: Int
    var local: UInt32
    var kind: LegKind
    var pktFormat: Bool

    var fastHash: UInt64 {
        Self.mix(UInt64(port) << 48 ^ UInt64(classIndex) << 32 ^ UInt64(local) << 2 ^ UInt64(kind.rawValue) << 1 ^ (pktFormat ? 1 : 0))
    }

    func withLocal(_ local: UInt32) -> CleartextKey {
        CleartextKey(port: port, classIndex: classIndex, local: local, kind: kind, pktFormat: pktFormat)
    }
}

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
/// peer's service-region index (16), leg kind, whether the record's format shows this
/// direction's inner legs, direction, whether the format has a traffic-path field, and the
/// traffic-path.
struct FlowKey: Hashable, Sendable, FastHashable {
    let packed: UInt64

    var fastHash: UInt64 { Self.mix(packed) }

    @inline(__always)
    init(local: UInt32, classIndex: Int, kind: LegKind, direction: Direction, trafficPath: UInt8, showsInner: Bool,
         pathColumn: Bool) {
        packed = UInt64(local) << 32 | UInt64(UInt16(truncatingIfNeeded: classIndex)) << 16
            | UInt64(kind.rawValue) << 9 | (showsInner ? 1 << 8 : 0) | UInt64(direction.rawValue) << 7
            | (pathColumn ? 1 << 4 : 0) | UInt64(trafficPath & 0x0f)
    }

    var local: UInt32 { UInt32(truncatingIfNeeded: packed >> 32) }
    var classIndex: Int { Int(UInt16(truncatingIfNeeded: packed >> 16)) }
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
        FlowKey(local: local, classIndex: classIndex, kind: kind, direction: direction, trafficPath: trafficPath, showsInner: showsInner,
                pathColumn: pathColumn)
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
    /// Bytes private → this address and this address → private (east-west, no `pkt-*`
    /// difference), by the interface whose flow log recorded them.
    var eastWest = EastWestByInterface()
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
        eastWest.merge(other.eastWest)
        publicOut = publicOut.saturatingAdd(other.publicOut)
        publicIn = publicIn.saturatingAdd(other.publicIn)
        details.merge(other.details)
        detailFields |= other.detailFields
    }
}

/// A private address's east-west bytes by the interface that logged them. A NAT gateway's
/// interface logs both the private legs it forwards and its public legs; an instance's private
/// legs to the NAT gateway are logged on the gateway's interface, not its own, so comparing
/// bytes on the address's own interface tells the two apart (without `pkt-*` or `instance-id`).
///
/// Interfaces are known by a hash of their id (0 when the format has no `interface-id`). Only
/// the `capacity` smallest hashes are kept, the rest summed apart: an interface kept has exact
/// figures whatever order the records and workers came in.
struct EastWestByInterface: Sendable, Equatable {
    struct Entry: Sendable, Equatable {
        var interface: UInt64
        var bytesIn: UInt64 = 0
        var bytesOut: UInt64 = 0

        mutating func add(_ other: Entry) {
            bytesIn.saturatingIncrease(by: other.bytesIn)
            bytesOut.saturatingIncrease(by: other.bytesOut)
        }
    }

    static let capacity = 4
    /// Sorted by `interface`.
    private(set) var entries: [Entry] = []
    /// Bytes logged on interfaces beyond the kept ones.
    private(set) var other = Entry(interface: .max)

    /// The hash of an interface id as `EastWestByInterface` keeps it (never 0); 0 for none.
    static func interfaceHash<Bytes: Sequence<UInt8>>(_ id: Bytes?) -> UInt64 {
        guard let id else { return 0 }
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325  // FNV-1a
        for byte in id.prefix(256) { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return hash | 1
    }

    mutating func add(interface: UInt64, bytesIn: UInt64, bytesOut: UInt64) {
        add(Entry(interface: interface, bytesIn: bytesIn, bytesOut: bytesOut))
    }

    mutating func merge(_ other: EastWestByInterface) {
        for entry in other.entries { add(entry) }
        self.other.add(other.other)
    }

    /// The bytes logged on `interface`, when it is kept.
    func bytes(on interface: UInt64) -> Entry? { entries.first { $0.interface == interface } }

    private mutating func add(_ entry: Entry) {
        let position = entries.firstIndex { $0.interface >= entry.interface } ?? entries.endIndex
        if position < entries.endIndex, entries[position].interface == entry.interface {
            entries[position].add(entry)
            return
        }
        entries.insert(entry, at: position)
        if entries.count > Self.capacity { other.add(entries.removeLast()) }
    }
}

/// Who sent traffic to a service: the source address, through which local address (interned
/// index: the NAT for inner legs, the instance itself for outer legs), to which service-region.
struct SourceKey: Hashable, Comparable, Sendable, FastHashable {
    var source: IPAddress
    var local: UInt32
    var classIndex: UInt16
    var kind: LegKind
    var showsInner: Bool

    var fastHash: UInt64 {
        Self.mix(source.fastHash &+ UInt64(local) << 20 &+ UInt64(classIndex) << 2 &+ UInt64(kind.rawValue) << 1 &+ (showsInner ? 1 : 0))
    }

    func withLocal(_ local: UInt32) -> SourceKey {
        SourceKey(source: source, local: local, classIndex: classIndex, kind: kind, showsInner: showsInner)
    }

    static func < (lhs: SourceKey, rhs: SourceKey) -> Bool {
        (lhs.source, lhs.local, lhs.classIndex, lhs.kind, lhs.showsInner ? 1 : 0)
            < (rhs.source, rhs.local, rhs.classIndex, rhs.kind, rhs.showsInner ? 1 : 0)
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
    var showsInner: Bool
    var local: UInt32

    var fastHash: UInt64 {
        Self.mix(peer.fastHash &+ UInt64(local) << 32 &+ UInt64(port) << 12 &+ UInt64(protocolNumber) << 2
            &+ UInt64(kind.rawValue) << 1 &+ (showsInner ? 1 : 0))
    }

    func withLocal(_ local: UInt32) -> PeerKey {
        PeerKey(peer: peer, port: port, protocolNumber: protocolNumber, kind: kind, showsInner: showsInner, local: local)
    }

    static func < (lhs: PeerKey, rhs: PeerKey) -> Bool {
        (lhs.peer, lhs.port, lhs.protocolNumber, lhs.local, lhs.kind, lhs.showsInner ? 1 : 0)
            < (rhs.peer, rhs.port, rhs.protocolNumber, rhs.local, rhs.kind, rhs.showsInner ? 1 : 0)
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
    var showsInner: Bool

    var fastHash: UInt64 {
        Self.mix(UInt64(port) << 48 ^ UInt64(classIndex) << 32 ^ UInt64(local) << 2 ^ UInt64(kind.rawValue) << 1 ^ (showsInner ? 1 : 0))
    }

    func withLocal(_ local: UInt32) -> CleartextKey {
        CleartextKey(port: port, classIndex: classIndex, local: local, kind: kind, showsInner: showsInner)
    }
}

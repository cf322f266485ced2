/// What DNS named one flow key's peer: the key of the per-endpoint tally.
///
/// The flow key is kept whole so that the counted-once logic of `CountedTraffic` (which legs,
/// which share of them) applies to the named bytes exactly as to the flow's own bytes.
struct EndpointFlowKey: Hashable, Sendable, FastHashable {
    var flow: FlowKey
    /// `DNSNames` service index (≥ 0), or an ambiguous set (`EndpointFlowTally.ambiguousSlot`).
    var slot: Int32

    var fastHash: UInt64 { Self.mix(flow.packed &+ UInt64(UInt32(bitPattern: slot)) &* 0x9e37_79b9_7f4a_7c15) }

    func withLocal(_ local: UInt32) -> EndpointFlowKey { EndpointFlowKey(flow: flow.withLocal(local), slot: slot) }
}

/// Who connected to a named endpoint service: the sending address inside the VPC, through which
/// local address and leg kind (so that `CountedTraffic.countedKinds` picks the counted legs).
struct EndpointSourceKey: Hashable, Comparable, Sendable, FastHashable {
    var origin: IPAddress
    var local: UInt32
    var serviceRegionIndex: UInt16
    var kind: LegKind
    var showsInner: Bool
    var slot: Int32

    var fastHash: UInt64 {
        Self.mix(origin.fastHash &+ UInt64(local) << 20 &+ UInt64(UInt32(bitPattern: slot)) << 2 &+ UInt64(kind.rawValue) << 1
                 &+ (showsInner ? 1 : 0) &+ UInt64(serviceRegionIndex) << 52)
    }

    func withLocal(_ local: UInt32) -> EndpointSourceKey {
        EndpointSourceKey(origin: origin, local: local, serviceRegionIndex: serviceRegionIndex, kind: kind, showsInner: showsInner, slot: slot)
    }

    static func < (lhs: EndpointSourceKey, rhs: EndpointSourceKey) -> Bool {
        (lhs.origin, lhs.local, lhs.serviceRegionIndex, lhs.kind, lhs.showsInner ? 1 : 0, lhs.slot)
            < (rhs.origin, rhs.local, rhs.serviceRegionIndex, rhs.kind, rhs.showsInner ? 1 : 0, rhs.slot)
    }
}

/// The bytes of plain-AMAZON legs by what DNS named their peer, per worker; bounded.
///
/// Only named and ambiguous bytes are kept: a peer no answer named adds nothing, and the
/// report's unattributed bytes are the counted AMAZON bytes less these (so bytes dropped for
/// room are unattributed, never lost; `overflowRecords` says how many).
struct EndpointFlowTally {
    /// Keys kept apart at most; beyond, new keys' bytes stay unattributed.
    let capacity: Int
    private(set) var flows = FastMap<EndpointFlowKey, Tally>(capacity: 16)
    /// Made on first use: a report without DNS data allocates no table of callers.
    private(set) var sources: BoundedTally<EndpointSourceKey>?
    /// Each ambiguous slot's services (`DNSNames` service indices, sorted), by `-2 - slot`.
    private(set) var ambiguousSets: [[Int]] = []
    private var ambiguousIndex: [[Int]: Int32] = [:]
    /// Records looked up, and those whose naming could not be kept (the table was full).
    private(set) var lookups: UInt64 = 0
    private(set) var overflowRecords: UInt64 = 0

    static let maximumAmbiguousSets = 256
    /// The slot of ambiguous addresses beyond `maximumAmbiguousSets` distinct sets.
    static let otherAmbiguousSlot: Int32 = -1

    init(capacity: Int) {
        self.capacity = capacity
    }

    /// The slot of an ambiguous set, interned.
    static func ambiguousSlot(_ index: Int) -> Int32 { Int32(-2 - index) }

    /// The services of an ambiguous slot (empty for `otherAmbiguousSlot`).
    func services(ofAmbiguous slot: Int32) -> [Int] {
        slot <= -2 ? ambiguousSets[Int(-2 - slot)] : []
    }

    /// Counts one leg's bytes under what DNS said of its peer.
    @inline(__always)
    mutating func add(_ naming: DNSNaming, flow: FlowKey, origin: IPAddress, kind: LegKind, showsInner: Bool,
                      bytes: UInt64, packets: UInt64, records: UInt64 = 1) {
        lookups += records
        let slot: Int32
        switch naming {
        case .unnamed: return
        case let .named(service, _, _): slot = Int32(service)
        case let .ambiguous(services): slot = ambiguousSlot(services)
        }
        let key = EndpointFlowKey(flow: flow, slot: slot)
        if flows.count >= capacity, flows.index(of: key) == nil {
            overflowRecords += records
            return
        }
        flows.update(key, initial: Tally()) { $0.add(bytes: bytes, packets: packets, records: records) }
        if slot >= 0 {
            if sources == nil { sources = BoundedTally(capacity: capacity) }
            sources!.add(EndpointSourceKey(origin: origin, local: flow.local, serviceRegionIndex: UInt16(truncatingIfNeeded: flow.serviceRegionIndex),
                                          kind: kind, showsInner: showsInner, slot: slot),
                        bytes: bytes, packets: packets, records: records)
        }
    }

    private mutating func ambiguousSlot(_ services: [Int]) -> Int32 {
        if let known = ambiguousIndex[services] { return known }
        guard ambiguousSets.count < Self.maximumAmbiguousSets else { return Self.otherAmbiguousSlot }
        let slot = Self.ambiguousSlot(ambiguousSets.count)
        ambiguousSets.append(services)
        ambiguousIndex[services] = slot
        return slot
    }

    /// Folds another worker's tally in (local indices translated by `mapping`).
    mutating func merge(_ other: EndpointFlowTally, mapping: [UInt32]) {
        func slot(_ theirs: Int32) -> Int32 { theirs <= -2 ? ambiguousSlot(other.ambiguousSets[Int(-2 - theirs)]) : theirs }
        for (key, tally) in other.flows {
            let mine = EndpointFlowKey(flow: key.flow.withLocal(mapping[Int(key.flow.local)]), slot: slot(key.slot))
            if flows.count >= capacity, flows.index(of: mine) == nil {
                overflowRecords += tally.records
                continue
            }
            flows.update(mine, initial: Tally()) { $0.add(tally) }
        }
        if let theirs = other.sources {
            if sources == nil { sources = BoundedTally(capacity: capacity) }
            sources!.merge(theirs) { $0.withLocal(mapping[Int($0.local)]) }
        }
        lookups += other.lookups
        overflowRecords += other.overflowRecords
    }
}

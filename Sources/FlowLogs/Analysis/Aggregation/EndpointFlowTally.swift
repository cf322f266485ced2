/// What DNS named one flow key's peer: the key of the per-endpoint tally.
///
/// The flow key is kept whole so that the counted-once logic of `CountedTraffic` (which legs,
/// which share of them) applies to the named bytes exactly as to the flow's own bytes.
struct EndpointFlowKey: Hashable, Sendable, FastHashable {
    var flow: FlowKey
    /// `DNSNames` service index (≥ 0), an ambiguous set (`EndpointFlowTally.ambiguousSlot`), or,
    /// until `resolveVPC`, the per-VPC namings of a record without `vpc-id` (`conditionalSlot`).
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

    /// What each VPC's answers named the peer of a record whose flow-log format has no `vpc-id`
    /// (slots of this tally, by DNS VPC index, sorted), and what every VPC's together named
    /// (`nil`: nothing). Its scope's VPC, known once units are joined (`ScopeJoin`), chooses.
    struct ConditionalNaming: Hashable {
        var byVPC: [VPCSlot]
        var everyVPC: Int32?
    }

    struct VPCSlot: Hashable {
        var vpc: UInt32
        var slot: Int32
    }

    /// Conditional namings, by `conditionalBase - slot`, until `resolveVPC`.
    private(set) var conditionalSets: [ConditionalNaming] = []
    private var conditionalIndex: [ConditionalNaming: Int32] = [:]
    static let maximumConditionalSets = 4096
    /// Slots at or below are conditional (ambiguous sets end at -2 - `maximumAmbiguousSets`).
    static let conditionalBase: Int32 = -1000
    /// The slot of callers whose naming `resolveVPC` dropped: between the ambiguous and the
    /// conditional slots, no label ever names it.
    static let droppedSlot: Int32 = -999

    init(capacity: Int) {
        self.capacity = capacity
    }

    /// The slot of an ambiguous set, interned.
    static func ambiguousSlot(_ index: Int) -> Int32 { Int32(-2 - index) }

    /// The services of an ambiguous slot (empty for `otherAmbiguousSlot`).
    func services(ofAmbiguous slot: Int32) -> [Int] {
        slot <= -2 && Int(-2 - slot) < ambiguousSets.count ? ambiguousSets[Int(-2 - slot)] : []
    }

    /// Counts one leg's bytes under what DNS said of its peer.
    @inline(__always)
    mutating func add(_ naming: DNSNaming, flow: FlowKey, origin: IPAddress, kind: LegKind, showsInner: Bool,
                      bytes: UInt64, packets: UInt64, records: UInt64 = 1) {
        let slot: Int32
        switch naming {
        case .unnamed:
            lookups += records
            return
        case let .named(service, _, _): slot = Int32(service)
        case let .ambiguous(services): slot = ambiguousSlot(services)
        }
        add(slot: slot, flow: flow, origin: origin, kind: kind, showsInner: showsInner, bytes: bytes, packets: packets, records: records)
    }

    /// Counts one leg's bytes under `slot`; callers are kept for services and conditional namings.
    private mutating func add(slot: Int32, flow: FlowKey, origin: IPAddress, kind: LegKind, showsInner: Bool,
                              bytes: UInt64, packets: UInt64, records: UInt64) {
        lookups += records
        let key = EndpointFlowKey(flow: flow, slot: slot)
        if flows.count >= capacity, flows.index(of: key) == nil {
            overflowRecords += records
            return
        }
        flows.update(key, initial: Tally()) { $0.add(bytes: bytes, packets: packets, records: records) }
        if slot >= 0 || slot <= Self.conditionalBase {
            if sources == nil { sources = BoundedTally(capacity: capacity) }
            sources!.add(EndpointSourceKey(origin: origin, local: flow.local, serviceRegionIndex: UInt16(truncatingIfNeeded: flow.serviceRegionIndex),
                                          kind: kind, showsInner: showsInner, slot: slot),
                        bytes: bytes, packets: packets, records: records)
        }
    }

    /// Counts one leg of a record without `vpc-id` under what each VPC's answers said of its peer
    /// (`byVPC`: the VPCs whose answers named it) and what all VPCs' said together (`everyVPC`).
    mutating func add(byVPC: [(vpc: UInt32, naming: DNSNaming)], everyVPC: DNSNaming, flow: FlowKey, origin: IPAddress,
                      kind: LegKind, showsInner: Bool, bytes: UInt64, packets: UInt64, records: UInt64 = 1) {
        guard !byVPC.isEmpty else {
            lookups += records
            return
        }
        func slot(_ naming: DNSNaming) -> Int32? {
            switch naming {
            case .unnamed: return nil
            case let .named(service, _, _): return Int32(service)
            case let .ambiguous(services): return ambiguousSlot(services)
            }
        }
        let set = ConditionalNaming(byVPC: byVPC.compactMap { entry in slot(entry.naming).map { VPCSlot(vpc: entry.vpc, slot: $0) } },
                                    everyVPC: slot(everyVPC))
        guard let conditional = conditionalSlot(set) else {
            lookups += records
            overflowRecords += records
            return
        }
        add(slot: conditional, flow: flow, origin: origin, kind: kind, showsInner: showsInner, bytes: bytes, packets: packets, records: records)
    }

    private mutating func conditionalSlot(_ set: ConditionalNaming) -> Int32? {
        if let known = conditionalIndex[set] { return known }
        guard conditionalSets.count < Self.maximumConditionalSets else { return nil }
        let slot = Self.conditionalBase - Int32(conditionalSets.count)
        conditionalSets.append(set)
        conditionalIndex[set] = slot
        return slot
    }

    /// Which VPC's answers name the peers of records without `vpc-id`.
    enum VPCChoice {
        /// The scope's VPC (its DNS VPC index): its answers alone.
        case vpc(UInt32)
        /// The scope's VPC has no Resolver record: nothing names them.
        case noAnswers
        /// The scope has no VPC: every VPC's answers together.
        case every
    }

    /// Replaces each conditional naming by the one `choice` makes (README, "Interface endpoints
    /// by service"): after it, every slot is a service or an ambiguous set.
    mutating func resolveVPC(_ choice: VPCChoice) {
        guard !conditionalSets.isEmpty else { return }
        func resolved(_ slot: Int32) -> Int32? {
            if slot == Self.droppedSlot { return nil }
            guard slot <= Self.conditionalBase else { return slot }
            let set = conditionalSets[Int(Self.conditionalBase - slot)]
            switch choice {
            case let .vpc(vpc): return set.byVPC.first { $0.vpc == vpc }?.slot
            case .noAnswers: return nil
            case .every: return set.everyVPC
            }
        }
        var fresh = FastMap<EndpointFlowKey, Tally>(capacity: 16)
        for (key, tally) in flows {
            guard let slot = resolved(key.slot) else { continue }
            fresh.update(EndpointFlowKey(flow: key.flow, slot: slot), initial: Tally()) { $0.add(tally) }
        }
        flows = fresh
        if let old = sources {
            var rekeyed = BoundedTally<EndpointSourceKey>(capacity: capacity)
            rekeyed.merge(old) { key in
                var key = key
                key.slot = resolved(key.slot).flatMap { $0 >= 0 ? $0 : nil } ?? Self.droppedSlot
                return key
            }
            sources = rekeyed
        }
        conditionalSets = []
        conditionalIndex = [:]
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
        func plain(_ theirs: Int32) -> Int32 { theirs <= -2 ? ambiguousSlot(other.ambiguousSets[Int(-2 - theirs)]) : theirs }
        // Their conditional slots in mine (none for a set beyond room: its records are overflow).
        var conditionalMap: [Int32: Int32] = [:]
        for (index, set) in other.conditionalSets.enumerated() {
            let mine = ConditionalNaming(byVPC: set.byVPC.map { VPCSlot(vpc: $0.vpc, slot: plain($0.slot)) }, everyVPC: set.everyVPC.map(plain))
            conditionalMap[Self.conditionalBase - Int32(index)] = conditionalSlot(mine)
        }
        func slot(_ theirs: Int32) -> Int32? { theirs <= Self.conditionalBase ? conditionalMap[theirs] : plain(theirs) }
        for (key, tally) in other.flows {
            guard let merged = slot(key.slot) else {
                overflowRecords += tally.records
                continue
            }
            let mine = EndpointFlowKey(flow: key.flow.withLocal(mapping[Int(key.flow.local)]), slot: merged)
            if flows.count >= capacity, flows.index(of: mine) == nil {
                overflowRecords += tally.records
                continue
            }
            flows.update(mine, initial: Tally()) { $0.add(tally) }
        }
        if let theirs = other.sources {
            if sources == nil { sources = BoundedTally(capacity: capacity) }
            sources!.merge(theirs) { key in
                var mine = key.withLocal(mapping[Int(key.local)])
                if key.slot <= Self.conditionalBase { mine.slot = conditionalMap[key.slot] ?? Self.droppedSlot }
                return mine
            }
        }
        lookups += other.lookups
        overflowRecords += other.overflowRecords
    }
}

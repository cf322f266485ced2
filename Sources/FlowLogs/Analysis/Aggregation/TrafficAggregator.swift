import Foundation

/// Counts every record that matters for the report, per worker; workers merge at the end.
///
/// Nothing here decides which addresses are NAT gateways: that needs all the evidence, so the
/// records are kept by their local private address and leg kind, and `TrafficAnalysis` picks
/// the vantage and the gateways once everything is read.
struct TrafficAggregator: MergeableSink {
    let context: AnalysisContext

    /// Local private addresses, interned in first-seen order: index → info.
    private(set) var localTable = FastMap<IPAddress, LocalAddressInfo>(capacity: 16)
    /// The main table: bytes by local address, peer service-region, leg kind, direction, path.
    private(set) var flows = FastMap<FlowKey, SpanTally>(capacity: 16)
    private(set) var sources: BoundedTally<SourceKey>
    private(set) var peers: BoundedTally<PeerKey>
    /// Bytes on cleartext ports by port, peer service-region and local address.
    private(set) var cleartext = FastMap<CleartextKey, Tally>()
    private(set) var rejects: BoundedTally<RejectKey>
    /// Bytes of each flow key by hour, for the report's NAT bytes over time.
    private(set) var hourly: HourlyTally
    /// IPv6 bytes between the VPC and public peers, by direction (nil: unknown) and service-region.
    private(set) var ipv6: [IPv6Key: Tally] = [:]
    /// `pkt-*-aws-service` cross-check: records checked, and disagreements by (ours, theirs).
    private(set) var serviceChecks: UInt64 = 0
    private(set) var serviceDisagreements: [ServiceDisagreement: UInt64] = [:]
    /// `region` field values seen (records per region), and the regions named by file paths.
    var recordRegions: [String: UInt64] {
        var regions = flushedRecordRegions
        if currentRegionCount > 0 { regions[String(decoding: currentRegion, as: UTF8.self), default: 0] += currentRegionCount }
        return regions
    }
    private(set) var pathRegions: [String: Int] = [:]
    private(set) var counters = Counters()
    /// Plain-AMAZON bytes by the endpoint service DNS named (only with DNS data).
    var endpoints: EndpointFlowTally
    /// The context's DNS map, held here so that the aggregation borrows it instead of copying it per leg.
    let dnsNames: DNSNames

    private var flushedRecordRegions: [String: UInt64] = [:]
    /// The east-west interface hash of the last interface id (records come in runs of one).
    private var interfaceHashes = EastWestByInterface.HashMemo()
    private var currentRegion: [UInt8] = []
    /// `currentRegion`, matched in a few word loads.
    private var currentRegionMemo = FieldMemo()
    private var currentRegionCount: UInt64 = 0

    struct IPv6Key: Hashable, Comparable, Sendable {
        var direction: Direction?
        var serviceRegionIndex: Int
        static func < (lhs: IPv6Key, rhs: IPv6Key) -> Bool {
            (lhs.direction?.rawValue ?? 9, lhs.serviceRegionIndex) < (rhs.direction?.rawValue ?? 9, rhs.serviceRegionIndex)
        }
    }

    struct ServiceDisagreement: Hashable, Sendable {
        var ours: String
        var theirs: String
    }

    /// Records that were read but play no part in the NAT figures, by reason.
    struct Counters: Sendable, Equatable {
        var considered: UInt64 = 0
        var outsideWindow: UInt64 = 0
        var withoutAddresses: UInt64 = 0
        var withoutBytes: UInt64 = 0
        var eastWest: UInt64 = 0
        var otherAddresses: UInt64 = 0
        var rejected: UInt64 = 0
        var ipv6: UInt64 = 0

        mutating func add(_ other: Counters) {
            considered += other.considered
            outsideWindow += other.outsideWindow
            withoutAddresses += other.withoutAddresses
            withoutBytes += other.withoutBytes
            eastWest += other.eastWest
            otherAddresses += other.otherAddresses
            rejected += other.rejected
            ipv6 += other.ipv6
        }
    }

    init(context: AnalysisContext) {
        self.context = context
        sources = BoundedTally(capacity: context.tableCapacity)
        peers = BoundedTally(capacity: context.tableCapacity)
        rejects = BoundedTally(capacity: context.tableCapacity)
        hourly = HourlyTally(capacity: context.tableCapacity)
        endpoints = EndpointFlowTally(capacity: context.tableCapacity)
        dnsNames = context.names
    }

    // MARK: RecordSink

    mutating func beginFile(path: String) {
        if let region = RegionHint.fromPath(path) { pathRegions[region, default: 0] += 1 }
    }

    @inline(__always)
    mutating func consume(_ parser: RecordParser) {
        // A pre-aggregated row (`records` column) stands for that many records; a raw record for one.
        let weight = parser.record.multiplicity
        counters.considered += weight
        if context.since != nil || context.until != nil {
            guard let start = parser.record.start, let end = parser.record.end,
                  start <= context.until ?? .max, end >= context.since ?? 0 else {
                counters.outsideWindow += weight
                return
            }
        }
        noteRegion(parser, weight: weight)
        guard let source = parser.record.srcaddr, let destination = parser.record.dstaddr else {
            counters.withoutAddresses += weight
            return
        }
        // An accepted record with no byte count ('-') says nothing about traffic, and would only
        // stretch the window.
        guard let bytes = parser.record.bytes ?? (parser.record.action == .reject ? 0 : nil) else {
            counters.withoutBytes += weight
            return
        }
        let packets = parser.record.packets ?? 0
        if !source.isIPv4 || !destination.isIPv4 {
            countIPv6(parser, source: source, destination: destination, bytes: bytes, packets: packets)
            return
        }
        // One scope computation an address.
        let sourcePlacement = context.placement(of: source), destinationPlacement = context.placement(of: destination)
        let leg: Leg
        if sourcePlacement == .private && destinationPlacement == .private {
            if let peer = parser.record.pktDstaddr, peer != destination, context.isPublic(peer) {
                leg = Leg(kind: .inner, direction: .outbound, local: destination, peer: peer, origin: source,
                          publicPort: parser.record.dstport ?? 0)
            } else if let peer = parser.record.pktSrcaddr, peer != source, context.isPublic(peer) {
                leg = Leg(kind: .inner, direction: .inbound, local: source, peer: peer, origin: destination,
                          publicPort: parser.record.srcport ?? 0)
            } else {
                countEastWest(parser, source: source, destination: destination, bytes: bytes)
                return
            }
        } else if sourcePlacement == .private, destinationPlacement == .public {
            leg = Leg(kind: .outer, direction: .outbound, local: source, peer: destination, origin: source,
                      publicPort: parser.record.dstport ?? 0)
        } else if destinationPlacement == .private, sourcePlacement == .public {
            leg = Leg(kind: .outer, direction: .inbound, local: destination, peer: source, origin: destination,
                      publicPort: parser.record.srcport ?? 0)
        } else {
            counters.otherAddresses += weight
            return
        }
        let serviceRegionIndex = context.prefixes.serviceRegionIndex(of: leg.peer)
        if parser.record.action == .reject {
            counters.rejected += weight
            // The port knocked on: the public side's for blocked egress, ours for inbound.
            let port = leg.direction == .outbound ? leg.publicPort : (leg.kind == .outer ? parser.record.dstport : parser.record.srcport) ?? 0
            rejects.add(RejectKey(local: leg.local, direction: leg.direction, serviceRegionIndex: serviceRegionIndex, port: port),
                        bytes: bytes, packets: packets, records: weight)
            return
        }
        count(leg, serviceRegionIndex: serviceRegionIndex, parser: parser, bytes: bytes, packets: packets)
    }

    /// One record's place in the NAT picture.
    private struct Leg {
        var kind: LegKind
        var direction: Direction
        /// The private address the record is about (NAT for inner legs).
        var local: IPAddress
        var peer: IPAddress
        /// Who sent or received the bytes inside the VPC (the instance).
        var origin: IPAddress
        /// The public side's port.
        var publicPort: UInt16
    }

    @inline(__always)
    private mutating func count(_ leg: Leg, serviceRegionIndex: Int, parser: RecordParser,
                                bytes: UInt64, packets: UInt64) {
        let hasInstanceID = parser.has(.instanceID)
        let instanceIDSet = hasInstanceID && parser.text(.instanceID) != nil
        let weight = parser.record.multiplicity
        // One probe of the local table: the interning and the record's evidence together.
        let index = intern(leg.local) { info in
            if info.interfaceID == nil, let id = parser.text(.interfaceID) {
                info.interfaceID = String(decoding: id.prefix(256), as: UTF8.self)
            }
            if hasInstanceID {
                if instanceIDSet { info.instanceIDSet += weight } else { info.instanceIDDash += weight }
            }
            switch (leg.kind, leg.direction) {
            case (.inner, _): info.forwardedRecords += weight
            case (.outer, .outbound): info.publicOut = info.publicOut.saturatingAdd(bytes)
            case (.outer, .inbound): info.publicIn = info.publicIn.saturatingAdd(bytes)
            }
            // The address's own interface: learn where it sits (instance, subnet, ECS task).
            if leg.kind == .outer, info.detailFields & parser.detailFields != parser.detailFields {
                info.learnDetails(from: parser)
            }
        }

        let path = leg.direction == .outbound ? (parser.record.trafficPath ?? 0) : 0
        // Whether this direction's instance-to-NAT legs were recognisable (`consume` finds
        // outbound ones by pkt-dstaddr, inbound ones by pkt-srcaddr).
        let showsInner = parser.has(leg.direction == .outbound ? .pktDstaddr : .pktSrcaddr)
        let key = FlowKey(local: index, serviceRegionIndex: serviceRegionIndex, kind: leg.kind, direction: leg.direction, trafficPath: path,
                          showsInner: showsInner, pathColumn: parser.has(.trafficPath))
        flows.update(key, initial: SpanTally()) { $0.add(bytes: bytes, packets: packets, start: parser.record.start, end: parser.record.end, records: weight) }
        hourly.add(key, start: parser.record.start, bytes: bytes)
        if context.namesAddresses, context.amazonIndices[serviceRegionIndex] {
            countEndpoint(key: key, peer: leg.peer, origin: leg.origin, kind: leg.kind, showsInner: showsInner,
                          parser: parser, bytes: bytes, packets: packets, records: weight)
        }

        sources.add(SourceKey(source: leg.origin, local: index, serviceRegionIndex: UInt16(truncatingIfNeeded: serviceRegionIndex), kind: leg.kind,
                              showsInner: showsInner),
                    bytes: bytes, packets: packets, records: weight)
        if serviceRegionIndex == 0 {
            peers.add(PeerKey(peer: leg.peer, port: leg.publicPort, protocolNumber: parser.record.protocolNumber ?? 0,
                              kind: leg.kind, showsInner: showsInner, local: index),
                      bytes: bytes, packets: packets, records: weight)
        }
        if CleartextPorts.contains(leg.publicPort) {
            // Few keys (ports × services × local addresses): exact, never folded.
            let key = CleartextKey(port: leg.publicPort, serviceRegionIndex: serviceRegionIndex, local: index, kind: leg.kind, showsInner: showsInner)
            cleartext.update(key, initial: Tally()) { $0.add(bytes: bytes, packets: packets, records: weight) }
        }
        checkService(leg, serviceRegionIndex: serviceRegionIndex, parser: parser, weight: weight)
    }

    /// Compares our service for the peer with AWS's `pkt-src/dst-aws-service`, when present.
    @inline(__always)
    private mutating func checkService(_ leg: Leg, serviceRegionIndex: Int, parser: RecordParser, weight: UInt64 = 1) {
        let field: FlowField = leg.direction == .outbound ? .pktDstAWSService : .pktSrcAWSService
        guard parser.has(field) else { return }
        // Only where the pkt address is the peer we classified (always so on outer legs; inner legs carry it in pkt-*).
        serviceChecks += weight
        guard let theirs = parser.text(field) else {
            if !context.serviceNameIsEmpty(serviceRegionIndex) {
                serviceDisagreements[ServiceDisagreement(ours: String(decoding: context.serviceName(serviceRegionIndex), as: UTF8.self), theirs: "-"),
                                     default: 0] += weight
            }
            return
        }
        if !context.serviceName(serviceRegionIndex, equals: theirs) {
            let ours = context.serviceName(serviceRegionIndex)
            let key = ServiceDisagreement(ours: ours.isEmpty ? "-" : String(decoding: ours, as: UTF8.self),
                                          theirs: String(decoding: theirs.prefix(64), as: UTF8.self))
            serviceDisagreements[key, default: 0] += weight
        }
    }

    private mutating func countEastWest(_ parser: RecordParser, source: IPAddress, destination: IPAddress,
                                        bytes: UInt64) {
        counters.eastWest += parser.record.multiplicity
        // Private bytes per address, for detecting NAT gateways in logs without `pkt-*` fields
        // (when none is named, or none named matches the records).
        guard parser.record.action != .reject else { return }
        let interface = interfaceHashes.hash(of: parser.text(.interfaceID))
        intern(destination) { $0.eastWest.add(interface: interface, bytesIn: bytes, bytesOut: 0) }
        intern(source) { $0.eastWest.add(interface: interface, bytesIn: 0, bytesOut: bytes) }
    }

    private mutating func countIPv6(_ parser: RecordParser, source: IPAddress, destination: IPAddress,
                                    bytes: UInt64, packets: UInt64) {
        counters.ipv6 += parser.record.multiplicity
        guard parser.record.action != .reject else { return }
        let sourceLocal = context.isPrivate(source), destinationLocal = context.isPrivate(destination)
        if sourceLocal && destinationLocal { return }
        var direction: Direction?
        if sourceLocal, !destinationLocal { direction = .outbound }
        else if destinationLocal, !sourceLocal { direction = .inbound }
        else if let flow = parser.record.flowDirection { direction = flow == .egress ? .outbound : .inbound }
        let remote = direction == .inbound ? source : destination
        guard remote.scope == .public else { return }
        let serviceRegionIndex = context.prefixes.serviceRegionIndex(of: remote)
        ipv6[IPv6Key(direction: direction, serviceRegionIndex: serviceRegionIndex), default: Tally()].add(bytes: bytes, packets: packets, records: parser.record.multiplicity)
    }

    /// Counts the record's `region` field; a string is made only when the value changes.
    @inline(__always)
    private mutating func noteRegion(_ parser: RecordParser, weight: UInt64 = 1) {
        guard let region = parser.text(.region) else { return }
        if currentRegionCount == 0 || !currentRegionMemo.matches(region) {
            if currentRegionCount > 0 {
                flushedRecordRegions[String(decoding: currentRegion, as: UTF8.self), default: 0] += currentRegionCount
            }
            currentRegion = Array(region.prefix(64))
            currentRegionMemo.remember(region)
            currentRegionCount = 0
        }
        currentRegionCount += weight
    }

    /// The index of a local address, added when new, after `body` changed its info. Past
    /// `localCapacity` addresses, new ones share one overflow entry (the report says so), so
    /// memory stays bounded.
    @inline(__always)
    @discardableResult
    private mutating func intern(_ address: IPAddress, _ body: (inout LocalAddressInfo) -> Void) -> UInt32 {
        var key = address
        if localTable.count >= context.localCapacity, localTable.index(of: address) == nil { key = LocalAddressInfo.overflow }
        return UInt32(truncatingIfNeeded: localTable.update(key, initial: LocalAddressInfo(address: key), body))
    }

    /// Local-address infos in first-seen order (index = `FlowKey.local`).
    var locals: [LocalAddressInfo] { Array(localTable.values) }

    /// The records of all flows of each local address, by local-address index.
    func recordsByLocal() -> [UInt64] {
        var records = [UInt64](repeating: 0, count: localTable.count)
        for (key, span) in flows { records[Int(key.local)] += span.tally.records }
        return records
    }

    /// The index of a local address, when it was seen.
    func localIndexOf(_ address: IPAddress) -> UInt32? { localTable.index(of: address).map(UInt32.init) }

    /// Where a source sits, when its own interface's records said so.
    func details(of address: IPAddress) -> SourceDetails? {
        localTable[address].flatMap { $0.detailFields == 0 ? nil : $0.details }
    }

    // MARK: Merging

    mutating func merge(_ other: TrafficAggregator) {
        var mapping: [UInt32] = []
        mapping.reserveCapacity(other.localTable.count)
        for info in other.locals {
            let index = localTable.update(info.address, initial: LocalAddressInfo(address: info.address)) { $0.merge(info) }
            mapping.append(UInt32(index))
        }
        for (key, tally) in other.flows {
            flows.update(key.withLocal(mapping[Int(key.local)]), initial: SpanTally()) { $0.add(tally) }
        }
        sources.merge(other.sources) { $0.withLocal(mapping[Int($0.local)]) }
        hourly.merge(other.hourly) { $0.withLocal(mapping[Int($0.local)]) }
        peers.merge(other.peers) { $0.withLocal(mapping[Int($0.local)]) }
        for (key, tally) in other.cleartext {
            cleartext.update(key.withLocal(mapping[Int(key.local)]), initial: Tally()) { $0.add(tally) }
        }
        rejects.merge(other.rejects) { $0 }
        endpoints.merge(other.endpoints, mapping: mapping)
        for (key, tally) in other.ipv6 { ipv6[key, default: Tally()].add(tally) }
        serviceChecks += other.serviceChecks
        for (key, count) in other.serviceDisagreements { serviceDisagreements[key, default: 0] += count }
        for (region, count) in other.recordRegions { flushedRecordRegions[region, default: 0] += count }
        for (region, count) in other.pathRegions { pathRegions[region, default: 0] += count }
        counters.add(other.counters)
    }
}

/// The first stage: which local addresses are NAT gateways — those the user named, or, without
/// names (or when no name matches a record), those the records reveal — with the evidence.
struct GatewayIdentification {
    /// A NAT gateway and the local-address indices that are its private IPs.
    struct Gateway {
        var id: String
        var hint: NATGatewayHint?
        var locals: [UInt32]
        var evidence: [GatewayEvidence]
        var origin: GatewayOrigin
    }

    /// Sorted by id when detected; in the order named otherwise.
    private(set) var gateways: [Gateway] = []
    /// Local-address indices that belong to NAT gateways.
    let natLocals: Set<UInt32>
    private(set) var warnings: [ReportWarning] = []

    /// - Parameters:
    ///   - traffic: the aggregates of one VPC's records.
    ///   - hints: the gateways the user named; empty means detect.
    init(traffic: TrafficAggregator, hints: [NATGatewayHint]) {
        let locals = traffic.locals
        var found = Self.none
        if hints.isEmpty {
            found.gateways = Self.detect(locals)
        } else {
            found = Self.name(hints, locals: locals, records: traffic.recordsByLocal())
            // Named gateways that match no record (a format without interface-id, given only
            // --nat-eni) would leave their own legs to be counted as instance traffic.
            if found.gateways.allSatisfy(\.locals.isEmpty) {
                let detected = Self.detect(locals)
                if !detected.isEmpty {
                    found.warnings.append(.namedGatewaysMatchNoRecord(names: found.gateways.map(\.id)))
                    found.gateways = detected
                }
            }
        }
        gateways = found.gateways
        warnings = found.warnings
        natLocals = Set(gateways.flatMap(\.locals))
    }

    private static let none = (gateways: [Gateway](), warnings: [ReportWarning]())

    /// The gateways the user named. Names that reach the same address (`--nat-eni` and `--nat-ip`
    /// of one gateway, or a flag repeating describe-nat-gateways) are one gateway, counted once.
    private static func name(_ given: [NATGatewayHint], locals: [LocalAddressInfo],
                             records: [UInt64]) -> (gateways: [Gateway], warnings: [ReportWarning]) {
        var hints: [NATGatewayHint] = []
        var members: [[UInt32]] = []
        for hint in given {
            let matched = locals.indices.filter { index in
                hint.privateIPs.contains(locals[index].address)
                    || (locals[index].interfaceID.map { hint.interfaceIDs.contains($0) } ?? false)
            }.map { UInt32($0) }
            // Fold into an earlier gateway that reaches the same address, or names the same interface or IP.
            if let earlier = hints.indices.first(where: { index in
                !Set(members[index]).isDisjoint(with: matched)
                    || !Set(hints[index].interfaceIDs).isDisjoint(with: hint.interfaceIDs)
                    || !Set(hints[index].privateIPs).isDisjoint(with: hint.privateIPs)
            }) {
                hints[earlier].merge(hint)
                members[earlier] = Array(Set(members[earlier] + matched)).sorted()
            } else {
                hints.append(hint)
                members.append(matched)
            }
        }
        var gateways: [Gateway] = [], warnings: [ReportWarning] = []
        for (number, hint) in hints.enumerated() {
            let id = hint.id ?? hint.interfaceIDs.first ?? hint.privateIPs.first.map(\.description) ?? "nat-\(number + 1)"
            let recordCount = members[number].reduce(0) { $0 + records[Int($1)] }
            // A gateway that no longer exists and left no record costs nothing and spans no AZ.
            if let state = hint.state, state == "deleted" || state == "failed", recordCount == 0 {
                let names = (hint.interfaceIDs + hint.privateIPs.map(\.description)).filter { $0 != id }
                warnings.append(.gatewayLeftOut(id: id, otherNames: names, state: state))
                continue
            }
            var evidence: [GatewayEvidence] = [hint.id != nil ? .listedByDescribeNATGateways : .namedOnCommandLine]
            if let state = hint.state, state != "available" { evidence.append(.state(state)) }
            if hint.connectivity == "private" { evidence.append(.privateConnectivity) }
            evidence.append(recordCount > 0 ? .recordsOnItsInterface(recordCount) : .noRecordsOfItsInterface)
            gateways.append(Gateway(id: id, hint: hint, locals: members[number], evidence: evidence, origin: .given))
        }
        return (gateways, warnings)
    }

    /// Detection from the records (a heuristic, said so in the report), sorted by id.
    private static func detect(_ locals: [LocalAddressInfo]) -> [Gateway] {
        var gateways: [Gateway] = []
        var byInterface: [String: Int] = [:]
        // By address, not in the order workers met them: the same gateways and evidence whatever --jobs is.
        for index in locals.indices.sorted(by: { locals[$0].address < locals[$1].address }) {
            let info = locals[index]
            var evidence: [GatewayEvidence] = []
            if info.forwardedRecords > 0 {
                evidence.append(.forwardsToPublicPktAddresses(records: info.forwardedRecords))
            } else if let mirror = mirrorEvidence(info) {
                evidence.append(mirror)
            } else {
                continue
            }
            if info.instanceIDSet > 0 {
                evidence.append(.namesAnInstance(records: info.instanceIDSet))
            } else if info.instanceIDDash > 0 {
                evidence.append(.noInstanceID)
            }
            let local = UInt32(index)
            if let interfaceID = info.interfaceID, let existing = byInterface[interfaceID] {
                gateways[existing].locals.append(local)
                gateways[existing].evidence += evidence.map { .atAddress(info.address, $0) }
                continue
            }
            let id = info.interfaceID ?? info.address.description
            if let interfaceID = info.interfaceID { byInterface[interfaceID] = gateways.count }
            gateways.append(Gateway(id: id, hint: nil, locals: [local], evidence: evidence, origin: .detected))
        }
        return gateways.sorted { $0.id < $1.id }
    }

    /// Without pkt-* fields: a NAT gateway's interface sees the same bytes arrive from private
    /// addresses and leave for public ones (and back), which an instance's does not. Only the
    /// private bytes logged on the address's own interface (the one its public legs are logged
    /// on) count: an instance's legs to a NAT gateway are logged on the gateway's interface.
    private static func mirrorEvidence(_ info: LocalAddressInfo) -> GatewayEvidence? {
        guard info.publicOut > 0, info.instanceIDSet == 0,
              let own = info.eastWest.bytes(on: EastWestByInterface.interfaceHash(info.interfaceID.map(\.utf8))),
              own.bytesIn > 0 else { return nil }
        func close(_ a: UInt64, _ b: UInt64) -> Bool {
            let high = max(a, b), low = min(a, b)
            return high == 0 || Double(low) >= 0.9 * Double(high)
        }
        guard close(own.bytesIn, info.publicOut), close(own.bytesOut, info.publicIn) else { return nil }
        return .mirrorsPrivateAndPublicBytes(interfaceID: info.interfaceID, privateIn: own.bytesIn, publicOut: info.publicOut,
                                             publicIn: info.publicIn, privateOut: own.bytesOut)
    }
}

extension ReportBuilder {
    /// Finds the NAT gateways: the ones the user named, or those the records reveal.
    mutating func identifyGateways() {
        let locals = aggregator.locals
        if options.natHints.isEmpty {
            detectGateways(locals)
            gateways.sort { $0.id < $1.id }
        } else {
            nameGateways(locals)
            // Named gateways that match no record (a format without interface-id, given only
            // --nat-eni) would leave their own legs to be counted as instance traffic.
            if gateways.allSatisfy(\.locals.isEmpty) {
                let named = gateways
                gateways = []
                detectGateways(locals)
                if gateways.isEmpty {
                    gateways = named
                } else {
                    gateways.sort { $0.id < $1.id }
                    warnings.append("the NAT gateways named (\(named.map(\.id).joined(separator: ", "))) match no record's interface-id or address, "
                        + "so the gateways below were detected from the records instead; name them by private IP (--nat-ip) "
                        + "when the format has no interface-id")
                }
            }
        }
        natLocals = Set(gateways.flatMap(\.locals))
    }

    /// The gateways the user named. Names that reach the same address (`--nat-eni` and `--nat-ip`
    /// of one gateway, or a flag repeating describe-nat-gateways) are one gateway, counted once.
    private mutating func nameGateways(_ locals: [LocalAddressInfo]) {
        var hints: [NATGatewayHint] = []
        var members: [[UInt32]] = []
        for hint in options.natHints {
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
        for (number, hint) in hints.enumerated() {
            let id = hint.id ?? hint.interfaceIDs.first ?? hint.privateIPs.first.map(\.description) ?? "nat-\(number + 1)"
            let records = members[number].reduce(0) { $0 + flowRecords(of: $1) }
            // A gateway that no longer exists and left no record costs nothing and spans no AZ.
            if let state = hint.state, state == "deleted" || state == "failed", records == 0 {
                let names = (hint.interfaceIDs + hint.privateIPs.map(\.description)).filter { $0 != id }
                let also = names.isEmpty ? "" : " (\(names.joined(separator: ", ")))"
                warnings.append("NAT gateway \(id)\(also) is \(state) in the describe-nat-gateways file and has no records in these logs: it is left out (no hours, no AZ)")
                continue
            }
            var evidence = [hint.id != nil ? "listed by describe-nat-gateways" : "named on the command line"]
            if let state = hint.state, state != "available" { evidence.append("state \(state)") }
            if hint.connectivity == "private" {
                evidence.append("a private NAT gateway: its traffic goes to other private networks, not to AWS public endpoints")
            }
            evidence.append(records > 0
                ? "\(NumberText.grouped(records)) records to or from public addresses on its interface"
                : "no records of its own interface in these logs")
            gateways.append(Gateway(id: id, hint: hint, locals: members[number], evidence: evidence, origin: "given"))
        }
    }

    /// Detection from the records (a heuristic, said so in the report).
    private mutating func detectGateways(_ locals: [LocalAddressInfo]) {
        var byInterface: [String: Int] = [:]
        // By address, not in the order workers met them: the same gateways and evidence whatever --jobs is.
        for index in locals.indices.sorted(by: { locals[$0].address < locals[$1].address }) {
            let info = locals[index]
            var evidence: [String] = []
            if info.forwardedRecords > 0 {
                evidence.append("\(NumberText.grouped(info.forwardedRecords)) records forward traffic between private addresses and public pkt-* addresses (the instance-to-NAT legs)")
            } else if let mirror = mirrorEvidence(info) {
                evidence.append(mirror)
            } else {
                continue
            }
            if info.instanceIDSet > 0 {
                evidence.append("note: \(NumberText.grouped(info.instanceIDSet)) of its records name an instance, which NAT gateway interfaces do not")
            } else if info.instanceIDDash > 0 {
                evidence.append("instance-id is '-' on its interface's records, as on a NAT gateway's")
            }
            let local = UInt32(index)
            if let interfaceID = info.interfaceID, let existing = byInterface[interfaceID] {
                gateways[existing].locals.append(local)
                gateways[existing].evidence += evidence.map { "\(info.address): \($0)" }
                continue
            }
            let id = info.interfaceID ?? info.address.description
            if let interfaceID = info.interfaceID { byInterface[interfaceID] = gateways.count }
            gateways.append(Gateway(id: id, hint: nil, locals: [local], evidence: evidence, origin: "detected"))
        }
    }

    /// Without pkt-* fields: a NAT gateway's interface sees the same bytes arrive from private
    /// addresses and leave for public ones (and back), which an instance's does not. Only the
    /// private bytes logged on the address's own interface (the one its public legs are logged
    /// on) count: an instance's legs to a NAT gateway are logged on the gateway's interface.
    private func mirrorEvidence(_ info: LocalAddressInfo) -> String? {
        guard info.publicOut > 0, info.instanceIDSet == 0,
              let own = info.eastWest.bytes(on: EastWestByInterface.interfaceHash(info.interfaceID.map(\.utf8))),
              own.bytesIn > 0 else { return nil }
        func close(_ a: UInt64, _ b: UInt64) -> Bool {
            let high = max(a, b), low = min(a, b)
            return high == 0 || Double(low) >= 0.9 * Double(high)
        }
        guard close(own.bytesIn, info.publicOut), close(own.bytesOut, info.publicIn) else { return nil }
        let place = info.interfaceID.map { "on its interface \($0) " } ?? ""
        return "receives from private addresses \(place)the bytes it sends to public addresses (\(NumberText.grouped(own.bytesIn)) in, "
            + "\(NumberText.grouped(info.publicOut)) out) and the reverse (\(NumberText.grouped(info.publicIn)) in, "
            + "\(NumberText.grouped(own.bytesOut)) out), as a NAT gateway forwards them (heuristic: no pkt-* fields)"
    }

    /// Chooses the vantage and the counted legs, never two vantages for the same bytes.
    mutating func chooseVantage() {
        let flows = aggregator.flows
        var gatewaysWithRecords = 0
        for index in gateways.indices {
            let members = Set(gateways[index].locals)
            let own = flows.filter { members.contains($0.key.local) }
            guard !own.isEmpty else { continue }
            gatewaysWithRecords += 1
            counted += legsToCount(own, gateway: gateways[index].id)
        }
        if gatewaysWithRecords > 0 {
            vantage = .natInterface
            vantageReason = "the NAT gateways' own interfaces are in the logs; for each gateway one pair of legs is counted "
                + "(instance-to-NAT legs where pkt-* addresses name the public peer, else NAT-to-internet legs), so each byte counts once; "
                + "instance interfaces are not counted for these bytes"
            if gatewaysWithRecords < gateways.count {
                warnings.append("\(gateways.count - gatewaysWithRecords) of \(gateways.count) NAT gateways have no records of their own interface in these logs; "
                    + "their traffic is not counted, but their hours are (leave out gateways of other VPCs)")
            }
            return
        }
        countInstanceVantage()
    }

    /// One pair of legs per connection on a gateway's interface: the instance-to-NAT legs
    /// wherever the format could show them (`pkt-*`), else the NAT-to-internet legs; and when
    /// the gateway's logs hold no instance-to-NAT legs at all, its NAT-to-internet legs.
    ///
    /// NAT-to-internet legs from a format that cannot show the inner legs of their direction
    /// count outside the time span of the inner legs of that direction and destination: a format
    /// change adds the period before it. Where the two spans overlap (two flow logs on one
    /// interface in different formats, or the old and new flow log at a format change), the same
    /// bytes are in both and are set aside from the NAT-to-internet legs, with a warning. The
    /// aggregates do not place bytes in time more finely than their spans, so the duplicate bytes
    /// are estimated from each side's share of its span that overlaps, the smaller estimate kept:
    /// exact when one span lies within the other (or both are the same), as at a format change
    /// inside a file's records or with two flow logs throughout.
    private mutating func legsToCount(_ own: [(key: FlowKey, value: SpanTally)], gateway: String) -> [(key: FlowKey, tally: SpanTally)] {
        struct Stream: Hashable {
            var direction: Direction
            var classIndex: Int
        }
        var inner: [Stream: SpanTally] = [:], outer: [Stream: SpanTally] = [:]
        for (key, span) in own {
            let stream = Stream(direction: key.direction, classIndex: key.classIndex)
            if key.kind == .inner { inner[stream, default: SpanTally()].add(span) }
            else if !key.showsInner { outer[stream, default: SpanTally()].add(span) }
        }
        let hasInner = !inner.isEmpty
        // The fraction of each stream's NAT-to-internet bytes that are not duplicates.
        var keptShare: [Stream: Double] = [:]
        for (stream, span) in outer {
            guard let innerSpan = inner[stream], span.tally.bytes > 0 else { continue }
            let duplicate = min(Double(span.tally.bytes) * Self.overlap(of: span, with: innerSpan),
                                Double(innerSpan.tally.bytes) * Self.overlap(of: innerSpan, with: span))
            keptShare[stream] = max(0, 1 - duplicate / Double(span.tally.bytes))
        }
        var duplicates: UInt64 = 0
        var legs: [(key: FlowKey, tally: SpanTally)] = []
        for (key, span) in own {
            guard key.kind == .outer, hasInner else {
                legs.append((key, span))
                continue
            }
            guard !key.showsInner else { continue }
            var part = span
            if let kept = keptShare[Stream(direction: key.direction, classIndex: key.classIndex)], kept < 1 {
                part.tally = span.tally.scaled(by: kept)
                duplicates = duplicates.saturatingAdd(span.tally.bytes - min(part.tally.bytes, span.tally.bytes))
                if part.tally.bytes == 0 { continue }
            }
            legs.append((key, part))
        }
        if duplicates > 0 {
            warnings.append("NAT gateway \(gateway): its interface is logged over the same period in a format with pkt-* fields and in one without "
                + "(two flow logs on one interface, or the overlap at a format change): in that period only the instance-to-NAT legs are counted, "
                + "and \(NumberText.grouped(duplicates)) bytes of NAT-to-internet legs from the format without pkt-* fields are left out as duplicates "
                + "(estimated from the time spans, exact when one lies within the other)")
        }
        return legs
    }

    /// The fraction (0…1) of `span`'s time that `other`'s covers; a span of one instant counts
    /// as covered when it lies strictly inside the other.
    static func overlap(of span: SpanTally, with other: SpanTally) -> Double {
        guard span.firstStart <= span.lastEnd, other.firstStart <= other.lastEnd else { return 0 }
        let start = max(span.firstStart, other.firstStart), end = min(span.lastEnd, other.lastEnd)
        if span.lastEnd == span.firstStart {
            return span.firstStart > other.firstStart && span.firstStart < other.lastEnd ? 1 : 0
        }
        guard end > start else { return 0 }
        return Double(end - start) / Double(span.lastEnd - span.firstStart)
    }

    /// NAT gateways' interfaces are not in the logs: count instance traffic that leaves through
    /// another resource of the VPC (traffic-path 1), or all of it when the format has no traffic-path.
    /// Replies carry no traffic-path: they follow the egress of the same address, service and
    /// format (so a change from the default format to one with traffic-path does not mix them),
    /// shared out by bytes when that egress took several paths.
    private mutating func countInstanceVantage() {
        var egress: [LocalClassFormat: (nat: UInt64, all: UInt64)] = [:]
        var egressByLocal: [UInt32: (nat: UInt64, all: UInt64)] = [:]
        var pathAbsent = false
        for (key, value) in aggregator.flows where key.kind == .outer && key.direction == .outbound && !natLocals.contains(key.local) {
            let viaNAT = key.trafficPath == 1 || key.trafficPath == 0
            if key.trafficPath == 0 { pathAbsent = true }
            let bytes = value.tally.bytes
            egress[LocalClassFormat(key), default: (0, 0)].all.saturatingIncrease(by: bytes)
            egressByLocal[key.local, default: (0, 0)].all.saturatingIncrease(by: bytes)
            if viaNAT {
                egress[LocalClassFormat(key), default: (0, 0)].nat.saturatingIncrease(by: bytes)
                egressByLocal[key.local, default: (0, 0)].nat.saturatingIncrease(by: bytes)
            }
        }
        var all: [LocalClass: (counted: UInt64, all: UInt64)] = [:]
        for (key, value) in aggregator.flows where key.kind == .outer && !natLocals.contains(key.local) {
            let pair = LocalClass(local: key.local, classIndex: key.classIndex)
            all[pair, default: (0, 0)].all.saturatingIncrease(by: value.tally.bytes)
            var part = value
            if key.direction == .outbound {
                guard key.trafficPath == 1 || key.trafficPath == 0 else { continue }
            } else {
                var total = egress[LocalClassFormat(key)]
                if total == nil || total!.all == 0 { total = egressByLocal[key.local] }
                guard let total, total.all > 0, total.nat > 0 else { continue }
                if total.nat < total.all { part.tally = value.tally.scaled(by: Double(total.nat) / Double(total.all)) }
            }
            all[pair, default: (0, 0)].counted.saturatingIncrease(by: part.tally.bytes)
            counted.append((key, part))
        }
        for (pair, bytes) in all { natShare[pair] = bytes.all == 0 ? 1 : Double(bytes.counted) / Double(bytes.all) }
        guard !counted.isEmpty else {
            vantage = .none
            vantageReason = "no traffic through a NAT gateway was found: no NAT gateway interface in the logs, "
                + "and no instance traffic to public addresses through another resource of the VPC (traffic-path 1)"
            return
        }
        vantage = .instanceInterface
        vantageReason = "no NAT gateway's own interface is in the logs, so NAT traffic is counted on instance interfaces: "
            + "private-to-public records leaving through another resource of the VPC (traffic-path 1), and the replies to them"
        if pathAbsent {
            assumptions.append("some records have no traffic-path field: their instance traffic to public addresses is assumed to leave through a NAT gateway (an instance with a public IP would use an internet gateway instead)")
        }
        assumptions.append("traffic-path 1 means 'through another resource in this VPC': a NAT gateway, but also a load balancer replying to inbound connections, or a Transit Gateway or firewall endpoint (centralised egress); log the NAT gateway's interface for exact figures")
    }
}

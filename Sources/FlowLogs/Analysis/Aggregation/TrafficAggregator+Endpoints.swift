extension TrafficAggregator {
    /// Names the peer of a plain-AMAZON leg from the DNS data and counts its bytes by endpoint
    /// service (`EndpointFlowTally`). Called only when DNS data was given.
    ///
    /// The record's `vpc-id`, when its format has one, limits the answers to that VPC's (a VPC the
    /// DNS data does not know names nothing); without one, what each VPC's answers name is kept
    /// until the scope's VPC is known (`resolveEndpointVPC`). The leg's origin (the instance) is
    /// the preferred source; the record's `[start, end]` must overlap an answer's window. The map
    /// is used in place (`dnsNames`, the aggregator's own reference to the context's map), never
    /// copied per record.
    @inline(never)
    mutating func countEndpoint(key: FlowKey, peer: IPAddress, origin: IPAddress, kind: LegKind,
                                showsInner: Bool, parser: RecordParser, bytes: UInt64, packets: UInt64,
                                records: UInt64 = 1) {
        let start = parser.record.start ?? parser.record.end ?? 0, end = parser.record.end ?? start
        guard parser.has(.vpcID), let text = parser.text(.vpcID) else {
            let byVPC = dnsNames.namingsByVPC(address: peer, source: origin, start: start, end: end)
            let every = byVPC.count == 1 ? byVPC[0].naming : dnsNames.naming(vpc: nil, address: peer, source: origin, start: start, end: end)
            endpoints.add(byVPC: byVPC, everyVPC: every, flow: key, origin: origin, kind: kind, showsInner: showsInner,
                          bytes: bytes, packets: packets, records: records)
            return
        }
        guard let vpc = dnsNames.vpcIndex(bytes: text) else {
            endpoints.add(.unnamed, flow: key, origin: origin, kind: kind, showsInner: showsInner, bytes: bytes, packets: packets, records: records)
            return
        }
        let naming = dnsNames.naming(vpc: vpc, address: peer, source: origin, start: start, end: end)
        endpoints.add(naming, flow: key, origin: origin, kind: kind, showsInner: showsInner, bytes: bytes, packets: packets, records: records)
    }

    /// Names the peers of the scope's records without `vpc-id` by its VPC's answers alone (by
    /// every VPC's when the scope has no VPC; by none when its VPC has no Resolver record).
    mutating func resolveEndpointVPC(_ vpc: String?) {
        guard context.dnsNames != nil else { return }
        guard let vpc else { return endpoints.resolveVPC(.every) }
        endpoints.resolveVPC(dnsNames.vpcIndex(vpc).map { .vpc($0) } ?? .noAnswers)
    }
}

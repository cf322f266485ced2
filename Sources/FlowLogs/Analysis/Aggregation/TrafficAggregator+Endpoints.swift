extension TrafficAggregator {
    /// Names the peer of a plain-AMAZON leg from the DNS data and counts its bytes by endpoint
    /// service (`EndpointFlowTally`). Called only when DNS data was given.
    ///
    /// The record's `vpc-id`, when its format has one, limits the answers to that VPC's (a VPC the
    /// DNS data does not know names nothing); the leg's origin (the instance) is the preferred
    /// source; the record's `[start, end]` must overlap an answer's window. The map is used in
    /// place (`dnsNames`, the aggregator's own reference to the context's map), never copied per record.
    @inline(never)
    mutating func countEndpoint(key: FlowKey, peer: IPAddress, origin: IPAddress, kind: LegKind,
                                showsInner: Bool, record: FlowRecord, parser: RecordParser, bytes: UInt64, packets: UInt64,
                                records: UInt64 = 1) {
        var vpc: UInt32?
        if parser.has(.vpcID), let text = parser.text(.vpcID) {
            guard let index = dnsNames.vpcIndex(bytes: text) else {
                endpoints.add(.unnamed, flow: key, origin: origin, kind: kind, showsInner: showsInner, bytes: bytes, packets: packets, records: records)
                return
            }
            vpc = index
        }
        let start = record.start ?? record.end ?? 0, end = record.end ?? start
        let naming = dnsNames.naming(vpc: vpc, address: peer, source: origin, start: start, end: end)
        endpoints.add(naming, flow: key, origin: origin, kind: kind, showsInner: showsInner, bytes: bytes, packets: packets, records: records)
    }
}

/// How our classification compares with AWS's `pkt-*-aws-service` fields.
public struct ServiceCheck: Sendable {
    public var checked: UInt64
    public var disagreements: [(ours: String, theirs: String, records: UInt64)]
    public var disagreeing: UInt64 { disagreements.reduce(0) { $0 + $1.records } }
}

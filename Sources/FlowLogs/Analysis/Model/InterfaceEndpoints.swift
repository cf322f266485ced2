/// What the report says about interface endpoints beyond their rows in `Savings`: whether DNS
/// data named the AMAZON bytes, the names no endpoint carries, who calls each endpoint service,
/// and how much of the AMAZON NAT traffic got a name.
public struct InterfaceEndpoints: Sendable {
    /// A DNS-named destination inside same-region AMAZON ranges that no interface endpoint of
    /// the VPC's region carries: a global name (`sts.amazonaws.com`), a gateway-endpoint name,
    /// an AWS name with no endpoint known, or a name that is not AWS's.
    public struct NotCarried: Sendable {
        /// The endpoint service (`com.amazonaws.us-east-1.s3`) when one exists elsewhere, else the DNS name.
        public var name: String
        public var kind: EndpointService.Kind
        public var region: String?
        public var bytes: UInt64
        public var monthlyGB: Double
        public var note: String?
    }

    /// The heaviest callers of one endpoint service (counted NAT bytes).
    public struct Sources: Sendable {
        public var endpointService: String
        public var rows: [ServiceSources.Row]
        /// Bytes of callers not listed (beyond the top N, or folded away).
        public var otherBytes: UInt64
        /// Bytes whose caller the legs do not name (NAT-to-internet legs).
        public var unknownBytes: UInt64
    }

    /// The scope's Resolver query logs (those of the VPCs its records were looked up in) and
    /// what share of its AMAZON NAT bytes they named.
    public struct DNSCoverage: Sendable {
        /// Resolver log files with records of `vpcs`.
        public var files: Int
        /// The VPCs whose answers the scope's records were looked up in, sorted: the scope's own
        /// (none when no Resolver record is of it), every VPC of the logs for a scope without `vpc-id`.
        public var vpcs: [String]
        /// Their Resolver query records.
        public var queries: Int
        /// A and AAAA answers read, and those the map kept.
        public var answers: Int
        public var answersKept: Int
        /// Answers not kept for lack of room (counted, never silently).
        public var answersDropped: Int
        /// How long an answer names its address (`--dns-window`).
        public var windowSeconds: UInt32
        /// Counted same-region AMAZON NAT bytes, and of them those DNS named (whatever carries
        /// them) and those it named ambiguously.
        public var amazonBytes: UInt64
        public var namedBytes: UInt64
        public var ambiguousBytes: UInt64
        /// Flow records whose naming could not be kept (table full): their bytes are unattributed.
        public var overflowRecords: UInt64

        /// The share of AMAZON NAT bytes that got one name; `nil` without AMAZON bytes.
        public var coverage: Double? { amazonBytes == 0 ? nil : Double(namedBytes) / Double(amazonBytes) }
    }

    /// `nil` without any DNS data: then every AMAZON byte is unattributed.
    public var dns: DNSCoverage?
    public var notCarried: [NotCarried] = []
    public var sources: [Sources] = []

    public init(dns: DNSCoverage? = nil, notCarried: [NotCarried] = [], sources: [Sources] = []) {
        self.dns = dns
        self.notCarried = notCarried
        self.sources = sources
    }
}

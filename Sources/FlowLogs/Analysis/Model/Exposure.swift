/// How much AWS-bound traffic takes the public path, and what depends on it.
public struct Exposure: Sendable {
    public struct Peer: Sendable {
        public var address: IPAddress
        public var port: UInt16
        public var protocolNumber: UInt8
        public var service: String
        public var bytes: UInt64
    }

    public struct Cleartext: Sendable {
        public var port: UInt16
        public var name: String
        public var service: String
        public var bytes: UInt64
        public var records: UInt64
    }

    public struct Rejected: Sendable {
        public var direction: String
        public var service: String
        public var port: UInt16
        public var records: UInt64
        public var bytes: UInt64
    }

    /// AWS-bound bytes through NAT gateways (the counted vantage).
    public var awsViaNAT: UInt64
    /// AWS-bound bytes through internet gateways (instance records, traffic-path 8; 2 where no endpoint applies).
    public var awsViaInternetGateway: UInt64
    /// AWS-bound bytes already on gateway endpoints (traffic-path 7).
    public var awsViaEndpoints: UInt64
    /// Same-region S3/DynamoDB bytes with traffic-path 2 ("internet gateway or gateway endpoint").
    public var awsAmbiguousPath: UInt64
    /// Public-path share of AWS-bound bytes, when anything was AWS-bound.
    public var publicShare: Double? {
        let total = awsViaNAT + awsViaInternetGateway + awsViaEndpoints
        return total == 0 ? nil : Double(awsViaNAT + awsViaInternetGateway) / Double(total)
    }
    /// Internet (non-AWS) peers reached through the NAT gateways.
    public var internetPeers: [Peer]
    public var internetOtherBytes: UInt64
    public var internetBytes: UInt64
    public var cleartext: [Cleartext]
    public var rejected: [Rejected]
    public var rejectedRecords: UInt64
    public var ipv6Out: UInt64
    public var ipv6In: UInt64
    public var ipv6UnknownDirection: UInt64
    public var skipDataRecords: Int
    /// True when a per-address table overflowed and its lightest rows were folded.
    public var folded: Bool
}

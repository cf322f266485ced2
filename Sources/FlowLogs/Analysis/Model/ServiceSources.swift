/// The heaviest sources of NAT traffic to one service.
public struct ServiceSources: Sendable {
    public struct Row: Sendable {
        public var address: IPAddress
        public var details: SourceDetails?
        public var bytes: UInt64
    }

    public var service: String
    public var region: String
    public var rows: [Row]
    /// Bytes from sources not listed (beyond the top N, or folded away).
    public var otherBytes: UInt64
    /// Bytes whose sender the logs cannot tell (NAT ↔ internet legs without pkt-* fields).
    public var unknownBytes: UInt64
}

/// Everything the savings and exposure report says, computed; renderers only format it.
public struct Report: Sendable {
    /// What was read (the `inspect` object).
    public var inputs: Inspection
    public var prefixes: PrefixFileInfo
    public var region: String
    /// Where the region came from: `--region`, the records' `region` field, or the S3 key path.
    public var regionSource: String
    public var window: TimeWindow?
    public var vantage: Vantage
    public var vantageReason: String
    public var gateways: [GatewayFinding]
    /// NAT-processed bytes, each once.
    public var nat: DirectionalTally
    public var destinations: [Destination]
    public var cost: NATCost
    public var savings: Savings
    public var sources: [ServiceSources]
    public var exposure: Exposure
    public var serviceCheck: ServiceCheck
    public var prices: Pricing
    /// AZs an interface endpoint would span.
    public var availabilityZones: Int
    /// Where the AZ count came from.
    public var availabilityZonesSource: String
    public var failAbove: Double?
    /// Read but not part of the NAT figures, by reason.
    public var setAside: [(reason: String, records: UInt64)]
    /// Said in every output: how the numbers were obtained.
    public var assumptions: [String]
    /// Things the reader should act on (stale prefixes, SKIPDATA, folded tables…).
    public var warnings: [String]
    public var top: Int

    /// True when `--fail-above` is set and the available monthly saving exceeds it.
    public var thresholdExceeded: Bool {
        guard let failAbove else { return false }
        return savings.totalMonthlyUSD > failAbove
    }
}

/// The ip-ranges.json the report used.
public struct PrefixFileInfo: Sendable {
    public var path: String
    public var origin: String
    public var syncToken: String
    public var createDate: String
    /// Days between createDate and the run, when createDate parses.
    public var ageDays: Double?

    public init(path: String, origin: String, syncToken: String, createDate: String, ageDays: Double?) {
        self.path = path
        self.origin = origin
        self.syncToken = syncToken
        self.createDate = createDate
        self.ageDays = ageDays
    }
}

/// The span of the counted NAT records.
public struct TimeWindow: Sendable {
    public var start: UInt64
    public var end: UInt64
    public var hours: Double { Double(end - start) / 3600 }
    /// Monthly figures = observed × this (730 hours / window hours).
    public var monthlyFactor: Double { 730 / max(hours, 1.0 / 60) }
    /// Under a day of data: monthly figures are a rough projection.
    public var isRough: Bool { hours < 24 }
}

/// Which interfaces' records the NAT bytes were counted from.
public enum Vantage: String, Sendable {
    /// The NAT gateways' own interfaces.
    case natInterface = "nat-interface"
    /// Instance interfaces (NAT gateway interfaces not in the logs).
    case instanceInterface = "instance-interface"
    /// No NAT traffic found at all.
    case none
}

/// Bytes each way and records.
public struct DirectionalTally: Sendable, Equatable {
    public var bytesOut: UInt64 = 0
    public var bytesIn: UInt64 = 0
    public var packets: UInt64 = 0
    public var records: UInt64 = 0
    public var bytes: UInt64 { bytesOut.saturatingAdd(bytesIn) }

    public init() {}

    mutating func add(_ tally: Tally, direction: Direction) {
        if direction == .outbound { bytesOut = bytesOut.saturatingAdd(tally.bytes) } else { bytesIn = bytesIn.saturatingAdd(tally.bytes) }
        packets = packets.saturatingAdd(tally.packets)
        records = records.saturatingAdd(tally.records)
    }

    mutating func add(_ other: DirectionalTally) {
        bytesOut = bytesOut.saturatingAdd(other.bytesOut)
        bytesIn = bytesIn.saturatingAdd(other.bytesIn)
        packets = packets.saturatingAdd(other.packets)
        records = records.saturatingAdd(other.records)
    }
}

/// One NAT gateway: given or detected, with its evidence and its counted bytes.
public struct GatewayFinding: Sendable {
    public var id: String
    public var interfaceIDs: [String]
    public var privateIPs: [IPAddress]
    public var publicIPs: [IPAddress]
    /// `given` (flags or describe-nat-gateways) or `detected`.
    public var origin: String
    public var evidence: [String]
    /// Which legs were counted: `instance-nat` (with pkt-* addresses) or `nat-internet`; nil when none.
    public var countedLegs: String?
    public var traffic: DirectionalTally
}

/// NAT-processed traffic to one service in one region.
public struct Destination: Sendable {
    public var service: String
    public var region: String
    public var sameRegion: Bool
    public var category: ServiceCategory
    public var traffic: DirectionalTally
}

/// What the NAT gateways cost today.
public struct NATCost: Sendable {
    public var gateways: Int
    public var observedGB: Double
    public var observedProcessingUSD: Double
    public var monthlyGB: Double
    public var monthlyProcessingUSD: Double
    public var monthlyHourlyUSD: Double
    public var monthlyPublicIPv4USD: Double
    public var monthlyTotalUSD: Double { monthlyProcessingUSD + monthlyHourlyUSD + monthlyPublicIPv4USD }
}

/// What endpoints, and removing the NAT gateways, would save per month.
public struct Savings: Sendable {
    public struct GatewayEndpoint: Sendable {
        public var service: String
        public var monthlyGB: Double
        public var monthlyUSD: Double
    }

    public struct InterfaceEndpoint: Sendable {
        public var service: String
        public var region: String
        public var monthlyGB: Double
        /// NAT per-GB price minus the endpoint's.
        public var savingPerGB: Double
        /// The endpoint's own hourly cost per month for the AZ count.
        public var endpointMonthlyUSD: Double
        /// The monthly volume at which the endpoint pays for itself.
        public var breakEvenGB: Double?
        public var netMonthlyUSD: Double
        public var worthIt: Bool { netMonthlyUSD > 0 }
    }

    public struct NATRemoval: Sendable {
        /// True when no remaining traffic needs a NAT gateway.
        public var possible: Bool
        /// Monthly GB of traffic that still needs a NAT gateway, by service and region.
        public var blockers: [(service: String, region: String, category: ServiceCategory, monthlyGB: Double)]
        /// The gateways' hourly and public-IPv4 charges per month, saved when `possible`.
        public var hourlyMonthlyUSD: Double
        /// The monthly net cost of the interface endpoints that do not pay for themselves but
        /// that the gateways' removal needs (their traffic could no longer use a NAT gateway).
        public var endpointsNeededMonthlyUSD: Double
        /// What removing the gateways saves beyond the endpoints worth it on their own.
        public var netMonthlyUSD: Double { hourlyMonthlyUSD - endpointsNeededMonthlyUSD }
        /// True when removal is possible and pays.
        public var worthIt: Bool { possible && netMonthlyUSD > 0 }
    }

    public var gatewayEndpoints: [GatewayEndpoint]
    public var interfaceEndpoints: [InterfaceEndpoint]
    public var natRemoval: NATRemoval
    public var gatewayEndpointsMonthlyUSD: Double { gatewayEndpoints.reduce(0) { $0 + $1.monthlyUSD } }
    /// Net saving of the interface endpoints that pay for themselves.
    public var interfaceEndpointsMonthlyUSD: Double {
        interfaceEndpoints.filter(\.worthIt).reduce(0) { $0 + $1.netMonthlyUSD }
    }
    /// Everything available: gateway endpoints, worthwhile interface endpoints, and removing
    /// the NAT gateways when it pays (their hours, less the endpoints removal needs).
    public var totalMonthlyUSD: Double {
        gatewayEndpointsMonthlyUSD + interfaceEndpointsMonthlyUSD + (natRemoval.worthIt ? natRemoval.netMonthlyUSD : 0)
    }
}

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

/// How our classification compares with AWS's `pkt-*-aws-service` fields.
public struct ServiceCheck: Sendable {
    public var checked: UInt64
    public var disagreements: [(ours: String, theirs: String, records: UInt64)]
    public var disagreeing: UInt64 { disagreements.reduce(0) { $0 + $1.records } }
}

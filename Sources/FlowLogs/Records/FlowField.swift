/// A field of a VPC or Transit Gateway flow-log record, by its name in the header line.
public enum FlowField: String, CaseIterable, Sendable {
    // Version 2: the default format.
    case version
    case accountID = "account-id"
    case interfaceID = "interface-id"
    case srcaddr
    case dstaddr
    case srcport
    case dstport
    case `protocol`
    case packets
    case bytes
    case start
    case end
    case action
    case logStatus = "log-status"
    // Version 3.
    case vpcID = "vpc-id"
    case subnetID = "subnet-id"
    case instanceID = "instance-id"
    case tcpFlags = "tcp-flags"
    case type
    case pktSrcaddr = "pkt-srcaddr"
    case pktDstaddr = "pkt-dstaddr"
    // Version 4.
    case region
    case azID = "az-id"
    case sublocationType = "sublocation-type"
    case sublocationID = "sublocation-id"
    // Version 5.
    case pktSrcAWSService = "pkt-src-aws-service"
    case pktDstAWSService = "pkt-dst-aws-service"
    case flowDirection = "flow-direction"
    case trafficPath = "traffic-path"
    // Version 7: ECS.
    case ecsClusterARN = "ecs-cluster-arn"
    case ecsClusterName = "ecs-cluster-name"
    case ecsContainerInstanceARN = "ecs-container-instance-arn"
    case ecsContainerInstanceID = "ecs-container-instance-id"
    case ecsContainerID = "ecs-container-id"
    case ecsSecondContainerID = "ecs-second-container-id"
    case ecsServiceName = "ecs-service-name"
    case ecsTaskDefinitionARN = "ecs-task-definition-arn"
    case ecsTaskARN = "ecs-task-arn"
    case ecsTaskID = "ecs-task-id"
    // Version 8.
    case rejectReason = "reject-reason"
    // Transit Gateway flow logs ("version 6"): their own record type.
    case resourceType = "resource-type"
    case tgwID = "tgw-id"
    case tgwAttachmentID = "tgw-attachment-id"
    case tgwSrcVPCAccountID = "tgw-src-vpc-account-id"
    case tgwDstVPCAccountID = "tgw-dst-vpc-account-id"
    case tgwSrcVPCID = "tgw-src-vpc-id"
    case tgwDstVPCID = "tgw-dst-vpc-id"
    case tgwSrcSubnetID = "tgw-src-subnet-id"
    case tgwDstSubnetID = "tgw-dst-subnet-id"
    case tgwSrcENI = "tgw-src-eni"
    case tgwDstENI = "tgw-dst-eni"
    case tgwSrcAZID = "tgw-src-az-id"
    case tgwDstAZID = "tgw-dst-az-id"
    case tgwPairAttachmentID = "tgw-pair-attachment-id"
    case packetsLostNoRoute = "packets-lost-no-route"
    case packetsLostBlackhole = "packets-lost-blackhole"
    case packetsLostMTUExceeded = "packets-lost-mtu-exceeded"
    case packetsLostTTLExpired = "packets-lost-ttl-expired"
    // flowscan's own: not an AWS field.
    /// How many records a pre-aggregated row stands for (`flowscan sql`, `--output aggregate`);
    /// without this column every line is one record.
    case records

    /// How a field's value is read and checked.
    enum Kind {
        /// An unsigned decimal integer no greater than the bound.
        case integer(maximum: UInt64)
        /// An IPv4 or IPv6 address.
        case address
        /// ACCEPT or REJECT.
        case action
        /// OK, NODATA or SKIPDATA.
        case logStatus
        /// ingress or egress.
        case flowDirection
        /// Any text without spaces (ids, names, ARNs).
        case text
    }

    var kind: Kind {
        switch self {
        case .version, .protocol, .tcpFlags, .trafficPath: return .integer(maximum: UInt64(UInt8.max))
        case .srcport, .dstport: return .integer(maximum: UInt64(UInt16.max))
        case .packets, .bytes, .start, .end, .packetsLostNoRoute, .packetsLostBlackhole,
             .packetsLostMTUExceeded, .packetsLostTTLExpired, .records:
            return .integer(maximum: UInt64.max)
        case .srcaddr, .dstaddr, .pktSrcaddr, .pktDstaddr: return .address
        case .action: return .action
        case .logStatus: return .logStatus
        case .flowDirection: return .flowDirection
        default: return .text
        }
    }

    /// True for fields that only Transit Gateway flow logs have.
    public var isTransitGatewayOnly: Bool {
        rawValue.hasPrefix("tgw-") || rawValue.hasPrefix("packets-lost-") || self == .resourceType
    }

    /// The fields of the default format (version 2), in order.
    public static let defaultFormat: [FlowField] = [
        .version, .accountID, .interfaceID, .srcaddr, .dstaddr, .srcport, .dstport, .protocol,
        .packets, .bytes, .start, .end, .action, .logStatus,
    ]

    /// A dense index (declaration order) for tables indexed by field; a switch, so no lookup.
    var ordinal: Int {
        switch self {
        case .version: return 0
        case .accountID: return 1
        case .interfaceID: return 2
        case .srcaddr: return 3
        case .dstaddr: return 4
        case .srcport: return 5
        case .dstport: return 6
        case .`protocol`: return 7
        case .packets: return 8
        case .bytes: return 9
        case .start: return 10
        case .end: return 11
        case .action: return 12
        case .logStatus: return 13
        case .vpcID: return 14
        case .subnetID: return 15
        case .instanceID: return 16
        case .tcpFlags: return 17
        case .type: return 18
        case .pktSrcaddr: return 19
        case .pktDstaddr: return 20
        case .region: return 21
        case .azID: return 22
        case .sublocationType: return 23
        case .sublocationID: return 24
        case .pktSrcAWSService: return 25
        case .pktDstAWSService: return 26
        case .flowDirection: return 27
        case .trafficPath: return 28
        case .ecsClusterARN: return 29
        case .ecsClusterName: return 30
        case .ecsContainerInstanceARN: return 31
        case .ecsContainerInstanceID: return 32
        case .ecsContainerID: return 33
        case .ecsSecondContainerID: return 34
        case .ecsServiceName: return 35
        case .ecsTaskDefinitionARN: return 36
        case .ecsTaskARN: return 37
        case .ecsTaskID: return 38
        case .rejectReason: return 39
        case .resourceType: return 40
        case .tgwID: return 41
        case .tgwAttachmentID: return 42
        case .tgwSrcVPCAccountID: return 43
        case .tgwDstVPCAccountID: return 44
        case .tgwSrcVPCID: return 45
        case .tgwDstVPCID: return 46
        case .tgwSrcSubnetID: return 47
        case .tgwDstSubnetID: return 48
        case .tgwSrcENI: return 49
        case .tgwDstENI: return 50
        case .tgwSrcAZID: return 51
        case .tgwDstAZID: return 52
        case .tgwPairAttachmentID: return 53
        case .packetsLostNoRoute: return 54
        case .packetsLostBlackhole: return 55
        case .packetsLostMTUExceeded: return 56
        case .packetsLostTTLExpired: return 57
        case .records: return 58
        }
    }

    /// The number of fields.
    static let count = 59

    /// Field names as they appear in a header, for fast matching.
    static let byName: [String: FlowField] = Dictionary(uniqueKeysWithValues: allCases.map { ($0.rawValue, $0) })
}

/// ACCEPT or REJECT.
public enum FlowAction: UInt8, Sendable {
    case accept
    case reject
}

/// The `log-status` of a record.
public enum LogStatus: UInt8, Sendable {
    /// Data logged normally.
    case ok
    /// No traffic to or from the interface during the window.
    case noData
    /// Records were skipped during the window (capacity or an internal error): coverage is incomplete.
    case skipData
}

/// The `flow-direction` of a record, relative to the logging interface.
public enum FlowDirection: UInt8, Sendable {
    case ingress
    case egress
}

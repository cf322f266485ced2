/// One fact that makes an address a NAT gateway, or that the reader should know about it.
public indirect enum GatewayEvidence: Sendable, Equatable {
    /// The gateway is in the describe-nat-gateways file.
    case listedByDescribeNATGateways
    /// `--nat-eni` or `--nat-ip` named it.
    case namedOnCommandLine
    /// describe-nat-gateways gives a state other than `available`.
    case state(String)
    /// A private NAT gateway (`ConnectivityType` private).
    case privateConnectivity
    /// Records to or from public addresses on its interface.
    case recordsOnItsInterface(UInt64)
    /// None of its interface's records are in these logs.
    case noRecordsOfItsInterface
    /// Records that forward traffic between private addresses and public `pkt-*` addresses.
    case forwardsToPublicPktAddresses(records: UInt64)
    /// Without `pkt-*` fields: the private bytes logged on its own interface mirror its public
    /// bytes within 10%, both ways.
    case mirrorsPrivateAndPublicBytes(interfaceID: String?, privateIn: UInt64, publicOut: UInt64, publicIn: UInt64, privateOut: UInt64)
    /// Records of its interface name an instance, which a NAT gateway's do not.
    case namesAnInstance(records: UInt64)
    /// `instance-id` is `-` on its interface's records.
    case noInstanceID
    /// A fact about one of the gateway's addresses (a detected gateway with several).
    case atAddress(IPAddress, GatewayEvidence)
}

/// Whether the user named a gateway or the records revealed it.
public enum GatewayOrigin: String, Sendable, Equatable {
    /// Flags or describe-nat-gateways.
    case given
    /// Detected from the records.
    case detected
}

/// Which pair of a gateway's legs (DOMAIN.md §2) its counted bytes come from.
public enum CountedLegs: String, Sendable, Equatable, Comparable {
    /// Instance ↔ NAT, with the public peer in `pkt-*`.
    case instanceToNAT = "instance-nat"
    /// NAT ↔ internet.
    case natToInternet = "nat-internet"

    public static func < (lhs: CountedLegs, rhs: CountedLegs) -> Bool { lhs == .instanceToNAT && rhs == .natToInternet }
}

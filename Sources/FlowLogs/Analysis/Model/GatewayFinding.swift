/// One NAT gateway: given or detected, with its evidence and its counted bytes.
public struct GatewayFinding: Sendable {
    public var id: String
    public var interfaceIDs: [String]
    public var privateIPs: [IPAddress]
    public var publicIPs: [IPAddress]
    public var origin: GatewayOrigin
    public var evidence: [GatewayEvidence]
    /// Which legs its counted bytes come from (both, over different periods); empty when none.
    public var countedLegs: [CountedLegs]
    public var traffic: DirectionalTally
}

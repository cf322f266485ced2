/// The VPC endpoint that would carry the traffic to one DNS name, or why there is none.
///
///     api.ecr.us-east-1.amazonaws.com               →  interface  com.amazonaws.us-east-1.ecr.api
///     123456789012.dkr.ecr.us-east-1.amazonaws.com  →  interface  com.amazonaws.us-east-1.ecr.dkr
///     prod-us-east-1-starport-layer-bucket.s3.us-east-1.amazonaws.com → gateway com.amazonaws.us-east-1.s3
///     sts.amazonaws.com                             →  global     (no endpoint in the VPC's region)
///     foo.us-east-1.amazonaws.com                   →  no endpoint known
///     api.example.com                               →  not an AWS name
public struct EndpointService: Hashable, Sendable {
    public enum Kind: String, Sendable {
        /// An interface endpoint (AWS PrivateLink): hours per AZ and a per-GB charge.
        case interface
        /// A gateway endpoint (S3, DynamoDB): free, same region.
        case gateway
        /// A global name (`sts.amazonaws.com`, `iam.amazonaws.com`): no regional endpoint carries it.
        case global
        /// An AWS name no endpoint is known for: shown as it is.
        case noEndpointKnown = "no-endpoint-known"
        /// Not an AWS service name (a customer's or third party's name on AWS addresses).
        case notAWS = "not-aws"
    }

    public var kind: Kind
    /// The endpoint's service part (`ecr.api`, `s3`, `kinesis-streams`); `nil` without an endpoint.
    public var service: String?
    /// The region the name is in (for a global name: where AWS serves it).
    public var region: String?
    /// True for a FIPS name (`…-fips.REGION…`).
    public var fips = false
    /// What a user must know (a client setting to change, a caveat of the endpoint).
    public var note: String?
    /// Where the mapping comes from.
    public var source: String

    public init(kind: Kind, service: String? = nil, region: String? = nil, fips: Bool = false, note: String? = nil, source: String) {
        self.kind = kind
        self.service = service
        self.region = region
        self.fips = fips
        self.note = note
        self.source = source
    }

    /// The endpoint service name to create: `com.amazonaws.us-east-1.ecr.api` (`cn.com.amazonaws.…`
    /// in the China regions); `nil` for names no endpoint carries.
    public var endpointName: String? {
        guard kind == .interface || kind == .gateway, let service, let region else { return nil }
        return (region.hasPrefix("cn-") ? "cn.com.amazonaws." : "com.amazonaws.") + region + "." + service
    }

    /// True when an endpoint in `vpcRegion` can carry the traffic.
    public func isCarried(in vpcRegion: String) -> Bool {
        endpointName != nil && region == vpcRegion
    }
}

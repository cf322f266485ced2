/// What could carry a destination's traffic instead of a NAT gateway (DOMAIN.md §3).
public enum ServiceCategory: String, Sendable, CaseIterable {
    /// Same-region S3 or DynamoDB: a gateway endpoint, free.
    case gatewayEndpoint = "gateway-endpoint"
    /// Same-region AWS APIs that PrivateLink serves: an interface endpoint may carry them.
    case interfaceEndpoint = "interface-endpoint"
    /// AWS-owned addresses no endpoint reaches: EC2 (other customers' instances), CloudFront,
    /// Global Accelerator, Route 53, and services without PrivateLink.
    case awsPublic = "aws-public"
    /// AWS services in another region: endpoints serve their own region only.
    case crossRegion = "cross-region"
    /// Addresses in no AWS range.
    case internet

    /// Services with gateway endpoints.
    public static let gatewayServices: Set<String> = ["S3", "DYNAMODB"]

    /// Services whose APIs interface endpoints (PrivateLink) can carry. `AMAZON` is the big one: most
    /// AWS APIs (ECR, STS, SQS, Secrets Manager, CloudWatch Logs…) live in plain AMAZON ranges,
    /// and the address alone does not say which service it is.
    public static let interfaceServices: Set<String> = [
        "AMAZON", "API_GATEWAY", "KINESIS_VIDEO_STREAMS", "EBS", "EFS", "CODEBUILD", "AURORA_DSQL", "AMAZON_APPFLOW",
    ]

    /// The category of a destination, seen from a VPC in `vpcRegion`.
    public static func of(service: String, region: String, vpcRegion: String) -> ServiceCategory {
        if service == ServiceRegionName.internet { return .internet }
        let endpointEligible = gatewayServices.contains(service) || interfaceServices.contains(service)
        if region != vpcRegion {
            return endpointEligible && region != "GLOBAL" ? .crossRegion : .awsPublic
        }
        if gatewayServices.contains(service) { return .gatewayEndpoint }
        if interfaceServices.contains(service) { return .interfaceEndpoint }
        return .awsPublic
    }
}

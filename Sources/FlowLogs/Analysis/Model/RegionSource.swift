/// Where the VPC's region came from.
public enum RegionSource: Sendable, Equatable {
    /// `--region`.
    case option
    /// The records' `region` field.
    case recordsField
    /// The S3 key paths (`…/vpcflowlogs/REGION/…`), which named this region.
    case s3KeyPath
    /// Nothing told it, and nothing needed it: no traffic to public addresses was read.
    case unneeded
}

/// Where the number of AZs an interface endpoint would span came from.
public enum AZCountSource: Sendable, Equatable {
    /// `--azs`.
    case option
    /// One per NAT gateway identified.
    case gateways
    /// No NAT gateway was identified: one AZ.
    case noGateway
}

extension PriceTable {
    /// The date the bundled figures were last checked.
    public static let bundledDate = "2026-12-04"

    /// The price table compiled into flowscan: AWS list prices (on demand, US dollars) for the
    /// regions whose figures could be traced to AWS's Price List offer files or pricing pages.
    ///
    /// Only figures with a source are here; a region that is missing, or a figure a region lacks,
    /// comes from us-east-1 and the report warns. `flowscan prices import` replaces the table with
    /// one read from AWS's offer files (every region they list).
    ///
    /// Interface endpoints: the per-GB figure is the first tier (first PB a month per region);
    /// AWS's next tiers ($0.006 next 4 PB, $0.004 beyond, us-east-1) are not modelled.
    public static let bundled = PriceTable(origin: .bundled, date: bundledDate, regions: [
        "us-east-1": [
            "nat_gateway_hour": Figure(0.045, Source.usEast1NAT),
            "nat_gateway_gb": Figure(0.045, Source.usEast1NAT),
            "interface_endpoint_hour": Figure(0.01, Source.usEast1Endpoint),
            "interface_endpoint_gb": Figure(0.01, Source.usEast1Endpoint),
            "public_ipv4_hour": Figure(0.005, Source.publicIPv4),
        ],
        "us-east-2": [
            "nat_gateway_hour": Figure(0.045, Source.usEast2),
            "nat_gateway_gb": Figure(0.045, Source.usEast2),
            "interface_endpoint_hour": Figure(0.01, Source.usEast2),
            "interface_endpoint_gb": Figure(0.01, Source.usEast2),
            "public_ipv4_hour": Figure(0.005, Source.publicIPv4),
        ],
        "eu-west-1": [
            "nat_gateway_hour": Figure(0.048, Source.euWest1NAT),
            "nat_gateway_gb": Figure(0.048, Source.euWest1NAT),
            "public_ipv4_hour": Figure(0.005, Source.publicIPv4),
        ],
        "ap-northeast-1": [
            "nat_gateway_hour": Figure(0.062, Source.apNortheast1),
            "nat_gateway_gb": Figure(0.062, Source.apNortheast1),
            "interface_endpoint_hour": Figure(0.014, Source.apNortheast1),
            "interface_endpoint_gb": Figure(0.01, Source.apNortheast1),
            "public_ipv4_hour": Figure(0.005, Source.apNortheast1),
        ],
        "ap-southeast-1": [
            "nat_gateway_hour": Figure(0.059, Source.apSoutheast1NAT),
            "nat_gateway_gb": Figure(0.059, Source.apSoutheast1NAT),
            "public_ipv4_hour": Figure(0.005, Source.publicIPv4),
        ],
    ])

    /// Where the bundled figures were read (all checked 2026-12-04 with the search tool).
    enum Source {
        static let usEast1NAT = "AWS Price List AmazonEC2 offer, us-east-1 (NatGateway-Hours, NatGateway-Bytes; effective 2025-10-01); aws.amazon.com/vpc/pricing"
        static let usEast1Endpoint = "aws.amazon.com/privatelink/pricing, us-east-1 (VpcEndpoint-Hours $0.01 per AZ; VpcEndpoint-Bytes $0.01 first PB)"
        static let usEast2 = "aws.amazon.com/vpc/pricing and aws.amazon.com/privatelink/pricing: US East (Ohio) as US East (N. Virginia)"
        static let euWest1NAT = "AWS Price List AmazonEC2 offer 20260925174521, eu-west-1 (EU-NatGateway-Hours, EU-NatGateway-Bytes; published 2026-09-25)"
        static let apNortheast1 = "AWS Price List API, ap-northeast-1 (APN1-NatGateway-Hours/-Bytes, APN1-VpcEndpoint-Hours, APN1-PublicIPv4:InUseAddress; read 2026-09-25)"
        static let apSoutheast1NAT = "aws.amazon.com/vpc/pricing, Asia Pacific (Singapore), as quoted 2026 (APS1-NatGateway-Hours/-Bytes)"
        static let publicIPv4 = "aws.amazon.com/vpc/pricing: $0.005 per public IPv4 address per hour in every region since 2024-02-01"
    }
}

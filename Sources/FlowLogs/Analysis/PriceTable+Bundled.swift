extension PriceTable {
    /// The date the bundled figures were last checked.
    public static let bundledDate = "2026-12-04"

    /// The price table compiled into flowscan: AWS list prices (on demand, US dollars) for the
    /// regions whose figures could be traced to AWS's Price List offer files (or published
    /// copies of them), AWS bills or AWS's pricing pages. The figures are data: `bundledFigures`
    /// below, one line per region and source, each source with its URL and date.
    ///
    /// Only figures with a source are here. A region that is missing, or a figure a region
    /// lacks, comes from us-east-1's row; the report says so (a warning for the prices every
    /// report uses, `Pricing.warnedKeys`). Regions not bundled, and why, are listed in the
    /// README ("Prices per region"). `flowscan prices import` overlays figures read from
    /// AWS's own offer files (every region they list).
    public static let bundled = PriceTable(origin: .bundled, date: bundledDate, regions: regions(of: bundledFigures))

    /// Where bundled figures were read: the document AWS published (offer file, pricing page,
    /// bill) and, when it was read through a published copy, that copy; `date` is the
    /// document's own date (publication of an offer, reading of a page).
    struct BundledSource: Sendable {
        var name: String
        var url: String
        var date: String

        var text: String { "\(name) (\(date); \(url))" }
    }

    /// The sources, all checked 2026-12-04 with the search tool. Content ids name the published
    /// copies in that tool's index (its `read_file`), which gives no repository for them.
    enum Sources {
        static let vpcPricingIPv4 = BundledSource(
            name: "aws.amazon.com/vpc/pricing: $0.005 per in-use public IPv4 address per hour, the same in every commercial region since 2024-02-01",
            url: "https://aws.amazon.com/vpc/pricing/", date: "read 2026-12-04")
        static let usEast1NAT = BundledSource(
            name: "AWS Price List AmazonEC2 offer, us-east-1 (NatGateway-Hours SKU M2YSHUBETB3JX4M4, NatGateway-Bytes; effective 2025-10-01) and aws.amazon.com/vpc/pricing",
            url: "https://pricing.us-east-1.amazonaws.com/offers/v1.0/aws/AmazonEC2/current/us-east-1/index.json", date: "2025-10-01")
        static let privateLinkUSEast1 = BundledSource(
            name: "aws.amazon.com/privatelink/pricing, us-east-1: $0.01 per VPC endpoint per AZ per hour; $0.01/GB first 1 PB, $0.006 next 4 PB, $0.004 over 5 PB a month per region",
            url: "https://aws.amazon.com/privatelink/pricing/", date: "read 2026-12-04")
        static let vpcOffer20260917 = BundledSource(
            name: "AWS Price List AmazonVPC offer published 2026-09-17T19:05:28Z (VpcEndpoint-Hours; VpcEndpoint-Bytes ranges 0-1048576, 1048576-5242880, 5242880-Inf GB; PublicIPv4:InUseAddress), as quoted in a published research note (search index content 71085696288)",
            url: "https://pricing.us-east-1.amazonaws.com/offers/v1.0/aws/AmazonVPC/current/<region>/index.json", date: "2026-09-17")
        static let dataTransferOffer20260720 = BundledSource(
            name: "AWS Price List AWSDataTransfer offer, us-east-1: DataTransfer-Regional-Bytes $0.010/GB, in/out/between EC2 AZs, each side (published 2026-07-20), as quoted in a published course (search index content 62054060430)",
            url: "https://pricing.us-east-1.amazonaws.com/offers/v1.0/aws/AWSDataTransfer/current/us-east-1/index.json", date: "2026-07-20")
        static let usEast2 = BundledSource(
            name: "aws.amazon.com/vpc/pricing and aws.amazon.com/privatelink/pricing: US East (Ohio) as US East (N. Virginia)",
            url: "https://aws.amazon.com/vpc/pricing/", date: "read 2026-12-04")
        static let euWest1NAT = BundledSource(
            name: "AWS Price List AmazonEC2 offer 20260925174521, eu-west-1 (EU-NatGateway-Hours, EU-NatGateway-Bytes)",
            url: "https://pricing.us-east-1.amazonaws.com/offers/v1.0/aws/AmazonEC2/20260925174521/eu-west-1/index.json", date: "2026-09-25")
        static let euWest1Endpoint = BundledSource(
            name: "AWS Price List API, eu-west-1, AmazonVPC: \"$0.011 per VPC Endpoint Hour\" (SKU H37WJ97MHYGDXG2A), data processing $0.01/GB up to 1 PB, $0.006 1-5 PB, $0.004 over 5 PB, as quoted in a published audit (search index content 53577950661)",
            url: "https://pricing.us-east-1.amazonaws.com/offers/v1.0/aws/AmazonVPC/current/eu-west-1/index.json", date: "2026-05-01")
        static let apNortheast1 = BundledSource(
            name: "AWS Price List API, ap-northeast-1 (APN1-NatGateway-Hours/-Bytes, APN1-VpcEndpoint-Hours, APN1-PublicIPv4:InUseAddress)",
            url: "https://pricing.us-east-1.amazonaws.com/offers/v1.0/aws/AmazonEC2/current/ap-northeast-1/index.json", date: "read 2026-09-25")
        static let bulk20260909 = BundledSource(
            name: "AWS Price List Bulk API, AmazonEC2 offers published 2026-09-09T00:46:05Z (NatGateway-Hours, NatGateway-Bytes; in-use public IPv4; regional data transfer between AZs, charged in each direction), as quoted in a published cost note (search index content 66657357671)",
            url: "https://pricing.us-east-1.amazonaws.com/offers/v1.0/aws/AmazonEC2/current/<region>/index.json", date: "2026-09-09")
        static let apSoutheast1NAT = BundledSource(
            name: "AWS Price List Bulk API, AmazonEC2 ap-southeast-1 offer published 2026-09-09T00:46:05Z (APS1-NatGateway-Hours/-Bytes), as quoted in a published cost note (search index content 66657357671); the same $0.059 on aws.amazon.com/vpc/pricing and an AWS bill (\"$0.059 per NAT Gateway Hour\", \"$0.059 per GB Data Processed by NAT Gateways\", May 2025)",
            url: "https://pricing.us-east-1.amazonaws.com/offers/v1.0/aws/AmazonEC2/current/ap-southeast-1/index.json", date: "2026-09-09")
        static let apNortheast2 = BundledSource(
            name: "AWS Price List AmazonEC2 ap-northeast-2: \"$0.059 per NAT Gateway Hour\", \"$0.059 per GB Data Processed by NAT Gateways\"; AmazonVPC ap-northeast-2: \"$0.005 per In-use public IPv4 address per hour\", as quoted in a published platform comparison (search index content 70191468979)",
            url: "https://pricing.us-east-1.amazonaws.com/offers/v1.0/aws/AmazonEC2/current/ap-northeast-2/index.json", date: "read 2026-10-01")
        static let saEast1 = BundledSource(
            name: "AWS Price List AmazonEC2 20260925174521 (NatGateway-Hours, NatGateway-Bytes), AmazonVPC 20260917190528 (PublicIPv4:InUseAddress), AWSDataTransfer 20260916132208 (between zones, each direction), sa-east-1, as printed in a published course's price sheet (search index contents 70880310149, 71025020250)",
            url: "https://pricing.us-east-1.amazonaws.com/offers/v1.0/aws/AmazonEC2/20260925174521/sa-east-1/index.json", date: "2026-09-25")
        static let euCentral1 = BundledSource(
            name: "AWS Pricing API, eu-central-1: NAT gateway $0.052/hr + $0.052/GB, as quoted in a published architecture note's reference prices (search index content 69508409045); the same in two other published notes (contents 58288834097, 62546308409); one note says $0.048 (content 52638666161)",
            url: "https://aws.amazon.com/vpc/pricing/", date: "2026-08-11")
        static let usWest1 = BundledSource(
            name: "AWS Price List API, us-west-1, AmazonEC2: NAT Gateway $0.048/hr + $0.048/GB, as quoted in a published cost estimate (search index content 61276564387; undated, read 2026-12-04)",
            url: "https://pricing.us-east-1.amazonaws.com/offers/v1.0/aws/AmazonEC2/current/us-west-1/index.json", date: "read 2026-12-04")
        static let caCentral1 = BundledSource(
            name: "published rate card, ca-central-1: NAT gateway $0.05/hr + $0.05/GB, interface VPC endpoint $0.011/hr/AZ + $0.01/GB, public IPv4 $0.005/hr (search index content 66455541257); NAT also in \"verified 2026 ca-central-1 rates\" of a second note (content 59181782143, 2026-07-24)",
            url: "https://aws.amazon.com/vpc/pricing/", date: "2026-08-24")
        static let euNorth1 = BundledSource(
            name: "published cost document, eu-north-1: NAT GW hour $0.046, data processed $0.046 per GB, from AWS's on-demand pricing (search index content 55668617673)",
            url: "https://aws.amazon.com/vpc/pricing/", date: "2026-04-12")
    }

    /// One bundled figure per region and pricing key, with its source. Grouped by region;
    /// the keys are `Pricing`'s (`nat_gateway_hour` …).
    static let bundledFigures: [(region: String, source: BundledSource, figures: KeyValuePairs<String, Double>)] = [
        ("us-east-1", Sources.usEast1NAT, ["nat_gateway_hour": 0.045, "nat_gateway_gb": 0.045]),
        ("us-east-1", Sources.privateLinkUSEast1, ["interface_endpoint_hour": 0.01, "interface_endpoint_gb": 0.01,
                                                   "interface_endpoint_gb_next_4pb": 0.006, "interface_endpoint_gb_over_5pb": 0.004]),
        ("us-east-1", Sources.vpcPricingIPv4, ["public_ipv4_hour": 0.005]),
        ("us-east-1", Sources.dataTransferOffer20260720, ["cross_az_gb": 0.01]),

        ("us-east-2", Sources.usEast2, ["nat_gateway_hour": 0.045, "nat_gateway_gb": 0.045,
                                        "interface_endpoint_hour": 0.01, "interface_endpoint_gb": 0.01]),
        ("us-east-2", Sources.vpcPricingIPv4, ["public_ipv4_hour": 0.005]),

        ("eu-west-1", Sources.euWest1NAT, ["nat_gateway_hour": 0.048, "nat_gateway_gb": 0.048]),
        ("eu-west-1", Sources.euWest1Endpoint, ["interface_endpoint_hour": 0.011, "interface_endpoint_gb": 0.01,
                                                "interface_endpoint_gb_next_4pb": 0.006, "interface_endpoint_gb_over_5pb": 0.004]),
        ("eu-west-1", Sources.vpcPricingIPv4, ["public_ipv4_hour": 0.005]),

        ("ap-northeast-1", Sources.apNortheast1, ["nat_gateway_hour": 0.062, "nat_gateway_gb": 0.062, "interface_endpoint_hour": 0.014,
                                                  "interface_endpoint_gb": 0.01, "public_ipv4_hour": 0.005]),
        ("ap-northeast-1", Sources.bulk20260909, ["cross_az_gb": 0.01]),

        ("ap-northeast-2", Sources.apNortheast2, ["nat_gateway_hour": 0.059, "nat_gateway_gb": 0.059, "public_ipv4_hour": 0.005]),

        ("ap-south-1", Sources.bulk20260909, ["nat_gateway_hour": 0.056, "nat_gateway_gb": 0.056, "public_ipv4_hour": 0.005,
                                              "cross_az_gb": 0.01]),

        ("ap-southeast-1", Sources.apSoutheast1NAT, ["nat_gateway_hour": 0.059, "nat_gateway_gb": 0.059]),
        ("ap-southeast-1", Sources.vpcPricingIPv4, ["public_ipv4_hour": 0.005]),
        ("ap-southeast-1", Sources.bulk20260909, ["cross_az_gb": 0.01]),

        ("ap-southeast-5", Sources.vpcOffer20260917, ["interface_endpoint_hour": 0.0117, "interface_endpoint_gb": 0.01,
                                                      "interface_endpoint_gb_next_4pb": 0.006, "interface_endpoint_gb_over_5pb": 0.004,
                                                      "public_ipv4_hour": 0.005]),

        ("eu-central-1", Sources.euCentral1, ["nat_gateway_hour": 0.052, "nat_gateway_gb": 0.052]),
        ("eu-central-1", Sources.vpcPricingIPv4, ["public_ipv4_hour": 0.005]),

        ("eu-north-1", Sources.euNorth1, ["nat_gateway_hour": 0.046, "nat_gateway_gb": 0.046]),
        ("eu-north-1", Sources.vpcPricingIPv4, ["public_ipv4_hour": 0.005]),

        ("us-west-1", Sources.usWest1, ["nat_gateway_hour": 0.048, "nat_gateway_gb": 0.048]),
        ("us-west-1", Sources.vpcPricingIPv4, ["public_ipv4_hour": 0.005]),

        ("ca-central-1", Sources.caCentral1, ["nat_gateway_hour": 0.05, "nat_gateway_gb": 0.05, "interface_endpoint_hour": 0.011,
                                              "interface_endpoint_gb": 0.01, "public_ipv4_hour": 0.005]),

        ("sa-east-1", Sources.saEast1, ["nat_gateway_hour": 0.093, "nat_gateway_gb": 0.093, "public_ipv4_hour": 0.005, "cross_az_gb": 0.01]),
    ]

    /// The table's rows from the figure lines: region → key → figure with its source's text.
    static func regions(of lines: [(region: String, source: BundledSource, figures: KeyValuePairs<String, Double>)]) -> [String: [String: Figure]] {
        var regions: [String: [String: Figure]] = [:]
        for line in lines {
            for (key, usd) in line.figures {
                precondition(regions[line.region]?[key] == nil, "\(line.region) \(key) is bundled twice")
                regions[line.region, default: [:]][key] = Figure(usd, line.source.text)
            }
        }
        return regions
    }
}

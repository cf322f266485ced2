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
            name: "AWS Pricing API, eu-central-1: NAT gateway $0.052/hr + $0.052/GB, as quoted in a published architecture note's reference prices (search index content 69508409045); the same in two other published notes (contents 58288834097, 62546308409); one note says $0.048 (content 52638666161): $0.052 chosen because AWS's offer agrees, the hour being $0.052 in AWS Price List AmazonEC2 offer 20260904231117 (EUC1-NatGateway-Hours SKU FY5BA3Q38RMNEMJS, $0.052), as trimmed into a cost tool's price snapshot of 2026-09-05 (github.com/mooncitizen/togen internal/cost/prices/aws.json, search index content 67143510855)",
            url: "https://aws.amazon.com/vpc/pricing/", date: "2026-08-11")
        static let usWest1 = BundledSource(
            name: "AWS Price List API, us-west-1, AmazonEC2: NAT Gateway $0.048/hr + $0.048/GB, as quoted in a published cost estimate (search index content 61276564387; undated, read 2026-12-04); the hour also in AWS Price List AmazonEC2 offer 20260904231117 (USW1-NatGateway-Hours SKU C8JU5MW5DN6ZHDX4, $0.048), as trimmed into a cost tool's price snapshot of 2026-09-05 (github.com/mooncitizen/togen internal/cost/prices/aws.json, search index content 67143510855)",
            url: "https://pricing.us-east-1.amazonaws.com/offers/v1.0/aws/AmazonEC2/current/us-west-1/index.json", date: "read 2026-12-04")
        static let caCentral1 = BundledSource(
            name: "published rate card, ca-central-1: NAT gateway $0.05/hr + $0.05/GB, interface VPC endpoint $0.011/hr/AZ + $0.01/GB, public IPv4 $0.005/hr (search index content 66455541257); NAT also in \"verified 2026 ca-central-1 rates\" of a second note (content 59181782143, 2026-07-24); the NAT gateway hour also in AWS Price List AmazonEC2 offer 20260904231117 (CAN1-NatGateway-Hours SKU N8T4EWFNU7QDZYSA, $0.05), as trimmed into a cost tool's price snapshot of 2026-09-05 (github.com/mooncitizen/togen internal/cost/prices/aws.json, search index content 67143510855)",
            url: "https://aws.amazon.com/vpc/pricing/", date: "2026-08-24")
        static let euNorth1 = BundledSource(
            name: "published cost document, eu-north-1: NAT GW hour $0.046, data processed $0.046 per GB, from AWS's on-demand pricing (search index content 55668617673); one published estimate says $0.048 an hour and a GB (content 52026785759), but AWS's offer sides with $0.046: the hour also in AWS Price List AmazonEC2 offer 20260904231117 (EUN1-NatGateway-Hours SKU BYQ4CZQVRHZ225T7, $0.046), as trimmed into a cost tool's price snapshot of 2026-09-05 (github.com/mooncitizen/togen internal/cost/prices/aws.json, search index content 67143510855)",
            url: "https://aws.amazon.com/vpc/pricing/", date: "2026-04-12")
        static let euWest2NAT = BundledSource(
            name: "AWS Price List AmazonEC2 eu-west-2, NAT gateway lines (CSV, published 2026-09-25): $0.05 per hour, $0.05 per GB processed, as quoted in a published cost profile's verified unit prices (search index content 70202682113); the same in AmazonEC2 offer 20260904231117 (EUW2-NatGateway-Hours SKU D8BXG95NJW6MV3B3, EUW2-NatGateway-Bytes SKU ZECE57EY4F96YNAQ, both $0.05) as sliced into a cost tool's tests (github.com/mooncitizen/togen, search index content 67187358262)",
            url: "https://pricing.us-east-1.amazonaws.com/offers/v1.0/aws/AmazonEC2/current/eu-west-2/index.json", date: "2026-09-25")
        static let euWest2VPC = BundledSource(
            name: "AWS Price List AmazonVPC eu-west-2 (published 2026-09-17): EUW2-VpcEndpoint-Hours $0.011 per endpoint-hour, EUW2-VpcEndpoint-Bytes $0.01 per GB (first 1 PB), EUW2-PublicIPv4:InUseAddress $0.005 per hour, as quoted in a published cost profile's verified unit prices (search index content 70202682113)",
            url: "https://pricing.us-east-1.amazonaws.com/offers/v1.0/aws/AmazonVPC/current/eu-west-2/index.json", date: "2026-09-17")
        static let usWest2NAT = BundledSource(
            name: "AWS Pricing API, AmazonEC2, US West (Oregon): USW2-NatGateway-Hours $0.045 per NAT gateway-hour, USW2-NatGateway-Bytes $0.045 per GB processed, as quoted in a published cost analysis (search index content 56376765243, undated); the hour also in AmazonEC2 offer 20260904231117 (USW2-NatGateway-Hours SKU 44T683R45QPT8RYQ, $0.045) in a cost tool's price snapshot of 2026-09-05 (github.com/mooncitizen/togen internal/cost/prices/aws.json, search index content 67143510855)",
            url: "https://pricing.us-east-1.amazonaws.com/offers/v1.0/aws/AmazonEC2/20260904231117/us-west-2/index.json", date: "2026-09-04")
        static let usWest2Endpoint = BundledSource(
            name: "AWS Pricing API, AmazonVPC, US West (Oregon): USW2-VpcEndpoint-Hours $0.010 per endpoint-AZ-hour, USW2-VpcEndpoint-Bytes $0.010 per GB for the first 1 PB a month, as quoted in a published cost analysis (search index content 56376765243); the same ($0.01/h per endpoint-AZ, USW2-VpcEndpoint-Hours, $0.01 per GB) in a published guide citing aws.amazon.com/privatelink/pricing, dated 2026-10-06 (search index content 71631573162)",
            url: "https://pricing.us-east-1.amazonaws.com/offers/v1.0/aws/AmazonVPC/current/us-west-2/index.json", date: "2026-10-06")
        static let euWest3 = BundledSource(
            name: "AWS Price List bulk offers, eu-west-3: AmazonEC2 (published 2026-10-08T18:48:50Z) EUW3-NatGateway-Hours $0.05, EUW3-NatGateway-Bytes $0.05; AmazonVPC (published 2026-09-17T19:05:28Z) EUW3-PublicIPv4:InUseAddress $0.005, as printed (with each offer's publication date) by a published estimate script reading the offer files, output of 2026-10-09 (search index contents 70205262539, 70476675983); the NAT gateway hour also in AmazonEC2 offer 20260904231117 (EUW3-NatGateway-Hours SKU XZT57E2HU6XVM9V7, $0.05) in a cost tool's price snapshot (github.com/mooncitizen/togen, content 67143510855)",
            url: "https://pricing.us-east-1.amazonaws.com/offers/v1.0/aws/AmazonEC2/current/eu-west-3/index.json", date: "2026-10-08")
        static let afSouth1NAT = BundledSource(
            name: "AWS Price List API, AmazonEC2, af-south-1 (queried for regionCode af-south-1; research date 2026-09-07): zonal NAT gateway $0.057 per hour (SKU U73HRB9YKHATEZNY) and $0.057 per GB processed (SKU VJUNJK7THUCUPZ5C), as recorded in a published deployment assessment's price provenance (search index content 66441926499); the hour's SKU and price also in AmazonEC2 offer 20260904231117 in a cost tool's price snapshot (github.com/mooncitizen/togen internal/cost/prices/aws.json, content 67143510855), and \"$0.057/hr + $0.057/GB\" in a second published table verified from the Price List API (content 70526271782)",
            url: "https://pricing.us-east-1.amazonaws.com/offers/v1.0/aws/AmazonEC2/current/af-south-1/index.json", date: "2026-09-07")
        static let meCentral1NAT = BundledSource(
            name: "AWS Price List bulk offer AmazonEC2, me-central-1 (published 2026-09-25, pulled 2026-10-04): NAT gateway $0.0528 per hour, NAT gateway data processed $0.0528 per GB, as tabulated with the offer's date in a published design pack's build script (search index content 70143839879); the hour also in AmazonEC2 offer 20260904231117 (MEC1-NatGateway-Hours SKU 8TSW9TTTWBARJHVK, $0.0528) in a cost tool's price snapshot (github.com/mooncitizen/togen, content 67143510855)",
            url: "https://pricing.us-east-1.amazonaws.com/offers/v1.0/aws/AmazonEC2/current/me-central-1/index.json", date: "2026-09-25")
        static let meCentral1VPC = BundledSource(
            name: "AWS Price List bulk offer AmazonVPC, me-central-1 (published 2026-09-17, pulled 2026-10-04): interface VPC endpoint $0.0121 per hour per AZ, data processed $0.01 per GB for the first 1 PB, public IPv4 in use $0.005 per hour, as tabulated with the offer's date in a published design pack's build script (search index content 70143839879)",
            url: "https://pricing.us-east-1.amazonaws.com/offers/v1.0/aws/AmazonVPC/current/me-central-1/index.json", date: "2026-09-17")
        static let apSoutheast2Hour = BundledSource(
            name: "AWS Price List AmazonEC2 offer 20260904231117, ap-southeast-2: APS2-NatGateway-Hours SKU NUKV5QPTHVFBW7DE, $0.059 per hour, as trimmed into a cost tool's price snapshot of 2026-09-05 (github.com/mooncitizen/togen internal/cost/prices/aws.json, search index content 67143510855); the same hour implied by the cost comparison quoted for the row's per-GB price, and stated in two further published tables (github.com/jamesmoriarty/cfn-cheapest-nat README; search index content 15163978306)",
            url: "https://pricing.us-east-1.amazonaws.com/offers/v1.0/aws/AmazonEC2/20260904231117/ap-southeast-2/index.json", date: "2026-09-04")
        static let apSoutheast2GB = BundledSource(
            name: "AWS Price List Bulk API, ap-southeast-2 (AmazonEC2 index.csv, AmazonVPC index.json), on-demand list prices read by 2026-08-21: NAT gateway data processing US$0.059 per GB, public IPv4 US$0.005 per hour, as quoted in a published OCI-versus-AWS cost comparison (search index content 58039234634; its NAT gateway row, A$65.18 a month at 1.3951 AUD per USD with the public IPv4, implies $0.059 per hour); the same $0.059 per GB in two further published tables (github.com/jamesmoriarty/cfn-cheapest-nat README; search index content 15163978306), which name no source",
            url: "https://pricing.us-east-1.amazonaws.com/offers/v1.0/aws/AmazonEC2/current/ap-southeast-2/index.csv", date: "2026-08-21")
        static let apNortheast2Endpoint = BundledSource(
            name: "AWS Price List AmazonVPC ap-northeast-2 (offer published 2026-09-17, read 2026-10-01): APN2-VpcEndpoint-Hours $0.013 per hour per AZ, APN2-VpcEndpoint-Bytes $0.01 per GB up to 1 PB, as quoted in a published cost catalogue that read the offer files with curl (search index content 70096080417; it gives the same NAT gateway $0.059/h and /GB as the row's other source)",
            url: "https://pricing.us-east-1.amazonaws.com/offers/v1.0/aws/AmazonVPC/current/ap-northeast-2/index.json", date: "2026-09-17")
        static let apSoutheast1Endpoint = BundledSource(
            name: "AWS Pricing API, Asia Pacific (Singapore), collected 2026-08-12: APS1-VpcEndpoint-Hours $0.0130 per endpoint per AZ, APS1-VpcEndpoint-Bytes $0.0100 per GB (first tier), as printed in a published price reference (search index content 71363509372; it gives the same NAT gateway $0.059/h and /GB as the row's other source); the same $0.013 per hour per AZ (APS1-VpcEndpoint-Hours) in a second published estimate (content 65849972716)",
            url: "https://pricing.us-east-1.amazonaws.com/offers/v1.0/aws/AmazonVPC/current/ap-southeast-1/index.json", date: "2026-08-12")
        static let euCentral1Endpoint = BundledSource(
            name: "AWS Price List API, AmazonVPC eu-central-1, pulled 2026-09-22: EUC1-VpcEndpoint-Bytes (PrivateLink) $0.01 per GB, first tier up to 1 PB; EUC1-VpcEndpoint-Hours $0.012 per hour, cross-checked against the account's CUR, as recorded in a published benchmark report's worklog (search index content 71014389131)",
            url: "https://pricing.us-east-1.amazonaws.com/offers/v1.0/aws/AmazonVPC/current/eu-central-1/index.json", date: "2026-09-22")
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
        ("ap-northeast-2", Sources.apNortheast2Endpoint, ["interface_endpoint_hour": 0.013, "interface_endpoint_gb": 0.01]),

        ("ap-south-1", Sources.bulk20260909, ["nat_gateway_hour": 0.056, "nat_gateway_gb": 0.056, "public_ipv4_hour": 0.005,
                                              "cross_az_gb": 0.01]),

        ("ap-southeast-1", Sources.apSoutheast1NAT, ["nat_gateway_hour": 0.059, "nat_gateway_gb": 0.059]),
        ("ap-southeast-1", Sources.vpcPricingIPv4, ["public_ipv4_hour": 0.005]),
        ("ap-southeast-1", Sources.apSoutheast1Endpoint, ["interface_endpoint_hour": 0.013, "interface_endpoint_gb": 0.01]),
        ("ap-southeast-1", Sources.bulk20260909, ["cross_az_gb": 0.01]),

        ("ap-southeast-5", Sources.vpcOffer20260917, ["interface_endpoint_hour": 0.0117, "interface_endpoint_gb": 0.01,
                                                      "interface_endpoint_gb_next_4pb": 0.006, "interface_endpoint_gb_over_5pb": 0.004,
                                                      "public_ipv4_hour": 0.005]),

        ("eu-central-1", Sources.euCentral1, ["nat_gateway_hour": 0.052, "nat_gateway_gb": 0.052]),
        ("eu-central-1", Sources.vpcPricingIPv4, ["public_ipv4_hour": 0.005]),
        ("eu-central-1", Sources.euCentral1Endpoint, ["interface_endpoint_hour": 0.012, "interface_endpoint_gb": 0.01]),

        ("eu-north-1", Sources.euNorth1, ["nat_gateway_hour": 0.046, "nat_gateway_gb": 0.046]),
        ("eu-north-1", Sources.vpcPricingIPv4, ["public_ipv4_hour": 0.005]),

        ("us-west-1", Sources.usWest1, ["nat_gateway_hour": 0.048, "nat_gateway_gb": 0.048]),
        ("us-west-1", Sources.vpcPricingIPv4, ["public_ipv4_hour": 0.005]),

        ("ca-central-1", Sources.caCentral1, ["nat_gateway_hour": 0.05, "nat_gateway_gb": 0.05, "interface_endpoint_hour": 0.011,
                                              "interface_endpoint_gb": 0.01, "public_ipv4_hour": 0.005]),

        ("sa-east-1", Sources.saEast1, ["nat_gateway_hour": 0.093, "nat_gateway_gb": 0.093, "public_ipv4_hour": 0.005, "cross_az_gb": 0.01]),

        ("eu-west-2", Sources.euWest2NAT, ["nat_gateway_hour": 0.05, "nat_gateway_gb": 0.05]),
        ("eu-west-2", Sources.euWest2VPC, ["interface_endpoint_hour": 0.011, "interface_endpoint_gb": 0.01, "public_ipv4_hour": 0.005]),

        ("us-west-2", Sources.usWest2NAT, ["nat_gateway_hour": 0.045, "nat_gateway_gb": 0.045]),
        ("us-west-2", Sources.usWest2Endpoint, ["interface_endpoint_hour": 0.01, "interface_endpoint_gb": 0.01]),
        ("us-west-2", Sources.vpcPricingIPv4, ["public_ipv4_hour": 0.005]),

        ("eu-west-3", Sources.euWest3, ["nat_gateway_hour": 0.05, "nat_gateway_gb": 0.05, "public_ipv4_hour": 0.005]),

        ("af-south-1", Sources.afSouth1NAT, ["nat_gateway_hour": 0.057, "nat_gateway_gb": 0.057]),
        ("af-south-1", Sources.vpcPricingIPv4, ["public_ipv4_hour": 0.005]),

        ("me-central-1", Sources.meCentral1NAT, ["nat_gateway_hour": 0.0528, "nat_gateway_gb": 0.0528]),
        ("me-central-1", Sources.meCentral1VPC, ["interface_endpoint_hour": 0.0121, "interface_endpoint_gb": 0.01, "public_ipv4_hour": 0.005]),

        ("ap-southeast-2", Sources.apSoutheast2Hour, ["nat_gateway_hour": 0.059]),
        ("ap-southeast-2", Sources.apSoutheast2GB, ["nat_gateway_gb": 0.059, "public_ipv4_hour": 0.005]),
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

/// The destinations a synthetic VPC talks to: real AWS prefixes (as ip-ranges.json lists them)
/// and internet blocks that no AWS range holds.
struct SyntheticCatalog {
    /// One kind of destination.
    struct Destination {
        var service: String
        var region: String
        /// Also listed under these services for the same prefixes (AMAZON, EC2…), as AWS does.
        var alsoListedAs: [String]
        var prefixes: [IPPrefix]
        /// Share of connections, relative to the others.
        var weight: Double
        var port: UInt16
        /// Mean bytes per connection each way.
        var meanUpload: Double
        var meanDownload: Double
    }

    /// The destinations of a VPC in `region`, in a bucket whose regions are `bucketRegions`.
    ///
    /// A bucket of one region (what `generate` writes without `--regions`) uses the single-region
    /// catalog below, whatever the region is called. In a bucket of several regions, the region at
    /// position k of `bucketRegions` owns the prefixes of ``regionPrefixes(_:)`` for k, and its
    /// cross-region S3 traffic goes to the S3 prefixes of the next region in the list (the last to the
    /// first): every prefix a VPC reaches is listed under the region that owns it.
    static func destinations(region: String, bucketRegions: [String]) -> [Destination] {
        guard bucketRegions.count > 1, let home = bucketRegions.firstIndex(of: region) else { return destinations(region: region) }
        let next = (home + 1) % bucketRegions.count
        let own = regionPrefixes(home), other = regionPrefixes(next)
        var list = destinations(region: region)
        for index in list.indices where list[index].region != "GLOBAL" && list[index].service != ServiceRegionName.internet {
            if list[index].region == region {
                list[index].prefixes = own[list[index].prefixes[0].description] ?? list[index].prefixes
            } else {
                list[index].region = bucketRegions[next]
                // The next region's main S3 block (the catalog's 52.216.0.0/15 for region 0).
                list[index].prefixes = [other[Self.mainS3]?[0] ?? IPPrefix(Self.mainS3)!]
            }
        }
        return list
    }

    /// The prefixes of the k-th region of a bucket, keyed by the first prefix of the single-region
    /// catalog's destination they replace (a destination without a key keeps its prefixes). Region 0
    /// keeps that catalog's prefixes (real us-east-1 ranges); region k ≥ 1 gets ranges carved from
    /// 18.(8k).0.0/13 and 3.5.(24 + 8k).0/21, which look like AWS's but are made up, and which no other
    /// region, CloudFront or internet block of the catalog touches.
    static func regionPrefixes(_ k: Int) -> [String: [IPPrefix]] {
        func prefixes(_ texts: [String]) -> [IPPrefix] { texts.map { IPPrefix($0)! } }
        guard k > 0 else { return [:] }
        let block = 8 * k
        return [
            mainS3: prefixes(["18.\(block).0.0/15"]),
            "3.5.0.0/19": prefixes(["3.5.\(24 + block).0/21"]),
            "52.94.0.0/22": prefixes(["18.\(block + 2).0.0/22", "18.\(block + 2).4.0/22"]),
            "52.46.128.0/19": prefixes(["18.\(block + 3).0.0/19", "18.\(block + 3).32.0/20", "18.\(block + 3).64.0/20"]),
            "3.216.136.0/21": prefixes(["18.\(block + 3).128.0/21"]),
            "44.192.0.0/11": prefixes(["18.\(block + 4).0.0/14"]),
        ]
    }

    /// The single-region catalog's main S3 block, the key of every region's main S3 prefixes.
    static let mainS3 = "52.216.0.0/15"

    /// How many regions a bucket can hold: each region k ≥ 1 needs its own 18.(8k).0.0/13 and 3.5.(24 + 8k).0/21.
    static let maximumRegions = 29

    /// The IPv6 blocks of the k-th region of a bucket: EC2 (listed as EC2 and AMAZON; the VPCs' IPv6
    /// addresses come from it) and S3 (listed as S3 and AMAZON). Region 0 keeps the real us-east-1 ones.
    static func ipv6Prefixes(_ k: Int) -> (ec2: IPPrefix, s3: IPPrefix) {
        guard k > 0 else { return (IPPrefix("2600:1f18::/33")!, IPPrefix("2600:1fa0:4000::/40")!) }
        return (IPPrefix("2a05:d0\(String(0x10 + k, radix: 16)):8000::/33")!, IPPrefix("2a05:d050:\(String(k << 8, radix: 16))::/40")!)
    }

    static func destinations(region: String) -> [Destination] {
        func prefixes(_ texts: [String]) -> [IPPrefix] { texts.map { IPPrefix($0)! } }
        return [
            Destination(service: "S3", region: region, alsoListedAs: ["AMAZON"],
                        prefixes: prefixes(["52.216.0.0/15", "54.231.0.0/16"]), weight: 30, port: 443,
                        meanUpload: 900_000, meanDownload: 6_000_000),
            // Listed as S3, AMAZON and EC2 at once, as most us-east-1 S3 ranges are (DOMAIN.md §3).
            Destination(service: "S3", region: region, alsoListedAs: ["AMAZON", "EC2"],
                        prefixes: prefixes(["3.5.0.0/19"]), weight: 6, port: 443,
                        meanUpload: 500_000, meanDownload: 4_000_000),
            Destination(service: "DYNAMODB", region: region, alsoListedAs: ["AMAZON"],
                        prefixes: prefixes(["52.94.0.0/22", "3.218.180.0/22"]), weight: 10, port: 443,
                        meanUpload: 40_000, meanDownload: 120_000),
            Destination(service: "AMAZON", region: region, alsoListedAs: [],
                        prefixes: prefixes(["52.46.128.0/19", "54.239.16.0/20", "52.94.224.0/20"]), weight: 18, port: 443,
                        meanUpload: 60_000, meanDownload: 900_000),
            Destination(service: "API_GATEWAY", region: region, alsoListedAs: ["AMAZON"],
                        prefixes: prefixes(["3.216.136.0/21"]), weight: 3, port: 443,
                        meanUpload: 20_000, meanDownload: 50_000),
            Destination(service: "EC2", region: region, alsoListedAs: ["AMAZON"],
                        prefixes: prefixes(["44.192.0.0/11"]), weight: 5, port: 443,
                        meanUpload: 30_000, meanDownload: 300_000),
            Destination(service: "CLOUDFRONT", region: "GLOBAL", alsoListedAs: ["AMAZON"],
                        prefixes: prefixes(["13.224.0.0/14"]), weight: 4, port: 443,
                        meanUpload: 20_000, meanDownload: 1_500_000),
            Destination(service: "S3", region: region == "eu-west-1" ? "us-west-2" : "eu-west-1", alsoListedAs: ["AMAZON"],
                        prefixes: prefixes([region == "eu-west-1" ? "52.218.128.0/17" : "52.218.0.0/17"]), weight: 4, port: 443,
                        meanUpload: 300_000, meanDownload: 2_000_000),
            Destination(service: ServiceRegionName.internet, region: ServiceRegionName.noRegion, alsoListedAs: [],
                        prefixes: prefixes(["140.82.112.0/20", "151.101.0.0/16", "104.16.0.0/13", "185.199.108.0/22"]),
                        weight: 16, port: 443, meanUpload: 40_000, meanDownload: 1_200_000),
            // Package mirrors over plain HTTP: cleartext egress.
            Destination(service: ServiceRegionName.internet, region: ServiceRegionName.noRegion, alsoListedAs: [],
                        prefixes: prefixes(["91.189.88.0/21"]), weight: 4, port: 80,
                        meanUpload: 10_000, meanDownload: 3_000_000),
        ]
    }

    /// Internet blocks no AWS range touches, for drawing many distinct hosts.
    static let wideInternet = ["193.0.0.0/8", "194.0.0.0/8", "81.0.0.0/8", "212.0.0.0/8", "213.0.0.0/8", "217.0.0.0/8"].map { IPPrefix($0)! }

    /// The ip-ranges.json that describes the destinations of every region of a bucket (what SampleLogs
    /// ships beside its logs): each prefix once per service, in the regions' order, then the IPv6 blocks.
    static func ipRangesJSON(regions: [String], createDate: String, syncToken: String) -> String {
        var json = JSONWriter()
        json.object { json in
            json.field("syncToken", syncToken)
            json.field("createDate", createDate)
            json.field("prefixes") { json in json.array { json in
                var seen = Set<String>()
                for region in regions {
                    for destination in destinations(region: region, bucketRegions: regions) where destination.service != ServiceRegionName.internet {
                        for prefix in destination.prefixes {
                            for service in [destination.service] + destination.alsoListedAs where seen.insert("\(prefix) \(service)").inserted {
                                json.inline { json in
                                    json.object { json in
                                        json.field("ip_prefix", prefix.description)
                                        json.field("region", destination.region)
                                        json.field("service", service)
                                        json.field("network_border_group", destination.region)
                                    }
                                }
                            }
                        }
                    }
                }
            } }
            json.field("ipv6_prefixes") { json in
                let entries = regions.enumerated().flatMap { k, region in
                    let blocks = ipv6Prefixes(regions.count > 1 ? k : 0)
                    return [(blocks.ec2, "AMAZON", region), (blocks.ec2, "EC2", region), (blocks.s3, "S3", region), (blocks.s3, "AMAZON", region)]
                }
                json.array(entries) { json, entry in
                    json.inline { json in
                        json.object { json in
                            json.field("ipv6_prefix", entry.0.description)
                            json.field("region", entry.2)
                            json.field("service", entry.1)
                            json.field("network_border_group", entry.2)
                        }
                    }
                }
            }
        }
        return json.text + "\n"
    }
}

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

    /// The ip-ranges.json that describes `destinations` (what SampleLogs ships beside its logs).
    static func ipRangesJSON(region: String, createDate: String, syncToken: String) -> String {
        var json = JSONWriter()
        json.object { json in
            json.field("syncToken", syncToken)
            json.field("createDate", createDate)
            json.field("prefixes") { json in json.array { json in
                var seen = Set<String>()
                for destination in destinations(region: region) where destination.service != ServiceRegionName.internet {
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
            } }
            json.field("ipv6_prefixes") { json in
                json.array([("2600:1f18::/33", "AMAZON"), ("2600:1f18::/33", "EC2"), ("2600:1fa0:4000::/40", "S3"), ("2600:1fa0:4000::/40", "AMAZON")]) { json, entry in
                    json.inline { json in
                        json.object { json in
                            json.field("ipv6_prefix", entry.0)
                            json.field("region", region)
                            json.field("service", entry.1)
                            json.field("network_border_group", region)
                        }
                    }
                }
            }
        }
        return json.text + "\n"
    }
}

#if !FUZZING
@testable import FlowLogs
#endif
import Foundation

/// Fixed inputs the fuzz targets build once: a small ip-ranges.json and what comes from it.
enum FuzzFixtures {
    /// S3 and DynamoDB (each also AMAZON) in us-east-1, S3 in eu-west-1, EC2, CLOUDFRONT, and IPv6
    /// ranges for S3 and EC2: enough for every report section to have something to say.
    static let prefixJSON = """
    {"syncToken": "1764000000", "createDate": "2025-11-24-16-00-00", "prefixes": [
      {"ip_prefix": "52.216.0.0/15", "region": "us-east-1", "network_border_group": "us-east-1", "service": "AMAZON"},
      {"ip_prefix": "52.216.0.0/15", "region": "us-east-1", "network_border_group": "us-east-1", "service": "S3"},
      {"ip_prefix": "52.94.0.0/22", "region": "us-east-1", "network_border_group": "us-east-1", "service": "DYNAMODB"},
      {"ip_prefix": "52.218.0.0/17", "region": "eu-west-1", "network_border_group": "eu-west-1", "service": "S3"},
      {"ip_prefix": "54.239.16.0/20", "region": "us-east-1", "network_border_group": "us-east-1", "service": "AMAZON"},
      {"ip_prefix": "44.192.0.0/11", "region": "us-east-1", "network_border_group": "us-east-1", "service": "EC2"},
      {"ip_prefix": "3.5.0.0/19", "region": "us-east-1", "network_border_group": "us-east-1", "service": "S3"},
      {"ip_prefix": "13.32.0.0/15", "region": "GLOBAL", "network_border_group": "GLOBAL", "service": "CLOUDFRONT"}
    ], "ipv6_prefixes": [
      {"ipv6_prefix": "2600:1f18::/33", "region": "us-east-1", "network_border_group": "us-east-1", "service": "EC2"},
      {"ipv6_prefix": "2600:1fa0:8000::/39", "region": "us-east-1", "network_border_group": "us-east-1", "service": "S3"}
    ]}
    """

    static let prefixes: PrefixTable = {
        do {
            return try PrefixTable(jsonData: Array(prefixJSON.utf8), source: "fuzz-ip-ranges.json")
        } catch {
            fatalError("the fixed ip-ranges.json does not load: \(error)")
        }
    }()

    static let prefixFile = PrefixFileInfo(path: "fuzz-ip-ranges.json", origin: "fuzz fixture", syncToken: "1764000000",
                                           createDate: "2025-11-24-16-00-00", ageDays: 5)

    /// The region reports use when the records do not name exactly one.
    static let region = "us-east-1"

    /// A NAT gateway as `--nat-gateways` would name it, matching the NAT in `natLog`.
    static let natHint = NATGatewayHint(id: "nat-0fuzz", interfaceIDs: ["eni-nat1"], privateIPs: [IPAddress("10.0.0.220")!])

    /// A NAT gateway's four legs to S3 and to the internet, an instance's own records, a reject
    /// and IPv6 traffic: the fixed log the `companions` target reports on.
    static let natLog = """
    version interface-id instance-id srcaddr dstaddr srcport dstport protocol packets bytes start end action log-status pkt-srcaddr pkt-dstaddr flow-direction traffic-path region
    5 eni-nat1 - 10.0.1.5 10.0.0.220 40000 443 6 10 5000 1764000000 1764000060 ACCEPT OK 10.0.1.5 52.216.8.1 ingress - us-east-1
    5 eni-nat1 - 10.0.0.220 52.216.8.1 50000 443 6 10 5000 1764000000 1764000060 ACCEPT OK 10.0.0.220 52.216.8.1 egress 8 us-east-1
    5 eni-nat1 - 52.216.8.1 10.0.0.220 443 50000 6 20 900000 1764000000 1764000060 ACCEPT OK 52.216.8.1 10.0.0.220 ingress - us-east-1
    5 eni-nat1 - 10.0.0.220 10.0.1.5 443 40000 6 20 900000 1764000000 1764000060 ACCEPT OK 52.216.8.1 10.0.1.5 egress 1 us-east-1
    5 eni-nat1 - 10.0.0.220 198.51.100.7 50001 80 6 4 700 1764000100 1764003700 ACCEPT OK 10.0.0.220 198.51.100.7 egress 8 us-east-1
    5 eni-inst1 i-0123 10.0.1.5 44.200.1.1 40001 443 6 3 300 1764000000 1764000060 ACCEPT OK 10.0.1.5 44.200.1.1 egress 1 us-east-1
    5 eni-inst1 i-0123 198.51.100.9 10.0.1.5 51515 22 6 1 60 1764000000 1764000060 REJECT OK 198.51.100.9 10.0.1.5 ingress - us-east-1
    5 eni-inst1 i-0123 2600:1f18::5 2001:db8::1 443 40002 6 2 1200 1764000000 1764000060 ACCEPT OK 2600:1f18::5 2001:db8::1 ingress - us-east-1

    """

    /// `natLog` read into an aggregator, for reports with the gateways a fuzz input names.
    /// `nonisolated(unsafe)`: built once, then only read.
    nonisolated(unsafe) static let natAggregator: (TrafficAggregator, FileSummary) = {
        let context = AnalysisContext(prefixes: prefixes, vpcCIDRs: [], since: nil, until: nil, tableCapacity: 4)
        let scratch = FuzzScratchFile()
        Array(natLog.utf8).withUnsafeBytes { scratch.write($0) }
        let reader = FlowLogFileReader(options: ReadOptions())
        defer { reader.deallocate() }
        var aggregator = TrafficAggregator(context: context)
        let summary = reader.read(scratch.path, into: &aggregator)
        fuzzRequire(summary.status == .ok && summary.records == 8, "the fixed NAT log does not read: \(summary)")
        return (aggregator, summary)
    }()
}

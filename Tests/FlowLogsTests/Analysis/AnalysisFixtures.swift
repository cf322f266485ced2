import Foundation
@testable import FlowLogs

/// Small prefix tables and a runner for analysis tests.
enum AnalysisFixtures {
    /// S3 and DynamoDB in us-east-1 (each also AMAZON), S3 in eu-west-1, AMAZON-only, EC2.
    static let prefixJSON = """
    {"syncToken": "1", "createDate": "2026-11-20-00-00-00", "prefixes": [
      {"ip_prefix": "52.216.0.0/15", "region": "us-east-1", "network_border_group": "us-east-1", "service": "AMAZON"},
      {"ip_prefix": "52.216.0.0/15", "region": "us-east-1", "network_border_group": "us-east-1", "service": "S3"},
      {"ip_prefix": "52.94.0.0/22", "region": "us-east-1", "network_border_group": "us-east-1", "service": "DYNAMODB"},
      {"ip_prefix": "52.218.0.0/17", "region": "eu-west-1", "network_border_group": "eu-west-1", "service": "S3"},
      {"ip_prefix": "54.239.16.0/20", "region": "us-east-1", "network_border_group": "us-east-1", "service": "AMAZON"},
      {"ip_prefix": "44.192.0.0/11", "region": "us-east-1", "network_border_group": "us-east-1", "service": "EC2"}
    ], "ipv6_prefixes": []}
    """

    static var prefixes: PrefixTable { try! PrefixTable(jsonData: Array(prefixJSON.utf8), source: "test-prefixes.json") }

    static let prefixFile = PrefixFileInfo(path: "test-prefixes.json", origin: "test", syncToken: "1",
                                           createDate: "2026-11-20-00-00-00", ageDays: 1)

    /// Writes `lines` (a header first) to a file and analyses it.
    static func analyse(_ lines: [String], region: String? = "us-east-1", configure: (inout AnalysisOptions) -> Void = { _ in }) throws -> Report {
        let directory = TemporaryDirectory()
        let path = directory.write("flows.log", lines.joined(separator: "\n") + "\n")
        var options = AnalysisOptions()
        options.region = region
        configure(&options)
        return try TrafficAnalysis.run(paths: [path], prefixes: prefixes, prefixFile: prefixFile, options: options).scopes[0].report
    }

    /// Like `analyse`, the whole estate (every scope the lines make).
    static func analyseEstate(_ lines: [String], region: String? = "us-east-1",
                              configure: (inout AnalysisOptions) -> Void = { _ in }) throws -> EstateReport {
        let directory = TemporaryDirectory()
        let path = directory.write("flows.log", lines.joined(separator: "\n") + "\n")
        var options = AnalysisOptions()
        options.region = region
        configure(&options)
        return try TrafficAnalysis.run(paths: [path], prefixes: prefixes, prefixFile: prefixFile, options: options)
    }

    /// Writes `lines` (a header first) to a file and reads it into the aggregate the stages start from.
    static func aggregate(_ lines: [String]) -> TrafficAggregator {
        let directory = TemporaryDirectory()
        let path = directory.write("flows.log", lines.joined(separator: "\n") + "\n")
        let context = AnalysisContext(prefixes: prefixes, vpcCIDRs: [], since: nil, until: nil, tableCapacity: 1000)
        let scan = InputScan(options: ReadOptions(), jobs: 1, progress: nil)
        return scan.run(InputDiscovery.discover([path])) { TrafficAggregator(context: context) }.1
    }

    /// The NAT bytes of one destination.
    static func bytes(_ report: Report, _ service: String, _ region: String) -> UInt64? {
        report.destinations.first { $0.service == service && $0.region == region }?.traffic.bytes
    }

    static let natFormat = "version interface-id instance-id srcaddr dstaddr srcport dstport protocol packets bytes start end action log-status pkt-srcaddr pkt-dstaddr flow-direction traffic-path"

    /// The four legs of DOMAIN.md §2 on a NAT gateway's interface, in the `natFormat` fields:
    /// instance 10.0.1.5, NAT 10.0.0.220, peer `peer`.
    static func natLegs(peer: String, upload: Int, download: Int, start: Int = 1_764_000_000, eni: String = "eni-nat1",
                        instance: String = "10.0.1.5", nat: String = "10.0.0.220") -> [String] {
        let end = start + 60
        return [
            "5 \(eni) - \(instance) \(nat) 40000 443 6 10 \(upload) \(start) \(end) ACCEPT OK \(instance) \(peer) ingress -",
            "5 \(eni) - \(nat) \(peer) 50000 443 6 10 \(upload) \(start) \(end) ACCEPT OK \(nat) \(peer) egress 8",
            "5 \(eni) - \(peer) \(nat) 443 50000 6 20 \(download) \(start) \(end) ACCEPT OK \(peer) \(nat) ingress -",
            "5 \(eni) - \(nat) \(instance) 443 40000 6 20 \(download) \(start) \(end) ACCEPT OK \(peer) \(instance) egress 1",
        ]
    }

    /// The instance's own records of the same connection.
    static func instanceLegs(peer: String, upload: Int, download: Int, start: Int = 1_764_000_000, path: Int = 1,
                             instance: String = "10.0.1.5") -> [String] {
        let end = start + 60
        return [
            "5 eni-inst1 i-0123 \(instance) \(peer) 40000 443 6 10 \(upload) \(start) \(end) ACCEPT OK \(instance) \(peer) egress \(path)",
            "5 eni-inst1 i-0123 \(peer) \(instance) 443 40000 6 20 \(download) \(start) \(end) ACCEPT OK \(peer) \(instance) ingress -",
        ]
    }
}

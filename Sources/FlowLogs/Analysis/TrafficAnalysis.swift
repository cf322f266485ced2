import Foundation

/// How the report is computed: everything the command line can set.
public struct AnalysisOptions: Sendable {
    public var read = ReadOptions()
    /// NAT gateways named by the user (flags or describe-nat-gateways); empty means detect.
    public var natHints: [NATGatewayHint] = []
    /// Extra private space beyond RFC 1918, 100.64/10 and fc00::/7.
    public var vpcCIDRs: [IPPrefix] = []
    public var since: UInt64?
    public var until: UInt64?
    /// The VPC's region (`--region`); otherwise taken from the records or the S3 key path.
    public var region: String?
    public var pricing = Pricing()
    /// AZs an interface endpoint would span (`--azs`); default: the number of NAT gateways found.
    public var availabilityZones: Int?
    /// Rows per table.
    public var top = 10
    public var failAbove: Double?
    /// Rows each per-address table keeps per worker before folding the lightest.
    public var tableCapacity = 1 << 15
    /// Files read at once (0: one per core).
    public var jobs = 0

    public init() {}
}

/// Why no report could be made (exit status 1).
public enum AnalysisError: Error, Equatable, Sendable, CustomStringConvertible {
    /// No `--region`, no `region` field and no S3 key path to tell the VPC's region.
    case regionUnknown
    /// The inputs come from several regions and `--region` does not choose one.
    case severalRegions([String])

    /// Region values from the records are shown with control characters escaped.
    public var description: String {
        switch self {
        case .regionUnknown:
            return "cannot tell the VPC's region: the records have no 'region' field and the paths no '…/vpcflowlogs/REGION/…' part; pass --region (e.g. --region us-east-1)"
        case let .severalRegions(regions):
            return "the inputs come from several regions (\(TerminalText.safe(regions.joined(separator: ", ")))); run flowscan once per region's folder, or pass --region to say which region the VPC is in"
        }
    }
}

/// Reads the logs and computes the report.
public enum TrafficAnalysis {
    /// Discovers and reads `paths`, then computes the report.
    /// - Throws: `AnalysisError` when the VPC's region cannot be told.
    /// - Parameter progress: given the inputs found, a progress object for the scan to update.
    public static func run(paths: [String], prefixes: PrefixTable, prefixFile: PrefixFileInfo, options: AnalysisOptions,
                           progress: (([InputDiscovery.Entry]) -> ScanProgress?)? = nil) throws(AnalysisError) -> Report {
        let context = AnalysisContext(prefixes: prefixes, vpcCIDRs: options.vpcCIDRs, since: options.since,
                                      until: options.until,
                                      tableCapacity: options.tableCapacity)
        let entries = InputDiscovery.discover(paths)
        let scan = InputScan(options: options.read, jobs: options.jobs, progress: progress?(entries))
        let (files, aggregator) = scan.run(entries) { TrafficAggregator(context: context) }
        return try report(from: aggregator, inputs: Inspection(files: files), prefixFile: prefixFile, options: options)
    }

    /// Computes the report from merged aggregates.
    static func report(from aggregator: TrafficAggregator, inputs: Inspection, prefixFile: PrefixFileInfo,
                       options: AnalysisOptions) throws(AnalysisError) -> Report {
        let (region, regionSource) = try vpcRegion(aggregator, options: options)
        var builder = ReportBuilder(aggregator: aggregator, inputs: inputs, region: region, options: options)
        builder.identifyGateways()
        builder.chooseVantage()
        return builder.build(prefixFile: prefixFile, regionSource: regionSource)
    }

    /// `--region`, else the records' `region` field, else the S3 key paths.
    static func vpcRegion(_ aggregator: TrafficAggregator, options: AnalysisOptions) throws(AnalysisError) -> (String, String) {
        if let region = options.region { return (region, "--region") }
        let fromRecords = aggregator.recordRegions.keys.sorted()
        if fromRecords.count == 1 { return (fromRecords[0], "the records' region field") }
        if fromRecords.count > 1 { throw .severalRegions(fromRecords) }
        let fromPaths = aggregator.pathRegions.keys.sorted()
        if fromPaths.count == 1 { return (fromPaths[0], "the S3 key path (…/vpcflowlogs/\(fromPaths[0])/…)") }
        if fromPaths.count > 1 { throw .severalRegions(fromPaths) }
        // Nothing to classify (no input read, or no traffic to public addresses): the region
        // changes no figure, and the report (with its inputs) is still worth printing.
        if aggregator.flows.isEmpty { return ("unknown", "nothing: no traffic to public addresses was read") }
        throw .regionUnknown
    }
}

/// The decisions and figures of one report, built step by step from the aggregates.
struct ReportBuilder {
    let aggregator: TrafficAggregator
    let inputs: Inspection
    let region: String
    let options: AnalysisOptions
    let serviceRegions: [ServiceRegion]

    /// A NAT gateway being identified: the local-address indices that are its private IPs.
    struct Gateway {
        var id: String
        var hint: NATGatewayHint?
        var locals: [UInt32]
        var evidence: [String]
        var origin: String
    }

    var gateways: [Gateway] = []
    /// Local-address indices that belong to NAT gateways.
    var natLocals: Set<UInt32> = []
    var vantage = Vantage.none
    var vantageReason = ""
    var assumptions: [String] = []
    var warnings: [String] = []
    /// The counted NAT bytes per flow key (inbound instance keys may be a share of the key).
    var counted: [(key: FlowKey, tally: SpanTally)] = []
    /// Share of each (local, class) pair's bytes that went through a NAT (instance vantage),
    /// for the tables (sources, peers) whose keys do not say which path each byte took.
    var natShare: [LocalClass: Double] = [:]

    struct LocalClass: Hashable {
        var local: UInt32
        var classIndex: Int
    }

    /// A local address's traffic to one service-region in formats with or without a
    /// traffic-path field: the replies (which never carry one) follow the egress of their own format.
    struct LocalClassFormat: Hashable {
        var local: UInt32
        var classIndex: Int
        var pathColumn: Bool

        init(_ key: FlowKey) {
            local = key.local
            classIndex = key.classIndex
            pathColumn = key.pathColumn
        }
    }

    init(aggregator: TrafficAggregator, inputs: Inspection, region: String, options: AnalysisOptions) {
        self.aggregator = aggregator
        self.inputs = inputs
        self.region = region
        self.options = options
        serviceRegions = aggregator.context.prefixes.serviceRegions
    }

    /// The service and region of a service-region index (0: the internet).
    func name(_ classIndex: Int) -> (service: String, region: String) {
        guard classIndex > 0, classIndex < serviceRegions.count else { return (ServiceRegionName.internet, ServiceRegionName.noRegion) }
        return (serviceRegions[classIndex].service, serviceRegions[classIndex].region)
    }

    func category(_ classIndex: Int) -> ServiceCategory {
        let (service, serviceRegion) = name(classIndex)
        return ServiceCategory.of(service: service, region: serviceRegion, vpcRegion: region)
    }

    /// Bytes of all flows of each local address, for the evidence lines.
    func flowRecords(of local: UInt32) -> UInt64 {
        aggregator.flows.reduce(0) { $0 + ($1.key.local == local ? $1.value.tally.records : 0) }
    }
}

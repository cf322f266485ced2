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
    /// How prices are chosen: the table's row for the VPC's region, `--pricing`, the price flags.
    public var prices = PriceChoice()
    /// Fixed prices for every region: setting it sets every price as a flag would (the table and
    /// any file then change nothing); reading it gives the us-east-1 prices chosen.
    public var pricing: Pricing {
        get { prices.prices(for: PriceTable.fallbackRegion).pricing }
        set { prices.flags = Dictionary(uniqueKeysWithValues: newValue.fields.map { ($0.key, $0.value) }) }
    }
    /// AZs an interface endpoint would span (`--azs`); default: the number of NAT gateways found.
    public var availabilityZones: Int?
    /// Rows per table.
    public var top = 10
    public var failAbove: Double?
    /// Rows each per-address table keeps per worker before folding the lightest.
    public var tableCapacity = 1 << 15
    /// Files read at once (`InputScan.jobs`).
    public var jobs = 0
    /// `--scope`: the scopes kept (empty: all).
    public var scopes: [ScopeFilter] = []
    /// `--top-scopes`: scopes shown in detail by the text and Markdown reports.
    public var topScopes = 5
    /// Route 53 Resolver query logs named on the command line (`--dns-logs`, files or folders);
    /// Resolver logs among the flow-log inputs are found by content whatever this says.
    public var dnsLogs: [String] = []
    /// How DNS answers name addresses (`--dns-window`: how long an answer names its address).
    public var dnsNaming = DNSNamingOptions()

    public init() {}

    /// True for a region name `--region` can take: not empty, without spaces or control
    /// characters (the name is printed and compared, never parsed: new regions need no release).
    public static func isRegionName(_ text: String) -> Bool {
        !text.isEmpty && !text.contains { $0.isWhitespace || $0.asciiValue.map { $0 < 0x20 } ?? true }
    }
}

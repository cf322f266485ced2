/// Everything the savings and exposure report says, as facts and figures; the renderers in
/// `Report/` word and format them (the same value gives the text, Markdown and JSON outputs).
public struct Report: Sendable {
    /// What was read (the `inspect` object).
    public var inputs: Inspection
    public var prefixes: PrefixFileInfo
    public var region: String
    /// Where the region came from.
    public var regionSource: RegionSource
    public var window: TimeWindow?
    public var vantage: Vantage
    public var gateways: [GatewayFinding]
    /// NAT-processed bytes, each once.
    public var nat: DirectionalTally
    public var destinations: [Destination]
    /// The NAT bytes by hour and category (the HTML report's chart over time).
    public var hourly = HourlyNATBytes()
    public var cost: NATCost
    public var savings: Savings
    /// DNS coverage, the names no endpoint carries and the callers of each endpoint service.
    public var interfaceEndpoints = InterfaceEndpoints()
    public var sources: [ServiceSources]
    public var exposure: Exposure
    public var serviceCheck: ServiceCheck
    public var prices: Pricing
    /// Where each price came from (the table's row, us-east-1's, `--pricing`, the flags).
    public var priceSource = PriceSource.bundledUSEast1
    /// AZs an interface endpoint would span.
    public var availabilityZones: Int
    /// Where the AZ count came from.
    public var availabilityZonesSource: AZCountSource
    public var failAbove: Double?
    /// Read but not part of the NAT figures, by reason.
    public var setAside: [(reason: SetAsideReason, records: UInt64)]
    /// Said in every output: how the numbers were obtained.
    public var assumptions: [ReportAssumption]
    /// Things the reader should act on (stale prefixes, SKIPDATA, folded tables…).
    public var warnings: [ReportWarning]
    public var top: Int

    /// True when `--fail-above` is set and the available monthly saving exceeds it.
    public var thresholdExceeded: Bool {
        guard let failAbove else { return false }
        return savings.totalMonthlyUSD > failAbove
    }
}

/// One run over many VPCs: the inputs and the prefixes once, one `Report` per scope (account ×
/// region × VPC) heaviest first, and the estate's sums. Savings are per VPC; the estate total
/// is a sum of scopes, never one pooled calculation.
public struct EstateReport: Sendable {
    /// What was read (the `inspect` object), for every scope.
    public var inputs: Inspection
    public var prefixes: PrefixFileInfo
    /// Heaviest first (NAT bytes), then by account, region and VPC. Never empty: a run that
    /// read no traffic has one empty scope.
    public var scopes: [ScopeReport]
    public var warnings: [EstateWarning] = []
    /// Scopes and records left out by `--scope`.
    public var outsideScopes = (scopes: 0, records: UInt64(0))
    /// The `--scope` filters given.
    public var scopeFilters: [ScopeFilter] = []
    public var failAbove: Double?
    /// Scopes shown in detail by the text and Markdown reports.
    public var topScopes = 5

    public init(inputs: Inspection, prefixes: PrefixFileInfo, scopes: [ScopeReport]) {
        self.inputs = inputs
        self.prefixes = prefixes
        self.scopes = scopes
    }

    /// The sums over the scopes.
    public var estate: EstateTotals { EstateTotals(scopes.map(\.report)) }

    /// True when `--fail-above` is set and the estate's monthly saving available exceeds it.
    public var thresholdExceeded: Bool {
        guard let failAbove else { return false }
        return estate.savingsMonthlyUSD > failAbove
    }
}

/// One VPC (or flow log, or account × region) of the estate.
public struct ScopeReport: Sendable {
    public var account: String
    public var region: String
    /// The `vpc-id`, when the records named it.
    public var vpc: String?
    /// The flow logs (`fl-…`) whose files made the scope, from the S3 keys.
    public var flowLogs: [String]
    public var scopeKey: ScopeKey
    public var report: Report

    /// `ACCOUNT/REGION/VPC`, the VPC being the vpc-id, else the flow log(s), else left out.
    public var label: String {
        let name = vpc ?? (flowLogs.isEmpty ? nil : flowLogs.joined(separator: "+"))
        return [account, region, name].compactMap { $0 }.joined(separator: "/")
    }
}

/// The estate's sums.
public struct EstateTotals: Sendable {
    public var nat = DirectionalTally()
    public var gateways = 0
    public var monthlyGB = 0.0
    public var monthlyProcessingUSD = 0.0
    public var monthlyHourlyUSD = 0.0
    public var monthlyPublicIPv4USD = 0.0
    public var monthlyTotalUSD: Double { monthlyProcessingUSD + monthlyHourlyUSD + monthlyPublicIPv4USD }
    public var savingsMonthlyUSD = 0.0
    /// AWS-bound bytes on the public path (NAT and internet gateways) and in all.
    public var awsPublicBytes: UInt64 = 0
    public var awsBytes: UInt64 = 0
    /// Public-path share of AWS-bound bytes, when anything was AWS-bound.
    public var publicShare: Double? { awsBytes == 0 ? nil : Double(awsPublicBytes) / Double(awsBytes) }

    init(_ reports: [Report]) {
        for report in reports {
            nat.add(report.nat)
            gateways += report.cost.gateways
            monthlyGB += report.cost.monthlyGB
            monthlyProcessingUSD += report.cost.monthlyProcessingUSD
            monthlyHourlyUSD += report.cost.monthlyHourlyUSD
            monthlyPublicIPv4USD += report.cost.monthlyPublicIPv4USD
            savingsMonthlyUSD += report.savings.totalMonthlyUSD
            let e = report.exposure
            awsPublicBytes = awsPublicBytes.saturatingAdd(e.awsViaNAT.saturatingAdd(e.awsViaInternetGateway))
            awsBytes = awsBytes.saturatingAdd(e.awsViaNAT.saturatingAdd(e.awsViaInternetGateway).saturatingAdd(e.awsViaEndpoints))
        }
    }
}

/// `--scope ACCOUNT[/REGION[/VPC]]`: the scopes a run keeps. VPC is a `vpc-…` or a flow log `fl-…`.
public struct ScopeFilter: Sendable, Equatable, CustomStringConvertible {
    public var account: String
    public var region: String?
    public var vpc: String?

    public init(account: String, region: String? = nil, vpc: String? = nil) {
        self.account = account
        self.region = region
        self.vpc = vpc
    }

    /// `123456789012`, `123456789012/eu-west-1`, `123456789012/eu-west-1/vpc-0abc`; nil when
    /// malformed (empty parts, more than three).
    public init?(_ text: String) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        guard (1...3).contains(parts.count), !parts.contains(where: \.isEmpty),
              parts.allSatisfy(AnalysisOptions.isRegionName) else { return nil }
        self.init(account: parts[0], region: parts.count > 1 ? parts[1] : nil, vpc: parts.count > 2 ? parts[2] : nil)
    }

    public var description: String { [account, region, vpc].compactMap { $0 }.joined(separator: "/") }

    func matches(account: String, region: String, vpc: String?, flowLogs: [String]) -> Bool {
        guard account == self.account else { return false }
        if let wanted = self.region, wanted != region { return false }
        if let wanted = self.vpc, wanted != vpc, !flowLogs.contains(wanted) { return false }
        return true
    }
}

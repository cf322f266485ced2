import Foundation

/// An organisation's flow-log bucket: several accounts, spread over several regions, each account
/// with one or more VPCs (``SyntheticVPC``), every VPC's files under
/// `AWSLogs/ACCOUNT/vpcflowlogs/REGION/…` as S3 delivers them. A bucket of one account, one region
/// and one VPC writes exactly what a lone ``SyntheticVPC`` with the same options writes.
///
/// - Accounts: the first is `firstAccount`; account i is `firstAccount + i × 111111111111`
///   modulo 10^12, written with 12 digits.
/// - Regions: account i is in `regions[i % regions.count]` (round-robin).
/// - VPCs: `vpcsPerAccount[i]` in account i (a list of one applies to every account); likewise
///   `formatsPerAccount` for the record formats. The N-th VPC of
///   an account uses 10.N.0.0/16, so VPCs of one account never overlap while the first VPCs of all
///   accounts share 10.0.0.0/16, as real estates do.
/// - Seeds: the bucket's first VPC uses `vpc.seed`; VPC g (counted over the bucket, account by
///   account) a seed mixed from it and g, so each VPC has its own ids, gateways and traffic.
public struct SyntheticBucket: Sendable {
    public struct Options: Sendable {
        /// What every VPC shares (format, minutes, connections, gateways…); its `account`,
        /// `region` and `seed` are the first VPC's.
        public var vpc = SyntheticVPC.Options()
        public var accounts = 1
        /// The regions, in order; empty means `vpc.region` alone.
        public var regions: [String] = []
        /// VPCs per account: one number for every account, or one per account.
        public var vpcsPerAccount = [1]
        /// Record formats per account, in order; empty means `vpc.formats` in every account.
        public var formatsPerAccount: [SyntheticVPC.FormatPlan] = []

        public init() {}
    }

    public let options: Options
    /// Every VPC of the bucket, account by account.
    public let vpcs: [SyntheticVPC]

    /// The largest bucket `generate` writes: accounts × VPCs.
    public static let maximumVPCs = 10_000
    /// VPCs in one account (each takes a 10.N.0.0/16).
    public static let maximumVPCsPerAccount = 256
    /// Regions in one bucket (each needs its own synthetic prefixes).
    public static var maximumRegions: Int { SyntheticCatalog.maximumRegions }

    public init(options: Options) throws(SyntheticBucketError) {
        self.options = options
        let regions = options.regions.isEmpty ? [options.vpc.region] : options.regions
        guard options.accounts >= 1 else { throw .noAccounts }
        guard regions.count <= SyntheticCatalog.maximumRegions else { throw .tooManyRegions(regions.count, maximum: SyntheticCatalog.maximumRegions) }
        if let repeated = regions.first(where: { region in regions.filter { $0 == region }.count > 1 }) { throw .repeatedRegion(repeated) }
        guard options.vpcsPerAccount.count == 1 || options.vpcsPerAccount.count == options.accounts else {
            throw .vpcListLength(options.vpcsPerAccount.count, accounts: options.accounts)
        }
        guard options.formatsPerAccount.count <= 1 || options.formatsPerAccount.count == options.accounts else {
            throw .formatListLength(options.formatsPerAccount.count, accounts: options.accounts)
        }
        guard Self.isAccountID(options.vpc.account), let first = UInt64(options.vpc.account) else { throw .badAccount(options.vpc.account) }
        let counts = (0..<options.accounts).map { options.vpcsPerAccount.count == 1 ? options.vpcsPerAccount[0] : options.vpcsPerAccount[$0] }
        if let bad = counts.first(where: { !(1...Self.maximumVPCsPerAccount).contains($0) }) { throw .vpcsPerAccount(bad, maximum: Self.maximumVPCsPerAccount) }
        let total = counts.reduce(0, +)
        guard total <= Self.maximumVPCs else { throw .tooManyVPCs(total, maximum: Self.maximumVPCs) }
        var vpcs: [SyntheticVPC] = []
        vpcs.reserveCapacity(total)
        for account in 0..<options.accounts {
            for number in 0..<counts[account] {
                var vpc = options.vpc
                vpc.account = Self.account(first: first, index: account)
                vpc.region = regions[account % regions.count]
                vpc.seed = Self.seed(options.vpc.seed, index: vpcs.count)
                if !options.formatsPerAccount.isEmpty {
                    vpc.formats = options.formatsPerAccount[options.formatsPerAccount.count == 1 ? 0 : account]
                }
                let placement = SyntheticVPC.Placement(index: vpcs.count, indexInAccount: number,
                                                       bucketRegions: regions.count > 1 ? regions : [])
                vpcs.append(SyntheticVPC(options: vpc, placement: placement))
            }
        }
        self.vpcs = vpcs
    }

    /// The bucket's regions, in order.
    public var regions: [String] { options.regions.isEmpty ? [options.vpc.region] : options.regions }

    /// True for an AWS account id: 12 ASCII digits.
    public static func isAccountID(_ text: String) -> Bool {
        text.utf8.count == 12 && text.utf8.allSatisfy { $0 >= ASCII.zero && $0 <= ASCII.zero + 9 }
    }

    /// Account `index` of a bucket whose first account is `first`: 12 digits.
    static func account(first: UInt64, index: Int) -> String {
        let digits = String((first &+ UInt64(index) &* 111_111_111_111) % 1_000_000_000_000)
        return String(repeating: "0", count: 12 - digits.count) + digits
    }

    /// The seed of VPC `index`: the bucket's seed for the first, then distinct mixes of it.
    static func seed(_ seed: UInt64, index: Int) -> UInt64 {
        guard index > 0 else { return seed }
        var random = SplitMix64(seed: seed &+ UInt64(index) &* 0xD1B5_4A32_D192_ED03)
        return random.next()
    }

    /// Writes every VPC's files under `directory` and returns what each holds, in the order of `vpcs`.
    public func write(to directory: String) throws -> [SyntheticTruth] {
        try vpcs.map { try Self.writeFiles(of: $0, to: directory) }
    }

    /// Writes the files of one VPC: the one place where a VPC's logs are written (its flow logs
    /// today; other logs of the same VPC belong here too).
    static func writeFiles(of vpc: SyntheticVPC, to directory: String) throws -> SyntheticTruth {
        try vpc.write(to: directory)
    }

    /// The ip-ranges.json listing the AWS prefixes of every region of the bucket.
    public var ipRangesJSON: String { SyntheticVPC.ipRangesJSON(regions: regions) }

    /// expected.json: the bucket's sums under today's keys (as `SyntheticTruth.json()` writes them for
    /// one VPC), then `scopes`, one object per VPC with what its files hold.
    /// - Parameter truths: what `write(to:)` returned, one per VPC in the order of `vpcs`.
    public func expectedJSON(_ truths: [SyntheticTruth]) -> String {
        var total = SyntheticTruth(region: regions[0])
        for truth in truths { total.merge(truth) }
        var json = JSONWriter()
        json.object { json in
            total.fields(into: &json)
            json.field("scopes") { json in
                json.array(zip(vpcs, truths)) { json, pair in
                    json.object { json in
                        let (vpc, truth) = pair
                        json.field("account", vpc.options.account)
                        json.field("region", vpc.options.region)
                        json.field("vpc", vpc.vpcID)
                        json.field("flow_logs", strings: truth.flowLogs.sorted())
                        json.field("private_range", vpc.privateRange)
                        json.field("az_count", vpc.availabilityZones.count)
                        json.field("az_ids", strings: vpc.availabilityZones)
                        // Parquet files have no header line: their rows are the records.
                        json.field("records", truth.lines - truth.files)
                        json.field("nat_gateways") { json in
                            json.array(vpc.layout.gateways) { json, gateway in
                                json.inline { json in
                                    json.object { json in
                                        json.field("interface_id", String(decoding: gateway.id, as: UTF8.self))
                                        json.field("private_ip", gateway.address.description)
                                        json.field("az_id", String(decoding: gateway.azID, as: UTF8.self))
                                    }
                                }
                            }
                        }
                        truth.fields(into: &json, region: false)
                    }
                }
            }
        }
        return json.text + "\n"
    }
}

/// A bucket that `generate` cannot lay out.
public enum SyntheticBucketError: Error, Equatable, Sendable, CustomStringConvertible {
    /// `--accounts` below 1.
    case noAccounts
    /// More regions than the synthetic prefixes cover.
    case tooManyRegions(Int, maximum: Int)
    /// A region named twice in `--regions`.
    case repeatedRegion(String)
    /// A `--vpcs` list whose length is neither 1 nor the number of accounts.
    case vpcListLength(Int, accounts: Int)
    /// A `--format` list whose length is neither 1 nor the number of accounts.
    case formatListLength(Int, accounts: Int)
    /// A VPC count per account out of range.
    case vpcsPerAccount(Int, maximum: Int)
    /// More VPCs in all than one run writes.
    case tooManyVPCs(Int, maximum: Int)
    /// A first account id that is not 12 digits.
    case badAccount(String)

    public var description: String {
        switch self {
        case .noAccounts: "the bucket needs at least one account: use --accounts 1 or more"
        case let .tooManyRegions(count, maximum): "\(count) regions given, at most \(maximum) fit in one bucket: use fewer --regions"
        case let .repeatedRegion(region): "region \(region) is named twice in --regions: name each region once"
        case let .vpcListLength(count, accounts):
            "--vpcs lists \(count) counts for \(Self.accounts(accounts)): give one count for every account, or one per account"
        case let .formatListLength(count, accounts):
            "--format lists \(count) formats for \(Self.accounts(accounts)): give one format for every account, or one per account"
        case let .vpcsPerAccount(count, maximum): "\(count) VPCs in an account is out of range: use 1 to \(maximum)"
        case let .tooManyVPCs(count, maximum): "the bucket would hold \(count) VPCs, at most \(maximum): use fewer --accounts or --vpcs"
        case let .badAccount(text): "account id \(text) is not 12 digits: give one such as 123456789012"
        }
    }

    private static func accounts(_ count: Int) -> String { count == 1 ? "1 account" : "\(count) accounts" }
}

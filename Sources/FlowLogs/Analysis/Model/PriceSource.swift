/// Where each price the report used came from.
public struct PriceSource: Sendable, Equatable {
    /// The region priced (the VPC's region; "unknown" when nothing told it).
    public var region: String
    public var tableOrigin: PriceTable.Origin
    /// The table's date (ISO-8601).
    public var tableDate: String
    /// Keys taken from the table's row for `region`.
    public var fromTable: [String]
    /// Keys taken from us-east-1's row because `region`'s row lacks them (or the region is not in the table).
    public var fellBack: [String]
    /// True when `region` has no row at all in the table.
    public var regionMissing: Bool
    /// The `--pricing` file and the keys it set for `region`.
    public var pricingFile: String?
    public var fromFile: [String]
    /// Keys set by the price flags (`--nat-gateway-gb`…).
    public var fromFlags: [String]

    public init(region: String, tableOrigin: PriceTable.Origin, tableDate: String, fromTable: [String], fellBack: [String],
                regionMissing: Bool, pricingFile: String? = nil, fromFile: [String] = [], fromFlags: [String] = []) {
        self.region = region
        self.tableOrigin = tableOrigin
        self.tableDate = tableDate
        self.fromTable = fromTable
        self.fellBack = fellBack
        self.regionMissing = regionMissing
        self.pricingFile = pricingFile
        self.fromFile = fromFile
        self.fromFlags = fromFlags
    }

    /// The fallen-back keys the report warns about (`Pricing.warnedKeys`): the volume tiers
    /// beyond 1 PB and cross-AZ transfer fall back without a warning.
    public var warnedFellBack: [String] { fellBack.filter { Pricing.warnedKeys.contains($0) } }

    /// The bundled table's us-east-1 row, nothing overridden (a report made without choosing prices).
    public static let bundledUSEast1 = PriceSource(region: "us-east-1", tableOrigin: .bundled, tableDate: PriceTable.bundledDate,
                                                   fromTable: Pricing.keys, fellBack: [], regionMissing: false)
}

/// How the report's prices are chosen: the price table's row for the VPC's region (us-east-1's
/// for what it lacks), then a `--pricing` file, then the price flags.
public struct PriceChoice: Sendable, Equatable {
    public var table: PriceTable
    /// `--pricing FILE`.
    public var file: PricingFile?
    /// The price flags, by pricing key; they win over everything.
    public var flags: [String: Double]

    public init(table: PriceTable = .bundled, file: PricingFile? = nil, flags: [String: Double] = [:]) {
        self.table = table
        self.file = file
        self.flags = flags
    }

    /// The prices for `region` and where each came from.
    public func prices(for region: String) -> (pricing: Pricing, source: PriceSource) {
        let known = table.regions[region] != nil
        // "unknown": no traffic told the region, so nothing is region-specific; us-east-1 without a warning.
        let looked = region == "unknown" ? PriceTable.fallbackRegion : region
        var (pricing, fellBack) = table.prices(for: looked)
        let fromFile = file?.prices(for: region) ?? [:]
        for (key, value) in fromFile { _ = pricing.set(key, value) }
        for (key, value) in flags { _ = pricing.set(key, value) }
        let overridden = Set(fromFile.keys).union(flags.keys)
        let ordered = { (keys: [String]) in keys.filter { !overridden.contains($0) } }
        let fromTable = ordered(Pricing.keys.filter { !fellBack.contains($0) })
        let source = PriceSource(
            region: region, tableOrigin: table.origin, tableDate: table.date, fromTable: fromTable,
            fellBack: ordered(fellBack), regionMissing: !known && region != "unknown",
            pricingFile: file?.path, fromFile: Pricing.keys.filter { fromFile[$0] != nil && flags[$0] == nil },
            fromFlags: Pricing.keys.filter { flags[$0] != nil })
        return (pricing, source)
    }
}

extension PriceChoice {
    /// One price as `flowscan prices show` lists it.
    public struct Line: Sendable, Equatable {
        public var key: String
        public var usd: Double
        /// Where it came from: the table's source for the figure, `us-east-1's row: …`,
        /// `--pricing PATH` or `--nat-gateway-gb` (the flag).
        public var source: String
    }

    /// Each price for `region` with where it came from.
    public func lines(for region: String) -> [Line] {
        let pricing = prices(for: region).pricing
        let looked = region == "unknown" ? PriceTable.fallbackRegion : region
        let fromFile = file?.prices(for: region) ?? [:]
        return Pricing.keys.map { key in
            let origin: String
            if flags[key] != nil {
                origin = "--" + key.replacingOccurrences(of: "_", with: "-")
            } else if let file, fromFile[key] != nil {
                origin = "--pricing \(file.path)" + (file.regions[region]?[key] != nil ? " (\(region))" : "")
            } else if let figure = table.regions[looked]?[key] {
                origin = figure.source
            } else if let figure = table.regions[PriceTable.fallbackRegion]?[key] {
                origin = "us-east-1's row: " + figure.source
            } else {
                origin = "flowscan's us-east-1 default"
            }
            return Line(key: key, usd: pricing.value(key) ?? 0, source: origin)
        }
    }
}

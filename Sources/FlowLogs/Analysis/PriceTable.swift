/// Prices per region, each figure with where it came from: the bundled table
/// (`PriceTable+Bundled.swift`) or one imported from AWS's Price List offer files.
///
/// A region may lack some figures (or be absent): those come from us-east-1's row, and the
/// report says so (`ReportWarning.pricesFellBack`).
public struct PriceTable: Sendable, Equatable {
    /// One price and its source.
    public struct Figure: Sendable, Equatable {
        /// US dollars (per hour or per GB, as the key says).
        public var usd: Double
        /// Where the figure was read and when (`AWS Price List AmazonEC2 offer, eu-west-1, 2026-09-25`).
        public var source: String

        public init(_ usd: Double, _ source: String) {
            self.usd = usd
            self.source = source
        }
    }

    /// Where the table came from.
    public enum Origin: Sendable, Equatable {
        /// Compiled into flowscan.
        case bundled
        /// Written by `flowscan prices import` at this path.
        case imported(path: String)
    }

    /// The region whose figures stand in for missing ones.
    public static let fallbackRegion = "us-east-1"

    public var origin: Origin
    /// When the figures were last checked (ISO-8601 date).
    public var date: String
    /// Figures by region code, then by pricing key (`Pricing.fields`).
    public var regions: [String: [String: Figure]]

    public init(origin: Origin, date: String, regions: [String: [String: Figure]]) {
        self.origin = origin
        self.date = date
        self.regions = regions
    }

    /// The prices for `region`: its own figures, us-east-1's for the missing ones (then
    /// `Pricing`'s defaults, which are us-east-1 list prices, should the table lack those too).
    /// - Returns: the prices and the keys that did not come from `region`'s own row.
    public func prices(for region: String) -> (pricing: Pricing, fellBack: [String]) {
        var pricing = Pricing()
        var fellBack: [String] = []
        let own = regions[region] ?? [:]
        let fallback = regions[Self.fallbackRegion] ?? [:]
        for key in Pricing.keys {
            if let figure = own[key] {
                _ = pricing.set(key, figure.usd)
            } else {
                if let figure = fallback[key] { _ = pricing.set(key, figure.usd) }
                if region != Self.fallbackRegion { fellBack.append(key) }
            }
        }
        return (pricing, fellBack)
    }
}

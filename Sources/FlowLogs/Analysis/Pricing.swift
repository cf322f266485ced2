import Foundation

/// The prices the report uses, in US dollars. Defaults are us-east-1 list prices (DOMAIN.md §4).
public struct Pricing: Sendable, Equatable {
    /// Per NAT gateway per hour.
    public var natGatewayHour = 0.045
    /// Per GB a NAT gateway processes (both directions).
    public var natGatewayGB = 0.045
    /// Per interface endpoint per AZ per hour.
    public var interfaceEndpointHour = 0.01
    /// Per GB interface endpoints process, first tier: the first 1 PB a month per region.
    public var interfaceEndpointGB = 0.01
    /// Per GB interface endpoints process beyond 1 PB and up to 5 PB a month per region.
    public var interfaceEndpointGBNext4PB = 0.006
    /// Per GB interface endpoints process beyond 5 PB a month per region.
    public var interfaceEndpointGBOver5PB = 0.004
    /// Per public IPv4 address per hour (each public NAT gateway holds one).
    public var publicIPv4Hour = 0.005
    /// Per GB of data transfer between AZs of one region, in each direction (in the table and
    /// `prices show`; the analysis does not use it, see README "Prices per region").
    public var crossAZGB = 0.01

    public init() {}

    /// The JSON keys of a pricing file and of the report's `prices` object, with their values.
    public var fields: [(key: String, value: Double)] {
        [("nat_gateway_hour", natGatewayHour), ("nat_gateway_gb", natGatewayGB),
         ("interface_endpoint_hour", interfaceEndpointHour), ("interface_endpoint_gb", interfaceEndpointGB),
         ("public_ipv4_hour", publicIPv4Hour),
         ("interface_endpoint_gb_next_4pb", interfaceEndpointGBNext4PB), ("interface_endpoint_gb_over_5pb", interfaceEndpointGBOver5PB),
         ("cross_az_gb", crossAZGB)]
    }

    /// Sets the price named by a pricing-file key; false for an unknown key.
    public mutating func set(_ key: String, _ value: Double) -> Bool {
        switch key {
        case "nat_gateway_hour": natGatewayHour = value
        case "nat_gateway_gb": natGatewayGB = value
        case "interface_endpoint_hour": interfaceEndpointHour = value
        case "interface_endpoint_gb": interfaceEndpointGB = value
        case "interface_endpoint_gb_next_4pb": interfaceEndpointGBNext4PB = value
        case "interface_endpoint_gb_over_5pb": interfaceEndpointGBOver5PB = value
        case "public_ipv4_hour": publicIPv4Hour = value
        case "cross_az_gb": crossAZGB = value
        default: return false
        }
        return true
    }

    /// The pricing keys, in the order of `fields`.
    public static let keys = Pricing().fields.map(\.key)

    /// The price named by a pricing-file key.
    public func value(_ key: String) -> Double? {
        fields.first { $0.key == key }?.value
    }

    /// Loads a flat pricing file over `base` (the keys it names replace `base`'s).
    ///
    ///     {"nat_gateway_hour": 0.048, "nat_gateway_gb": 0.048}
    ///
    /// - Throws: `CompanionFileError` naming the file and the key at fault.
    public static func load(contentsOf path: String, over base: Pricing = Pricing()) throws(CompanionFileError) -> Pricing {
        let file = try PricingFile.load(contentsOf: path)
        var pricing = base
        for (key, value) in file.flat { _ = pricing.set(key, value) }
        return pricing
    }
}

extension Pricing {
    /// Where the interface-endpoint volume tiers end, in GB a month per region, as AWS's price
    /// list writes the `VpcEndpoint-Bytes` ranges (`0 - 1048576`, `1048576 - 5242880`,
    /// `5242880 - Inf`): "1 PB" and "5 PB" there are 1,048,576 and 5,242,880 GB.
    public static let interfaceEndpointTierEndsGB: (first: Double, next: Double) = (1_048_576, 5_242_880)

    /// What interface endpoints charge for processing `monthlyGB` in one month, priced through
    /// the volume tiers: `interfaceEndpointGB` for the first 1 PB, `interfaceEndpointGBNext4PB`
    /// for the next 4 PB, `interfaceEndpointGBOver5PB` beyond 5 PB (AWS counts the tiers over
    /// all interface endpoints of a region together, so pass the region's total volume).
    ///
    ///     Pricing().interfaceEndpointProcessingUSD(monthlyGB: 2_097_152)
    ///     // 1,048,576 GB × $0.01 + 1,048,576 GB × $0.006 = $16,777.216
    ///
    /// - Parameter monthlyGB: decimal GB a month (negative counts as 0).
    /// - Returns: US dollars a month.
    public func interfaceEndpointProcessingUSD(monthlyGB: Double) -> Double {
        let ends = Self.interfaceEndpointTierEndsGB
        let volume = max(0, monthlyGB)
        let first = min(volume, ends.first)
        let next = min(max(0, volume - ends.first), ends.next - ends.first)
        let over = max(0, volume - ends.next)
        return first * interfaceEndpointGB + next * interfaceEndpointGBNext4PB + over * interfaceEndpointGBOver5PB
    }

    /// The average interface-endpoint price per GB for a region's monthly volume: exactly
    /// `interfaceEndpointGB` within the first tier (1 PB), lower beyond it.
    /// - Parameter monthlyGB: the region's total interface-endpoint GB a month.
    public func interfaceEndpointGBRate(monthlyGB: Double) -> Double {
        monthlyGB <= Self.interfaceEndpointTierEndsGB.first
            ? interfaceEndpointGB : interfaceEndpointProcessingUSD(monthlyGB: monthlyGB) / monthlyGB
    }

    /// The keys whose fallback to us-east-1's figure the report warns about: the prices every
    /// report uses. The volume tiers beyond 1 PB (which count only above 1 PB a month in a
    /// region) and cross-AZ transfer (not used by the analysis) fall back without a warning;
    /// the price-source line still names them.
    public static let warnedKeys = ["nat_gateway_hour", "nat_gateway_gb", "interface_endpoint_hour", "interface_endpoint_gb", "public_ipv4_hour"]
}

/// A `--pricing` file: prices for every region (flat keys), per region (objects keyed by region
/// code), or both; a region's own keys win over the flat ones.
///
///     {"nat_gateway_gb": 0.05, "eu-west-1": {"interface_endpoint_hour": 0.011}}
public struct PricingFile: Sendable, Equatable {
    public var path: String
    /// Prices for every region.
    public var flat: [String: Double] = [:]
    /// Prices by region code.
    public var regions: [String: [String: Double]] = [:]

    public init(path: String, flat: [String: Double] = [:], regions: [String: [String: Double]] = [:]) {
        self.path = path
        self.flat = flat
        self.regions = regions
    }

    /// The prices this file sets for `region`.
    public func prices(for region: String) -> [String: Double] {
        flat.merging(regions[region] ?? [:]) { _, regional in regional }
    }

    /// Reads and checks a pricing file.
    /// - Throws: `CompanionFileError` naming the file and the key at fault.
    public static func load(contentsOf path: String) throws(CompanionFileError) -> PricingFile {
        let json = try CompanionFile.json(at: path, limit: 1 << 20)
        guard let object = json as? [String: Any] else {
            throw .invalid(path: path, location: "top level",
                           problem: "expected a JSON object such as {\"nat_gateway_gb\": 0.045} or {\"eu-west-1\": {\"nat_gateway_gb\": 0.048}}")
        }
        var file = PricingFile(path: path)
        for key in object.keys.sorted() {
            if let regional = object[key] as? [String: Any] {
                guard isRegionCode(key) else {
                    throw .invalid(path: path, location: key, problem: "expected a region code such as eu-west-1 for an object of prices")
                }
                var prices: [String: Double] = [:]
                for priceKey in regional.keys.sorted() {
                    prices[priceKey] = try price(regional[priceKey], key: priceKey, location: "\(key).\(priceKey)", path: path)
                }
                file.regions[key] = prices
            } else {
                file.flat[key] = try price(object[key], key: key, location: key, path: path)
            }
        }
        return file
    }

    /// A region code as AWS writes them: lower-case letters, digits and dashes (`eu-west-1`).
    public static func isRegionCode(_ text: String) -> Bool {
        !text.isEmpty && text.count <= 32 && text.contains("-")
            && text.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
    }

    private static func price(_ raw: Any?, key: String, location: String, path: String) throws(CompanionFileError) -> Double {
        guard let value = raw as? NSNumber, !JSONValue.isBoolean(value) else {
            throw .invalid(path: path, location: location, problem: "expected a number of US dollars")
        }
        let price = value.doubleValue
        guard price.isFinite, price >= 0, price < 1_000_000 else {
            throw .invalid(path: path, location: location, problem: "\(price) is not a price (a non-negative number of US dollars)")
        }
        guard Pricing.keys.contains(key) else {
            throw .invalid(path: path, location: location, problem: "unknown price; known keys: \(Pricing.keys.joined(separator: ", "))")
        }
        return price
    }
}

import Foundation

/// The prices the report uses, in US dollars. Defaults are us-east-1 list prices (DOMAIN.md §4).
public struct Pricing: Sendable, Equatable {
    /// Per NAT gateway per hour.
    public var natGatewayHour = 0.045
    /// Per GB a NAT gateway processes (both directions).
    public var natGatewayGB = 0.045
    /// Per interface endpoint per AZ per hour.
    public var interfaceEndpointHour = 0.01
    /// Per GB an interface endpoint processes (first PB per region).
    public var interfaceEndpointGB = 0.01
    /// Per public IPv4 address per hour (each public NAT gateway holds one).
    public var publicIPv4Hour = 0.005

    public init() {}

    /// The JSON keys of a pricing file and of the report's `prices` object, with their values.
    public var fields: [(key: String, value: Double)] {
        [("nat_gateway_hour", natGatewayHour), ("nat_gateway_gb", natGatewayGB),
         ("interface_endpoint_hour", interfaceEndpointHour), ("interface_endpoint_gb", interfaceEndpointGB),
         ("public_ipv4_hour", publicIPv4Hour)]
    }

    /// Sets the price named by a pricing-file key; false for an unknown key.
    public mutating func set(_ key: String, _ value: Double) -> Bool {
        switch key {
        case "nat_gateway_hour": natGatewayHour = value
        case "nat_gateway_gb": natGatewayGB = value
        case "interface_endpoint_hour": interfaceEndpointHour = value
        case "interface_endpoint_gb": interfaceEndpointGB = value
        case "public_ipv4_hour": publicIPv4Hour = value
        default: return false
        }
        return true
    }

    /// Loads a pricing file: a JSON object with any of the keys of `fields`; the others keep their defaults.
    ///
    ///     {"nat_gateway_hour": 0.048, "nat_gateway_gb": 0.048}
    ///
    /// - Throws: `CompanionFileError` naming the file and the key at fault.
    public static func load(contentsOf path: String, over base: Pricing = Pricing()) throws(CompanionFileError) -> Pricing {
        let json = try CompanionFile.json(at: path, limit: 1 << 20)
        guard let object = json as? [String: Any] else {
            throw .invalid(path: path, location: "top level", problem: "expected a JSON object such as {\"nat_gateway_gb\": 0.045}")
        }
        var pricing = base
        let known = Pricing().fields.map(\.key)
        for key in object.keys.sorted() {
            guard let value = object[key] as? NSNumber, !JSONValue.isBoolean(value) else {
                throw .invalid(path: path, location: key, problem: "expected a number of US dollars")
            }
            let price = value.doubleValue
            guard price.isFinite, price >= 0, price < 1_000_000 else {
                throw .invalid(path: path, location: key, problem: "\(price) is not a price (a non-negative number of US dollars)")
            }
            guard pricing.set(key, price) else {
                throw .invalid(path: path, location: key, problem: "unknown price; known keys: \(known.joined(separator: ", "))")
            }
        }
        return pricing
    }
}

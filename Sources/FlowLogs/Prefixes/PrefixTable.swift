import Foundation

// TEMPORARY STAND-IN until the prefixes branch lands: the same API, a linear scan.

public struct ServiceRegion: Hashable, Sendable {
    public var service: String
    public var region: String
    public var networkBorderGroup: String
}

public struct PrefixMatch: Sendable {
    public var service: String
    public var region: String
    public var networkBorderGroup: String
    public var prefix: IPPrefix
    public var services: [String]
}

public enum PrefixFileError: Error, Equatable, Sendable, CustomStringConvertible {
    case invalid(path: String, reason: String)
    public var description: String {
        switch self { case let .invalid(path, reason): return "\(path): \(reason)" }
    }
}

public final class PrefixTable: Sendable {
    public let syncToken: String
    public let createDate: String
    public let ipv4PrefixCount: Int
    public let ipv6PrefixCount: Int
    public let serviceRegions: [ServiceRegion]
    private let entries: [(IPPrefix, String, String, String)]

    public var createdAt: Date? { nil }

    public static func load(contentsOf path: String) throws(PrefixFileError) -> PrefixTable {
        guard let data = FileManager.default.contents(atPath: path) else { throw .invalid(path: path, reason: "cannot read") }
        return try PrefixTable(jsonData: Array(data), source: path)
    }

    public init(jsonData: [UInt8], source: String) throws(PrefixFileError) {
        guard let object = try? JSONSerialization.jsonObject(with: Data(jsonData)) as? [String: Any] else {
            throw .invalid(path: source, reason: "not JSON")
        }
        syncToken = object["syncToken"] as? String ?? ""
        createDate = object["createDate"] as? String ?? ""
        var entries: [(IPPrefix, String, String, String)] = []
        var v4 = 0, v6 = 0
        for (key, field) in [("prefixes", "ip_prefix"), ("ipv6_prefixes", "ipv6_prefix")] {
            for item in object[key] as? [[String: Any]] ?? [] {
                guard let text = item[field] as? String, let prefix = IPPrefix(text) else { throw .invalid(path: source, reason: "bad prefix") }
                entries.append((prefix, item["service"] as? String ?? "", item["region"] as? String ?? "", item["network_border_group"] as? String ?? ""))
                if key == "prefixes" { v4 += 1 } else { v6 += 1 }
            }
        }
        ipv4PrefixCount = v4
        ipv6PrefixCount = v6
        self.entries = entries
        var regions: [ServiceRegion] = [ServiceRegion(service: "", region: "", networkBorderGroup: "")]
        for entry in entries {
            let value = ServiceRegion(service: entry.1, region: entry.2, networkBorderGroup: entry.3)
            if !regions.contains(value) { regions.append(value) }
        }
        serviceRegions = regions
    }

    private static func rank(_ service: String) -> Int {
        switch service { case "S3": return 0; case "DYNAMODB": return 1; case "EC2": return 8; case "AMAZON": return 9; default: return 5 }
    }

    public func lookup(_ address: IPAddress) -> PrefixMatch? {
        let matching = entries.filter { $0.0.contains(address) }
        guard let best = matching.min(by: { ($1.0.length128, Self.rank($0.1)) < ($0.0.length128, Self.rank($1.1)) }) else { return nil }
        let services = matching.filter { $0.0 == best.0 }.map(\.1).sorted()
        return PrefixMatch(service: best.1, region: best.2, networkBorderGroup: best.3, prefix: best.0, services: services)
    }

    public func serviceRegionIndex(of address: IPAddress) -> Int {
        guard let match = lookup(address) else { return 0 }
        return serviceRegions.firstIndex(of: ServiceRegion(service: match.service, region: match.region, networkBorderGroup: match.networkBorderGroup)) ?? 0
    }
}

public enum PrefixFileLocation {
    public static func resolve(explicit: String?, environment: [String: String]) throws(PrefixFileError) -> (path: String, origin: String) {
        if let explicit { return (explicit, "--prefixes") }
        if let path = environment["FLOWSCAN_PREFIXES"] { return (path, "$FLOWSCAN_PREFIXES") }
        throw .invalid(path: "ip-ranges.json", reason: "no prefixes file; run 'flowscan prefixes update'")
    }
}

/// A service in a region: what a lookup in ip-ranges.json answers.
///
/// `PrefixTable.serviceRegions` holds each distinct one once; the hot path hands out its index.
public struct ServiceRegion: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// The ip-ranges.json service name (`S3`, `EC2`, `AMAZON`, …); empty for `notAWS`.
    public let service: String
    /// The region code (`us-east-1`) or `GLOBAL`; empty for `notAWS`.
    public let region: String
    /// The network border group (`us-east-1`, `us-west-2-lax-1`, `GLOBAL`); empty for `notAWS`.
    public let networkBorderGroup: String

    /// Index 0 of `PrefixTable.serviceRegions`: the address is in no AWS range.
    public static let notAWS = ServiceRegion(service: "", region: "", networkBorderGroup: "")

    public init(service: String, region: String, networkBorderGroup: String) {
        self.service = service
        self.region = region
        self.networkBorderGroup = networkBorderGroup
    }

    /// Orders by service, then region, then network border group.
    public static func < (lhs: ServiceRegion, rhs: ServiceRegion) -> Bool {
        (lhs.service, lhs.region, lhs.networkBorderGroup) < (rhs.service, rhs.region, rhs.networkBorderGroup)
    }

    /// `S3 us-east-1`, with the border group when it differs from the region; `not AWS` for `notAWS`.
    public var description: String {
        if self == .notAWS { return "not AWS" }
        let group = networkBorderGroup == region ? "" : " (\(networkBorderGroup))"
        return "\(service) \(region)\(group)"
    }
}

/// Names used for destinations outside AWS ranges.
public enum ServiceRegionName {
    /// The service name of addresses in no AWS range.
    public static let internet = "INTERNET"
    /// The region shown for them.
    public static let noRegion = "-"
}

/// The full answer for an address in an AWS range.
public struct PrefixMatch: Hashable, Sendable {
    /// The winning entry's service and region.
    public let serviceRegion: ServiceRegion
    /// Its index in `PrefixTable.serviceRegions` (never 0).
    public let serviceRegionIndex: Int
    /// The longest prefix that holds the address.
    public let prefix: IPPrefix
    /// Every service ip-ranges.json lists for exactly that prefix, sorted by name.
    public let services: [String]

    /// The winning service (see `ServicePrecedence`).
    public var service: String { serviceRegion.service }
    /// The winning entry's region.
    public var region: String { serviceRegion.region }
    /// The winning entry's network border group.
    public var networkBorderGroup: String { serviceRegion.networkBorderGroup }
}

/// NAT-processed traffic to one service in one region.
public struct Destination: Sendable {
    public var service: String
    public var region: String
    public var sameRegion: Bool
    public var category: ServiceCategory
    public var traffic: DirectionalTally
}

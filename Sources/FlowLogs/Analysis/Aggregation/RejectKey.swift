/// Rejected traffic between a local address and a public peer.
struct RejectKey: Hashable, Comparable, Sendable, FastHashable {
    var local: IPAddress
    var direction: Direction
    var serviceRegionIndex: Int
    var port: UInt16

    var fastHash: UInt64 {
        Self.mix(local.fastHash &+ UInt64(port) << 20 &+ UInt64(serviceRegionIndex) << 1 &+ UInt64(direction.rawValue))
    }

    static func < (lhs: RejectKey, rhs: RejectKey) -> Bool {
        (lhs.local, lhs.direction, lhs.serviceRegionIndex, lhs.port) < (rhs.local, rhs.direction, rhs.serviceRegionIndex, rhs.port)
    }
}

/// Rejected traffic between a local address and a public peer.
struct RejectKey: Hashable, Comparable, Sendable, FastHashable {
    var local: IPAddress
    var direction: Direction
    var serviceRegionIndex: Int
    var port: UInt16

    @inline(__always)
    var fastHash: UInt64 {
        let fields = UInt64(UInt32(truncatingIfNeeded: serviceRegionIndex)) << 32 | UInt64(port) << 1 | UInt64(direction.rawValue)
        return local.hashFold ^ fields &* FastHash.spread
    }

    static func < (lhs: RejectKey, rhs: RejectKey) -> Bool {
        (lhs.local, lhs.direction, lhs.serviceRegionIndex, lhs.port) < (rhs.local, rhs.direction, rhs.serviceRegionIndex, rhs.port)
    }
}

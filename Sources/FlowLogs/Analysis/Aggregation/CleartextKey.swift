/// Traffic on a cleartext port, by peer service-region and local address (interned index).
struct CleartextKey: Hashable, Sendable, FastHashable {
    var port: UInt16
    var serviceRegionIndex: Int
    var local: UInt32
    var kind: LegKind
    var showsInner: Bool

    @inline(__always)
    var fastHash: UInt64 {
        UInt64(port) << 48 ^ UInt64(serviceRegionIndex) << 32 ^ UInt64(local) << 2 ^ UInt64(kind.rawValue) << 1 ^ (showsInner ? 1 : 0)
    }

    func withLocal(_ local: UInt32) -> CleartextKey {
        CleartextKey(port: port, serviceRegionIndex: serviceRegionIndex, local: local, kind: kind, showsInner: showsInner)
    }
}

/// Who sent traffic to a service: the source address, through which local address (interned
/// index: the NAT for inner legs, the instance itself for outer legs), to which service-region.
struct SourceKey: Hashable, Comparable, Sendable, FastHashable {
    var source: IPAddress
    var local: UInt32
    var serviceRegionIndex: UInt16
    var kind: LegKind
    var showsInner: Bool

    @inline(__always)
    var fastHash: UInt64 {
        let fields = UInt64(local) << 32 | UInt64(serviceRegionIndex) << 16 | UInt64(kind.rawValue) << 1 | (showsInner ? 1 : 0)
        return source.hashFold ^ fields &* FastHash.spread
    }

    func withLocal(_ local: UInt32) -> SourceKey {
        SourceKey(source: source, local: local, serviceRegionIndex: serviceRegionIndex, kind: kind, showsInner: showsInner)
    }

    static func < (lhs: SourceKey, rhs: SourceKey) -> Bool {
        (lhs.source, lhs.local, lhs.serviceRegionIndex, lhs.kind, lhs.showsInner ? 1 : 0)
            < (rhs.source, rhs.local, rhs.serviceRegionIndex, rhs.kind, rhs.showsInner ? 1 : 0)
    }
}

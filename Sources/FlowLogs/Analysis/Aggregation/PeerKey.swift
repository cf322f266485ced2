/// An internet (non-AWS) peer by address, port and protocol, reached from a local address
/// (interned index).
struct PeerKey: Hashable, Comparable, Sendable, FastHashable {
    var peer: IPAddress
    var port: UInt16
    var protocolNumber: UInt8
    var kind: LegKind
    var showsInner: Bool
    var local: UInt32

    @inline(__always)
    var fastHash: UInt64 {
        let fields = UInt64(local) << 32 | UInt64(port) << 16 | UInt64(protocolNumber) << 2 | UInt64(kind.rawValue) << 1 | (showsInner ? 1 : 0)
        return peer.hashFold ^ fields &* FastHash.spread
    }

    func withLocal(_ local: UInt32) -> PeerKey {
        PeerKey(peer: peer, port: port, protocolNumber: protocolNumber, kind: kind, showsInner: showsInner, local: local)
    }

    static func < (lhs: PeerKey, rhs: PeerKey) -> Bool {
        (lhs.peer, lhs.port, lhs.protocolNumber, lhs.local, lhs.kind, lhs.showsInner ? 1 : 0)
            < (rhs.peer, rhs.port, rhs.protocolNumber, rhs.local, rhs.kind, rhs.showsInner ? 1 : 0)
    }
}

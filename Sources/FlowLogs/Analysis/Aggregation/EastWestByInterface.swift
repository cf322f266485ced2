/// A private address's east-west bytes by the interface that logged them. A NAT gateway's
/// interface logs both the private legs it forwards and its public legs; an instance's private
/// legs to the NAT gateway are logged on the gateway's interface, not its own, so comparing
/// bytes on the address's own interface tells the two apart (without `pkt-*` or `instance-id`).
///
/// Interfaces are known by a hash of their id (0 when the format has no `interface-id`). Only
/// the `capacity` smallest hashes are kept, the rest summed apart: an interface kept has exact
/// figures whatever order the records and workers came in.
struct EastWestByInterface: Sendable, Equatable {
    struct Entry: Sendable, Equatable {
        var interface: UInt64
        var bytesIn: UInt64 = 0
        var bytesOut: UInt64 = 0

        mutating func add(_ other: Entry) {
            bytesIn.saturatingIncrease(by: other.bytesIn)
            bytesOut.saturatingIncrease(by: other.bytesOut)
        }
    }

    static let capacity = 4
    /// Sorted by `interface`.
    private(set) var entries: [Entry] = []
    /// Bytes logged on interfaces beyond the kept ones.
    private(set) var other = Entry(interface: .max)

    /// The hash of an interface id as `EastWestByInterface` keeps it (never 0); 0 for none.
    static func interfaceHash<Bytes: Sequence<UInt8>>(_ id: Bytes?) -> UInt64 {
        guard let id else { return 0 }
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325  // FNV-1a
        for byte in id.prefix(256) { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return hash | 1
    }

    mutating func add(interface: UInt64, bytesIn: UInt64, bytesOut: UInt64) {
        add(Entry(interface: interface, bytesIn: bytesIn, bytesOut: bytesOut))
    }

    mutating func merge(_ other: EastWestByInterface) {
        for entry in other.entries { add(entry) }
        self.other.add(other.other)
    }

    /// The bytes logged on `interface`, when it is kept.
    func bytes(on interface: UInt64) -> Entry? { entries.first { $0.interface == interface } }

    private mutating func add(_ entry: Entry) {
        let position = entries.firstIndex { $0.interface >= entry.interface } ?? entries.endIndex
        if position < entries.endIndex, entries[position].interface == entry.interface {
            entries[position].add(entry)
            return
        }
        entries.insert(entry, at: position)
        if entries.count > Self.capacity { other.add(entries.removeLast()) }
    }
}

/// A private address's east-west bytes by the interface that logged them. A NAT gateway's
/// interface logs both the private legs it forwards and its public legs; an instance's private
/// legs to the NAT gateway are logged on the gateway's interface, not its own, so comparing
/// bytes on the address's own interface tells the two apart (without `pkt-*` or `instance-id`).
///
/// Interfaces are known by a hash of their id (0 when the format has no `interface-id`). Only
/// the `capacity` smallest hashes are kept, the rest summed apart: an interface kept has exact
/// figures whatever order the records and workers came in.
///
/// The kept entries sit inline (a fixed tuple, not an array): this is added to twice for each
/// east-west record, and nearly always to its first entry.
struct EastWestByInterface: Sendable, Equatable {
    struct Entry: Sendable, Equatable {
        var interface: UInt64
        var bytesIn: UInt64 = 0
        var bytesOut: UInt64 = 0

        @inline(__always)
        mutating func add(_ other: Entry) {
            bytesIn.saturatingIncrease(by: other.bytesIn)
            bytesOut.saturatingIncrease(by: other.bytesOut)
        }
    }

    static let capacity = 4
    /// The first `keptCount` entries, sorted by `interface`.
    private var kept = (Entry(interface: 0), Entry(interface: 0), Entry(interface: 0), Entry(interface: 0))
    private var keptCount = 0
    /// Bytes logged on interfaces beyond the kept ones.
    private(set) var other = Entry(interface: .max)

    /// The kept entries, sorted by `interface`.
    var entries: [Entry] {
        withUnsafePointer(to: kept) { tuple in
            tuple.withMemoryRebound(to: Entry.self, capacity: Self.capacity) { Array(UnsafeBufferPointer(start: $0, count: keptCount)) }
        }
    }

    /// The hash of an interface id as `EastWestByInterface` keeps it (never 0); 0 for none.
    static func interfaceHash<Bytes: Sequence<UInt8>>(_ id: Bytes?) -> UInt64 {
        guard let id else { return 0 }
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325  // FNV-1a
        for byte in id.prefix(256) { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return hash | 1
    }

    /// The hash of the last interface id met, kept with the id: records come in runs logged on
    /// one interface, and comparing the id's 21 bytes (three word loads, `FieldMemo`) costs less
    /// than hashing them.
    struct HashMemo {
        private var id = FieldMemo()
        private var hash: UInt64 = 0

        /// `EastWestByInterface.interfaceHash(text)`.
        @inline(__always)
        mutating func hash(of text: UnsafeRawBufferPointer?) -> UInt64 {
            if id.matches(text) { return hash }
            id.remember(text)
            hash = EastWestByInterface.interfaceHash(text)
            return hash
        }
    }

    @inline(__always)
    mutating func add(interface: UInt64, bytesIn: UInt64, bytesOut: UInt64) {
        let entry = Entry(interface: interface, bytesIn: bytesIn, bytesOut: bytesOut)
        if keptCount > 0, kept.0.interface == interface {
            kept.0.add(entry)
        } else {
            add(entry)
        }
    }

    mutating func merge(_ other: EastWestByInterface) {
        for entry in other.entries { add(entry) }
        self.other.add(other.other)
    }

    /// The bytes logged on `interface`, when it is kept.
    func bytes(on interface: UInt64) -> Entry? { entries.first { $0.interface == interface } }

    static func == (lhs: EastWestByInterface, rhs: EastWestByInterface) -> Bool {
        lhs.entries == rhs.entries && lhs.other == rhs.other
    }

    /// Adds to the entry of `entry.interface`, or keeps it in sorted place; past `capacity`
    /// entries, the largest interface's bytes go to `other`.
    private mutating func add(_ entry: Entry) {
        let count = keptCount
        let (evicted, grew) = withUnsafeMutablePointer(to: &kept) { tuple -> (Entry?, Bool) in
            tuple.withMemoryRebound(to: Entry.self, capacity: Self.capacity) { entries in
                var position = 0
                while position < count, entries[position].interface < entry.interface { position += 1 }
                if position < count, entries[position].interface == entry.interface {
                    entries[position].add(entry)
                    return (nil, false)
                }
                if position == Self.capacity { return (entry, false) }
                // The larger ones move up a slot; with every slot taken, the largest falls out.
                let dropped: Entry? = count == Self.capacity ? entries[count - 1] : nil
                var index = Swift.min(count, Self.capacity - 1)
                while index > position {
                    entries[index] = entries[index - 1]
                    index -= 1
                }
                entries[position] = entry
                return (dropped, dropped == nil)
            }
        }
        if grew { keptCount = count + 1 }
        if let evicted { other.add(evicted) }
    }
}

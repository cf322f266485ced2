/// A per-key tally whose memory is bounded: when it holds more than `capacity` keys, the
/// lighter half is folded away (their bytes stay in `foldedTally`), so the heaviest keys stay
/// exact unless they are evicted while still light.
///
/// Used for per-address tables (sources, internet destinations), where a scan of the internet
/// or a fleet of short-lived tasks could otherwise grow memory with the input.
struct BoundedTally<Key: FastHashable & Comparable> {
    let capacity: Int
    private(set) var table = FastMap<Key, Tally>()
    /// What was folded away.
    private(set) var foldedTally = Tally()
    /// How many times a key was folded away (a key can be folded, seen again and folded again).
    private(set) var foldedKeys = 0

    init(capacity: Int) {
        self.capacity = capacity
        // Small at first and grown as rows come: a run over many scopes holds one per scope.
        table = FastMap(capacity: min(capacity + 1, 16))
    }

    /// True once anything was folded: the table's rows are then the heaviest, not all.
    var hasFolded: Bool { foldedKeys > 0 }

    /// The rows, in first-seen order.
    var entries: FastMap<Key, Tally> { table }

    @inline(__always)
    mutating func add(_ key: Key, bytes: UInt64, packets: UInt64, records: UInt64 = 1) {
        table.update(key, initial: Tally()) { $0.add(bytes: bytes, packets: packets, records: records) }
        if table.count > capacity { fold() }
    }

    /// Adds another table's rows (their keys translated by `rekey`) and folded totals.
    mutating func merge(_ other: BoundedTally<Key>, rekey: (Key) -> Key) {
        for (key, tally) in other.table {
            table.update(rekey(key), initial: Tally()) { $0.add(tally) }
            if table.count > capacity { fold() }
        }
        foldedTally.add(other.foldedTally)
        foldedKeys += other.foldedKeys
    }

    /// The rows, heaviest first; ties broken by key so the order never depends on hashing.
    func sortedRows() -> [(key: Key, tally: Tally)] {
        table.map { (key: $0.key, tally: $0.value) }
            .sorted { $0.tally.bytes != $1.tally.bytes ? $0.tally.bytes > $1.tally.bytes : $0.key < $1.key }
    }

    /// Keeps the heavier half of the rows (by bytes, then by key) and folds the rest. The cut is
    /// found among the byte counts alone, by selection rather than a sort (a sort of 32,769
    /// counts was most of a fold's cost), so folding needs little memory beyond the table.
    private mutating func fold() {
        let keep = capacity / 2
        var bytes = table.values.map(\.bytes)
        let cut = Selection.largest(rank: keep - 1, in: &bytes)
        // Rows heavier than the cut stay; of the rows at the cut, the smallest keys fill what is left.
        let room = keep - table.values.reduce(0) { $0 + ($1.bytes > cut ? 1 : 0) }
        var tied = Set(table.filter { $0.value.bytes == cut }.map(\.key).sorted().prefix(max(0, room)).map { Box($0) })
        var folded = Tally()
        var foldedCount = 0
        table = table.filtered(reserving: capacity + 1) { key, tally in
            let keep = tally.bytes > cut || (tally.bytes == cut && tied.remove(Box(key)) != nil)
            if !keep {
                folded.add(tally)
                foldedCount += 1
            }
            return keep
        }
        foldedTally.add(folded)
        foldedKeys += foldedCount
    }

    /// A key in a `Set` (keys are `FastHashable`, not necessarily `Hashable`).
    private struct Box: Hashable {
        let key: Key
        init(_ key: Key) { self.key = key }
        static func == (lhs: Box, rhs: Box) -> Bool { lhs.key == rhs.key }
        func hash(into hasher: inout Hasher) { hasher.combine(key.fastHash) }
    }
}

/// NAT-candidate bytes per flow key and per hour of the record's start, for the chart of NAT
/// bytes over time; which keys count is decided after the scan (`CountedTraffic`), so the
/// hours are kept per key.
///
/// Bounded like the per-address tables: past `capacity` (key, hour) rows a worker folds the
/// lightest half away; their bytes stay in `foldedBytes` and the series says how many bytes it
/// could not place in an hour.
struct HourlyTally {
    /// One flow key in one hour (Unix seconds / 3600).
    struct Key: FastHashable, Comparable, Sendable {
        let flow: FlowKey
        let hour: UInt64

        @inline(__always)
        var fastHash: UInt64 { flow.packed ^ hour &* FastHash.spread }

        static func < (lhs: Key, rhs: Key) -> Bool { (lhs.flow.packed, lhs.hour) < (rhs.flow.packed, rhs.hour) }
    }

    /// Seconds per bucket.
    static let bucketSeconds: UInt64 = 3600

    private(set) var table: BoundedTally<Key>

    init(capacity: Int) {
        table = BoundedTally(capacity: capacity)
    }

    /// Counts `bytes` of a record of `key` that started at `start` (records without a start
    /// time are left out of the series, and the series says so).
    @inline(__always)
    mutating func add(_ key: FlowKey, start: UInt64?, bytes: UInt64) {
        guard let start, bytes > 0 else { return }
        table.add(Key(flow: key, hour: start / Self.bucketSeconds), bytes: bytes, packets: 0)
    }

    /// Adds another worker's rows, their flow keys translated by `rekey`.
    mutating func merge(_ other: HourlyTally, rekey: (FlowKey) -> FlowKey) {
        table.merge(other.table) { Key(flow: rekey($0.flow), hour: $0.hour) }
    }

    /// The hours of each flow key: bytes by hour.
    func hoursByFlow() -> [FlowKey: [(hour: UInt64, bytes: UInt64)]] {
        var result: [FlowKey: [(hour: UInt64, bytes: UInt64)]] = [:]
        for (key, tally) in table.entries { result[key.flow, default: []].append((key.hour, tally.bytes)) }
        return result
    }
}

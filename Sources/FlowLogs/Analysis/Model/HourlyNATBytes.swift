/// NAT-processed bytes per hour, by category: what the HTML report's chart of NAT bytes over
/// time draws, so that a batch job's spike shows.
public struct HourlyNATBytes: Sendable, Equatable {
    /// One hour with NAT bytes.
    public struct Hour: Sendable, Equatable {
        /// The hour's start, Unix seconds (a multiple of 3600).
        public var start: UInt64
        /// Bytes by category; categories without bytes are absent.
        public var bytes: [ServiceCategory: UInt64]

        public init(start: UInt64, bytes: [ServiceCategory: UInt64]) {
            self.start = start
            self.bytes = bytes
        }
    }

    /// Seconds per bucket.
    public var bucketSeconds: UInt64 = 3600
    /// The hours that have NAT bytes, earliest first.
    public var hours: [Hour] = []
    /// Counted NAT bytes the series could not place in an hour: rows folded away when the
    /// per-hour table overflowed, records without a start time, and rounding of shared keys.
    public var unplacedBytes: UInt64 = 0

    public init() {}
}

extension HourlyNATBytes {
    /// The counted NAT legs' bytes by hour and category: each counted key's hours (from an
    /// `HourlyTally`), scaled by the share of the key that was counted (below 1 where replies or
    /// duplicate legs were split), rounded per hour and category.
    /// - Parameters:
    ///   - counted: the counted legs and their (possibly scaled) tallies.
    ///   - hoursByKey: bytes by hour of every key, from `HourlyTally.hoursByFlow()`.
    ///   - keyBytes: all bytes of a key as the scan counted them (`TrafficAggregator.flows`).
    ///   - total: the counted NAT bytes (`Report.nat.bytes`), to say what could not be placed.
    ///   - category: the category of a service-region index.
    init(counted: [(key: FlowKey, tally: SpanTally)], hoursByKey: [FlowKey: [(hour: UInt64, bytes: UInt64)]],
         keyBytes: (FlowKey) -> UInt64, total: UInt64, category: (Int) -> ServiceCategory) {
        self.init()
        var cells: [UInt64: [ServiceCategory: Double]] = [:]
        for (key, span) in counted {
            let full = keyBytes(key)
            guard full > 0, let rows = hoursByKey[key] else { continue }
            let share = min(1, Double(span.tally.bytes) / Double(full))
            let kind = category(key.serviceRegionIndex)
            for row in rows { cells[row.hour, default: [:]][kind, default: 0] += Double(row.bytes) * share }
        }
        var placed: UInt64 = 0
        for hour in cells.keys.sorted() {
            let bytes = cells[hour]!.compactMapValues { value -> UInt64? in
                let rounded = UInt64(saturating: value.rounded())
                return rounded > 0 ? rounded : nil
            }
            guard !bytes.isEmpty else { continue }
            for value in bytes.values { placed = placed.saturatingAdd(value) }
            hours.append(Hour(start: hour * bucketSeconds, bytes: bytes))  // hour = start / 3600: no overflow
        }
        unplacedBytes = total > placed ? total - placed : 0
    }
}

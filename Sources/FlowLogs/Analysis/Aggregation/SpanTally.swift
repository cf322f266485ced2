/// A tally with the time span of its records.
struct SpanTally: Sendable {
    var tally = Tally()
    var firstStart = UInt64.max
    var lastEnd: UInt64 = 0

    @inline(__always)
    mutating func add(bytes: UInt64, packets: UInt64, start: UInt64?, end: UInt64?, records: UInt64 = 1) {
        tally.add(bytes: bytes, packets: packets, records: records)
        if let start, start < firstStart { firstStart = start }
        if let end, end > lastEnd { lastEnd = end }
    }

    mutating func add(_ other: SpanTally) {
        tally.add(other.tally)
        firstStart = min(firstStart, other.firstStart)
        lastEnd = max(lastEnd, other.lastEnd)
    }
}

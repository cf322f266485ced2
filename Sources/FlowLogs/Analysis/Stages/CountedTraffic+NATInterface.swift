extension CountedTraffic {
    /// One pair of legs per connection on a gateway's interface: the instance-to-NAT legs
    /// wherever the format could show them (`pkt-*`), else the NAT-to-internet legs; and when
    /// the gateway's logs hold no instance-to-NAT legs at all, its NAT-to-internet legs.
    ///
    /// NAT-to-internet legs from a format that cannot show the inner legs of their direction
    /// count outside the time span of the inner legs of that direction and destination: a format
    /// change adds the period before it. Where the two spans overlap (two flow logs on one
    /// interface in different formats, or the old and new flow log at a format change), the same
    /// bytes are in both and are set aside from the NAT-to-internet legs, with a warning. The
    /// aggregates do not place bytes in time more finely than their spans, so the duplicate bytes
    /// are estimated from each side's share of its span that overlaps, the smaller estimate kept:
    /// exact when one span lies within the other (or both are the same), as at a format change
    /// inside a file's records or with two flow logs throughout.
    mutating func countNATLegs(_ own: [(key: FlowKey, value: SpanTally)], gateway: String) -> [(key: FlowKey, tally: SpanTally)] {
        struct Stream: Hashable {
            var direction: Direction
            var serviceRegionIndex: Int
        }
        var inner: [Stream: SpanTally] = [:], outer: [Stream: SpanTally] = [:]
        for (key, span) in own {
            let stream = Stream(direction: key.direction, serviceRegionIndex: key.serviceRegionIndex)
            if key.kind == .inner { inner[stream, default: SpanTally()].add(span) }
            else if !key.showsInner { outer[stream, default: SpanTally()].add(span) }
        }
        let hasInner = !inner.isEmpty
        // The fraction of each stream's NAT-to-internet bytes that are not duplicates.
        var keptShare: [Stream: Double] = [:]
        for (stream, span) in outer {
            guard let innerSpan = inner[stream], span.tally.bytes > 0 else { continue }
            let duplicate = min(Double(span.tally.bytes) * Self.overlap(of: span, with: innerSpan),
                                Double(innerSpan.tally.bytes) * Self.overlap(of: innerSpan, with: span))
            keptShare[stream] = max(0, 1 - duplicate / Double(span.tally.bytes))
        }
        var duplicates: UInt64 = 0
        var legs: [(key: FlowKey, tally: SpanTally)] = []
        for (key, span) in own {
            guard key.kind == .outer, hasInner else {
                legs.append((key, span))
                continue
            }
            guard !key.showsInner else { continue }
            var part = span
            if let kept = keptShare[Stream(direction: key.direction, serviceRegionIndex: key.serviceRegionIndex)], kept < 1 {
                part.tally = span.tally.scaled(by: kept)
                duplicates = duplicates.saturatingAdd(span.tally.bytes - min(part.tally.bytes, span.tally.bytes))
                if part.tally.bytes == 0 { continue }
            }
            legs.append((key, part))
        }
        if duplicates > 0 { warnings.append(.duplicateLegs(gateway: gateway, bytes: duplicates)) }
        return legs
    }

    /// The fraction (0…1) of `span`'s time that `other`'s covers; a span of one instant counts
    /// as covered when it lies strictly inside the other.
    static func overlap(of span: SpanTally, with other: SpanTally) -> Double {
        guard span.firstStart <= span.lastEnd, other.firstStart <= other.lastEnd else { return 0 }
        let start = max(span.firstStart, other.firstStart), end = min(span.lastEnd, other.lastEnd)
        if span.lastEnd == span.firstStart {
            return span.firstStart > other.firstStart && span.firstStart < other.lastEnd ? 1 : 0
        }
        guard end > start else { return 0 }
        return Double(end - start) / Double(span.lastEnd - span.firstStart)
    }
}

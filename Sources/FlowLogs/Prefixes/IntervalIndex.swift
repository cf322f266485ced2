/// Every address of one family cut into disjoint intervals, each owned by one prefix or by nobody:
/// the longest-prefix match turned into a search over sorted starts.
///
/// Nested CIDR blocks become flat intervals: with `10.0.0.0/8 → A` and `10.1.0.0/16 → B`, the
/// index holds `0.0.0.0 → none`, `10.0.0.0 → A`, `10.1.0.0 → B`, `10.2.0.0 → A`, `11.0.0.0 → none`.
/// A table on the top 16 bits of the key gives, for any address, the few intervals it can be in;
/// most /16s of the internet hold no AWS boundary at all, so most lookups are two array reads.
struct IntervalIndex<Key: FixedWidthInteger & UnsignedInteger & Sendable>: Sendable {
    /// Where each interval starts, ascending; the first is 0. Interval `i` ends where `i + 1` starts.
    let starts: [Key]
    /// The service-region index of each interval (0: in no AWS range).
    let serviceRegions: [UInt32]
    /// The prefix record of each interval (-1: in no AWS range).
    let records: [Int32]
    /// For each value of the key's top 16 bits, the interval holding the first key with those bits;
    /// one extra entry at the end holds the last interval.
    let blocks: [UInt32]

    /// How far a key is shifted to leave its top 16 bits.
    static var blockShift: Int { Key.bitWidth - 16 }

    /// One CIDR block as a closed range of keys, with what it maps to.
    struct Block {
        var first: Key
        var last: Key
        var record: Int32
        var serviceRegion: UInt32
    }

    /// Flattens CIDR blocks (any two are nested or disjoint, none repeated) into intervals.
    init(blocks input: [Block]) {
        // Outer blocks first at the same start, so inner ones are met while their parent is open.
        self.init(sortedBlocks: input.sorted { $0.first != $1.first ? $0.first < $1.first : $0.last > $1.last })
    }

    /// Flattens CIDR blocks already sorted by first key, then by last key descending (outer blocks
    /// before the blocks inside them).
    init(sortedBlocks sorted: [Block]) {
        var starts: [Key] = [0], serviceRegions: [UInt32] = [0], records: [Int32] = [-1]
        func begin(_ start: Key, _ owner: Block?) {
            if starts.last == start {
                serviceRegions[serviceRegions.count - 1] = owner?.serviceRegion ?? 0
                records[records.count - 1] = owner?.record ?? -1
            } else {
                starts.append(start)
                serviceRegions.append(owner?.serviceRegion ?? 0)
                records.append(owner?.record ?? -1)
            }
        }
        var open: [Block] = []  // the blocks holding the current position, innermost last
        func close(before position: Key?) {
            while let innermost = open.last, position.map({ innermost.last < $0 }) ?? true {
                open.removeLast()
                if innermost.last != Key.max { begin(innermost.last + 1, open.last) }
            }
        }
        for block in sorted {
            close(before: block.first)
            begin(block.first, block)
            open.append(block)
        }
        close(before: nil)

        var table = [UInt32](repeating: 0, count: (1 << 16) + 1)
        var interval = 0
        for top in 0..<(1 << 16) {
            let first = Key(top) << Self.blockShift
            while interval + 1 < starts.count, starts[interval + 1] <= first { interval += 1 }
            table[top] = UInt32(interval)
        }
        table[1 << 16] = UInt32(starts.count - 1)
        self.starts = starts
        self.serviceRegions = serviceRegions
        self.records = records
        self.blocks = table
    }

    /// The index of the interval that holds `key`. Allocation-free: two table reads, then a binary
    /// search over the intervals that start inside the key's /16 (none for most keys).
    @inline(__always)
    func interval(containing key: Key) -> Int {
        let top = Int(truncatingIfNeeded: key >> Self.blockShift)
        return blocks.withUnsafeBufferPointer { blocks in
            var low = Int(blocks[top]), high = Int(blocks[top &+ 1])
            guard low < high else { return low }
            return starts.withUnsafeBufferPointer { starts in
                // The answer is the last interval in low...high that starts at or before `key`.
                while low < high {
                    let middle = (low &+ high &+ 1) >> 1
                    if starts[middle] <= key { low = middle } else { high = middle &- 1 }
                }
                return low
            }
        }
    }
}

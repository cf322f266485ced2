/// The entries of one family grouped by CIDR block: each block is a run of the sorted order.
struct FamilyRuns {
    /// One CIDR block: its entries are `order[start..<end]`, in file order.
    struct Run {
        var start: Int
        var end: Int
        /// The entry whose service wins (an index into the family's entries).
        var winner: Int
    }

    /// Entry indices sorted by block (first address, then prefix length), then file order.
    let order: [Int32]
    /// The blocks in the sort order, which is the order `IntervalIndex` wants.
    let runs: [Run]
    let ranks: NameRanks

    init(_ entries: [PrefixFileEntry], ranks: NameRanks) {
        self.ranks = ranks
        let order = Self.sortedOrder(entries)
        self.order = order
        var runs: [Run] = []
        var start = 0
        while start < order.count {
            let prefix = entries[Int(order[start])].prefix
            var end = start + 1, winner = Int(order[start])
            while end < order.count, entries[Int(order[end])].prefix == prefix {
                let candidate = Int(order[end])
                if ranks.precedence[Int(entries[candidate].service)] < ranks.precedence[Int(entries[winner].service)] {
                    winner = candidate
                }
                end += 1
            }
            runs.append(Run(start: start, end: end, winner: winner))
            start = end
        }
        self.runs = runs
    }

    /// The entry indices sorted by first address, then prefix length (outer blocks first), then
    /// place in the file. Each entry becomes one integer, sorted as such (several times faster than
    /// sorting structs by a closure): IPv4 `first << 32 | length << 24 | index`, exact; IPv6 the
    /// top 96 bits of `first` in place of `first`, so blocks longer than /96 that differ only in
    /// the low 32 bits tie, and each run of ties is sorted again by the full comparison.
    static func sortedOrder(_ entries: [PrefixFileEntry]) -> [Int32] {
        // A 64 MB file holds fewer than a million entries: the index takes 24 bits.
        precondition(entries.count < 1 << 24, "more entries than the file size limit allows")
        let indexMask = (1 << 24) - 1
        if entries.allSatisfy(\.prefix.address.isIPv4) {
            var keys = entries.indices.map { index in
                UInt64(truncatingIfNeeded: entries[index].prefix.first.value) << 32
                    | UInt64(entries[index].prefix.length) << 24 | UInt64(index)
            }
            keys.sort()
            return keys.map { Int32(Int(truncatingIfNeeded: $0) & indexMask) }
        }
        var keys = entries.indices.map { index in
            entries[index].prefix.first.value & ~UInt128(UInt32.max)
                | UInt128(entries[index].prefix.length) << 24 | UInt128(index)
        }
        keys.sort()
        var order = keys.map { Int32(Int(truncatingIfNeeded: $0) & indexMask) }
        var start = 0
        while start < keys.count {
            var end = start + 1
            while end < keys.count, keys[end] >> 32 == keys[start] >> 32 { end += 1 }
            if end - start > 1 {
                order[start..<end].sort { lhs, rhs in
                    let (left, right) = (entries[Int(lhs)].prefix, entries[Int(rhs)].prefix)
                    if left.first != right.first { return left.first < right.first }
                    return left.length != right.length ? left.length < right.length : lhs < rhs
                }
            }
            start = end
        }
        return order
    }

    /// Record numbers for the runs, in the order their blocks first appear in the file.
    struct RecordNumbers {
        /// The record number of each run (by its index in `runs`).
        var numberOfRun: [Int]
        /// The runs by record number (from the first number given).
        var inFileOrder: [Int]
    }

    /// Numbers the runs from `firstNumber` in the order of their first entries in the file.
    func recordNumbers(from firstNumber: Int) -> RecordNumbers {
        // A run's first entry in the sorted order is its first in the file.
        var runStartingAt = [Int32](repeating: -1, count: order.count)
        for (position, run) in runs.enumerated() { runStartingAt[Int(order[run.start])] = Int32(position) }
        var numbers = RecordNumbers(numberOfRun: [Int](repeating: 0, count: runs.count), inFileOrder: [])
        numbers.inFileOrder.reserveCapacity(runs.count)
        for run in runStartingAt where run >= 0 {
            numbers.numberOfRun[Int(run)] = firstNumber + numbers.inFileOrder.count
            numbers.inFileOrder.append(Int(run))
        }
        return numbers
    }

    /// The indices of a run's entries, in file order.
    func entryIndices(of run: Int) -> ArraySlice<Int32> {
        order[runs[run].start..<runs[run].end]
    }
}

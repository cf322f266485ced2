/// When one name was given for one address: up to four disjoint runs of query times, in Unix
/// seconds. An answer at `t` names its address over `[t, t + window]`, so two answers closer than
/// the window make one run. A fifth run merges the two closest: the set only ever widens, which
/// can make an address look ambiguous, never silently named.
///
///     var times = QueryTimes(); let window: UInt32 = 3600
///     times.insert(100, 100, window: window)       // [100, 100]
///     times.insert(1000, 1000, window: window)     // [100, 1000]   (within an hour)
///     times.insert(90_000, 90_000, window: window) // [100, 1000], [90000, 90000]
///     times.overlaps(4000, 4500, window: window)   // true: 1000 + 3600 ≥ 4000
struct QueryTimes: Sendable {
    static let capacity = 4
    /// Starts in lanes 0…3, ends in lanes 4…7, runs sorted by start. A tuple, not `SIMD8`: its
    /// 4-byte alignment keeps an observation at 48 bytes (SIMD8 would align it to 32, making 96).
    private var storage: (UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32) = (0, 0, 0, 0, 0, 0, 0, 0)
    private var lanes: Lanes {
        get { Lanes(storage) }
        set { storage = newValue.storage }
    }
    private(set) var count: UInt8 = 0

    func start(_ index: Int) -> UInt32 { lanes[index] }
    func end(_ index: Int) -> UInt32 { lanes[index + 4] }

    /// True when an answer of these runs still names the address at some time in `[from, to]`.
    @inline(__always)
    func overlaps(_ from: UInt32, _ to: UInt32, window: UInt32) -> Bool {
        for index in 0..<Int(count) where lanes[index] <= to && lanes[index + 4] &+ min(window, UInt32.max - lanes[index + 4]) >= from {
            return true
        }
        return false
    }

    /// Adds the query times `[from, to]` (one answer: `from == to`).
    mutating func insert(_ from: UInt32, _ to: UInt32, window: UInt32) {
        var from = from, to = to
        // Absorb every run the new one touches (closer than the window).
        var index = 0
        while index < Int(count) {
            let start = lanes[index], end = lanes[index + 4]
            if Self.saturated(to, window) >= start, Self.saturated(end, window) >= from {
                from = min(from, start)
                to = max(to, end)
                remove(index)
            } else {
                index += 1
            }
        }
        // Place the new run among the others (five at most for a moment), then join the two
        // closest when there are more than four.
        var runs = SIMD16<UInt32>()  // starts in lanes 0…4, ends in lanes 8…12
        var total = 0
        var placed = false
        for index in 0..<Int(count) {
            if !placed, from < lanes[index] {
                runs[total] = from; runs[total + 8] = to; total += 1; placed = true
            }
            runs[total] = lanes[index]; runs[total + 8] = lanes[index + 4]; total += 1
        }
        if !placed { runs[total] = from; runs[total + 8] = to; total += 1 }
        if total > Self.capacity {
            var best = 0
            var bestGap = UInt32.max
            for index in 0..<(total - 1) {
                let gap = runs[index + 1] &- runs[index + 8]
                if gap < bestGap { bestGap = gap; best = index }
            }
            runs[best + 8] = max(runs[best + 8], runs[best + 9])
            for index in (best + 1)..<(total - 1) {
                runs[index] = runs[index + 1]
                runs[index + 8] = runs[index + 9]
            }
            total -= 1
        }
        for index in 0..<total {
            lanes[index] = runs[index]
            lanes[index + 4] = runs[index + 8]
        }
        count = UInt8(total)
    }

    private static func saturated(_ value: UInt32, _ add: UInt32) -> UInt32 {
        value > UInt32.max - add ? UInt32.max : value + add
    }

    private mutating func remove(_ index: Int) {
        for position in index..<(Int(count) - 1) {
            lanes[position] = lanes[position + 1]
            lanes[position + 4] = lanes[position + 5]
        }
        count -= 1
    }

    /// Indexed access to the tuple.
    struct Lanes {
        var storage: (UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32)

        init(_ storage: (UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32)) {
            self.storage = storage
        }

        subscript(index: Int) -> UInt32 {
            get { withUnsafeBytes(of: storage) { $0.load(fromByteOffset: index * 4, as: UInt32.self) } }
            set { withUnsafeMutableBytes(of: &storage) { $0.storeBytes(of: newValue, toByteOffset: index * 4, as: UInt32.self) } }
        }
    }
}

extension QueryTimes: Equatable {
    static func == (lhs: QueryTimes, rhs: QueryTimes) -> Bool {
        lhs.count == rhs.count && (0..<Int(lhs.count)).allSatisfy { lhs.start($0) == rhs.start($0) && lhs.end($0) == rhs.end($0) }
    }
}

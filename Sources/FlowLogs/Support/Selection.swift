/// Order statistics without a full sort.
enum Selection {
    /// The value at `rank` (0-based) of `values` sorted from largest to smallest: what
    /// `values.sorted(by: >)[rank]` is, in linear expected time. Reorders `values`.
    ///
    ///     var bytes: [UInt64] = [5, 9, 1, 9, 3]
    ///     Selection.largest(rank: 1, in: &bytes)  // 9
    ///     Selection.largest(rank: 3, in: &bytes)  // 3
    ///
    /// Quickselect with a three-way partition (runs of equal values, common among light rows,
    /// settle in one round) around a median of three; after `2 × log2(count)` rounds it sorts what
    /// is left, so no input can make it quadratic.
    /// - Precondition: `0 <= rank < values.count`.
    static func largest(rank: Int, in values: inout [UInt64]) -> UInt64 {
        precondition(rank >= 0 && rank < values.count, "rank \(rank) outside 0..<\(values.count)")
        return values.withUnsafeMutableBufferPointer { buffer in
            var low = 0, high = buffer.count  // the answer's position is in low..<high
            var rounds = 2 * (Int.bitWidth - buffer.count.leadingZeroBitCount)
            while high - low > 1 {
                if rounds == 0 {
                    var rest = UnsafeMutableBufferPointer(rebasing: buffer[low..<high])
                    rest.sort(by: >)
                    return buffer[rank]
                }
                rounds -= 1
                let pivot = medianOfThree(buffer[low], buffer[low + (high - low) / 2], buffer[high - 1])
                // Larger than the pivot in low..<larger, equal in larger..<next, smaller from smaller on.
                var larger = low, next = low, smaller = high
                while next < smaller {
                    let value = buffer[next]
                    if value > pivot {
                        buffer.swapAt(larger, next)
                        larger += 1
                        next += 1
                    } else if value < pivot {
                        smaller -= 1
                        buffer.swapAt(next, smaller)
                    } else {
                        next += 1
                    }
                }
                if rank < larger {
                    high = larger
                } else if rank < smaller {
                    return pivot
                } else {
                    low = smaller
                }
            }
            return buffer[low]
        }
    }

    private static func medianOfThree(_ a: UInt64, _ b: UInt64, _ c: UInt64) -> UInt64 {
        max(min(a, b), min(max(a, b), c))
    }
}

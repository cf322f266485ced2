import Testing
@testable import FlowLogs

/// `Selection.largest` against a full sort: every rank of small arrays, random ranks of larger
/// ones, with many ties, all equal, already sorted either way, and an organ pipe.
struct SelectionTests {
    static func expectEveryRank(_ values: [UInt64], _ label: String) {
        let sorted = values.sorted(by: >)
        for rank in values.indices {
            var copy = values
            #expect(Selection.largest(rank: rank, in: &copy) == sorted[rank], "\(label), rank \(rank)")
            #expect(copy.sorted() == values.sorted(), "\(label): the values are only reordered")
        }
    }

    @Test func everyRankOfSmallArrays() {
        var random = SplitMix64(seed: 11)
        for count in 1...40 {
            Self.expectEveryRank((0..<count).map { _ in random.next() % 1000 }, "random \(count)")
            Self.expectEveryRank((0..<count).map { _ in random.next() % 3 }, "three values, \(count)")
            Self.expectEveryRank([UInt64](repeating: 7, count: count), "all equal, \(count)")
            Self.expectEveryRank((0..<UInt64(count)).map { $0 }, "ascending \(count)")
            Self.expectEveryRank((0..<UInt64(count)).reversed().map { $0 }, "descending \(count)")
        }
    }

    @Test func randomRanksOfLargeArrays() {
        var random = SplitMix64(seed: 12)
        let shapes: [(String, (Int) -> UInt64)] = [
            ("random", { _ in random.next() }),
            ("light rows with ties", { _ in random.next() % 16 == 0 ? random.next() % 1_000_000 : 40 + random.next() % 4 }),
            ("organ pipe", { index in UInt64(min(index, 40_000 - index)) }),
            ("ascending", { index in UInt64(index) }),
            ("all equal", { _ in 1 }),
        ]
        for (label, value) in shapes {
            let values = (0..<40_000).map(value)
            let sorted = values.sorted(by: >)
            for rank in [0, 1, 19_999, 20_000, 39_998, 39_999, random.below(40_000)] {
                var copy = values
                #expect(Selection.largest(rank: rank, in: &copy) == sorted[rank], "\(label), rank \(rank)")
            }
        }
    }
}

import Testing
@testable import FlowLogs

struct EastWestByInterfaceTests {
    /// The rule, written plainly: every interface's bytes summed, the `capacity` smallest
    /// interfaces kept apart, the others summed into `other`.
    static func expected(_ adds: [(UInt64, UInt64, UInt64)]) -> (entries: [EastWestByInterface.Entry], other: EastWestByInterface.Entry) {
        var sums: [UInt64: (UInt64, UInt64)] = [:]
        for (interface, bytesIn, bytesOut) in adds {
            sums[interface, default: (0, 0)].0 += bytesIn
            sums[interface, default: (0, 0)].1 += bytesOut
        }
        let sorted = sums.keys.sorted()
        let kept = sorted.prefix(EastWestByInterface.capacity).map {
            EastWestByInterface.Entry(interface: $0, bytesIn: sums[$0]!.0, bytesOut: sums[$0]!.1)
        }
        var other = EastWestByInterface.Entry(interface: .max)
        for interface in sorted.dropFirst(EastWestByInterface.capacity) {
            other.bytesIn += sums[interface]!.0
            other.bytesOut += sums[interface]!.1
        }
        return (kept, other)
    }

    @Test(arguments: [1, 2, 4, 5, 9, 40])
    func keepsTheSmallestInterfacesWhateverTheOrder(interfaces: Int) {
        var random = SplitMix64(seed: UInt64(interfaces))
        let ids = (0..<interfaces).map { _ in random.next() | 1 }
        let adds = (0..<200).map { _ in (ids[random.below(interfaces)], UInt64(random.below(1000)), UInt64(random.below(1000))) }
        let want = Self.expected(adds)

        var whole = EastWestByInterface()
        for (interface, bytesIn, bytesOut) in adds { whole.add(interface: interface, bytesIn: bytesIn, bytesOut: bytesOut) }
        #expect(whole.entries == want.entries)
        #expect(whole.other == want.other)

        // Split between two workers and merged: the same figures.
        var first = EastWestByInterface(), second = EastWestByInterface()
        for (offset, add) in adds.enumerated() {
            if offset % 3 == 0 { first.add(interface: add.0, bytesIn: add.1, bytesOut: add.2) } else { second.add(interface: add.0, bytesIn: add.1, bytesOut: add.2) }
        }
        second.merge(first)
        #expect(second == whole)
        for entry in want.entries { #expect(whole.bytes(on: entry.interface) == entry) }
    }

    @Test func memoHashesAsTheHashDoes() {
        var memo = EastWestByInterface.HashMemo()
        let ids = ["eni-0123456789abcdef0", "eni-0123456789abcdef0", "eni-1", "eni-0123456789abcdef1", "-", "eni-0123456789abcdef1234567890",
                   "eni-0123456789abcdef1234567890", "eni-1"]
        #expect(memo.hash(of: nil) == 0)
        for id in ids {
            var text = id
            let hash = text.withUTF8 { memo.hash(of: UnsafeRawBufferPointer($0)) }
            #expect(hash == EastWestByInterface.interfaceHash(id.utf8))
        }
        #expect(memo.hash(of: nil) == 0)
    }
}

import Testing
@testable import FlowLogs

struct FastMapTests {
    /// A key whose hashes collide in groups of 8, so probes run long and wrap around the table.
    struct Crowded: FastHashable {
        var value: Int
        var fastHash: UInt64 { UInt64(value / 8) }
    }

    @Test(arguments: [0, 1, 7, 8, 9, 100, 5000])
    func keepsFirstSeenOrderAndValuesThroughGrowth(count: Int) {
        var map = FastMap<Crowded, Int>(capacity: 4)
        var random = SplitMix64(seed: UInt64(count))
        var order: [Int] = []
        var expected: [Int: Int] = [:]
        for _ in 0..<(count * 3) {
            let key = random.below(Swift.max(count, 1))
            if expected[key] == nil { order.append(key) }
            expected[key, default: 0] += key + 1
            let index = map.update(Crowded(value: key), initial: 0) { $0 += key + 1 }
            #expect(map.keys[index].value == key)
        }
        #expect(map.count == order.count)
        #expect(map.keys.map(\.value) == order)
        #expect(map.map(\.value) == order.map { expected[$0]! })
        for key in order { #expect(map[Crowded(value: key)] == expected[key]) }
        #expect(map.index(of: Crowded(value: -1)) == nil)
        #expect(map[Crowded(value: count)] == nil)
    }

    @Test func copiesAreValues() {
        var original = FastMap<IPAddress, [Int]>(capacity: 2)
        for value in 0..<20 { original.update(IPAddress(ipv4: UInt32(value)), initial: []) { $0.append(value) } }
        let snapshot = original
        let values = original.values
        var copy = original
        copy.modify(at: 3) { $0.append(100) }
        for value in 20..<40 { copy.update(IPAddress(ipv4: UInt32(value)), initial: []) { $0.append(value) } }
        original.update(IPAddress(ipv4: 0), initial: []) { $0.append(-1) }

        #expect(snapshot.count == 20 && values.count == 20)
        #expect(snapshot.values.map { $0 } == (0..<20).map { [$0] })
        #expect(values.map { $0 } == (0..<20).map { [$0] })
        #expect(copy.count == 40 && copy.values[3] == [3, 100] && copy.values[0] == [0])
        #expect(original.count == 20 && original.values[0] == [0, -1] && original.values[3] == [3])
    }

    @Test func aMapFilledToItsCapacityKeepsItsSize() {
        // The bounded tables stop at 32,768 rows: the map holding exactly that many must not
        // double (the memory benchmark's peak RSS grew when it did); one more row grows it.
        var map = FastMap<IPAddress, Int>(capacity: 32_768)
        #expect(map.capacity == 32_768)
        for value in 0..<32_768 { map.update(IPAddress(ipv4: UInt32(value)), initial: value) { _ in } }
        #expect(map.count == 32_768 && map.capacity == 32_768)
        map.update(IPAddress(ipv4: 40_000), initial: 40_000) { _ in }
        #expect(map.count == 32_769 && map.capacity == 65_536)
        #expect((0..<32_768).allSatisfy { map[IPAddress(ipv4: UInt32($0))] == $0 } && map[IPAddress(ipv4: 40_000)] == 40_000)
        // A capacity asked for is what is allocated, not the power of two above it.
        #expect(FastMap<IPAddress, Int>(capacity: 40_000).capacity == 40_000)
    }

    @Test func filteredKeepsOrderAndFinds() {
        var map = FastMap<Crowded, Int>()
        for value in 0..<100 { map.update(Crowded(value: value), initial: value) { _ in } }
        let even = map.filtered { key, _ in key.value % 2 == 0 }
        #expect(even.keys.map(\.value) == Array(stride(from: 0, to: 100, by: 2)))
        #expect(even[Crowded(value: 42)] == 42)
        #expect(even[Crowded(value: 43)] == nil)
        #expect(map.count == 100)
    }
}

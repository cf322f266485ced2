/// A key with a cheap, well-mixed hash: the hot tables hash millions of keys a second, and
/// `Hasher` (SipHash) costs more than the rest of the work on a record.
protocol FastHashable: Equatable {
    /// A hash whose low bits are well mixed.
    var fastHash: UInt64 { get }
}

extension FastHashable {
    /// Mixes 64 bits so every input bit reaches the low bits (the murmur3 finalizer).
    @inline(__always)
    static func mix(_ value: UInt64) -> UInt64 {
        var x = value
        x ^= x >> 33
        x &*= 0xff51_afd7_ed55_8ccd
        x ^= x >> 33
        x &*= 0xc4ce_b9fe_1a85_ec53
        x ^= x >> 33
        return x
    }
}

/// An insertion-ordered hash map with open addressing (linear probing) for the hot tables.
///
/// Keys and values live in dense arrays in the order they were first seen, so iteration is
/// deterministic (Swift's `Dictionary` order changes from run to run); the probe table holds
/// indices into them. Entries are never removed one by one: `rebuild(keeping:)` makes a new map.
struct FastMap<Key: FastHashable, Value> {
    private(set) var keys: [Key] = []
    private(set) var values: [Value] = []
    /// Index + 1 into `keys`; 0 marks an empty slot.
    private var slots: [Int32]
    private var mask: Int

    init(capacity: Int = 16) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        slots = [Int32](repeating: 0, count: size)
        mask = size - 1
        keys.reserveCapacity(capacity)
        values.reserveCapacity(capacity)
    }

    var count: Int { keys.count }
    var isEmpty: Bool { keys.isEmpty }

    /// The index of `key` in `keys`/`values`, or `nil`.
    @inline(__always)
    func index(of key: Key) -> Int? {
        var slot = Int(truncatingIfNeeded: key.fastHash) & mask
        while true {
            let entry = Int(slots[slot])
            if entry == 0 { return nil }
            if keys[entry - 1] == key { return entry - 1 }
            slot = (slot + 1) & mask
        }
    }

    /// The value for `key`, or `nil`.
    @inline(__always)
    subscript(key: Key) -> Value? {
        index(of: key).map { values[$0] }
    }

    /// Updates the value for `key`, inserting `initial()` first when the key is new.
    /// - Returns: the index of the key.
    @inline(__always)
    @discardableResult
    mutating func update(_ key: Key, initial: @autoclosure () -> Value, _ body: (inout Value) -> Void) -> Int {
        var slot = Int(truncatingIfNeeded: key.fastHash) & mask
        while true {
            let entry = Int(slots[slot])
            if entry == 0 { break }
            if keys[entry - 1] == key {
                body(&values[entry - 1])
                return entry - 1
            }
            slot = (slot + 1) & mask
        }
        keys.append(key)
        values.append(initial())
        let index = keys.count - 1
        body(&values[index])
        slots[slot] = Int32(keys.count)
        if keys.count * 2 > slots.count { grow() }
        return index
    }

    /// Changes the value at `index` in place.
    @inline(__always)
    mutating func modify(at index: Int, _ body: (inout Value) -> Void) {
        body(&values[index])
    }

    /// A new map holding only the entries `keep` accepts, in the same order, with room for
    /// `reserving` entries.
    func filtered(reserving: Int = 0, _ keep: (Key, Value) -> Bool) -> FastMap {
        var result = FastMap(capacity: Swift.max(reserving, 16))
        for (key, value) in zip(keys, values) where keep(key, value) {
            result.update(key, initial: value) { _ in }
        }
        return result
    }

    private mutating func grow() {
        let size = slots.count * 2
        var fresh = [Int32](repeating: 0, count: size)
        let newMask = size - 1
        for (index, key) in keys.enumerated() {
            var slot = Int(truncatingIfNeeded: key.fastHash) & newMask
            while fresh[slot] != 0 { slot = (slot + 1) & newMask }
            fresh[slot] = Int32(index + 1)
        }
        slots = fresh
        mask = newMask
    }
}

extension IPAddress: FastHashable {
    @inline(__always)
    var fastHash: UInt64 {
        Self.mix(UInt64(truncatingIfNeeded: value) ^ UInt64(truncatingIfNeeded: value >> 64) &* 0x9E37_79B9_7F4A_7C15)
    }
}

extension FastMap: Sequence {
    /// Entries in first-seen order, shaped like a `Dictionary`'s.
    func makeIterator() -> AnyIterator<(key: Key, value: Value)> {
        var index = 0
        return AnyIterator {
            guard index < keys.count else { return nil }
            defer { index += 1 }
            return (key: keys[index], value: values[index])
        }
    }

    var underestimatedCount: Int { keys.count }
}

/// Value semantics throughout (arrays only): sendable when its keys and values are.
extension FastMap: Sendable where Key: Sendable, Value: Sendable {}

/// A key with a cheap hash: the hot tables hash millions of keys a second, and `Hasher`
/// (SipHash) costs more than the rest of the work on a record.
protocol FastHashable: Equatable {
    /// 64 bits that tell keys apart (distinct keys should give distinct values). They need no
    /// mixing: `FastMap` multiplies them by `FastHash.spread` and takes the top bits, which
    /// every input bit reaches (Fibonacci hashing).
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
/// Keys and values live in dense buffers in the order they were first seen, so iteration is
/// deterministic (Swift's `Dictionary` order changes from run to run); the probe table holds
/// indices into them. Entries are never removed one by one: `filtered(reserving:_:)` makes a new map.
///
/// The buffers are raw memory owned by one `Storage` object, not Swift arrays: a write to an
/// array checks its bounds and that it is not shared, each time; here a change checks once that
/// the storage is not shared (copy on write, so the map is still a value), and the probe's reads
/// and the value's write check nothing.
struct FastMap<Key: FastHashable, Value> {
    private var storage: Storage

    init(capacity: Int = 16) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        storage = Storage(slotCount: size, capacity: Swift.max(capacity, 1))
    }

    var count: Int { storage.count }
    /// Entries the map holds before it grows.
    var capacity: Int { storage.capacity }
    var isEmpty: Bool { storage.count == 0 }

    /// The keys in first-seen order.
    var keys: Column<Key> { Column(owner: storage, base: storage.keys) }
    /// The values in first-seen order (`values[index(of: key)!]` is the key's value).
    var values: Column<Value> { Column(owner: storage, base: storage.values) }

    /// The index of `key` in `keys`/`values`, or `nil`.
    @inline(__always)
    func index(of key: Key) -> Int? {
        let (found, _) = storage.probe(key)
        return found
    }

    /// The value for `key`, or `nil`.
    @inline(__always)
    subscript(key: Key) -> Value? {
        index(of: key).map { storage.values[$0] }
    }

    /// Updates the value for `key`, inserting `initial()` first when the key is new: one probe
    /// finds the key or the empty slot it goes in.
    /// - Returns: the index of the key.
    @inline(__always)
    @discardableResult
    mutating func update(_ key: Key, initial: @autoclosure () -> Value, _ body: (inout Value) -> Void) -> Int {
        makeUnique()
        let (found, firstSlot) = storage.probe(key)
        if let found {
            body(&storage.values[found])
            return found
        }
        // Grown only when a key does not fit, so a table bounded at its capacity (32,768 rows)
        // stays at that size instead of doubling when its last row goes in.
        let slot = storage.count == storage.capacity ? grow(toFit: key) : firstSlot
        let index = storage.count
        (storage.keys + index).initialize(to: key)
        (storage.values + index).initialize(to: initial())
        storage.count = index &+ 1
        storage.slots[slot] = Int32(truncatingIfNeeded: index &+ 1)
        body(&storage.values[index])
        return index
    }

    /// Doubles the storage and returns the slot `key` goes in there. Kept out of line: inlined,
    /// the rare growth made `update` too big to inline into the aggregation's hot callers
    /// (71 more instructions a record on the default benchmark set).
    @inline(never)
    private mutating func grow(toFit key: Key) -> Int {
        storage = storage.grown()
        return storage.probe(key).slot
    }

    /// Changes the value at `index` in place.
    /// - Precondition: `index < count`.
    @inline(__always)
    mutating func modify(at index: Int, _ body: (inout Value) -> Void) {
        precondition(index >= 0 && index < storage.count, "FastMap index out of range")
        makeUnique()
        body(&storage.values[index])
    }

    /// A new map holding only the entries `keep` accepts, in the same order, with room for
    /// `reserving` entries.
    func filtered(reserving: Int = 0, _ keep: (Key, Value) -> Bool) -> FastMap {
        var result = FastMap(capacity: Swift.max(reserving, 16))
        for index in 0..<storage.count where keep(storage.keys[index], storage.values[index]) {
            result.update(storage.keys[index], initial: storage.values[index]) { _ in }
        }
        return result
    }

    /// Copies the storage when another map (or a `Column`) shares it: value semantics.
    @inline(__always)
    private mutating func makeUnique() {
        if !isKnownUniquelyReferenced(&storage) { storage = storage.copy() }
    }

    /// The buffers: `capacity` keys and values (the first `count` initialised) and
    /// `2 × capacity` slots, each 0 (empty) or index + 1.
    ///
    /// Every stored property is a `let` (a growing map gets a new `Storage`) and the count sits
    /// behind a pointer: a class's `var` would cost a dynamic exclusivity check on each access.
    final class Storage {
        let keys: UnsafeMutablePointer<Key>
        let values: UnsafeMutablePointer<Value>
        let slots: UnsafeMutablePointer<Int32>
        /// Entries that fit before the table grows: at most half the slots, so a probe always ends.
        let capacity: Int
        private let mask: Int
        /// 64 − log2(slots): the shift that leaves a slot number.
        private let shift: UInt64
        private let counter: UnsafeMutablePointer<Int>

        var count: Int {
            @inline(__always) get { counter.pointee }
            @inline(__always) set { counter.pointee = newValue }
        }

        /// - Parameter capacity: at most half of `slotCount` (a folded table asks for its bound,
        ///   not the power of two above it).
        fileprivate init(slotCount: Int, capacity: Int) {
            self.capacity = capacity
            mask = slotCount - 1
            shift = UInt64(64 - slotCount.trailingZeroBitCount)
            keys = .allocate(capacity: capacity)
            values = .allocate(capacity: capacity)
            slots = .allocate(capacity: slotCount)
            slots.initialize(repeating: 0, count: slotCount)
            counter = .allocate(capacity: 1)
            counter.initialize(to: 0)
        }

        deinit {
            keys.deinitialize(count: count)
            values.deinitialize(count: count)
            keys.deallocate()
            values.deallocate()
            slots.deallocate()
            counter.deallocate()
        }

        /// Where the probe for `key` starts: the top bits of its hash times `FastHash.spread`.
        @inline(__always)
        private func startSlot(_ key: Key) -> Int {
            Int(truncatingIfNeeded: (key.fastHash &* FastHash.spread) >> shift)
        }

        /// The index of `key` when present, and the slot that holds it or where it would go.
        @inline(__always)
        fileprivate func probe(_ key: Key) -> (index: Int?, slot: Int) {
            var slot = startSlot(key)
            while true {
                let entry = Int(slots[slot])
                if entry == 0 { return (nil, slot) }
                if keys[entry &- 1] == key { return (entry &- 1, slot) }
                slot = (slot &+ 1) & mask
            }
        }

        fileprivate func copy() -> Storage {
            let fresh = Storage(slotCount: mask + 1, capacity: capacity)
            fresh.keys.initialize(from: keys, count: count)
            fresh.values.initialize(from: values, count: count)
            fresh.slots.update(from: slots, count: mask + 1)
            fresh.count = count
            return fresh
        }

        /// A storage twice the size holding these entries, moved (this one is left empty).
        fileprivate func grown() -> Storage {
            let fresh = Storage(slotCount: (mask + 1) * 2, capacity: mask + 1)
            fresh.keys.moveInitialize(from: keys, count: count)
            fresh.values.moveInitialize(from: values, count: count)
            fresh.count = count
            count = 0
            for index in 0..<fresh.count {
                var slot = fresh.startSlot(fresh.keys[index])
                while fresh.slots[slot] != 0 { slot = (slot &+ 1) & fresh.mask }
                fresh.slots[slot] = Int32(truncatingIfNeeded: index + 1)
            }
            return fresh
        }
    }

    /// The keys or the values of a map, by index, as they were when the column was taken (it
    /// keeps the storage alive; a later change to the map copies it first).
    struct Column<Element>: RandomAccessCollection {
        fileprivate let owner: Storage
        fileprivate let base: UnsafeMutablePointer<Element>

        var startIndex: Int { 0 }
        var endIndex: Int { owner.count }

        subscript(position: Int) -> Element {
            precondition(position >= 0 && position < owner.count, "FastMap index out of range")
            return base[position]
        }
    }
}

extension IPAddress: FastHashable {
    @inline(__always)
    var fastHash: UInt64 { hashFold }

    /// The address folded to 64 bits: a key holding an address and other fields hashes as
    /// `hashFold ^ (fields &* FastHash.spread)`. IPv4 addresses keep their 32 bits apart (the
    /// fold is injective on them).
    @inline(__always)
    var hashFold: UInt64 {
        UInt64(truncatingIfNeeded: value) ^ UInt64(truncatingIfNeeded: value >> 64) &* FastHash.spread
    }
}

/// Constants of the hot tables' hashes.
enum FastHash {
    /// An odd 64-bit constant (2^64 / golden ratio): multiplying by it spreads a value over the
    /// top bits, and it is invertible, so distinct values stay distinct.
    static let spread: UInt64 = 0x9E37_79B9_7F4A_7C15
}

extension FastMap: Sequence {
    /// Entries in first-seen order, shaped like a `Dictionary`'s.
    struct Iterator: IteratorProtocol {
        fileprivate let storage: Storage
        fileprivate var index = 0

        mutating func next() -> (key: Key, value: Value)? {
            guard index < storage.count else { return nil }
            defer { index += 1 }
            return (key: storage.keys[index], value: storage.values[index])
        }
    }

    func makeIterator() -> Iterator { Iterator(storage: storage) }

    var underestimatedCount: Int { storage.count }
}

/// A value (copy on write; the storage is never changed while shared): sendable when its keys
/// and values are.
extension FastMap: @unchecked Sendable where Key: Sendable, Value: Sendable {}

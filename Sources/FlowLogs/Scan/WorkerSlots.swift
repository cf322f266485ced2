import Synchronization

/// A shared counter handing out 0, 1, 2… to worker threads.
final class AtomicCounter: Sendable {
    private let value = Atomic<Int>(0)

    func next() -> Int { value.wrappingAdd(1, ordering: .relaxed).oldValue }
}

/// Slots that worker threads fill, each slot written by one thread only, read after they join.
/// Plain memory, not a Swift array: an array is one value, and two threads writing different
/// elements of it would both be accessing it.
final class SharedResults<Value>: @unchecked Sendable {
    private let slots: UnsafeMutablePointer<Value?>
    private let count: Int

    init(count: Int) {
        self.count = count
        slots = .allocate(capacity: max(1, count))
        slots.initialize(repeating: nil, count: count)
    }

    deinit {
        slots.deinitialize(count: count)
        slots.deallocate()
    }

    func set(_ index: Int, _ value: Value) {
        slots[index] = value
    }

    func take(_ index: Int) -> Value? {
        defer { slots[index] = nil }
        return slots[index]
    }
}

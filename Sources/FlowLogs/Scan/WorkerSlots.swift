import Foundation
import Synchronization

/// Runs `work(0)`, `work(1)`… `work(count - 1)` on their own threads and returns when all have
/// finished; one worker runs on the calling thread. Each worker fills its own slots
/// (`SharedResults`), read after the join.
enum WorkerThreads {
    static func run(_ count: Int, _ work: @escaping (Int) -> Void) {
        guard count > 1 else { return work(0) }
        let done = DispatchSemaphore(value: 0)  // starts at 0 and is signalled: never freed below its value
        let job = UnsafeSendable(work)
        for worker in 0..<count {
            let thread = Thread { job.value(worker); done.signal() }
            thread.stackSize = 1 << 20
            thread.start()
        }
        for _ in 0..<count { done.wait() }
    }
}

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

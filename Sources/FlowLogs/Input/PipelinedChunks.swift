import Dispatch
import Foundation

/// Decompresses a file on a second thread while the caller parses what is already there: a
/// ring of chunk buffers, filled by the producer, handed to the consumer in order.
///
/// Used when there are fewer files than cores (one big `.gz`), so inflate and parsing overlap.
/// Semaphores start at 0 and are signalled up (a `DispatchSemaphore` freed while below its
/// initial value traps).
final class PipelinedChunks: @unchecked Sendable {
    static let ringSize = 4

    private let reader: DecodingReader
    private let buffers: [UnsafeMutableRawBufferPointer]
    /// Bytes in each buffer, and the reader's raw bytes read when it was filled (for progress).
    /// Plain memory, one slot per buffer: the producer and the consumer touch different slots,
    /// ordered by the semaphores (a Swift array would be one shared value to both threads).
    private let counts: UnsafeMutablePointer<Int>
    private let rawBytes: UnsafeMutablePointer<UInt64>
    private var error: InputError?
    /// Filled buffers ready for the consumer.
    private let filled = DispatchSemaphore(value: 0)
    /// Buffers the producer may fill.
    private let free = DispatchSemaphore(value: 0)
    /// Signalled once when the producer has stopped.
    private let finished = DispatchSemaphore(value: 0)
    private var cancelled = false
    private var consumed = 0
    private var holding = false
    /// True once the consumer saw the end (and waited for the producer to stop).
    private var ended = false

    init(reader: DecodingReader, chunkCapacity: Int) {
        self.reader = reader
        buffers = (0..<Self.ringSize).map { _ in .allocate(byteCount: chunkCapacity, alignment: 64) }
        counts = .allocate(capacity: Self.ringSize)
        counts.initialize(repeating: 0, count: Self.ringSize)
        rawBytes = .allocate(capacity: Self.ringSize)
        rawBytes.initialize(repeating: 0, count: Self.ringSize)
        for _ in 0..<Self.ringSize { free.signal() }
        // A thread of its own: a busy dispatch pool must not keep the producer from running.
        let thread = Thread { self.produce() }
        thread.stackSize = 1 << 20
        thread.start()
    }

    deinit {
        for buffer in buffers { buffer.deallocate() }
        counts.deallocate()
        rawBytes.deallocate()
    }

    private func produce() {
        var index = 0
        while true {
            free.wait()
            if cancelled { break }
            let slot = index % Self.ringSize
            do {
                counts[slot] = try reader.read(into: buffers[slot])
            } catch {
                self.error = error
                counts[slot] = 0
            }
            rawBytes[slot] = reader.rawBytesRead
            let ended = counts[slot] == 0
            filled.signal()
            if ended { break }
            index += 1
        }
        finished.signal()
    }

    /// The reader's raw bytes read when the chunk last handed out was produced.
    private(set) var rawBytesRead: UInt64 = 0

    /// The next decompressed chunk, valid until the next call; `nil` at the end.
    /// - Throws: the producer's error, after every chunk before it was handed out.
    func next() throws(InputError) -> UnsafeRawBufferPointer? {
        if holding {
            holding = false
            free.signal()
        }
        filled.wait()
        let slot = consumed % Self.ringSize
        consumed += 1
        let count = counts[slot]
        rawBytesRead = rawBytes[slot]
        guard count > 0 else {
            ended = true
            finished.wait()
            if let error { throw error }
            return nil
        }
        holding = true
        return UnsafeRawBufferPointer(rebasing: buffers[slot][..<count])
    }

    /// Stops the producer early (the consumer gave up on the file) and waits for it.
    func cancel() {
        guard !ended else { return }
        ended = true
        cancelled = true
        free.signal()  // wake a producer waiting for room
        // Drain what it may still deliver until it says it stopped.
        while finished.wait(timeout: .now() + .milliseconds(1)) == .timedOut {
            if filled.wait(timeout: .now()) == .success { free.signal() }
        }
    }
}

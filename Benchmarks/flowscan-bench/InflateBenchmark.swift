import CZlib
import Dispatch
import FlowLogs
import Foundation

/// `flowscan-bench inflate [--jobs N] PATH...`: bare zlib inflate of every file (no line
/// splitting, no parsing), spread over N threads: the physical limit of reading gzip here.
func runInflateBenchmark(_ arguments: [String]) throws {
    var jobs = 1
    var paths: [String] = []
    var index = 0
    while index < arguments.count {
        if arguments[index] == "--jobs", index + 1 < arguments.count {
            jobs = Int(arguments[index + 1]) ?? 1
            index += 2
        } else {
            paths.append(arguments[index])
            index += 1
        }
    }
    let files = InputDiscovery.discover(paths).filter { $0.skipReason == nil }.map(\.path)
    let next = Counter()
    let total = Counter()
    let started = DispatchTime.now()
    DispatchQueue.concurrentPerform(iterations: jobs) { _ in
        var bytes: UInt64 = 0
        while true {
            let file = next.increment() - 1
            guard file < files.count else { break }
            bytes += bareInflate(files[file])
        }
        _ = total.add(bytes)
    }
    let seconds = Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e9
    let megabytes = Double(total.value) / 1e6
    print("inflate: \(files.count) files, \(Int(megabytes)) MB uncompressed, \(jobs) thread(s): "
        + "\(String(format: "%.2f", seconds)) s, \(Int(megabytes / seconds)) MB/s")
}

/// Decompresses every gzip member of `path` with zlib alone (read(2) into one buffer, inflate
/// into another, nothing else): the reference the reader's own speed is compared with.
/// - Returns: the decompressed size (0 when the file cannot be opened or is not gzip).
func bareInflate(_ path: String) -> UInt64 {
    let descriptor = open(path, O_RDONLY)
    guard descriptor >= 0 else { return 0 }
    defer { close(descriptor) }
    let inputCapacity = 1 << 16, outputCapacity = 1 << 18
    let input = UnsafeMutablePointer<UInt8>.allocate(capacity: inputCapacity)
    let output = UnsafeMutablePointer<UInt8>.allocate(capacity: outputCapacity)
    // zlib keeps a pointer back to the stream: it lives on the heap and never moves.
    let stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
    stream.initialize(to: z_stream())
    defer {
        inflateEnd(stream)
        stream.deallocate()
        input.deallocate()
        output.deallocate()
    }
    guard czlib_inflateInit2(stream, 15 + 16) == Z_OK else { return 0 }
    var total: UInt64 = 0
    while true {
        let count = read(descriptor, input, inputCapacity)
        guard count > 0 else { return total }
        stream.pointee.next_in = input
        stream.pointee.avail_in = uInt(count)
        while stream.pointee.avail_in > 0 {
            stream.pointee.next_out = output
            stream.pointee.avail_out = uInt(outputCapacity)
            let status = inflate(stream, Z_NO_FLUSH)
            total += UInt64(outputCapacity - Int(stream.pointee.avail_out))
            if status == Z_STREAM_END {
                inflateReset(stream)  // the next member, if any
            } else if status != Z_OK {
                return total
            }
        }
    }
}

/// A counter shared by benchmark threads.
final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var count: UInt64 = 0
    var value: UInt64 { lock.lock(); defer { lock.unlock() }; return count }
    func increment() -> Int { Int(add(1)) }
    func add(_ amount: UInt64) -> UInt64 {
        lock.lock()
        defer { lock.unlock() }
        count += amount
        return count
    }
}

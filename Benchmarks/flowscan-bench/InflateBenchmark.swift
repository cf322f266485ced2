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
            bytes += BenchmarkSupport.inflate(files[file])
        }
        _ = total.add(bytes)
    }
    let seconds = Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e9
    let megabytes = Double(total.value) / 1e6
    print("inflate: \(files.count) files, \(Int(megabytes)) MB uncompressed, \(jobs) thread(s): "
        + "\(String(format: "%.2f", seconds)) s, \(Int(megabytes / seconds)) MB/s")
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

import Dispatch
import Foundation

/// Reads a list of inputs on several threads, each worker with its own sink, merged at the end;
/// files are reported in input order whatever the number of workers.
struct InputScan {
    let options: ReadOptions
    /// Workers; 0 means one per core.
    var jobs = 0
    var progress: ScanProgress?

    init(options: ReadOptions, jobs: Int = 0, progress: ScanProgress? = nil) {
        self.options = options
        self.jobs = jobs
        self.progress = progress
    }

    /// The number of workers `jobs` asks for.
    static func workers(_ jobs: Int) -> Int {
        jobs > 0 ? jobs : max(1, ProcessInfo.processInfo.activeProcessorCount)
    }

    /// Reads every entry (skipped entries are reported, not read).
    /// - Parameter makeSink: a fresh sink for each worker.
    /// - Returns: one summary per entry, in the order of `entries`, and the merged sink.
    func run<Sink: MergeableSink>(_ entries: [InputDiscovery.Entry], makeSink: @escaping () -> Sink) -> (files: [FileSummary], sink: Sink) {
        let readable = entries.indices.filter { entries[$0].skipReason == nil }
        // Largest first, so one big file does not finish last; unknown sizes (pipes) first of all.
        let order = readable.sorted { lhs, rhs in
            let left = entries[lhs].size ?? .max, right = entries[rhs].size ?? .max
            return left != right ? left > right : lhs < rhs
        }
        let available = Self.workers(jobs)
        let workers = max(1, min(available, order.count))
        // Fewer files than cores: give each file a second thread to decompress on.
        let pipelined = order.count < available
        let results = SharedResults<FileSummary>(count: entries.count)
        let sinks = SharedResults<Sink>(count: workers)
        let cursor = AtomicCounter()
        let work = { (worker: Int) in
            var sink = makeSink()
            let reader = FlowLogFileReader(options: options)
            defer { reader.deallocate() }
            while true {
                let position = cursor.next()
                guard position < order.count else { break }
                let index = order[position]
                var reported: UInt64 = 0
                let summary = reader.read(entries[index].path, into: &sink, pipelined: pipelined) { raw in
                    progress?.add(bytes: raw &- reported)
                    reported = raw
                }
                progress?.finishFile()
                results.set(index, summary)
            }
            sinks.set(worker, sink)
        }
        WorkerThreads.run(workers, work)
        var files: [FileSummary] = []
        files.reserveCapacity(entries.count)
        for (index, entry) in entries.enumerated() {
            if let reason = entry.skipReason {
                var summary = FileSummary(path: entry.path)
                summary.status = .skipped
                summary.error = reason
                files.append(summary)
            } else {
                files.append(results.take(index)!)
            }
        }
        var merged = sinks.take(0)!
        for worker in 1..<workers { merged.merge(sinks.take(worker)!) }
        return (files, merged)
    }
}

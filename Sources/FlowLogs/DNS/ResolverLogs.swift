import Dispatch
import Foundation

/// The Route 53 Resolver query logs of a run: the files read and the address → name map they gave.
///
/// Resolver logs are found two ways: among the flow-log inputs, where the scan recognises them by
/// their first line (`LogContent`) and leaves them to this reader, and under `--dns-logs PATH`
/// (files or folders, read as Resolver logs whatever their first line says).
public struct ResolverLogs {
    /// One summary per Resolver log file read (or skipped), in input order.
    public var files: [FileSummary]
    public var names: DNSNames

    /// True when no Resolver log was given or found.
    public var isEmpty: Bool { files.isEmpty }

    public init(files: [FileSummary] = [], names: DNSNames = DNSNames()) {
        self.files = files
        self.names = names
    }

    /// Reads the Resolver logs of a run.
    /// - Parameters:
    ///   - scanned: the flow scan's file summaries: those it recognised as Resolver logs are read here.
    ///   - explicit: the `--dns-logs` paths (discovered like flow-log inputs).
    ///   - jobs: workers (0: one per core).
    /// - Returns: the logs, and `scanned` with each Resolver log's summary replaced by the full one
    ///   (explicit files not among them are appended).
    public static func read(completing scanned: [FileSummary], explicit: [String], options: DNSNamingOptions,
                            read: ReadOptions, jobs: Int = 0) -> (logs: ResolverLogs, files: [FileSummary]) {
        var entries: [InputDiscovery.Entry] = []
        var positions: [String: Int] = [:]
        for (index, file) in scanned.enumerated() where file.content == .resolverQueryLog && file.status == .ok {
            positions[file.path] = index
            entries.append(InputDiscovery.Entry(path: file.path, size: file.inputBytes))
        }
        for entry in InputDiscovery.discover(explicit) where positions[entry.path] == nil {
            entries.append(entry)
        }
        let logs = Self.read(entries, options: options, read: read, jobs: jobs)
        var files = scanned
        for summary in logs.files {
            if let index = positions[summary.path] {
                files[index] = summary
            } else {
                files.append(summary)
            }
        }
        return (logs, files)
    }

    /// Reads `entries` as Resolver logs on `jobs` workers, which parse apart and fill one map
    /// (`SharedDNSNames`): the memory bound is one map's, whatever the number of workers.
    public static func read(_ entries: [InputDiscovery.Entry], options: DNSNamingOptions, read: ReadOptions,
                            jobs: Int = 0) -> ResolverLogs {
        let readable = entries.indices.filter { entries[$0].skipReason == nil }
        let workers = max(1, min(InputScan.workers(jobs), readable.count))
        let results = SharedResults<FileSummary>(count: entries.count)
        let shared = SharedDNSNames(options: options)
        let cursor = AtomicCounter()
        let work = { (_: Int) in
            var names = shared
            let reader = ResolverLogReader(options: read)
            defer { reader.deallocate() }
            while true {
                let position = cursor.next()
                guard position < readable.count else { break }
                let index = readable[position]
                results.set(index, reader.read(entries[index].path, into: &names))
            }
        }
        WorkerThreads.run(workers, work)
        var files: [FileSummary] = []
        for (index, entry) in entries.enumerated() {
            if let reason = entry.skipReason {
                var summary = FileSummary(path: entry.path)
                summary.content = .resolverQueryLog
                summary.status = .skipped
                summary.error = reason
                files.append(summary)
            } else if let summary = results.take(index) {
                files.append(summary)
            }
        }
        return ResolverLogs(files: files, names: shared.take())
    }
}

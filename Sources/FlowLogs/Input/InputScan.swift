/// A record sink that workers fill independently and that merges into one at the end.
protocol MergeableSink: RecordSink {
    /// Folds another worker's results into this one.
    mutating func merge(_ other: Self)
}

/// A sink that keeps nothing: `inspect` needs only the file summaries.
struct DiscardingSink: MergeableSink {
    mutating func beginFile(path: String) {}
    @inline(__always)
    mutating func consume(_ record: FlowRecord, parser: RecordParser) {}
    mutating func merge(_ other: DiscardingSink) {}
}

/// Reads a list of inputs, handing records to a sink; files are reported in input order.
struct InputScan {
    let options: ReadOptions

    /// Reads every entry (skipped entries are reported, not read).
    /// - Returns: one summary per entry, in the order of `entries`, and the filled sink.
    func run<Sink: MergeableSink>(_ entries: [InputDiscovery.Entry], sink: Sink) -> (files: [FileSummary], sink: Sink) {
        var sink = sink
        let reader = FlowLogFileReader(options: options)
        defer { reader.deallocate() }
        var files: [FileSummary] = []
        files.reserveCapacity(entries.count)
        for entry in entries {
            if let reason = entry.skipReason {
                var summary = FileSummary(path: entry.path)
                summary.status = .skipped
                summary.error = reason
                files.append(summary)
                continue
            }
            files.append(reader.read(entry.path, into: &sink))
        }
        return (files, sink)
    }
}

/// What `flowscan inspect` reports: every file read, and the totals.
public struct Inspection: Sendable {
    public var files: [FileSummary]
    public var totals: InputTotals

    public init(files: [FileSummary]) {
        self.files = files
        self.totals = InputTotals(files)
    }

    /// Discovers and reads `paths`.
    public static func run(paths: [String], options: ReadOptions) -> Inspection {
        let entries = InputDiscovery.discover(paths)
        let (files, _) = InputScan(options: options).run(entries, sink: DiscardingSink())
        return Inspection(files: files)
    }
}

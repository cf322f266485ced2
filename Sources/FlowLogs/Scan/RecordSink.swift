/// Receives the records of the files being read.
protocol RecordSink {
    /// A new file starts.
    mutating func beginFile(path: String)
    /// A record with log-status OK (or none). Text fields are read through `parser` during the call.
    mutating func consume(_ record: FlowRecord, parser: RecordParser)
}

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

/// Receives the records of the files being read.
protocol RecordSink {
    /// A new file starts.
    mutating func beginFile(path: String)
    /// A record with log-status OK (or none): `parser.record`, with its text fields read through
    /// `parser` during the call. The record is read in place (`record` is an address into the
    /// parser): passing it by value would copy its 176 bytes per record.
    mutating func consume(_ parser: RecordParser)
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
    mutating func consume(_ parser: RecordParser) {}
    mutating func merge(_ other: DiscardingSink) {}
}

/// How files are read.
public struct ReadOptions: Sendable {
    /// The field list for files without a header (`--format`); `nil` assumes the default format.
    public var format: FlowLogFormat?
    /// How many malformed lines are kept as examples per file.
    public var malformedExampleLimit = 5
    /// Lines longer than this are malformed.
    public var maximumLineLength = LineSplitter.defaultMaximumLineLength
    /// The memory bound of Parquet input (row group and page sizes).
    public var parquetLimits = ParquetLimits()

    public init(format: FlowLogFormat? = nil) {
        self.format = format
    }
}

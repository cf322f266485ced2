/// What was read from one input file: the `files[]` element of `flowscan inspect --output json`.
public struct FileSummary: Sendable, Equatable {
    /// Whether the file was read to its end.
    public enum Status: String, Sendable {
        /// Read to the end.
        case ok
        /// Read until damage; what came before it counts.
        case damaged
        /// Not read at all (missing, unreadable, Parquet, binary…).
        case skipped
    }

    /// A malformed line kept as an example.
    public struct Example: Sendable, Equatable {
        public var line: Int
        public var reason: String
    }

    public var path: String
    /// What the file holds, told from its first line (`LogContent`).
    public var content = LogContent.flowLog
    /// `gzip` or `none`.
    public var compression = "none"
    public var status = Status.ok
    /// Why the file is damaged or skipped.
    public var error: String?
    /// Remarks that do not change the status (zero padding after the last gzip member…).
    public var notes: [String] = []
    /// Every distinct field list the file was read with, in order of first use.
    public var formats: [[String]] = []
    /// Records with log-status OK (or none). A pre-aggregated row counts as the records it
    /// stands for (its `records` column), here and in `noData` and `skipData`.
    public var records = 0
    public var noData = 0
    public var skipData = 0
    /// Lines that were pre-aggregated rows (a `records` column), and the records they stand for.
    public var preAggregatedRows = 0
    public var preAggregatedRecords = 0
    public var transitGateway = 0
    public var malformed = 0
    public var headers = 0
    /// Route 53 Resolver query records (files whose `content` is a Resolver query log).
    public var queries = 0
    /// The `vpc_id`s of those records, in order of first sight (at most `resolverVPCLimit`:
    /// a VPC's logs hold its own records, so a file holds one).
    public var resolverVPCs: [String] = []
    public static let resolverVPCLimit = 16
    public var blankLines = 0
    /// The first few malformed lines.
    public var malformedExamples: [Example] = []
    /// Sums over `records`.
    public var bytes: UInt64 = 0
    public var packets: UInt64 = 0
    /// The earliest `start` and latest `end` of `records`.
    public var firstStart: UInt64?
    public var lastEnd: UInt64?
    /// Bytes read from disk (compressed size for gzip).
    public var inputBytes: UInt64 = 0
    /// Bytes after decompression.
    public var decodedBytes: UInt64 = 0

    public init(path: String) {
        self.path = path
    }

    /// All lines accounted for: every line is exactly one of these.
    public var lines: Int {
        records + noData + skipData - preAggregatedRecords + preAggregatedRows + transitGateway + malformed + headers
            + blankLines + queries
    }

    /// Counts a pre-aggregated row (a line of a format with a `records` column) of any log-status.
    @inline(__always)
    mutating func addPreAggregatedRow(records weight: UInt64) {
        preAggregatedRows += 1
        preAggregatedRecords += Int(clamping: weight)
    }

    /// Counts a record's values (saturating: no sum can wrap around).
    @inline(__always)
    mutating func add(_ record: FlowRecord) {
        records += Int(clamping: record.multiplicity)
        if let value = record.bytes { bytes = bytes.saturatingAdd(value) }
        if let value = record.packets { packets = packets.saturatingAdd(value) }
        if let start = record.start, start < firstStart ?? .max { firstStart = start }
        if let end = record.end, end > lastEnd ?? 0 { lastEnd = end }
    }
}

extension FileSummary {
    /// Opens the file at `path` for reading, or marks it skipped with the reason it cannot be
    /// opened (missing, unreadable, a directory…) and returns nil.
    mutating func open() -> DecodingReader? {
        do {
            return try DecodingReader(path: path)
        } catch {
            status = .skipped
            self.error = error.reason
            return nil
        }
    }
}

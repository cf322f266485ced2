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
    /// `gzip` or `none`.
    public var compression = "none"
    public var status = Status.ok
    /// Why the file is damaged or skipped.
    public var error: String?
    /// Remarks that do not change the status (zero padding after the last gzip member…).
    public var notes: [String] = []
    /// Every distinct field list the file was read with, in order of first use.
    public var formats: [[String]] = []
    /// Records with log-status OK (or none).
    public var records = 0
    public var noData = 0
    public var skipData = 0
    public var transitGateway = 0
    public var malformed = 0
    public var headers = 0
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
        records + noData + skipData + transitGateway + malformed + headers + blankLines
    }

    /// Counts a record's values (saturating: no sum can wrap around).
    @inline(__always)
    mutating func add(_ record: FlowRecord) {
        records += 1
        if let value = record.bytes { bytes = bytes.saturatingAdd(value) }
        if let value = record.packets { packets = packets.saturatingAdd(value) }
        if let start = record.start, start < firstStart ?? .max { firstStart = start }
        if let end = record.end, end > lastEnd ?? 0 { lastEnd = end }
    }
}

/// The `totals` object of `flowscan inspect --output json`.
public struct InputTotals: Sendable, Equatable {
    public var files = 0
    public var records = 0
    public var noData = 0
    public var skipData = 0
    public var transitGateway = 0
    public var malformed = 0
    public var bytes: UInt64 = 0
    public var packets: UInt64 = 0
    public var damagedFiles = 0
    public var skippedFiles = 0
    public var firstStart: UInt64?
    public var lastEnd: UInt64?
    public var inputBytes: UInt64 = 0
    public var decodedBytes: UInt64 = 0

    public init(_ files: [FileSummary]) {
        self.files = files.count
        for file in files {
            records += file.records
            noData += file.noData
            skipData += file.skipData
            transitGateway += file.transitGateway
            malformed += file.malformed
            bytes = bytes.saturatingAdd(file.bytes)
            packets = packets.saturatingAdd(file.packets)
            damagedFiles += file.status == .damaged ? 1 : 0
            skippedFiles += file.status == .skipped ? 1 : 0
            if let start = file.firstStart { firstStart = min(firstStart ?? start, start) }
            if let end = file.lastEnd { lastEnd = max(lastEnd ?? end, end) }
            inputBytes = inputBytes.saturatingAdd(file.inputBytes)
            decodedBytes = decodedBytes.saturatingAdd(file.decodedBytes)
        }
    }

    /// True when every file was read to its end.
    public var isComplete: Bool { damagedFiles == 0 && skippedFiles == 0 }
}

extension UInt64 {
    /// The nearest `UInt64` to a non-negative `Double`: `.max` beyond it, 0 for negatives and NaN
    /// (a plain conversion traps on values out of range, and byte counts here can be any UInt64).
    init(saturating value: Double) {
        if value.isNaN || value <= 0 {
            self = 0
        } else if value >= 18_446_744_073_709_551_615.0 {
            self = .max
        } else {
            self = UInt64(value)
        }
    }

    /// `self + other`, or `UInt64.max` instead of wrapping around.
    @inline(__always)
    func saturatingAdd(_ other: UInt64) -> UInt64 {
        let (sum, overflow) = addingReportingOverflow(other)
        return overflow ? .max : sum
    }

    /// `self += other`, stopping at `UInt64.max` instead of wrapping around.
    @inline(__always)
    mutating func saturatingIncrease(by other: UInt64) {
        self = saturatingAdd(other)
    }
}

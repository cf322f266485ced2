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

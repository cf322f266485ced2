/// A run of columns of the last line the fast path read whole, kept as bytes so that a line that
/// holds the same bytes there skips those columns: they hold the same values, which the fast
/// path's record and the columns' memos still have.
///
/// Within a file most lines repeat the columns that say where they were logged (version,
/// account, interface, VPC, subnet, region…) and the window and verdict (start, end, action,
/// log-status); addresses, ports and counts change:
///
///     2 123456789012 eni-2944d838a123ba5df 10.0.17.11 10.0.1.220 54832 443 6 12 14268 1795479063 1795479122 ACCEPT OK
///     2 123456789012 eni-2944d838a123ba5df 10.0.1.220 3.216.140.103 43504 443 6 12 14268 1795479063 1795479122 ACCEPT OK
///     └──────────── span 1 (37 bytes) ────┘                                        └─── span 2 (31 bytes) ───┘
///
/// A span keeps the space after its columns (none at the line's end), so equal bytes mean equal
/// values with single spaces between them: a few word compares replace several columns' parsing.
struct RepeatedSpan {
    /// The most bytes a span keeps.
    static let capacity = 128
    /// The words `words` needs room for.
    static let wordCapacity = capacity / 8
    /// The most spans a format gets.
    static let maximumCount = 4

    /// The span's first column, and how many it covers (fixed by the format).
    var firstColumn: Int
    var columns: Int
    /// True when the span's last column is the format's: the bytes must end the line.
    var endsLine: Bool
    /// The `FlowRecord.present` bits of its columns.
    var presence: UInt32 = 0
    /// `FlowRecord.present` ANDed with this clears the bits of its columns that held `-`.
    var keep: UInt32 = .max
    /// The bytes kept (8 to `capacity`); 0 when nothing is.
    var length = 0
    /// Where the span began in the last line the fast path read (kept or met), so that its
    /// columns' token positions can follow it.
    var start = 0
    /// True when the line being read met the kept bytes.
    var met = false
    /// The bytes: the last eight first, then a word per eight from the start (`wordCapacity`
    /// words).
    let words: UnsafeMutablePointer<UInt64>

    init(firstColumn: Int, columns: Int, endsLine: Bool, words: UnsafeMutablePointer<UInt64>) {
        self.firstColumn = firstColumn
        self.columns = columns
        self.endsLine = endsLine
        self.words = words
    }

    /// True when the `length` bytes at `bytes` are the span's. The last eight are compared
    /// first (the window, an id's end: where lines differ), then sixteen at a time.
    /// - Precondition: `length >= 8` and the bytes are readable.
    @inline(__always)
    func matches(_ bytes: UnsafePointer<UInt8>) -> Bool {
        let last = length &- 8
        guard LineWord.load(bytes, at: last) == words[0] else { return false }
        var offset = 0, word = UnsafePointer(words) + 1
        while offset &+ 8 < last {
            let difference = (LineWord.load(bytes, at: offset) ^ word[0]) | (LineWord.load(bytes, at: offset &+ 8) ^ word[1])
            guard difference == 0 else { return false }
            offset &+= 16
            word += 2
        }
        return offset >= last || LineWord.load(bytes, at: offset) == word[0]
    }

    /// Keeps the `length` bytes at `bytes`, or nothing when there are fewer than 8 or more than
    /// `capacity`; `present` is the record's presence bits after the line.
    @inline(__always)
    mutating func remember(_ bytes: UnsafePointer<UInt8>, length: Int, present: UInt32) {
        guard length >= 8, length <= Self.capacity else {
            self.length = 0
            return
        }
        self.length = length
        keep = ~presence | present
        let last = length &- 8
        words[0] = LineWord.load(bytes, at: last)
        var offset = 0, word = words + 1
        while offset < last {
            word.pointee = LineWord.load(bytes, at: offset)
            offset &+= 8
            word += 1
        }
    }
}

extension RepeatedSpan {
    /// Where a format's spans are: runs of at least two columns that usually repeat from line to
    /// line (text columns other than the AWS service names, version, start, end, action and
    /// log-status), at most `maximumCount`, in column order.
    static func runs(of format: FlowLogFormat, slots: [RecordParser.Slot]) -> [Range<Int>] {
        func steady(_ column: Int) -> Bool {
            switch slots[column] {
            case .version, .start, .end, .action, .logStatus: return true
            case .text:
                guard case let .field(field) = format.columns[column] else { return true }
                return field != .pktSrcAWSService && field != .pktDstAWSService
            default: return false
            }
        }
        var runs: [Range<Int>] = []
        var column = 0
        while column < slots.count, runs.count < maximumCount {
            guard steady(column) else {
                column += 1
                continue
            }
            var end = column
            while end < slots.count, steady(end) { end += 1 }
            if end - column >= 2 { runs.append(column..<end) }
            column = end + 1
        }
        return runs
    }
}

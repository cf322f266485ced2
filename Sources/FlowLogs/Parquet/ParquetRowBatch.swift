/// Rows of a Parquet row group, a batch at a time, filled column by column from the cursors'
/// entries: typed values go straight into `FlowRecord`s (no number is written as text and
/// parsed again), text values become token offsets into the row group's `ParquetTextArena`.
///
///     column `srcaddr`, rows 0…3: codes [4, 4, 9, 0] → entries 4, 4, 9 were parsed once
///     (per dictionary entry), their addresses are stored in records 0…2; row 3 is null
///
/// Each row also gets its length as a text line (for `decodedBytes` and the line-length limit)
/// and its first problem, so that a row is what the text line with the same values would be:
/// the same record, or malformed for the same reason.
final class ParquetRowBatch {
    /// Rows per batch: the cursors' codes and this batch's buffers stay in the caches.
    static let capacity = 256
    /// No problem in the row.
    static let noProblem = Int32.max

    let fieldCount: Int
    let arena = ParquetTextArena()
    /// Rows of the batch that are complete (all their columns read).
    private(set) var count = 0
    /// The rows' records.
    let records: UnsafeMutablePointer<FlowRecord>
    /// Where each value of each row starts and ends in the arena, row after row (`fieldCount`
    /// a row); `0..<1` (the arena's `-`) for nulls and for columns read as numbers.
    let tokenStarts: UnsafeMutablePointer<Int>
    let tokenEnds: UnsafeMutablePointer<Int>
    /// Each row's length as a text line, separators included (when `measuresRows`).
    let lengths: UnsafeMutablePointer<Int>
    /// Each row's first problem (when `hasProblems`): a column whose value holds a separator
    /// (`column`), else the first invalid value or control character (`maximumFields + column`);
    /// `noProblem` otherwise.
    let problems: UnsafeMutablePointer<Int32>

    init(fieldCount: Int) {
        self.fieldCount = fieldCount
        let capacity = Self.capacity
        records = .allocate(capacity: capacity)
        records.initialize(repeating: FlowRecord(), count: capacity)
        tokenStarts = .allocate(capacity: capacity * max(1, fieldCount))
        tokenStarts.initialize(repeating: 0, count: capacity * max(1, fieldCount))
        tokenEnds = .allocate(capacity: capacity * max(1, fieldCount))
        tokenEnds.initialize(repeating: 1, count: capacity * max(1, fieldCount))
        lengths = .allocate(capacity: capacity)
        problems = .allocate(capacity: capacity)
    }

    deinit {
        records.deallocate()
        tokenStarts.deallocate()
        tokenEnds.deallocate()
        lengths.deallocate()
        problems.deallocate()
    }

    /// Reads the next `rows` rows from `cursors` (one per column, in order) and fills the batch
    /// with those that are complete.
    /// - Returns: the damage met, if any: the rows before it (in row order) are in the batch.
    /// - Parameter lineLimit: the longest line that is not malformed (rows are checked against
    ///   it only when their values could add up to more).
    func fill(_ rows: Int, from cursors: [ParquetColumnCursor], lineLimit: Int) -> ParquetError? {
        arena.startBatch()
        var complete = rows
        var damage: (row: Int, error: ParquetError)?
        for cursor in cursors {
            do {
                try cursor.decode(complete)
            } catch {
                // Columns after this one are read only up to this row: an earlier row's damage
                // in a later column comes first in row order.
                if damage.map({ cursor.decoded < $0.row }) ?? true { damage = (cursor.decoded, error) }
                complete = cursor.decoded
            }
        }
        count = complete
        textBytes = fieldCount * complete
        var longest = fieldCount - 1
        hasProblems = false
        for cursor in cursors {
            longest += cursor.longestEntry
            hasProblems = hasProblems || cursor.hasProblems
        }
        measuresRows = longest > lineLimit
        for row in 0..<complete { records[row].clear() }
        if measuresRows { lengths.update(repeating: fieldCount - 1, count: complete) }
        if hasProblems { problems.update(repeating: Self.noProblem, count: complete) }
        for cursor in cursors { fill(from: cursor) }
        return damage?.error
    }

    /// The rows' size as text lines, newlines included.
    private(set) var textBytes = 0
    /// True when `lengths` holds each row's length (some row could be longer than the limit).
    private(set) var measuresRows = false
    /// True when `problems` holds each row's problem (some value has one).
    private(set) var hasProblems = false

    /// True when `row` is longer than the line limit.
    @inline(__always)
    func isTooLong(_ row: Int, limit: Int) -> Bool { measuresRows && lengths[row] > limit }

    /// Adds one column's values to the rows: a gather from the cursor's entries, whose state
    /// already says what each does to its row (no branch on it here), one loop for each kind of
    /// work.
    private func fill(from cursor: ParquetColumnCursor) {
        let column = cursor.index, codes = cursor.codes, rows = count, stride = fieldCount
        let valueLengths = cursor.lengths
        if measuresRows || cursor.hasProblems {
            let lengths = self.lengths, problems = self.problems, valueProblems = cursor.problems
            let measures = measuresRows, checks = cursor.hasProblems
            for row in 0..<rows {
                let code = Int(codes[row])
                if measures { lengths[row] &+= Int(valueLengths[code]) }
                if checks { problems[row] = min(problems[row], valueProblems[code]) }
            }
        }
        var bytes = 0
        defer { textBytes &+= bytes }
        let slot = cursor.slot, typed = records, presences = cursor.presences
        let raw = UnsafeMutableRawPointer(records) + (FlowRecord.storageOffset(of: slot) ?? 0)
        let stores = cursor.reading != .text && FlowRecord.storageOffset(of: slot) != nil
        let size = MemoryLayout<FlowRecord>.stride
        if cursor.reading == .number {
            let ints = cursor.ints
            if stores {
                for row in 0..<rows {
                    let code = Int(codes[row])
                    bytes &+= Int(valueLengths[code])
                    (raw + row &* size).storeBytes(of: UInt64(bitPattern: ints[code]), as: UInt64.self)
                    typed[row].present |= presences[code]
                }
            } else {
                for row in 0..<rows { bytes &+= Int(valueLengths[Int(codes[row])]) }
            }
            return
        }
        let starts = tokenStarts + column, ends = tokenEnds + column
        let valueStarts = cursor.starts, valueEnds = cursor.ends, bits = cursor.bits
        for row in 0..<rows {
            let code = Int(codes[row])
            bytes &+= Int(valueLengths[code])
            starts[row &* stride] = valueStarts[code]
            ends[row &* stride] = valueEnds[code]
        }
        guard cursor.reading == .parsed else { return }
        if slot.isKeyword {
            for row in 0..<rows {
                let code = Int(codes[row])
                if presences[code] != 0 { typed[row].set(slot, bits: bits[code]) }
            }
        } else if !stores {
            return
        } else if slot.isAddress {
            for row in 0..<rows {
                let code = Int(codes[row])
                (raw + row &* size).storeBytes(of: bits[code], as: UInt128.self)
                typed[row].present |= presences[code]
            }
        } else {
            for row in 0..<rows {
                let code = Int(codes[row])
                (raw + row &* size).storeBytes(of: UInt64(truncatingIfNeeded: bits[code]), as: UInt64.self)
                typed[row].present |= presences[code]
            }
        }
    }

    /// Why `row` is malformed, or `nil` when its values are those of a record.
    /// - Parameter names: the format's column names.
    @inline(__always)
    func problem(_ row: Int, cursors: [ParquetColumnCursor], names: [String]) -> MalformedReason? {
        hasProblems && problems[row] != Self.noProblem ? reason(row, cursors: cursors, names: names) : nil
    }

    private func reason(_ row: Int, cursors: [ParquetColumnCursor], names: [String]) -> MalformedReason {
        let problem = Int(problems[row])
        let column = problem % RecordParser.maximumFields
        let cursor = cursors[column]
        let code = Int(cursor.codes[row])
        switch cursor.states[code] {
        case .separator:
            return .invalidValue(field: names[column], value: cursor.shown(code, markCut: false), expected: "a value without spaces")
        case .control:
            return .controlCharacter(byte: cursor.firstSeparator(code))
        default:
            return .invalidValue(field: names[column], value: cursor.shown(code, markCut: true), expected: "\(cursor.slot.expected)")
        }
    }

    /// Makes `row` the parser's current record: its values in `record`, its text through
    /// `text(_:)`.
    @inline(__always)
    func present(_ row: Int, to parser: RecordParser) {
        parser.assign(records[row])
        parser.useColumns(line: arena.bytes, starts: tokenStarts + row * fieldCount, ends: tokenEnds + row * fieldCount)
    }
}

import Foundation

/// Turns lines into typed flow-log records without allocating: fields are located in place,
/// numbers and addresses are parsed from the bytes, and text fields stay slices of the line.
///
///     parser.parse("2 123456789010 eni-1 10.0.1.5 203.0.113.5 443 49152 6 20 4249 1418530010 1418530070 ACCEPT OK")
///     // .record; parser.record.bytes == 4249, parser.text(.interfaceID) == "eni-1"
///
/// A header line switches the mapping; the current format decides what every other line means.
final class RecordParser {
    /// What a line turned out to be.
    enum Outcome: Equatable {
        /// A record with log-status OK (or none): `record` holds it.
        case record
        /// A NODATA record.
        case noData
        /// A SKIPDATA record.
        case skipData
        /// A header line: `format` now follows it.
        case header
        /// An empty line (or only spaces).
        case blank
        /// A Transit Gateway flow-log record: recognised, not VPC traffic.
        case transitGateway
        /// Not a record: `malformedReason()` says why.
        case malformed
    }

    /// The format lines are read with.
    private(set) var format: FlowLogFormat
    /// The values of the last line read as a record (`.record`, `.noData`, `.skipData`); after
    /// any other outcome they are not defined. Read in place (no copy of the record per line).
    var record: FlowRecord {
        @inline(__always) unsafeAddress { UnsafePointer(current) }
    }
    /// Where `record` is: `working` after a line the fast path read, `assigned` after one the
    /// full path read or a record given with `assign(_:)`. A pointer: no exclusivity checks on
    /// the hot path, and no copy of the record when a line is read.
    var current: UnsafeMutablePointer<FlowRecord>
    /// The record of the full path and of `assign(_:)`.
    private let assigned: UnsafeMutablePointer<FlowRecord>
    /// The fast path's record, filled in place line after line and handed out as `record` when a
    /// line is read whole. Its fields are kept in step with `memos`: a remembered value is still
    /// in it. (A local record would be split into dozens of spilled registers.)
    let working: UnsafeMutablePointer<FlowRecord>
    /// `FlowRecord.present` for a line of the current format without `-`.
    private(set) var formatPresence: UInt32 = 0

    /// The most values a line may hold; more makes it malformed.
    static let maximumFields = 128

    /// What to do with each column of the current format (`fieldCount` entries).
    private(set) var plan: UnsafeMutablePointer<Slot>
    /// What each column of the previous line parsed to (`fieldCount` entries), for the fast path.
    private(set) var memos: UnsafeMutablePointer<ColumnMemo>
    /// Addresses met recently (`AddressMemos.count` entries), for the fast path.
    let addressMemos: UnsafeMutablePointer<AddressMemo>
    private(set) var fieldCount = 0
    /// Where each field stands in the current format, by `FlowField.ordinal`; -1 when absent.
    private let positions: UnsafeMutablePointer<Int>
    private(set) var formatIsAssumed = false
    /// Bits for the fields that say where an address sits (interface, instance, subnet, ECS
    /// task and service) that the current format has.
    private(set) var detailFields: UInt8 = 0
    /// The largest value of each numeric slot, by raw value (a table: no switch per value).
    let maximums: UnsafeMutablePointer<UInt64>
    private var formatIsTransitGateway = false
    /// Where each value of the last line starts and ends (`tokenCapacity` entries each, in one
    /// allocation: `tokenEnds` is `tokenStarts + tokenCapacity`, so the fast path reaches both
    /// from one register).
    let tokenStarts: UnsafeMutablePointer<Int>
    let tokenEnds: UnsafeMutablePointer<Int>
    static let tokenCapacity = maximumFields + 1
    var tokenCount = 0
    /// The current format's repeated spans (`spanCount`), then a sentinel that starts past the
    /// last column.
    private(set) var spans: UnsafeMutablePointer<RepeatedSpan>
    private(set) var spanCount = 0
    /// The spans' bytes (`RepeatedSpan.maximumCount` spans' worth).
    private let spanWords: UnsafeMutablePointer<UInt64>
    private(set) var line = UnsafeRawBufferPointer(start: nil, count: 0)
    var failure = Failure.none

    /// What to do with each column.
    enum Slot: UInt8 {
        case text, version, srcaddr, dstaddr, pktSrcaddr, pktDstaddr, srcport, dstport, protocolNumber
        case packets, bytes, start, end, action, logStatus, flowDirection, trafficPath, tcpFlags, records, otherCount
    }

    /// Why the last line was malformed, kept as cheap data until a description is wanted.
    enum Failure {
        case none
        case fieldCount
        case value(column: Int, expected: StaticString)
        case control(UInt8)
        case endBeforeStart(start: UInt64, end: UInt64)
    }

    init(format: FlowLogFormat) {
        self.format = format
        tokenStarts = .allocate(capacity: 2 * Self.tokenCapacity)
        tokenEnds = tokenStarts + Self.tokenCapacity
        spanWords = .allocate(capacity: RepeatedSpan.maximumCount * RepeatedSpan.wordCapacity)
        spanWords.initialize(repeating: 0, count: RepeatedSpan.maximumCount * RepeatedSpan.wordCapacity)
        spans = .allocate(capacity: 1)
        spans.initialize(to: RepeatedSpan(firstColumn: 0, columns: 0, endsLine: true, words: spanWords))
        plan = .allocate(capacity: 1)
        memos = .allocate(capacity: 1)
        addressMemos = .allocate(capacity: AddressMemos.count)
        addressMemos.initialize(repeating: AddressMemo(), count: AddressMemos.count)
        assigned = .allocate(capacity: 1)
        assigned.initialize(to: FlowRecord())
        current = assigned
        working = .allocate(capacity: 1)
        working.initialize(to: FlowRecord())
        positions = .allocate(capacity: FlowField.count)
        maximums = .allocate(capacity: 256)
        for raw in 0...UInt8.max { maximums[Int(raw)] = Slot(rawValue: raw)?.maximum ?? .max }
        use(format)
    }

    deinit {
        tokenStarts.deallocate()
        spanWords.deallocate()
        spans.deallocate()
        plan.deallocate()
        memos.deallocate()
        addressMemos.deallocate()
        assigned.deallocate()
        working.deallocate()
        positions.deallocate()
        maximums.deallocate()
    }

    /// Makes `format` the current format.
    /// - Precondition: at most `maximumFields` columns (`--format` and header lines are checked).
    func use(_ format: FlowLogFormat) {
        precondition(format.columns.count <= Self.maximumFields, "a format of \(format.columns.count) fields")
        self.format = format
        fieldCount = format.columns.count
        formatIsAssumed = format.isAssumed
        formatIsTransitGateway = format.isTransitGateway
        let detailFieldList: [FlowField] = [.interfaceID, .instanceID, .subnetID, .ecsTaskID, .ecsTaskARN, .ecsServiceName]
        detailFields = detailFieldList.enumerated().reduce(0) { $0 | (format.has($1.element) ? 1 << $1.offset : 0) }
        for field in FlowField.allCases { positions[field.ordinal] = format.position(of: field) ?? -1 }
        let slots = format.columns.map { column -> Slot in
            guard case let .field(field) = column else { return .text }
            switch field {
            case .version: return .version
            case .srcaddr: return .srcaddr
            case .dstaddr: return .dstaddr
            case .pktSrcaddr: return .pktSrcaddr
            case .pktDstaddr: return .pktDstaddr
            case .srcport: return .srcport
            case .dstport: return .dstport
            case .protocol: return .protocolNumber
            case .packets: return .packets
            case .bytes: return .bytes
            case .start: return .start
            case .end: return .end
            case .action: return .action
            case .logStatus: return .logStatus
            case .flowDirection: return .flowDirection
            case .trafficPath: return .trafficPath
            case .tcpFlags: return .tcpFlags
            case .records: return .records
            case .packetsLostNoRoute, .packetsLostBlackhole, .packetsLostMTUExceeded, .packetsLostTTLExpired:
                return .otherCount
            default: return .text
            }
        }
        plan.deallocate()
        plan = .allocate(capacity: max(1, slots.count))
        plan.initialize(from: slots, count: slots.count)
        memos.deallocate()
        memos = .allocate(capacity: max(1, slots.count))
        memos.initialize(repeating: ColumnMemo(slot: .text), count: max(1, slots.count))
        for (column, slot) in slots.enumerated() { memos[column] = ColumnMemo(slot: slot) }
        for (packetField, field) in [(FlowField.pktSrcaddr, FlowField.srcaddr), (.pktDstaddr, .dstaddr)] {
            guard let column = format.position(of: packetField), let earlier = format.position(of: field),
                  let distance = Int8(exactly: column - earlier), distance > 0 else { continue }
            memos[column].twin = distance
        }
        formatPresence = slots.reduce(0) { $0 | FlowRecord.presenceBit(of: $1) }
        let runs = RepeatedSpan.runs(of: format, slots: slots)
        spans.deinitialize(count: spanCount + 1)
        spans.deallocate()
        spanCount = runs.count
        spans = .allocate(capacity: runs.count + 1)
        for (index, run) in runs.enumerated() {
            var span = RepeatedSpan(firstColumn: run.lowerBound, columns: run.count, endsLine: run.upperBound == slots.count,
                                    words: spanWords + index * RepeatedSpan.wordCapacity)
            span.presence = slots[run].reduce(0) { $0 | FlowRecord.presenceBit(of: $1) }
            (spans + index).initialize(to: span)
        }
        (spans + runs.count).initialize(to: RepeatedSpan(firstColumn: slots.count, columns: 0, endsLine: true, words: spanWords))
    }

    /// Forgets the repeated spans' bytes: the token positions or memos they stand for may have
    /// changed.
    @inline(__always)
    func forgetRepeatedSpans() {
        for index in 0..<spanCount { spans[index].length = 0 }
    }

    /// True when the current format has `field`.
    @inline(__always)
    func has(_ field: FlowField) -> Bool { positions[field.ordinal] >= 0 }

    // MARK: Lines

    /// Reads one line (without its newline).
    /// - Parameter bytes: the line; valid only during this call and while the record is read.
    func parse(_ bytes: UnsafeRawBufferPointer) -> Outcome {
        parse(bytes, quickly: true)
    }

    /// Reads one line, trying the fast path first (`parseValuesQuickly`) or not at all: both must
    /// give the same outcome, values and reason, which tests check by comparing them.
    @inline(__always)
    func parse(_ bytes: UnsafeRawBufferPointer, quickly: Bool) -> Outcome {
        failure = .none
        tokenCount = 0
        // The usual line starts with a one-digit version and a space: no wrapper to remove
        // (timestamps start with four digits), no separator to skip, not a header.
        let usual = bytes.count > 2 && ASCII.isDigit(bytes[0]) && bytes[1] == ASCII.space
        if usual {
            line = bytes
        } else {
            guard let stripped = LinePrefix.strip(bytes) else { return .header }
            line = stripped
        }
        guard let base = line.baseAddress?.assumingMemoryBound(to: UInt8.self) else { return .blank }
        let count = line.count
        let first = usual ? 0 : Self.skipSeparators(base, from: 0, count: count)
        if first == count { return .blank }
        if !usual, base[first] >= ASCII.lowerA, base[first] <= ASCII.lowerZ, firstTokenLooksLikeAName(base, from: first, count: count) {
            forgetRepeatedSpans()
            guard tokenize() else { return .malformed }
            if let header = headerFormat() {
                use(header)
                return .header
            }
        }
        if formatIsTransitGateway { return .transitGateway }
        let outcome: Outcome
        if quickly, parseValuesQuickly(base, count: count, from: first) {
            switch record.logStatus {
            case .noData: outcome = .noData
            case .skipData: outcome = .skipData
            default: outcome = .record
            }
        } else {
            outcome = parseValues(base, count: count, from: first)
            if outcome == .malformed || outcome == .transitGateway { return outcome }
        }
        // A window that ends before it starts is not a record AWS writes.
        if let start = record.start, let end = record.end, start > end {
            failure = .endBeforeStart(start: start, end: end)
            return .malformed
        }
        return outcome
    }

    /// The text of `field` in the last record, or `nil` when absent (`-`) or not in the format.
    /// Valid only until the next line is parsed.
    @inline(__always)
    func text(_ field: FlowField) -> UnsafeRawBufferPointer? {
        let column = positions[field.ordinal]
        return column >= 0 ? text(column: column) : nil
    }

    /// The text of a column of the last line, or `nil` for `-`.
    @inline(__always)
    func text(column: Int) -> UnsafeRawBufferPointer? {
        guard column < tokenCount, let base = line.baseAddress else { return nil }
        // The positions are the parser's own, inside the line: no range checks (the sinks ask
        // for a few columns of every record).
        let start = tokenStarts[column], length = tokenEnds[column] &- start
        if length == 1, base.load(fromByteOffset: start, as: UInt8.self) == ASCII.dash { return nil }
        return UnsafeRawBufferPointer(start: base + start, count: length)
    }

    /// Takes a row of columnar input (Parquet) as the last line: the caller has set `record`;
    /// `line` holds the row's text values at `starts`/`ends` (one pair a column, `-` for a value
    /// read as a number), so `text(_:)` reads them as it reads a line's.
    @inline(__always)
    func useColumns(line: UnsafeRawBufferPointer, starts: UnsafePointer<Int>, ends: UnsafePointer<Int>) {
        self.line = line
        forgetRepeatedSpans()
        tokenStarts.update(from: starts, count: fieldCount)
        tokenEnds.update(from: ends, count: fieldCount)
        tokenCount = fieldCount
    }

    /// Makes `values` the record (a row of columnar input, read without a line).
    @inline(__always)
    func assign(_ values: FlowRecord) {
        assigned.pointee = values
        current = assigned
    }

    /// Why the last line was malformed.
    func malformedReason() -> MalformedReason {
        switch failure {
        case .none, .fieldCount:
            return tokenCount < fieldCount
                ? .tooFewFields(found: tokenCount, expected: fieldCount, assumed: format.isAssumed)
                : .tooManyFields(found: tokenCount, expected: fieldCount)
        case let .control(byte):
            return .controlCharacter(byte: byte)
        case let .endBeforeStart(start, end):
            return .endBeforeStart(start: start, end: end)
        case let .value(column, expected):
            let token = UnsafeRawBufferPointer(rebasing: line[tokenStarts[column]..<tokenEnds[column]])
            let shown = String(decoding: token.prefix(64), as: UTF8.self) + (token.count > 64 ? "…" : "")
            return .invalidValue(field: format.names[column], value: shown, expected: "\(expected)")
        }
    }
}

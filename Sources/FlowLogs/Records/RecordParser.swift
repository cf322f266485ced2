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
    /// The values of the last line that was a record.
    private(set) var record = FlowRecord()

    /// The most values a line may hold; more makes it malformed.
    static let maximumFields = 128

    private var plan: [Slot] = []
    private var fieldCount = 0
    private let tokenStarts: UnsafeMutablePointer<Int>
    private let tokenEnds: UnsafeMutablePointer<Int>
    private var tokenCount = 0
    private var line = UnsafeRawBufferPointer(start: nil, count: 0)
    private var failure = Failure.none

    /// What to do with each column.
    private enum Slot: UInt8 {
        case text, version, srcaddr, dstaddr, pktSrcaddr, pktDstaddr, srcport, dstport, protocolNumber
        case packets, bytes, start, end, action, logStatus, flowDirection, trafficPath, tcpFlags, otherCount
    }

    /// Why the last line was malformed, kept as cheap data until a description is wanted.
    private enum Failure {
        case none
        case fieldCount
        case value(column: Int, expected: StaticString)
        case control(UInt8)
    }

    init(format: FlowLogFormat) {
        self.format = format
        tokenStarts = .allocate(capacity: Self.maximumFields + 1)
        tokenEnds = .allocate(capacity: Self.maximumFields + 1)
        use(format)
    }

    deinit {
        tokenStarts.deallocate()
        tokenEnds.deallocate()
    }

    /// Makes `format` the current format.
    func use(_ format: FlowLogFormat) {
        self.format = format
        fieldCount = format.columns.count
        plan = format.columns.map { column in
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
            case .packetsLostNoRoute, .packetsLostBlackhole, .packetsLostMTUExceeded, .packetsLostTTLExpired:
                return .otherCount
            default: return .text
            }
        }
    }

    // MARK: Lines

    /// Reads one line (without its newline).
    /// - Parameter bytes: the line; valid only during this call and while the record is read.
    func parse(_ bytes: UnsafeRawBufferPointer) -> Outcome {
        failure = .none
        guard let stripped = LinePrefix.strip(bytes) else { return .header }
        line = stripped
        guard tokenize() else { return .malformed }
        if tokenCount == 0 { return .blank }
        if startsLikeHeader(), let header = headerFormat() {
            use(header)
            return .header
        }
        if format.isTransitGateway { return .transitGateway }
        if tokenCount < fieldCount || (tokenCount > fieldCount && format.isAssumed) {
            if looksLikeTransitGateway() { return .transitGateway }
            failure = .fieldCount
            return .malformed
        }
        return parseValues()
    }

    /// The text of `field` in the last record, or `nil` when absent (`-`) or not in the format.
    /// Valid only until the next line is parsed.
    func text(_ field: FlowField) -> UnsafeRawBufferPointer? {
        guard let column = format.position(of: field) else { return nil }
        return text(column: column)
    }

    /// The text of a column of the last line, or `nil` for `-`.
    func text(column: Int) -> UnsafeRawBufferPointer? {
        guard column < tokenCount else { return nil }
        let token = UnsafeRawBufferPointer(rebasing: line[tokenStarts[column]..<tokenEnds[column]])
        return token.count == 1 && token[0] == ASCII.dash ? nil : token
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
        case let .value(column, expected):
            let token = UnsafeRawBufferPointer(rebasing: line[tokenStarts[column]..<tokenEnds[column]])
            let shown = String(decoding: token.prefix(64), as: UTF8.self) + (token.count > 64 ? "…" : "")
            return .invalidValue(field: format.names[column], value: shown, expected: "\(expected)")
        }
    }

    // MARK: Tokens

    /// Finds the space-separated values of the line (runs of spaces or tabs count as one).
    /// - Returns: false when the line holds a control character or too many values.
    @inline(__always)
    private func tokenize() -> Bool {
        tokenCount = 0
        guard let base = line.baseAddress?.assumingMemoryBound(to: UInt8.self) else { return true }
        let count = line.count
        var index = 0
        while index < count {
            while index < count, base[index] == ASCII.space || base[index] == ASCII.tab { index += 1 }
            if index == count { break }
            guard tokenCount < Self.maximumFields else {
                failure = .fieldCount
                tokenCount += 1
                return false
            }
            tokenStarts[tokenCount] = index
            while index < count {
                let byte = base[index]
                if byte > ASCII.space { index += 1; continue }
                if byte == ASCII.space || byte == ASCII.tab { break }
                failure = .control(byte)
                return false
            }
            tokenEnds[tokenCount] = index
            tokenCount += 1
        }
        return true
    }

    /// A cheap test before the header check: the first value starts with a lower-case letter
    /// and holds no digit (field names have none; ids such as `eni-0a1b` do).
    @inline(__always)
    private func startsLikeHeader() -> Bool {
        let first = line[tokenStarts[0]]
        guard first >= ASCII.lowerA, first <= ASCII.lowerZ else { return false }
        for index in tokenStarts[0]..<tokenEnds[0] where ASCII.isDigit(line[index]) { return false }
        return true
    }

    private func headerFormat() -> FlowLogFormat? {
        let tokens = (0..<tokenCount).map {
            Substring(decoding: UnsafeRawBufferPointer(rebasing: line[tokenStarts[$0]..<tokenEnds[$0]]), as: UTF8.self)
        }
        guard FlowLogFormat.isHeader(tokens) else { return nil }
        return FlowLogFormat(names: tokens.map(String.init))
    }

    /// Transit Gateway records without a header: a `TransitGateway` resource type or a `tgw-` id.
    private func looksLikeTransitGateway() -> Bool {
        for column in 0..<min(tokenCount, 8) {
            let token = UnsafeRawBufferPointer(rebasing: line[tokenStarts[column]..<tokenEnds[column]])
            if token.starts(with: "tgw-".utf8) || token.elementsEqual("TransitGateway".utf8) { return true }
        }
        return false
    }

    // MARK: Values

    @inline(__always)
    private func parseValues() -> Outcome {
        record = FlowRecord()
        guard let base = line.baseAddress?.assumingMemoryBound(to: UInt8.self) else { return .malformed }
        for column in 0..<fieldCount {
            let slot = plan[column]
            if slot == .text { continue }
            let start = tokenStarts[column]
            let length = tokenEnds[column] - start
            let token = base + start
            if length == 1, token[0] == ASCII.dash { continue }
            switch slot {
            case .text:
                continue
            case .srcaddr, .dstaddr, .pktSrcaddr, .pktDstaddr:
                guard let address = IPAddress.parse(UnsafeRawBufferPointer(start: token, count: length)) else {
                    return fail(column, "an IP address")
                }
                switch slot {
                case .srcaddr: record.srcaddr = address
                case .dstaddr: record.dstaddr = address
                case .pktSrcaddr: record.pktSrcaddr = address
                default: record.pktDstaddr = address
                }
            case .packets, .bytes, .start, .end, .otherCount:
                guard let value = Self.decimal(token, length, maximum: .max) else {
                    return fail(column, "a whole number that fits in 64 bits")
                }
                switch slot {
                case .packets: record.packets = value
                case .bytes: record.bytes = value
                case .start: record.start = value
                case .end: record.end = value
                default: break
                }
            case .srcport, .dstport:
                guard let value = Self.decimal(token, length, maximum: UInt64(UInt16.max)) else {
                    return fail(column, "a port number (0-65535)")
                }
                if slot == .srcport { record.srcport = UInt16(value) } else { record.dstport = UInt16(value) }
            case .version, .protocolNumber, .trafficPath, .tcpFlags:
                guard let value = Self.decimal(token, length, maximum: UInt64(UInt8.max)) else {
                    return fail(column, "a number from 0 to 255")
                }
                switch slot {
                case .version: record.version = UInt8(value)
                case .protocolNumber: record.protocolNumber = UInt8(value)
                case .trafficPath: record.trafficPath = UInt8(value)
                default: record.tcpFlags = UInt8(value)
                }
            case .action:
                if Self.equals(token, length, "ACCEPT") { record.action = .accept }
                else if Self.equals(token, length, "REJECT") { record.action = .reject }
                else { return fail(column, "ACCEPT or REJECT") }
            case .logStatus:
                if Self.equals(token, length, "OK") { record.logStatus = .ok }
                else if Self.equals(token, length, "NODATA") { record.logStatus = .noData }
                else if Self.equals(token, length, "SKIPDATA") { record.logStatus = .skipData }
                else { return fail(column, "OK, NODATA or SKIPDATA") }
            case .flowDirection:
                if Self.equals(token, length, "ingress") { record.flowDirection = .ingress }
                else if Self.equals(token, length, "egress") { record.flowDirection = .egress }
                else { return fail(column, "ingress or egress") }
            }
        }
        switch record.logStatus {
        case .noData: return .noData
        case .skipData: return .skipData
        default: return .record
        }
    }

    private func fail(_ column: Int, _ expected: StaticString) -> Outcome {
        failure = .value(column: column, expected: expected)
        return .malformed
    }

    /// Parses an unsigned decimal no greater than `maximum`; `nil` for anything else
    /// (signs, empty, non-digits, overflow).
    @inline(__always)
    static func decimal(_ token: UnsafePointer<UInt8>, _ length: Int, maximum: UInt64) -> UInt64? {
        guard length > 0, length <= 20 else { return nil }
        var value: UInt64 = 0
        if length < 20 {
            for index in 0..<length {
                let digit = token[index] &- ASCII.zero
                guard digit < 10 else { return nil }
                value = value &* 10 &+ UInt64(digit)
            }
        } else {
            for index in 0..<length {
                let digit = token[index] &- ASCII.zero
                guard digit < 10 else { return nil }
                let (times10, overflow1) = value.multipliedReportingOverflow(by: 10)
                let (sum, overflow2) = times10.addingReportingOverflow(UInt64(digit))
                guard !overflow1, !overflow2 else { return nil }
                value = sum
            }
        }
        return value <= maximum ? value : nil
    }

    @inline(__always)
    private static func equals(_ token: UnsafePointer<UInt8>, _ length: Int, _ word: StaticString) -> Bool {
        guard length == word.utf8CodeUnitCount else { return false }
        return memcmp(token, word.utf8Start, length) == 0
    }
}

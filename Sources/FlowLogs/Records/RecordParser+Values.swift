import Foundation

extension RecordParser {
    /// Reads the values of a record in one pass over its bytes: each field is located and
    /// parsed in the same sweep (numbers digit by digit as they are met), and where each field
    /// stands is kept for `text(_:)`.
    ///
    /// - Parameters:
    ///   - base: the line's bytes; `count` of them.
    ///   - first: the index of the first value (separators before it skipped).
    /// - Returns: the outcome; on `.malformed`, `failure` says why.
    @inline(__always)
    func parseValues(_ base: UnsafePointer<UInt8>, count: Int, from first: Int) -> Outcome {
        // The fast path may have given up on this line after rewriting memos the repeated spans
        // stand for, and this path rewrites token positions.
        forgetRepeatedSpans()
        // Locals, not properties, in the loop: the optimizer keeps them in registers.
        var values = FlowRecord()
        let plan = self.plan, starts = tokenStarts, ends = tokenEnds, maximums = self.maximums
        let fields = fieldCount
        var index = first
        for column in 0..<fields {
            if index == count { return misfit(valueFailure: nil) }
            starts[column] = index
            let end: Int
            let slot = plan[column]
            if slot == .text {
                end = Self.tokenEnd(base, from: index, count: count)
            } else if base[index] == ASCII.dash, index + 1 == count || base[index + 1] <= ASCII.space {
                end = index + 1  // `-`: no value
            } else {
                switch slot {
                case .packets, .bytes, .start, .end, .otherCount, .records, .srcport, .dstport, .version, .protocolNumber, .trafficPath, .tcpFlags:
                    guard let (value, numberEnd) = Self.number(base, from: index, count: count),
                          value <= maximums[Int(slot.rawValue)] else {
                        return fail(column, slot.expected)
                    }
                    values.store(value, slot)
                    end = numberEnd
                default:
                    end = Self.tokenEnd(base, from: index, count: count)
                    ends[column] = end
                    guard values.parseWord(base + index, end - index, slot) else { return fail(column, slot.expected) }
                }
            }
            ends[column] = end
            if end + 1 < count, base[end] == ASCII.space, base[end + 1] > ASCII.space {
                index = end + 1  // the usual single space
            } else {
                if end < count, base[end] != ASCII.space, base[end] != ASCII.tab {
                    failure = .control(base[end])
                    return .malformed
                }
                index = Self.skipSeparators(base, from: end, count: count)
            }
        }
        tokenCount = fields
        if index < count {
            guard countExtraValues(base, count: count, from: index) else { return .malformed }
        }
        assign(values)
        switch values.logStatus {
        case .noData: return .noData
        case .skipData: return .skipData
        default: return .record
        }
    }

    /// Values beyond the format's fields: tolerated when a header or `--format` gave the format
    /// (AWS examples carry trailing comments), malformed when the default was only assumed.
    private func countExtraValues(_ base: UnsafePointer<UInt8>, count: Int, from start: Int) -> Bool {
        var index = start
        while index < count {
            let end = Self.tokenEnd(base, from: index, count: count)
            if tokenCount < Self.maximumFields {
                tokenStarts[tokenCount] = index
                tokenEnds[tokenCount] = end
            }
            tokenCount += 1
            if end < count, base[end] != ASCII.space, base[end] != ASCII.tab {
                failure = .control(base[end])
                return false
            }
            index = Self.skipSeparators(base, from: end, count: count)
        }
        if formatIsAssumed || tokenCount > Self.maximumFields {
            failure = .fieldCount
            return false
        }
        return true
    }

    /// An unsigned decimal starting at `start`, read up to the first non-digit.
    /// - Returns: the value and where it ends; `nil` when it is empty, does not fit in 64 bits,
    ///   or is followed by anything but a separator or the end of the line.
    @inline(__always)
    static func number(_ base: UnsafePointer<UInt8>, from start: Int, count: Int) -> (UInt64, Int)? {
        var value: UInt64 = 0
        var index = start
        while index < count {
            let digit = base[index] &- ASCII.zero
            guard digit < 10 else { break }
            value = value &* 10 &+ UInt64(digit)
            index += 1
        }
        let length = index - start
        guard length > 0, index == count || base[index] <= ASCII.space else { return nil }
        if length >= 20 {
            // Twenty digits may have wrapped around: check them the slow way.
            guard let checked = decimal(base + start, length, maximum: .max) else { return nil }
            value = checked
        }
        return (value, index)
    }

    /// The value in `column` is invalid: say so, unless the line does not fit the format at all.
    private func fail(_ column: Int, _ expected: StaticString) -> Outcome {
        misfit(valueFailure: .value(column: column, expected: expected))
    }

    /// A line that is not a record of the current format. A wrong number of values explains
    /// it better than any one value (and may reveal a Transit Gateway record), so the whole
    /// line is tokenized again to count them; a bad value is the reason only when the count fits.
    private func misfit(valueFailure: Failure?) -> Outcome {
        guard tokenize() else { return .malformed }
        if tokenCount < fieldCount || (tokenCount > fieldCount && formatIsAssumed) {
            if looksLikeTransitGateway() { return .transitGateway }
            failure = .fieldCount
            return .malformed
        }
        failure = valueFailure ?? .fieldCount
        return .malformed
    }

    /// Parses an unsigned decimal no greater than `maximum`; `nil` for anything else
    /// (signs, empty, non-digits, overflow).
    static func decimal(_ token: UnsafePointer<UInt8>, _ length: Int, maximum: UInt64) -> UInt64? {
        guard length > 0, length <= 20 else { return nil }
        var value: UInt64 = 0
        for index in 0..<length {
            let digit = token[index] &- ASCII.zero
            guard digit < 10 else { return nil }
            let (times10, overflow1) = value.multipliedReportingOverflow(by: 10)
            let (sum, overflow2) = times10.addingReportingOverflow(UInt64(digit))
            guard !overflow1, !overflow2 else { return nil }
            value = sum
        }
        return value <= maximum ? value : nil
    }

    @inline(__always)
    static func equals(_ token: UnsafePointer<UInt8>, _ length: Int, _ word: StaticString) -> Bool {
        guard length == word.utf8CodeUnitCount else { return false }
        return memcmp(token, word.utf8Start, length) == 0
    }
}

extension RecordParser.Slot {
    /// True for `action`, `log-status` and `flow-direction`.
    var isKeyword: Bool {
        switch self {
        case .action, .logStatus, .flowDirection: return true
        default: return false
        }
    }

    /// True for the four address columns.
    var isAddress: Bool {
        switch self {
        case .srcaddr, .dstaddr, .pktSrcaddr, .pktDstaddr: return true
        default: return false
        }
    }

    /// The largest value a numeric field holds.
    var maximum: UInt64 {
        switch self {
        case .srcport, .dstport: return UInt64(UInt16.max)
        case .version, .protocolNumber, .trafficPath, .tcpFlags: return UInt64(UInt8.max)
        default: return .max
        }
    }

    /// What a valid value of the field is, for the malformed-line message.
    var expected: StaticString {
        switch self {
        case .srcport, .dstport: return "a port number (0-65535)"
        case .version, .protocolNumber, .trafficPath, .tcpFlags: return "a number from 0 to 255"
        case .packets, .bytes, .start, .end, .otherCount, .records: return "a whole number that fits in 64 bits"
        case .srcaddr, .dstaddr, .pktSrcaddr, .pktDstaddr: return "an IP address"
        case .action: return "ACCEPT or REJECT"
        case .logStatus: return "OK, NODATA or SKIPDATA"
        case .flowDirection: return "ingress or egress"
        case .text: return "text"
        }
    }
}

extension FlowRecord {
    @inline(__always)
    mutating func store(_ value: UInt64, _ slot: RecordParser.Slot) {
        switch slot {
        case .packets: self.packets = value
        case .bytes: self.bytes = value
        case .start: self.start = value
        case .end: self.end = value
        case .srcport: self.srcport = UInt16(truncatingIfNeeded: value)
        case .dstport: self.dstport = UInt16(truncatingIfNeeded: value)
        case .version: self.version = UInt8(truncatingIfNeeded: value)
        case .protocolNumber: self.protocolNumber = UInt8(truncatingIfNeeded: value)
        case .trafficPath: self.trafficPath = UInt8(truncatingIfNeeded: value)
        case .tcpFlags: self.tcpFlags = UInt8(truncatingIfNeeded: value)
        case .records: self.records = value
        default: break
        }
    }

    /// Addresses and keywords. - Returns: false when the word is not one the field accepts.
    @inline(__always)
    mutating func parseWord(_ token: UnsafePointer<UInt8>, _ length: Int, _ slot: RecordParser.Slot) -> Bool {
        switch slot {
        case .srcaddr, .dstaddr, .pktSrcaddr, .pktDstaddr:
            let address: IPAddress
            if let v4 = IPAddress.parseIPv4(token, length) {
                address = IPAddress(ipv4: v4)
            } else if let v6 = IPAddress.parseIPv6(token, length) {
                address = v6
            } else {
                return false
            }
            switch slot {
            case .srcaddr: self.srcaddr = address
            case .dstaddr: self.dstaddr = address
            case .pktSrcaddr: self.pktSrcaddr = address
            default: self.pktDstaddr = address
            }
        case .action:
            if RecordParser.equals(token, length, "ACCEPT") { self.action = .accept }
            else if RecordParser.equals(token, length, "REJECT") { self.action = .reject }
            else { return false }
        case .logStatus:
            if length == 2, token[0] == UInt8(ascii: "O"), token[1] == UInt8(ascii: "K") { self.logStatus = .ok }
            else if RecordParser.equals(token, length, "NODATA") { self.logStatus = .noData }
            else if RecordParser.equals(token, length, "SKIPDATA") { self.logStatus = .skipData }
            else { return false }
        case .flowDirection:
            if RecordParser.equals(token, length, "ingress") { self.flowDirection = .ingress }
            else if RecordParser.equals(token, length, "egress") { self.flowDirection = .egress }
            else { return false }
        default:
            return false
        }
        return true
    }
}

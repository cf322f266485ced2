extension RecordParser {
    /// Reads the usual record quickly: one space between values, exactly the format's number of
    /// values, every value valid. Values are looked at eight bytes at a time (`LineWord`), and a
    /// value met before is taken from a `ColumnMemo` without being parsed: numbers and keywords
    /// from their column's memo (the previous line's value), addresses from a small table shared
    /// by the address columns (a NAT gateway's address shows in one column, then in another).
    ///
    /// Anything else (runs of spaces or tabs, control characters, missing or extra values, an
    /// invalid value, numbers of sixteen digits or more) returns `nil` without touching `record`;
    /// `parseValues` then reads the line from the start and says what is wrong with it, so both
    /// paths give the same outcome, values and reason for every line.
    ///
    /// - Parameters:
    ///   - base: the line's bytes; `count` of them.
    ///   - first: the index of the first value (separators before it skipped).
    /// - Returns: the outcome, or `nil` when the line needs the full path.
    @inline(__always)
    func parseValuesQuickly(_ base: UnsafePointer<UInt8>, count: Int, from first: Int) -> Outcome? {
        // Locals, not properties, in the loop: the optimizer keeps them in registers.
        let values = scratch
        values.pointee.clear()
        let plan = self.plan, starts = tokenStarts, ends = tokenEnds, memos = self.memos, addresses = addressMemos
        let fields = fieldCount
        var index = first
        var column = 0
        while column < fields {
            guard index < count else { return nil }
            starts[column] = index
            let slot = plan[column]
            let head = LineWord.load(base, at: index, count: count)
            var stops = LineWord.stops(head)
            // A separator or control character first: an empty value (two separators in a row).
            guard stops & LineWord.firstLaneTopBit == 0 else { return nil }
            var end: Int
            if slot == .text {
                end = stops != 0 ? index &+ LineWord.lanes(before: stops) : Self.tokenEnd(base, from: index &+ 8, count: count)
            } else {
                var key = head, tail: UInt64 = 0
                if stops != 0 {
                    end = index &+ LineWord.lanes(before: stops)
                    key = head & LineWord.mask(before: stops)
                } else if index &+ 8 < count {
                    tail = LineWord.load(base, at: index &+ 8, count: count)
                    stops = LineWord.stops(tail)
                    guard stops != 0 else {
                        // Sixteen bytes or more: a long IPv6 address, or the full path.
                        end = longAddress(base, from: index, count: count, slot)
                        guard end > 0 else { return nil }
                        ends[column] = end
                        column &+= 1
                        index = end &+ 1
                        continue
                    }
                    end = index &+ 8 &+ LineWord.lanes(before: stops)
                    tail &= LineWord.mask(before: stops)
                } else {
                    end = count
                }
                let memo = slot.isAddress ? addresses + AddressMemos.slot(head: key, tail: tail) : memos + column
                if key == memo.pointee.head, tail == memo.pointee.tail {
                    values.pointee.set(slot, bits: memo.pointee.bits)
                } else if key != LineWord.dash {
                    guard remember(slot, base + index, length: end &- index, head: key, tail: tail, in: memo) else { return nil }
                }
            }
            ends[column] = end
            if end < count {
                guard base[end] == ASCII.space else { return nil }
            }
            index = end &+ 1
            column &+= 1
        }
        // The last value must end the line (with at most one space after it).
        guard index >= count else { return nil }
        tokenCount = fields
        swapRecords()
        switch values.pointee.logStatus {
        case .noData: return .noData
        case .skipData: return .skipData
        default: return .record
        }
    }

    /// Parses a value not found in its memo, stores it in the scratch record and in `memo`.
    /// - Parameters:
    ///   - head: the value's first eight bytes as a `LineWord`, zero lanes after its end.
    ///   - tail: bytes 8–15 likewise (0 when the value is shorter).
    /// - Returns: false when the value is not valid in `slot`.
    @inline(never)
    private func remember(_ slot: Slot, _ token: UnsafePointer<UInt8>, length: Int, head: UInt64, tail: UInt64,
                          in memo: UnsafeMutablePointer<ColumnMemo>) -> Bool {
        let bits: UInt128
        switch slot {
        case .packets, .bytes, .start, .end, .otherCount, .srcport, .dstport, .version, .protocolNumber, .trafficPath, .tcpFlags:
            guard let value = LineWord.decimal(head, tail, length: length), value <= maximums[Int(slot.rawValue)] else { return false }
            bits = UInt128(value)
        case .srcaddr, .dstaddr, .pktSrcaddr, .pktDstaddr:
            if let v4 = IPAddress.parseIPv4(token, length) {
                bits = IPAddress(ipv4: v4).value
            } else if let v6 = IPAddress.parseIPv6(token, length) {
                bits = v6.value
            } else {
                return false
            }
        default:
            var values = FlowRecord()
            guard values.parseWord(token, length, slot) else { return false }
            switch slot {
            case .action: bits = UInt128(values.action?.rawValue ?? 0)
            case .logStatus: bits = UInt128(values.logStatus?.rawValue ?? 0)
            default: bits = UInt128(values.flowDirection?.rawValue ?? 0)
            }
        }
        memo.pointee = ColumnMemo(head: head, tail: tail, bits: bits)
        scratch.pointee.set(slot, bits: bits)
        return true
    }

    /// A value of sixteen bytes or more at `index`: read here only when it is an IPv6 address
    /// (not remembered: long addresses rarely repeat).
    /// - Returns: where the value ends, or -1 for the full path.
    @inline(never)
    private func longAddress(_ base: UnsafePointer<UInt8>, from index: Int, count: Int, _ slot: Slot) -> Int {
        guard slot.isAddress else { return -1 }
        let end = Self.tokenEnd(base, from: index + 16, count: count)
        guard end == count || base[end] == ASCII.space,
              let address = IPAddress.parseIPv6(base + index, end - index) else { return -1 }
        scratch.pointee.set(slot, bits: address.value)
        return end
    }
}

extension FlowRecord {
    /// Stores a value of `slot` given as `RecordParser.remember(…)` keeps it: a number, an
    /// address's `value`, or a keyword's raw value.
    @inline(__always)
    mutating func set(_ slot: RecordParser.Slot, bits: UInt128) {
        let low = UInt64(truncatingIfNeeded: bits)
        switch slot {
        case .srcaddr: srcaddr = IPAddress(value: bits)
        case .dstaddr: dstaddr = IPAddress(value: bits)
        case .pktSrcaddr: pktSrcaddr = IPAddress(value: bits)
        case .pktDstaddr: pktDstaddr = IPAddress(value: bits)
        case .action: action = FlowAction(rawValue: UInt8(truncatingIfNeeded: low)) ?? .accept
        case .logStatus: logStatus = LogStatus(rawValue: UInt8(truncatingIfNeeded: low)) ?? .ok
        case .flowDirection: flowDirection = FlowDirection(rawValue: UInt8(truncatingIfNeeded: low)) ?? .ingress
        default: store(low, slot)
        }
    }
}

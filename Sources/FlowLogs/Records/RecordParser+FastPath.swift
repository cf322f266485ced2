extension RecordParser {
    /// Reads the usual record quickly: one space between values, exactly the format's number of
    /// values, every value valid. Values are looked at eight bytes at a time (`LineWord`), and a
    /// value met before is not parsed again: when a column holds the same bytes as in the
    /// previous line (its `ColumnMemo`), the fast path's record (`working`) still holds the value;
    /// an address is also looked up in a small table shared by the address columns (a NAT
    /// gateway's address shows in one column, then in another).
    ///
    /// Anything else (runs of spaces or tabs, control characters, missing or extra values, an
    /// invalid value, numbers of sixteen digits or more) returns false, its record half written;
    /// `parseValues` then reads the line from the start into its own record and says what is
    /// wrong with it, so both paths give the same outcome, values and reason for every line.
    ///
    /// - Parameters:
    ///   - base: the line's bytes; `count` of them.
    ///   - first: the index of the first value (separators before it skipped).
    /// - Returns: true when `record` now holds the line's values; false when the line needs the
    ///   full path.
    @inline(__always)
    func parseValuesQuickly(_ base: UnsafePointer<UInt8>, count: Int, from first: Int) -> Bool {
        // Locals, not properties, in the loop: the optimizer keeps them in registers.
        let values = working, record = UnsafeMutableRawPointer(working), addresses = addressMemos
        values.pointee.present = formatPresence
        // The loop walks the columns' memos and start positions by pointer; ends are
        // `tokenCapacity` entries after the starts. It stops at each repeated span's first
        // column (the sentinel's is past the last column).
        var memo = memos, starts = tokenStarts
        let lastMemo = memos + fieldCount
        var span = spans
        var stop = memos + span.pointee.firstColumn
        var index = first
        while true {
            if memo == stop {
                if memo == lastMemo { break }
                let length = span.pointee.length
                if length != 0, index &+ length <= count, !span.pointee.endsLine || index &+ length == count,
                   span.pointee.matches(base + index) {
                    // The same bytes as the last line's: the record and memos hold the values.
                    let columns = span.pointee.columns
                    moveTokens(starts, columns: columns, by: index &- span.pointee.start)
                    span.pointee.start = index
                    memo += columns
                    starts += columns
                    index &+= length
                    values.pointee.present &= span.pointee.keep
                    span.pointee.met = true
                } else {
                    span.pointee.start = index
                    span.pointee.met = false
                }
                span += 1
                stop = memos + span.pointee.firstColumn
                continue
            }
            let head: UInt64
            if index &+ 8 <= count {
                head = LineWord.load(base, at: index)
            } else {
                guard index < count else { return false }
                head = LineWord.loadEnd(base, at: index, count: count)
            }
            starts.pointee = index
            let slot = memo.pointee.slot
            var stops = LineWord.stops(head)
            // A separator or control character first: an empty value (two separators in a row).
            guard stops & LineWord.firstLaneTopBit == 0 else { return false }
            var end: Int
            if slot == .text {
                end = stops != 0 ? index &+ LineWord.lanes(before: stops) : Self.tokenEnd(base, from: index &+ 8, count: count)
            } else {
                var key = head, tail: UInt64 = 0, keyMask = UInt64.max
                if stops != 0 {
                    end = index &+ LineWord.lanes(before: stops)
                    keyMask = LineWord.mask(before: stops)
                    key = head & keyMask
                } else if index &+ 8 < count {
                    tail = LineWord.load(base, at: index &+ 8, count: count)
                    stops = LineWord.stops(tail)
                    if stops != 0 {
                        end = index &+ 8 &+ LineWord.lanes(before: stops)
                        tail &= LineWord.mask(before: stops)
                    } else {
                        // Sixteen bytes or more: a long IPv6 address, or the full path.
                        end = longAddress(base, from: index, count: count, in: memo)
                        guard end > 0 else { return false }
                        // Stored, and the memo emptied: the empty key matches it below.
                        key = 0
                        tail = 0
                    }
                } else {
                    end = count
                }
                if key == memo.pointee.head, tail == memo.pointee.tail {
                    // The same bytes as the previous line's: the record still holds the value.
                } else if key == LineWord.dash {
                    values.pointee.present &= ~memo.pointee.presence
                } else if slot.isAddress {
                    let twin = memo - Int(memo.pointee.twin)
                    let recent = addresses + AddressMemos.slot(head: key, tail: tail)
                    if memo.pointee.twin != 0, key == twin.pointee.head, tail == twin.pointee.tail {
                        // The bytes of the earlier column it repeats (pkt-srcaddr after srcaddr):
                        // that column's memo and record field hold them and their value.
                        let value = (record + Int(twin.pointee.offset)).load(as: UInt128.self)
                        (record + Int(memo.pointee.offset)).storeBytes(of: value, as: UInt128.self)
                        memo.pointee.head = key
                        memo.pointee.tail = tail
                    } else if key == recent.pointee.head, tail == recent.pointee.tail {
                        (record + Int(memo.pointee.offset)).storeBytes(of: recent.pointee.value, as: UInt128.self)
                        memo.pointee.head = key
                        memo.pointee.tail = tail
                    } else {
                        guard rememberAddress(base + index, length: end &- index, head: key, tail: tail, in: memo,
                                              recent: recent) else { return false }
                    }
                } else if memo.pointee.offset != 0 {
                    // A number: parsed here, stored in its cell.
                    let length = end &- index
                    guard let value = length <= 8 ? LineWord.decimal(key, within: keyMask, length: length)
                                                  : LineWord.decimal(key, tail, length: length),
                          value <= memo.pointee.maximum else { return false }
                    (record + Int(memo.pointee.offset)).storeBytes(of: value, as: UInt64.self)
                    memo.pointee.head = key
                    memo.pointee.tail = tail
                } else {
                    guard remember(slot, length: end &- index, head: key, tail: tail, in: memo) else { return false }
                }
            }
            starts[Self.tokenCapacity] = end
            if end < count {
                guard base[end] == ASCII.space else { return false }
            }
            index = end &+ 1
            memo += 1
            starts += 1
        }
        // The last value must end the line (with at most one space after it).
        guard index >= count else { return false }
        tokenCount = fieldCount
        // Spans not met keep this line's bytes: up to the next column's start, or the line's end.
        span = spans
        for _ in 0..<spanCount {
            if !span.pointee.met {
                let start = span.pointee.start
                let end = span.pointee.endsLine ? count : tokenStarts[span.pointee.firstColumn &+ span.pointee.columns]
                span.pointee.remember(base + start, length: end &- start, present: values.pointee.present)
            }
            span += 1
        }
        current = values
        return true
    }

    /// Moves the token positions of a met span's columns (`starts` on) to where it is now.
    @inline(__always)
    private func moveTokens(_ starts: UnsafeMutablePointer<Int>, columns: Int, by shift: Int) {
        guard shift != 0 else { return }
        for column in 0..<columns {
            starts[column] &+= shift
            starts[Self.tokenCapacity &+ column] &+= shift
        }
    }

    /// Parses a number or keyword not found in its column's memo into the fast path's record,
    /// and remembers its bytes.
    /// - Parameters:
    ///   - head: the value's first eight bytes as a `LineWord`, zero lanes after its end.
    ///   - tail: bytes 8–15 likewise (0 when the value is shorter).
    /// - Returns: false when the value is not valid in `slot`.
    @inline(never)
    private func remember(_ slot: Slot, length: Int, head: UInt64, tail: UInt64,
                          in memo: UnsafeMutablePointer<ColumnMemo>) -> Bool {
        let bits: UInt128
        if slot.isKeyword {
            guard tail == 0, let keyword = Self.keywordBits(slot, head) else { return false }
            bits = keyword
        } else {
            guard let value = LineWord.decimal(head, tail, length: length), value <= maximums[Int(slot.rawValue)] else { return false }
            bits = UInt128(value)
        }
        working.pointee.set(slot, bits: bits)
        memo.pointee.head = head
        memo.pointee.tail = tail
        return true
    }

    /// Parses an address found neither in its column's memo nor in the table of recent
    /// addresses into the fast path's record, and remembers it in both.
    /// - Parameter recent: the table's entry for the address's bytes.
    /// - Returns: false when the value is not an address.
    @inline(never)
    private func rememberAddress(_ token: UnsafePointer<UInt8>, length: Int, head: UInt64, tail: UInt64,
                                 in memo: UnsafeMutablePointer<ColumnMemo>, recent: UnsafeMutablePointer<AddressMemo>) -> Bool {
        let value: UInt128
        if let v4 = IPAddress.parseIPv4(token, length) {
            value = IPAddress(ipv4: v4).value
        } else {
            guard let v6 = Self.ipv6Bits(token, length) else { return false }
            value = v6
        }
        (UnsafeMutableRawPointer(working) + Int(memo.pointee.offset)).storeBytes(of: value, as: UInt128.self)
        recent.pointee = AddressMemo(head: head, tail: tail, value: value)
        memo.pointee.head = head
        memo.pointee.tail = tail
        return true
    }

    /// An IPv6 address's `value`, or `nil`. Out of line: its scratch space would otherwise sit
    /// in the caller's frame.
    @inline(never)
    static func ipv6Bits(_ token: UnsafePointer<UInt8>, _ length: Int) -> UInt128? {
        IPAddress.parseIPv6(token, length)?.value
    }

    /// The raw value of the keyword whose bytes are `head` (a `LineWord`, zero lanes after the
    /// word: every keyword fits in eight bytes), or `nil` when it is not one the slot accepts.
    /// One compare per keyword.
    @inline(__always)
    static func keywordBits(_ slot: Slot, _ head: UInt64) -> UInt128? {
        switch slot {
        case .action:
            if head == LineWord.accept { return UInt128(FlowAction.accept.rawValue) }
            if head == LineWord.reject { return UInt128(FlowAction.reject.rawValue) }
        case .logStatus:
            if head == LineWord.ok { return UInt128(LogStatus.ok.rawValue) }
            if head == LineWord.noData { return UInt128(LogStatus.noData.rawValue) }
            if head == LineWord.skipData { return UInt128(LogStatus.skipData.rawValue) }
        case .flowDirection:
            if head == LineWord.ingress { return UInt128(FlowDirection.ingress.rawValue) }
            if head == LineWord.egress { return UInt128(FlowDirection.egress.rawValue) }
        default:
            break
        }
        return nil
    }

    /// A keyword's raw value (`action`, `log-status`, `flow-direction`), or `nil` when the word
    /// is not one the slot accepts.
    @inline(never)
    static func keywordBits(_ slot: Slot, _ token: UnsafePointer<UInt8>, _ length: Int) -> UInt128? {
        var values = FlowRecord()
        guard values.parseWord(token, length, slot) else { return nil }
        switch slot {
        case .action: return values.action.map { UInt128($0.rawValue) }
        case .logStatus: return values.logStatus.map { UInt128($0.rawValue) }
        default: return values.flowDirection.map { UInt128($0.rawValue) }
        }
    }

    /// A value of sixteen bytes or more at `index`: read here only when it is an IPv6 address
    /// (not remembered, and the column's memo is forgotten: long addresses rarely repeat).
    /// - Returns: where the value ends, or -1 for the full path.
    @inline(never)
    private func longAddress(_ base: UnsafePointer<UInt8>, from index: Int, count: Int,
                             in memo: UnsafeMutablePointer<ColumnMemo>) -> Int {
        guard memo.pointee.slot.isAddress else { return -1 }
        let end = Self.tokenEnd(base, from: index + 16, count: count)
        guard end == count || base[end] == ASCII.space,
              let value = Self.ipv6Bits(base + index, end - index) else { return -1 }
        (UnsafeMutableRawPointer(working) + Int(memo.pointee.offset)).storeBytes(of: value, as: UInt128.self)
        memo.pointee.head = 0
        memo.pointee.tail = 0
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

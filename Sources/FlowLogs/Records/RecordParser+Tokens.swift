import Foundation

/// Finding the values of a line: for header lines, for lines the fast path does not take, and
/// to count values when a line does not fit its format.
extension RecordParser {
    /// Finds the space-separated values of the line (runs of spaces or tabs count as one).
    /// - Returns: false when the line holds a control character or too many values.
    @inline(__always)
    func tokenize() -> Bool {
        tokenCount = 0
        guard let base = line.baseAddress?.assumingMemoryBound(to: UInt8.self) else { return true }
        let count = line.count
        var index = 0
        while true {
            index = Self.skipSeparators(base, from: index, count: count)
            if index == count { return true }
            guard tokenCount < Self.maximumFields else {
                failure = .fieldCount
                tokenCount += 1
                return false
            }
            tokenStarts[tokenCount] = index
            index = Self.tokenEnd(base, from: index, count: count)
            tokenEnds[tokenCount] = index
            tokenCount += 1
            if index < count, base[index] != ASCII.space, base[index] != ASCII.tab {
                failure = .control(base[index])
                return false
            }
        }
    }

    /// The index of the first byte at or after `index` that is not a space or a tab, or `count`.
    @inline(__always)
    static func skipSeparators(_ base: UnsafePointer<UInt8>, from index: Int, count: Int) -> Int {
        var position = index
        // The usual case: one space, then a value.
        if position < count, base[position] == ASCII.space {
            position += 1
            if position == count || base[position] > ASCII.space { return position }
        }
        while position < count {
            let byte = base[position]
            guard byte == ASCII.space || byte == ASCII.tab else { break }
            position += 1
        }
        return position
    }

    /// The index of the first byte at or after `index` that is a space or below (a separator or
    /// a control character), or `count`. Eight bytes at a time: a byte below 0x21 sets the top
    /// bit of its lane in `(w - 0x21…) & ~w & 0x80…`, and the lowest such lane is exact.
    @inline(__always)
    static func tokenEnd(_ base: UnsafePointer<UInt8>, from index: Int, count: Int) -> Int {
        var position = index
        while position &+ 8 <= count {
            let word = UInt64(littleEndian: UnsafeRawPointer(base + position).loadUnaligned(as: UInt64.self))
            let below = (word &- 0x2121_2121_2121_2121) & ~word & 0x8080_8080_8080_8080
            if below != 0 { return position &+ below.trailingZeroBitCount &>> 3 }
            position &+= 8
        }
        while position < count, base[position] > ASCII.space { position += 1 }
        return position
    }

    /// A cheap test before the header check: field names hold no digit, ids such as
    /// `eni-0a1b` do.
    @inline(__always)
    func firstTokenLooksLikeAName(_ base: UnsafePointer<UInt8>, from start: Int, count: Int) -> Bool {
        let end = Self.tokenEnd(base, from: start, count: count)
        for index in start..<end where ASCII.isDigit(base[index]) { return false }
        return true
    }

    /// The format a header line gives, or `nil` when the tokenized line is not a header.
    func headerFormat() -> FlowLogFormat? {
        guard tokenCount > 0 else { return nil }
        let words = UnsafeRawBufferPointer(rebasing: line[tokenStarts[0]..<tokenEnds[tokenCount - 1]])
        return HeaderFormats.format(of: words) {
            let tokens = (0..<tokenCount).map {
                Substring(decoding: UnsafeRawBufferPointer(rebasing: line[tokenStarts[$0]..<tokenEnds[$0]]), as: UTF8.self)
            }
            guard FlowLogFormat.isHeader(tokens) else { return nil }
            return FlowLogFormat(names: tokens.map(String.init))
        }
    }

    /// Transit Gateway records without a header: a `TransitGateway` resource type or a `tgw-` id.
    func looksLikeTransitGateway() -> Bool {
        for column in 0..<min(tokenCount, 8) {
            let token = UnsafeRawBufferPointer(rebasing: line[tokenStarts[column]..<tokenEnds[column]])
            if token.starts(with: "tgw-".utf8) || token.elementsEqual("TransitGateway".utf8) { return true }
        }
        return false
    }
}

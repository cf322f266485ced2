import Foundation

/// Turns one line of a Route 53 Resolver query log into a `ResolverQuery` without allocating:
/// a small JSON reader that keeps the fields it knows and skips every other value whole.
///
/// Lines come as AWS delivers them to S3 (one JSON object a line) or as CloudWatch Logs hands
/// them out: after an ISO-8601 timestamp and a space (`aws logs` exports), inside a log event's
/// `message` string (`{"timestamp":…,"message":"{\"version\":…}"}`), or as a console CSV download
/// (`timestamp,message` header, then `1639262783000,"{""version"":…}"`).
///
///     parser.parse(#"{"version":"1.100000","vpc_id":"vpc-1","query_timestamp":"2021-12-11T22:46:26Z","query_name":"sts.us-east-1.amazonaws.com.","rcode":"NOERROR","answers":[{"Rdata":"67.43.156.12","Type":"A","Class":"IN"}],"srcaddr":"172.31.86.159"}"#)
///     // .query; parser.query.answers[0].type == .a, parser.query.timestamp == 1639262786
final class ResolverLineParser {
    /// What a line turned out to be.
    enum Outcome: Equatable {
        /// A query record: `query` holds it.
        case query
        /// An empty line.
        case blank
        /// The `timestamp,message` header of a CloudWatch console CSV download.
        case header
        /// Not a query record: `failure` says why.
        case malformed
    }

    /// Fields a record must have to be used (bits of `ResolverQuery.present`).
    enum Field: UInt32, CaseIterable {
        case vpcID = 1
        case queryTimestamp = 2
        case queryName = 4
        case srcaddr = 8

        var name: String {
            switch self {
            case .vpcID: return "vpc_id"
            case .queryTimestamp: return "query_timestamp"
            case .queryName: return "query_name"
            case .srcaddr: return "srcaddr"
            }
        }
    }

    /// The most answers kept per record (the rest are counted in `answersLeftOut`).
    static let answerCapacity = 64
    /// Objects and arrays nested deeper than this are malformed (no recursion without bound).
    static let maximumDepth = 16

    /// The record of the last line that parsed.
    private(set) var query = ResolverQuery()
    /// Why the last malformed line is malformed.
    private(set) var failure = ResolverLineError.notAnObject
    /// Unescaped strings of the current line.
    private let scratch: UnsafeMutableRawBufferPointer
    private var scratchUsed = 0
    /// The unwrapped `message` of a CloudWatch log event or CSV row.
    private let outer: UnsafeMutableRawBufferPointer
    private var base: UnsafePointer<UInt8> = UnsafePointer(bitPattern: 1)!
    private var count = 0
    private var index = 0

    /// - Parameter maximumLineLength: the longest line handed to `parse` (sizes the scratch buffers).
    init(maximumLineLength: Int = LineSplitter.defaultMaximumLineLength) {
        scratch = .allocate(byteCount: maximumLineLength + 16, alignment: 8)
        outer = .allocate(byteCount: maximumLineLength + 16, alignment: 8)
    }

    deinit {
        scratch.deallocate()
        outer.deallocate()
    }

    /// Reads one line (without its newline).
    /// - Parameter line: valid during this call; `query` points into it until the next call.
    func parse(_ line: UnsafeRawBufferPointer) -> Outcome {
        query.reset()
        scratchUsed = 0
        guard var start = line.firstIndex(where: { !Self.isSpace($0) }) else { return .blank }
        var body = UnsafeRawBufferPointer(rebasing: line[start...])
        if ASCII.isDigit(body[0]) {
            if let unwrapped = unwrapCSV(body) {
                body = unwrapped
            } else if let space = body.firstIndex(of: ASCII.space) {
                // `2021-12-11T22:46:23.000Z {json}`: the export's timestamp, then the record.
                start = space + 1
                while start < body.count, Self.isSpace(body[start]) { start += 1 }
                body = UnsafeRawBufferPointer(rebasing: body[start...])
            }
        } else if body.elementsEqual("timestamp,message".utf8) {
            return .header
        }
        guard let first = body.first, first == ASCII.openBrace else {
            failure = .notAnObject
            return .malformed
        }
        do {
            var message: UnsafeRawBufferPointer?
            try parseRecord(body, message: &message)
            if query.present & Field.queryName.rawValue == 0, let message {
                // A CloudWatch log event: the record is the `message` string.
                let copy = UnsafeMutableRawBufferPointer(rebasing: outer[..<message.count])
                copy.copyMemory(from: message)
                query.reset()
                scratchUsed = 0
                var ignored: UnsafeRawBufferPointer?
                try parseRecord(UnsafeRawBufferPointer(copy), message: &ignored)
            }
            try check()
        } catch {
            failure = error
            return .malformed
        }
        return .query
    }

    // MARK: The record object

    private func parseRecord(_ text: UnsafeRawBufferPointer, message: inout UnsafeRawBufferPointer?) throws(ResolverLineError) {
        base = text.baseAddress!.assumingMemoryBound(to: UInt8.self)
        count = text.count
        index = 0
        try expect(ASCII.openBrace)
        skipSpaces()
        if peek() == ASCII.closeBrace { index += 1; return try end() }
        while true {
            let key = try string()
            skipSpaces()
            try expect(ASCII.colon)
            skipSpaces()
            switch RecordKey(key) {
            case .version: query.version = try string()
            case .accountID: query.accountID = try string()
            case .region: query.region = try string()
            case .vpcID: query.vpcID = try string(); query.present |= Field.vpcID.rawValue
            case .queryTimestamp:
                query.timestampText = try string()
                guard let seconds = Self.timestamp(query.timestampText) else {
                    throw .badTimestamp(String(decoding: query.timestampText.prefix(40), as: UTF8.self))
                }
                query.timestamp = seconds
                query.present |= Field.queryTimestamp.rawValue
            case .queryName: query.queryName = try string(); query.present |= Field.queryName.rawValue
            case .queryType: query.queryType = try string()
            case .rcode: query.rcode = try string()
            case .srcaddr:
                query.srcaddrText = try string()
                guard let address = IPAddress.parse(query.srcaddrText) else {
                    throw .badSource(String(decoding: query.srcaddrText.prefix(60), as: UTF8.self))
                }
                query.srcaddr = address
                query.present |= Field.srcaddr.rawValue
            case .firewallRuleAction: query.firewallAction = try string()
            case .answers: try answers()
            case .srcids: try sourceIDs()
            case .message where peek() == ASCII.quote: message = try string()
            case .message, .other: try skipValue(depth: 1)
            }
            skipSpaces()
            guard index < count else { throw .incompleteObject }
            if base[index] == ASCII.comma { index += 1; skipSpaces(); continue }
            if base[index] == ASCII.closeBrace { index += 1; return try end() }
            throw .unexpected(byte: base[index], offset: index)
        }
    }

    /// Only spaces may follow the object.
    private func end() throws(ResolverLineError) {
        skipSpaces()
        if index < count { throw .trailing(offset: index) }
    }

    /// The fields every usable record has.
    private func check() throws(ResolverLineError) {
        for field in Field.allCases where query.present & field.rawValue == 0 {
            throw .missing(field.name)
        }
    }

    /// `"answers": [{"Rdata": "…", "Type": "A", "Class": "IN"}, …]`
    private func answers() throws(ResolverLineError) {
        if peek() == UInt8(ascii: "n") { return try skipValue(depth: 1) }  // null
        try expect(UInt8(ascii: "["))
        skipSpaces()
        if peek() == UInt8(ascii: "]") { index += 1; return }
        while true {
            var rdata = UnsafeRawBufferPointer(start: nil, count: 0)
            var type = ResolverQuery.RecordType.other
            try expect(ASCII.openBrace)
            skipSpaces()
            if peek() == ASCII.closeBrace {
                index += 1
            } else {
                while true {
                    let key = try string()
                    skipSpaces()
                    try expect(ASCII.colon)
                    skipSpaces()
                    if key.elementsEqual("Rdata".utf8), peek() == ASCII.quote {
                        rdata = try string()
                    } else if key.elementsEqual("Type".utf8), peek() == ASCII.quote {
                        type = .of(try string())
                    } else {
                        try skipValue(depth: 3)
                    }
                    skipSpaces()
                    guard index < count else { throw .incompleteObject }
                    if base[index] == ASCII.comma { index += 1; skipSpaces(); continue }
                    if base[index] == ASCII.closeBrace { index += 1; break }
                    throw .unexpected(byte: base[index], offset: index)
                }
            }
            if query.answers.count < Self.answerCapacity {
                query.answers.append(.init(rdata: rdata, type: type))
            } else {
                query.answersLeftOut += 1
            }
            skipSpaces()
            guard index < count else { throw .incompleteObject }
            if base[index] == ASCII.comma { index += 1; skipSpaces(); continue }
            if base[index] == UInt8(ascii: "]") { index += 1; return }
            throw .unexpected(byte: base[index], offset: index)
        }
    }

    /// `"srcids": {"instance": "i-…", "resolver_endpoint": "rslvr-out-…"}`
    private func sourceIDs() throws(ResolverLineError) {
        guard peek() == ASCII.openBrace else { return try skipValue(depth: 1) }
        index += 1
        skipSpaces()
        if peek() == ASCII.closeBrace { index += 1; return }
        while true {
            let key = try string()
            skipSpaces()
            try expect(ASCII.colon)
            skipSpaces()
            if key.elementsEqual("instance".utf8), peek() == ASCII.quote {
                query.instance = try string()
            } else if key.elementsEqual("resolver_endpoint".utf8) || key.elementsEqual("resolver-endpoint".utf8), peek() == ASCII.quote {
                query.resolverEndpoint = try string()
            } else {
                try skipValue(depth: 2)
            }
            skipSpaces()
            guard index < count else { throw .incompleteObject }
            if base[index] == ASCII.comma { index += 1; skipSpaces(); continue }
            if base[index] == ASCII.closeBrace { index += 1; return }
            throw .unexpected(byte: base[index], offset: index)
        }
    }

    // MARK: JSON values

    @inline(__always)
    private func peek() -> UInt8? { index < count ? base[index] : nil }

    @inline(__always)
    private func skipSpaces() {
        while index < count, Self.isSpace(base[index]) { index += 1 }
    }

    @inline(__always)
    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == ASCII.space || byte == ASCII.tab || byte == ASCII.carriageReturn || byte == ASCII.newline
    }

    private func expect(_ byte: UInt8) throws(ResolverLineError) {
        guard index < count else { throw .incompleteObject }
        guard base[index] == byte else { throw .unexpected(byte: base[index], offset: index) }
        index += 1
    }

    /// A string value: a slice of the line, or of `scratch` when it held escapes.
    private func string() throws(ResolverLineError) -> UnsafeRawBufferPointer {
        try expect(ASCII.quote)
        let start = index
        while index < count {
            let byte = base[index]
            if byte == ASCII.quote {
                index += 1
                return UnsafeRawBufferPointer(start: base + start, count: index - 1 - start)
            }
            if byte == ASCII.backslash { return try escapedString(from: start) }
            index += 1
        }
        throw .unterminatedString(offset: start - 1)
    }

    /// The rest of a string with escapes, unescaped into `scratch` (UTF-8 for `\uXXXX`).
    private func escapedString(from start: Int) throws(ResolverLineError) -> UnsafeRawBufferPointer {
        let begin = scratchUsed
        func put(_ byte: UInt8) { scratch[scratchUsed] = byte; scratchUsed += 1 }
        for offset in start..<index { put(base[offset]) }
        while index < count {
            let byte = base[index]
            if byte == ASCII.quote {
                index += 1
                return UnsafeRawBufferPointer(rebasing: scratch[begin..<scratchUsed])
            }
            index += 1
            guard byte == ASCII.backslash else { put(byte); continue }
            guard index < count else { break }
            let escape = base[index]
            index += 1
            switch escape {
            case ASCII.quote, ASCII.backslash, ASCII.slash: put(escape)
            case UInt8(ascii: "b"): put(0x08)
            case UInt8(ascii: "f"): put(0x0c)
            case UInt8(ascii: "n"): put(ASCII.newline)
            case UInt8(ascii: "r"): put(ASCII.carriageReturn)
            case UInt8(ascii: "t"): put(ASCII.tab)
            case UInt8(ascii: "u"):
                var scalar = try hex4()
                if (0xd800..<0xdc00).contains(scalar), index + 1 < count, base[index] == ASCII.backslash, base[index + 1] == UInt8(ascii: "u") {
                    index += 2
                    let low = try hex4()
                    guard (0xdc00..<0xe000).contains(low) else { throw .badEscape(offset: index - 6) }
                    scalar = 0x10000 + ((scalar - 0xd800) << 10) + (low - 0xdc00)
                }
                let character = Unicode.Scalar(scalar) ?? "\u{fffd}"
                for unit in String(character).utf8 { put(unit) }
            default:
                throw .badEscape(offset: index - 2)
            }
        }
        throw .unterminatedString(offset: start - 1)
    }

    private func hex4() throws(ResolverLineError) -> UInt32 {
        guard index + 4 <= count else { throw .badEscape(offset: index - 2) }
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard let digit = ASCII.hexValue(base[index]) else { throw .badEscape(offset: index) }
            value = value << 4 | UInt32(digit)
            index += 1
        }
        return value
    }

    /// Skips any JSON value: string, number, literal, object or array (nested to `maximumDepth`).
    private func skipValue(depth: Int) throws(ResolverLineError) {
        guard depth <= Self.maximumDepth else { throw .tooDeep }
        guard index < count else { throw .incompleteObject }
        switch base[index] {
        case ASCII.quote:
            _ = try string()
        case ASCII.openBrace, UInt8(ascii: "["):
            let close = base[index] == ASCII.openBrace ? ASCII.closeBrace : UInt8(ascii: "]")
            let isObject = close == ASCII.closeBrace
            index += 1
            skipSpaces()
            if peek() == close { index += 1; return }
            while true {
                if isObject {
                    _ = try string()
                    skipSpaces()
                    try expect(ASCII.colon)
                    skipSpaces()
                }
                try skipValue(depth: depth + 1)
                skipSpaces()
                guard index < count else { throw .incompleteObject }
                if base[index] == ASCII.comma { index += 1; skipSpaces(); continue }
                if base[index] == close { index += 1; return }
                throw .unexpected(byte: base[index], offset: index)
            }
        default:
            // A number or a literal: a run of its characters.
            let start = index
            while index < count, Self.isScalarByte(base[index]) { index += 1 }
            if index == start { throw .unexpected(byte: base[index], offset: index) }
        }
    }

    @inline(__always)
    private static func isScalarByte(_ byte: UInt8) -> Bool {
        ASCII.isDigit(byte) || (byte >= ASCII.lowerA && byte <= ASCII.lowerZ) || byte == ASCII.dash
            || byte == ASCII.plus || byte == ASCII.dot || byte == UInt8(ascii: "E")
    }

    // MARK: CloudWatch wrappers

    /// `1639262783000,"{""version"":…}"` → the record, unquoted into `outer`; `nil` for other lines.
    private func unwrapCSV(_ line: UnsafeRawBufferPointer) -> UnsafeRawBufferPointer? {
        var comma = 0
        while comma < line.count, comma < 14, ASCII.isDigit(line[comma]) { comma += 1 }
        guard comma >= 10, comma + 1 < line.count, line[comma] == ASCII.comma, line[comma + 1] == ASCII.quote,
              line.last == ASCII.quote, line.count >= comma + 3 else { return nil }
        var used = 0
        var position = comma + 2
        let end = line.count - 1
        while position < end {
            let byte = line[position]
            outer[used] = byte
            used += 1
            position += byte == ASCII.quote && position + 1 < end && line[position + 1] == ASCII.quote ? 2 : 1
        }
        return UnsafeRawBufferPointer(rebasing: outer[..<used])
    }

    // MARK: Time

    /// `2021-12-11T22:46:26Z` (fraction allowed, `Z` or no zone) in Unix seconds; `nil` otherwise.
    static func timestamp(_ text: UnsafeRawBufferPointer) -> UInt64? {
        guard text.count >= 19 else { return nil }
        func number(_ from: Int, _ digits: Int) -> Int? {
            var value = 0
            for offset in from..<(from + digits) {
                let byte = text[offset]
                guard ASCII.isDigit(byte) else { return nil }
                value = value * 10 + Int(byte &- ASCII.zero)
            }
            return value
        }
        guard let year = number(0, 4), text[4] == ASCII.dash, let month = number(5, 2), text[7] == ASCII.dash,
              let day = number(8, 2), text[10] == ASCII.upperT || text[10] == ASCII.space,
              let hour = number(11, 2), text[13] == ASCII.colon, let minute = number(14, 2), text[16] == ASCII.colon,
              let second = number(17, 2), (1...12).contains(month), (1...31).contains(day), hour < 24, minute < 60,
              second < 61, year >= 1970 else { return nil }
        var rest = 19
        if rest < text.count, text[rest] == ASCII.dot {
            rest += 1
            while rest < text.count, ASCII.isDigit(text[rest]) { rest += 1 }
        }
        if rest < text.count, text[rest] == ASCII.upperZ || text[rest] == UInt8(ascii: "z") { rest += 1 }
        guard rest == text.count else { return nil }
        let days = UnixTime.daysFromCivil(year: Int64(year), month: month, day: day)
        return UInt64(days) * 86_400 + UInt64(hour * 3600 + minute * 60 + second)
    }
}

/// The top-level keys the parser keeps.
private enum RecordKey {
    case version, accountID, region, vpcID, queryTimestamp, queryName, queryType, rcode, srcaddr
    case firewallRuleAction, answers, srcids, message, other

    @inline(__always)
    init(_ key: UnsafeRawBufferPointer) {
        switch key.count {
        case 5: self = key.elementsEqual("rcode".utf8) ? .rcode : .other
        case 6: self = key.elementsEqual("region".utf8) ? .region : key.elementsEqual("vpc_id".utf8) ? .vpcID
            : key.elementsEqual("srcids".utf8) ? .srcids : .other
        case 7: self = key.elementsEqual("version".utf8) ? .version : key.elementsEqual("srcaddr".utf8) ? .srcaddr
            : key.elementsEqual("answers".utf8) ? .answers : key.elementsEqual("message".utf8) ? .message : .other
        case 10: self = key.elementsEqual("account_id".utf8) ? .accountID : key.elementsEqual("query_name".utf8) ? .queryName
            : key.elementsEqual("query_type".utf8) ? .queryType : .other
        case 15: self = key.elementsEqual("query_timestamp".utf8) ? .queryTimestamp : .other
        case 20: self = key.elementsEqual("firewall_rule_action".utf8) ? .firewallRuleAction : .other
        default: self = .other
        }
    }
}

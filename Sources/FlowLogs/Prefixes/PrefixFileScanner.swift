import Foundation

/// A small JSON reader over the bytes of an ip-ranges.json file.
///
/// ip-ranges.json is one object of strings and arrays of flat objects, so a dedicated scanner reads
/// it several times faster than `JSONSerialization` (measured: about 45 ms for the 2.6 MB file in
/// release mode before any CIDR was parsed) and can say exactly where a file goes wrong: the byte
/// offset of a syntax error, the jq path (`.prefixes[12].region`) of a wrong value. It accepts any
/// valid JSON (members in any order, unknown members of any shape are skipped) and rejects invalid
/// JSON, including truncated files.
///
/// The scanner borrows the bytes: it is valid only inside the closure that lends them
/// (see `PrefixFileScanner.scan(_:source:)`).
struct PrefixFileScanner {
    let bytes: UnsafeBufferPointer<UInt8>
    /// The file's path (or other name) for error messages.
    let source: String
    /// The next byte to read.
    var offset = 0
    /// The names of the entries read so far.
    var names = PrefixNames()
    /// How many entries to make room for in each array at once.
    var entryCapacity = 0
    /// The names of the last entry read (`nameValue`'s hints).
    var recent: (service: RecentName?, region: RecentName?, group: RecentName?) = (nil, nil, nil)

    /// A name read: where its bytes are in the file, and its id in `names`.
    struct RecentName {
        var range: Range<Int>
        var id: UInt32
    }

    /// Containers nested deeper than this in skipped values are rejected rather than recursed into.
    static let maximumDepth = 128

    init(bytes: UnsafeBufferPointer<UInt8>, source: String) {
        self.bytes = bytes
        self.source = source
    }

    // MARK: Bytes

    /// The byte at `offset` after white space, or `nil` at the end of the file.
    mutating func peek() -> UInt8? {
        while offset < bytes.count {
            switch bytes[offset] {
            case ASCII.space, ASCII.newline, ASCII.carriageReturn, ASCII.tab: offset += 1
            default: return bytes[offset]
            }
        }
        return nil
    }

    /// Consumes `byte` after white space.
    /// - Throws: `PrefixFileError.notJSON` saying what was expected instead.
    mutating func expect(_ byte: UInt8, _ expected: String) throws(PrefixFileError) {
        guard peek() == byte else { throw syntaxError("expected \(expected)") }
        offset += 1
    }

    /// A `notJSON` error at the current offset, naming what was found there.
    func syntaxError(_ what: String) -> PrefixFileError {
        let found: String
        if offset >= bytes.count {
            found = "the file ends here (truncated?)"
        } else {
            let byte = bytes[offset]
            found = byte >= 0x21 && byte < 0x7f
                ? "found '\(Character(Unicode.Scalar(byte)))'"
                : "found byte 0x\(String(byte, radix: 16))"
        }
        return .notJSON(path: source, offset: offset, reason: "\(what), \(found)")
    }

    // MARK: Containers

    /// Steps to the next member of an object whose `{` was consumed: returns the member's name and
    /// the byte offset of its opening quote, having consumed the `:` after it (the caller reads the
    /// value); `nil` after consuming the closing `}`. Set `first` to true before the first call.
    ///
    ///     {"a": 1, "b": 2}   -> "a", (value 1 read by the caller), "b", (value 2), nil
    mutating func nextMember(_ first: inout Bool) throws(PrefixFileError) -> (key: StringToken, offset: Int)? {
        if peek() == ASCII.closeBrace {
            offset += 1
            return nil
        }
        if !first { try expect(ASCII.comma, "',' or '}'") }
        first = false
        guard peek() == ASCII.quote else { throw syntaxError("expected a member name in quotes") }
        let keyOffset = offset
        let key = try stringToken()
        try expect(ASCII.colon, "':'")
        _ = peek()
        return (key, keyOffset)
    }

    /// Steps to the next element of an array whose `[` was consumed: true when one follows,
    /// false after the closing `]`. Set `first` to true before the first call.
    mutating func nextElement(_ first: inout Bool) throws(PrefixFileError) -> Bool {
        if peek() == Byte.closeBracket {
            offset += 1
            return false
        }
        if !first { try expect(ASCII.comma, "',' or ']'") }
        first = false
        guard peek() != nil else { throw syntaxError("expected a value") }
        return true
    }

    // MARK: Strings

    /// A string's bytes between its quotes, and whether it holds escapes.
    struct StringToken {
        var range: Range<Int>
        var hasEscapes: Bool
    }

    /// Reads a string (the offset is at its opening quote) without decoding it.
    mutating func stringToken() throws(PrefixFileError) -> StringToken {
        guard peek() == ASCII.quote else { throw syntaxError("expected '\"'") }
        offset += 1
        let start = offset
        var hasEscapes = false
        while offset < bytes.count {
            let byte = bytes[offset]
            if byte == ASCII.quote {
                offset += 1
                return StringToken(range: start..<(offset - 1), hasEscapes: hasEscapes)
            }
            if byte == ASCII.backslash {
                hasEscapes = true
                offset += 1
                guard offset < bytes.count, Byte.escapes.contains(bytes[offset]) else {
                    throw syntaxError("expected an escape (\\\" \\\\ \\/ \\b \\f \\n \\r \\t \\u) after '\\'")
                }
                if bytes[offset] == UInt8(ascii: "u") {
                    for _ in 0..<4 {
                        offset += 1
                        guard offset < bytes.count, ASCII.hexValue(bytes[offset]) != nil else {
                            throw syntaxError("expected four hex digits after '\\u'")
                        }
                    }
                }
                offset += 1
                continue
            }
            guard byte >= 0x20 else { throw syntaxError("control character inside a string") }
            offset += 1
        }
        offset = bytes.count
        throw syntaxError("expected the end of a string")
    }

    /// The decoded text of a string token.
    /// - Throws: `notJSON` for a bad escape or bytes that are not UTF-8.
    func text(of token: StringToken) throws(PrefixFileError) -> String {
        let raw = UnsafeBufferPointer(rebasing: bytes[token.range])
        guard token.hasEscapes else {
            if raw.allSatisfy({ $0 < 0x80 }) { return String(decoding: raw, as: UTF8.self) }
            guard let text = String(validating: raw, as: UTF8.self) else {
                throw PrefixFileError.notJSON(path: source, offset: token.range.lowerBound,
                                              reason: "the string starting here is not UTF-8")
            }
            return text
        }
        var decoded: [UInt8] = []
        decoded.reserveCapacity(raw.count)
        var index = token.range.lowerBound
        while index < token.range.upperBound {
            let byte = bytes[index]
            guard byte == ASCII.backslash else { decoded.append(byte); index += 1; continue }
            let escape = bytes[index + 1]
            index += 2
            switch escape {
            case ASCII.quote, ASCII.backslash, ASCII.slash: decoded.append(escape)
            case UInt8(ascii: "b"): decoded.append(0x08)
            case UInt8(ascii: "f"): decoded.append(0x0c)
            case UInt8(ascii: "n"): decoded.append(ASCII.newline)
            case UInt8(ascii: "r"): decoded.append(ASCII.carriageReturn)
            case UInt8(ascii: "t"): decoded.append(ASCII.tab)
            case UInt8(ascii: "u"):
                var scalar = hexQuad(at: index)
                index += 4
                if (0xd800..<0xdc00).contains(scalar), index + 6 <= token.range.upperBound,
                   bytes[index] == ASCII.backslash, bytes[index + 1] == UInt8(ascii: "u") {
                    let low = hexQuad(at: index + 2)
                    if (0xdc00..<0xe000).contains(low) {
                        scalar = 0x10000 + (scalar - 0xd800) << 10 + (low - 0xdc00)
                        index += 6
                    }
                }
                guard let unicode = Unicode.Scalar(scalar) else {
                    throw .notJSON(path: source, offset: token.range.lowerBound,
                                   reason: "a \\u escape in the string starting here is a lone surrogate")
                }
                decoded.append(contentsOf: String(Character(unicode)).utf8)
            default:
                preconditionFailure("stringToken admits only valid escapes")
            }
        }
        guard let text = String(validating: decoded, as: UTF8.self) else {
            throw .notJSON(path: source, offset: token.range.lowerBound, reason: "the string starting here is not UTF-8")
        }
        return text
    }

    /// The value of the four hex digits at `index` (checked by `stringToken`).
    private func hexQuad(at index: Int) -> UInt32 {
        var value: UInt32 = 0
        for position in index..<(index + 4) { value = value << 4 | UInt32(ASCII.hexValue(bytes[position]) ?? 0) }
        return value
    }

    /// True when the token's text is exactly `literal` (compared as raw bytes unless it holds escapes).
    func token(_ token: StringToken, is literal: StaticString) -> Bool {
        let expected = UnsafeBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount)
        guard !token.hasEscapes else {
            return (try? text(of: token))?.utf8.elementsEqual(expected) ?? false
        }
        return token.range.count == expected.count
            && memcmp(bytes.baseAddress! + token.range.lowerBound, expected.baseAddress!, expected.count) == 0
    }
}

extension PrefixFileScanner {
    /// JSON punctuation the shared `ASCII` table does not name.
    enum Byte {
        static let openBracket = UInt8(ascii: "[")
        static let closeBracket = UInt8(ascii: "]")
        /// The bytes that may follow a backslash in a JSON string.
        static let escapes: Set<UInt8> = Set("\"\\/bfnrtu".utf8)
    }
}

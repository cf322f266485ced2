import Testing
@testable import FlowLogs

struct LineWordTests {
    /// The value's bytes as `LineWord` head and tail words (zero lanes after it).
    private func words(_ text: String) -> (UInt64, UInt64) {
        let bytes = Array(text.utf8)
        var head: UInt64 = 0, tail: UInt64 = 0
        for (index, byte) in bytes.enumerated() {
            if index < 8 { head |= UInt64(byte) << (8 * index) } else { tail |= UInt64(byte) << (8 * (index - 8)) }
        }
        return (head, tail)
    }

    @Test(arguments: ["0", "7", "42", "443", "65535", "1234567", "12345678", "123456789", "1418530010",
                      "000000000000001", "999999999999999", "4249000000000", "100000000", "99999999"])
    func decimalsOfEveryLength(text: String) {
        let (head, tail) = words(text)
        #expect(LineWord.decimal(head, tail, length: text.utf8.count) == UInt64(text))
        if let mask = Self.mask(text) {
            #expect(LineWord.decimal(head, within: mask, length: text.utf8.count) == UInt64(text))
        }
    }

    /// The lanes of a value of up to eight bytes, as `LineWord.mask(before:)` gives them.
    private static func mask(_ text: String) -> UInt64? {
        let count = text.utf8.count
        return count <= 8 ? UInt64.max >> (64 - 8 * count) : nil
    }

    @Test(arguments: ["a", "1a", "12:4", "1234567/", "12345678:", "123456789x", "/", ":", "12345678 1",
                      "0/", "/0", "9:", ":9", "1\u{7f}", "12\u{80}", "\u{ff}1", "1234567\u{ff}", "123456789012345\u{30}"])
    func nonDigitsAreRejected(text: String) {
        let (head, tail) = words(text)
        // The last case is all digits: it checks that the others fail for their byte, not their length.
        let allDigits = text.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
        #expect((LineWord.decimal(head, tail, length: text.utf8.count) == nil) == !allDigits)
        if let mask = Self.mask(text) {
            #expect((LineWord.decimal(head, within: mask, length: text.utf8.count) == nil) == !allDigits)
        }
    }

    @Test func bytesAfterTheValueAreIgnored() {
        // The lanes after a value may hold the next value: only `length` bytes are read.
        for (text, length, value) in [("443 6", 3, 443), ("1 2345678", 1, 1), ("12345678 1", 8, 12345678),
                                      ("1234567890 123", 10, 1234567890), ("1234567890123456", 16, 1234567890123456)] {
            let (head, tail) = words(text)
            #expect(LineWord.decimal(head, tail, length: length) == UInt64(value), "\(text)")
        }
    }

    @Test func keywordWordsAreTheirBytes() {
        let keywords: [(UInt64, String)] = [(LineWord.accept, "ACCEPT"), (LineWord.reject, "REJECT"), (LineWord.ok, "OK"),
                                            (LineWord.noData, "NODATA"), (LineWord.skipData, "SKIPDATA"),
                                            (LineWord.ingress, "ingress"), (LineWord.egress, "egress")]
        for (word, text) in keywords {
            #expect(words(text) == (word, 0), "\(text)")
        }
    }

    @Test func stopsFindTheFirstSeparatorOrControlByte() {
        for (text, lanes) in [("443 6", 3), ("eni-1\t", 5), ("ab\u{1b}c", 2), ("12345678", 8)] {
            let (head, _) = words(text)
            let stops = LineWord.stops(head)
            if lanes == 8 {
                #expect(stops == 0)
            } else {
                #expect(LineWord.lanes(before: stops) == lanes)
                #expect(head & LineWord.mask(before: stops) == words(String(text.prefix(lanes))).0)
            }
        }
        // A byte of 0x80 or above is a value byte, not a stop.
        #expect(LineWord.stops(0x2020_FFFF_FFFF_FFFF) & 0x0000_FFFF_FFFF_FFFF == 0)
    }

    @Test func loadsNeverReadPastTheLine() {
        let line = Array("2 123 45".utf8)
        for count in 1...line.count {
            let prefix = Array(line.prefix(count))
            for index in 0..<count {
                let word = FastPathSupport.atPageEnd(prefix) { bytes in
                    LineWord.load(bytes.baseAddress!.assumingMemoryBound(to: UInt8.self), at: index, count: count)
                }
                #expect(word == words(String(decoding: prefix[index...], as: UTF8.self)).0)
            }
        }
    }
}

import Foundation
import Testing
@testable import FlowLogs

/// The fast path's memos at their edges: values that change, `-` after a remembered value,
/// invalid values after remembered ones, a fast path that gives up late, a new format.
/// Every line is also read by a second parser without the fast path, and both must agree.
struct RecordParserFastPathTests {
    /// Two parsers fed the same lines: one with the fast path, one without.
    final class Pair {
        let quick: RecordParser
        let full: RecordParser

        init(format: FlowLogFormat = .assumedDefault) {
            quick = RecordParser(format: format)
            full = RecordParser(format: format)
        }

        /// Parses `line` with both and checks they agree; returns the fast parser's outcome.
        @discardableResult
        func parse(_ line: String, sourceLocation: SourceLocation = #_sourceLocation) -> RecordParser.Outcome {
            // Texts point into the line: describe it while the line is still mapped.
            let bytes = Array(line.utf8)
            let (quickOutcome, quickView) = FastPathSupport.atPageEnd(bytes) { bytes in
                let outcome = quick.parse(bytes, quickly: true)
                return (outcome, FastPathSupport.describe(quick, outcome))
            }
            let fullView = FastPathSupport.atPageEnd(bytes) { FastPathSupport.describe(full, full.parse($0, quickly: false)) }
            #expect(quickView == fullView, "line: \(line)", sourceLocation: sourceLocation)
            return quickOutcome
        }
    }

    private static let line = "2 123456789010 eni-1235b8ca123456789 172.31.16.139 172.31.16.21 20641 22 6 20 4249 1418530010 1418530070 ACCEPT OK"

    /// `line` with column `column` replaced by `value`.
    private static func with(_ column: Int, _ value: String, in text: String = line) -> String {
        var words = text.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
        words[column] = value
        return words.joined(separator: " ")
    }

    @Test func rememberedValuesFollowEveryChange() {
        let pair = Pair()
        #expect(pair.parse(Self.line) == .record)
        #expect(pair.quick.record.bytes == 4249)
        // The fast path read it (and remembered the bytes column); the full path does not.
        #expect(pair.quick.memos[9].head != 0)
        #expect(pair.full.memos[9].head == 0)
        pair.parse(Self.line)
        // Each column changes in turn, then goes back.
        let changes = [(0, "3"), (3, "10.0.0.9"), (4, "172.31.16.139"), (5, "20642"), (6, "2"), (7, "17"), (8, "21"),
                       (9, "424"), (9, "42490"), (9, "4249000000000"), (10, "1418530011"), (11, "1418530071"),
                       (12, "REJECT"), (13, "NODATA"), (13, "SKIPDATA")]
        for (column, value) in changes {
            pair.parse(Self.with(column, value))
            pair.parse(Self.line)
        }
        #expect(pair.parse(Self.with(9, "424")) == .record)
        #expect(pair.quick.record.bytes == 424)
        #expect(pair.parse(Self.line) == .record)
        #expect(pair.quick.record.bytes == 4249)
    }

    @Test func repeatedPrefixAndSuffixFollowEveryChange() {
        let pair = Pair()
        pair.parse(Self.line)
        // The line's first three columns and last four are kept as bytes…
        #expect(pair.quick.spanCount == 2)
        #expect(pair.quick.spans[0].length == 37)
        #expect(pair.quick.spans[1].length == 31)
        // …and a line that repeats them reads only the columns between; the skipped columns'
        // texts follow the line.
        Array(Self.with(9, "42500").utf8).withUnsafeBytes { bytes in
            #expect(pair.quick.parse(bytes) == .record)
            #expect(pair.quick.spans[0].met && pair.quick.spans[1].met)
            #expect(pair.quick.record.bytes == 42500)
            #expect(pair.quick.record.end == 1418530070)
            #expect(pair.quick.text(column: 2).map { String(decoding: $0, as: UTF8.self) } == "eni-1235b8ca123456789")
            #expect(pair.quick.text(column: 12).map { String(decoding: $0, as: UTF8.self) } == "ACCEPT")
        }
        // A byte changed in a kept column (same length), a `-`, and back; `describe` reads every
        // column's text, the skipped ones included.
        let changes = [(0, "3"), (1, "123456789011"), (2, "eni-1235b8ca123456788"), (10, "1418530011"), (11, "1418530071"),
                       (12, "REJECT"), (13, "NODATA"), (13, "-"), (12, "-"), (11, "-"), (1, "-"), (0, "-"), (2, "eni-1")]
        for (column, value) in changes {
            let changed = Self.with(column, value)
            for line in [changed, Self.with(9, "77", in: changed), Self.line, Self.with(5, "1", in: Self.line)] {
                #expect(pair.parse(line) != .malformed)
            }
        }
        // A middle that does not meet the suffix exactly.
        for line in [Self.line.replacingOccurrences(of: " 4249 ", with: " 4249  "), Self.with(9, "4249 7"), Self.with(9, ""),
                     Self.line.replacingOccurrences(of: " 20 4249 ", with: " 20 "), Self.with(8, "\t"), Self.with(9, "4249\u{0}")] {
            pair.parse(line)
            #expect(pair.parse(Self.line) == .record)
        }
        // Lines that give up late, after parsing a new last span: the old one is not trusted again.
        for ending in ["1418530099 ACCEPT NODATA extra", "1418530099 REJECT OK\u{1b}", "1418530099 REJECT OK  "] {
            let line = Self.line.replacingOccurrences(of: "1418530070 ACCEPT OK", with: ending)
            pair.parse(line)
            #expect(pair.parse(Self.line) == .record)
            #expect(pair.quick.record.end == 1418530070)
            #expect(pair.quick.record.logStatus == .ok)
        }
        // A trailing space is kept with the last span; leading spaces move the first.
        for line in [Self.line + " ", Self.with(9, "1", in: Self.line + " "), Self.line, " " + Self.line, " " + Self.with(9, "5")] {
            #expect(pair.parse(line) == .record)
        }
        // A window that ends before it starts, read from the kept span.
        pair.parse(Self.with(11, "1418530000"))
        #expect(pair.parse(Self.with(9, "5", in: Self.with(11, "1418530000"))) == .malformed)
        pair.parse(Self.line)
    }

    @Test func repeatedSpansOfAVersion5LineMoveWithTheLine() {
        let header = "version account-id interface-id srcaddr dstaddr srcport dstport protocol packets bytes start end action "
            + "log-status vpc-id subnet-id instance-id tcp-flags type pkt-srcaddr pkt-dstaddr region az-id "
            + "pkt-src-aws-service pkt-dst-aws-service flow-direction traffic-path"
        let line = "5 123456789012 eni-f56e4d565b94d24e4 10.0.16.20 10.0.0.220 50878 443 6 16 18259 1795481315 1795481364 ACCEPT OK "
            + "vpc-afc798c1d808aef5b subnet-99106e60152c9d3e8 - 19 IPv4 10.0.16.20 52.46.146.114 us-east-1 use1-az1 - AMAZON ingress -"
        let pair = Pair()
        pair.parse(header)
        pair.parse(line)
        // Where a record was logged, its window and verdict, its region: three spans.
        #expect(pair.quick.spanCount == 3)
        #expect((0..<3).map { pair.quick.spans[$0].firstColumn } == [0, 10, 21])
        // Values before a span change length: the span is met further along, its texts with it.
        for (column, value) in [(3, "10.0.16.2"), (9, "1"), (9, "18259000"), (4, "2600:1f18::1"), (16, "i-0123456789abcdef0"),
                                (15, "-"), (21, "eu-west-1"), (25, "egress"), (26, "8")] {
            let changed = Self.with(column, value, in: line)
            for text in [changed, Self.with(8, "7", in: changed), Self.with(5, "1", in: line), line] {
                #expect(pair.parse(text) == .record)
            }
        }
        Array(Self.with(9, "1", in: line).utf8).withUnsafeBytes { bytes in
            #expect(pair.quick.parse(bytes) == .record)
            #expect(pair.quick.text(.vpcID).map { String(decoding: $0, as: UTF8.self) } == "vpc-afc798c1d808aef5b")
            #expect(pair.quick.text(.region).map { String(decoding: $0, as: UTF8.self) } == "us-east-1")
            #expect(pair.quick.text(.instanceID) == nil)
        }
    }

    @Test func aDashAfterARememberedValueAndBack() {
        let pair = Pair()
        pair.parse(Self.line)
        for column in [0, 3, 5, 7, 9, 10, 12, 13] {
            pair.parse(Self.with(column, "-"))
            #expect(pair.parse(Self.line) == .record)
        }
        pair.parse(Self.with(9, "-"))
        #expect(pair.quick.record.bytes == nil)
        pair.parse(Self.line)
        #expect(pair.quick.record.bytes == 4249)
        #expect(pair.quick.record.isOK)
    }

    @Test func invalidValuesAfterRememberedOnes() {
        let pair = Pair()
        pair.parse(Self.line)
        let invalid = [(0, "256"), (3, "172.31.16.1399"), (4, "172.31.16.2x"), (5, "65536"), (7, "-6"), (9, "4249a"),
                       (10, "1418530010.5"), (12, "ACCEPTED"), (13, "OKAY"), (9, "12345678901234567890123")]
        for (column, value) in invalid {
            // Twice: a value that failed must not be remembered.
            #expect(pair.parse(Self.with(column, value)) == .malformed)
            #expect(pair.parse(Self.with(column, value)) == .malformed)
            // The last record stays the last good one.
            #expect(pair.quick.record.bytes == 4249)
            #expect(pair.parse(Self.line) == .record)
        }
    }

    @Test func aFastPathThatGivesUpLateLeavesTrueMemos() {
        let pair = Pair()
        pair.parse(Self.line)
        // New values in the first columns, then something only the full path reads.
        let changed = Self.with(9, "777", in: Self.with(3, "10.1.1.1", in: Self.with(0, "5")))
        for ending in ["ACCEPT  OK", "ACCEPT\tOK", "ACCEPT OK\u{1b}", "ACCEPT", "ACCEPT OK extra", "ACCEPT OK  "] {
            let line = changed.replacingOccurrences(of: "ACCEPT OK", with: ending)
            pair.parse(line)
            #expect(pair.parse(changed) == .record)
            #expect(pair.quick.record.version == 5)
            #expect(pair.quick.record.bytes == 777)
            pair.parse(Self.line)
            #expect(pair.quick.record.version == 2)
        }
    }

    @Test func addressesMoveBetweenColumns() {
        let pair = Pair(format: FlowLogFormat(names: FlowField.defaultFormat.map(\.rawValue) + ["pkt-srcaddr", "pkt-dstaddr"]))
        let nat = "10.0.1.220", peer = "52.94.3.118", inside = "10.0.17.21"
        let v6 = "2001:db8:1234:a100:8d6e:3477:df66:f105"
        let legs = [(inside, nat, inside, peer), (nat, peer, nat, peer), (peer, nat, peer, nat), (nat, inside, peer, inside),
                    (v6, nat, v6, "-"), (nat, v6, "-", v6), ("::ffff:10.0.1.220", nat, nat, "::1"),
                    // srcaddr `-`: its memo still holds the last address, which pkt-srcaddr repeats or not.
                    (nat, peer, nat, peer), ("-", peer, nat, peer), ("-", "-", inside, nat), (peer, inside, peer, inside),
                    (nat, nat, nat, nat)]
        for _ in 0..<2 {
            for (src, dst, pktSrc, pktDst) in legs {
                let line = Self.with(4, dst, in: Self.with(3, src)) + " \(pktSrc) \(pktDst)"
                #expect(pair.parse(line) == .record)
            }
        }
        #expect(pair.quick.record.srcaddr == IPAddress(nat))
    }

    @Test func aNewFormatForgetsTheMemos() {
        let pair = Pair()
        pair.parse(Self.line)
        pair.parse("version packets bytes srcport dstport")
        #expect(pair.parse("2 20 4249 22 20641") == .record)
        #expect(pair.quick.record.packets == 20)
        #expect(pair.quick.record.bytes == 4249)
        #expect(pair.quick.record.srcaddr == nil)
        pair.parse(Fixtures.v2Header)
        pair.parse(Self.line)
        #expect(pair.quick.record.packets == 20)
        #expect(pair.quick.record.srcport == 20641)
    }

    @Test func wordsAtTheEndOfTheBuffer() {
        // Lines shorter than eight bytes, and last values of every length up to sixteen, end
        // exactly where readable memory ends.
        let pair = Pair(format: FlowLogFormat(names: ["version", "bytes"]))
        for length in 1...17 {
            let digits = String(repeating: "7", count: length)
            pair.parse("2 \(digits)")
            pair.parse("2 \(digits)")
            pair.parse("\(digits) 2")
            pair.parse("2 \(digits) ")
            pair.parse("2 \(digits)x")
        }
        for line in ["", " ", "2", "2 ", "2 -", "- -", "2 1", "\t2 1", "2 1\r"] { pair.parse(line) }
        let addresses = Pair(format: FlowLogFormat(names: ["srcaddr", "action"]))
        for line in ["1.2.3.4 ACCEPT", "1.2.3.4 REJECT", "::1 ACCEPT", "1.2.3.4", "1.2.3.4 A"] { addresses.parse(line) }
    }
}

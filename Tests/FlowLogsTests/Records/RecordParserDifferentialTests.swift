import Foundation
import Testing
@testable import FlowLogs

/// Many lines, most of them slightly broken, read with and without the fast path by one parser
/// each (so memos carry over from line to line): outcome, values, column texts and malformed
/// reasons must be the same.
struct RecordParserDifferentialTests {
    private static let v5Header = "version account-id interface-id srcaddr dstaddr srcport dstport protocol packets bytes start end "
        + "action log-status vpc-id subnet-id instance-id tcp-flags type pkt-srcaddr pkt-dstaddr region az-id "
        + "pkt-src-aws-service pkt-dst-aws-service flow-direction traffic-path"
    private static let v5Records = [
        "5 123456789012 eni-a777f21335377e241 10.0.17.21 10.0.1.220 54567 443 6 14 16054 1795483971 1795484028 ACCEPT OK vpc-4c22e72e3557c15a7 subnet-fa1aa580f8b4089f3 - 19 IPv4 10.0.17.21 52.94.3.118 us-east-1 use1-az2 - DYNAMODB ingress -",
        "5 123456789012 eni-a777f21335377e241 10.0.1.220 52.94.3.118 9773 443 6 14 16054 1795483971 1795484028 ACCEPT OK vpc-4c22e72e3557c15a7 subnet-fa1aa580f8b4089f3 - 19 IPv4 10.0.1.220 52.94.3.118 us-east-1 use1-az2 - DYNAMODB egress 8",
        "5 123456789012 eni-a777f21335377e241 52.94.3.118 10.0.1.220 443 9773 6 54 59972 1795483971 1795484028 ACCEPT OK vpc-4c22e72e3557c15a7 subnet-fa1aa580f8b4089f3 - 19 IPv4 52.94.3.118 10.0.1.220 us-east-1 use1-az2 DYNAMODB - ingress -",
        "5 123456789012 eni-a777f21335377e241 2001:db8:1234:a100:8d6e:3477:df66:f105 2600:1f18::1 443 9773 6 54 59972 1795483971 1795484028 ACCEPT OK vpc-4c22e72e3557c15a7 subnet-fa1aa580f8b4089f3 i-0123456789abcdef0 19 IPv6 2001:db8:1234:a100:8d6e:3477:df66:f105 2600:1f18::1 us-east-1 use1-az2 - - egress 8",
    ]
    /// Values that are nearly right somewhere.
    private static let oddValues = [
        "-", "--", "0", "007", "255", "256", "65535", "65536", "18446744073709551615", "18446744073709551616",
        "1234567890123456", "123456789012345", "12345678", "123456789", "1e9", "+5", "1.2.3.4", "01.002.3.4", "1.2.3",
        "1.2.3.4.5", "256.1.1.1", "::", "::ffff:1.2.3.4", "fe80::1%eth0", "1:2:3:4:5:6:7:8:9", "ACCEPT", "REJECT",
        "ACCEPTX", "accept", "OK", "NODATA", "SKIPDATA", "ingress", "egress", "egres", "tgw-0a12", "TransitGateway",
    ]
    private static let oddBytes: [UInt8] = Array("0123456789.:- \t\u{0}\u{1b}aZ/".utf8) + [0xff]


    private static func mutate(_ line: [UInt8], _ random: inout SplitMix64) -> [UInt8] {
        var bytes = line
        var words = line.split(separator: UInt8(ascii: " "), omittingEmptySubsequences: false).map(Array.init)
        switch random.below(8) {
        case 0 where !bytes.isEmpty: bytes[random.below(bytes.count)] = oddBytes[random.below(oddBytes.count)]
        case 1 where !bytes.isEmpty: bytes.remove(at: random.below(bytes.count))
        case 2: bytes.insert(oddBytes[random.below(oddBytes.count)], at: random.below(bytes.count + 1))
        case 3:
            words[random.below(words.count)] = Array(oddValues[random.below(oddValues.count)].utf8)
            bytes = Array(words.joined(separator: [UInt8(ascii: " ")]))
        case 4:
            words.remove(at: random.below(words.count))
            bytes = Array(words.joined(separator: [UInt8(ascii: " ")]))
        case 5: bytes = Array(bytes.prefix(random.below(bytes.count + 1)))
        case 6: bytes += Array([" ", "  ", "\t", " extra", "\r"][random.below(5)].utf8)
        default: break
        }
        return bytes
    }

    @Test(arguments: [1, 2, 3])
    func fastAndFullPathsAgree(seed: UInt64) {
        var random = SplitMix64(seed: seed)
        let pair = RecordParserFastPathTests.Pair()
        let groups = [(Fixtures.v2Header, Fixtures.v2Records), (Self.v5Header, Self.v5Records)]
        for _ in 0..<40 {
            let (header, records) = groups[random.below(groups.count)]
            if random.below(4) > 0 { pair.parse(header) }
            for _ in 0..<40 {
                var line = Array(records[random.below(records.count)].utf8)
                if random.below(3) == 0 {
                    for _ in 0...random.below(3) { line = Self.mutate(line, &random) }
                }
                // Sometimes twice: what a line left in the memos meets the same bytes again.
                for _ in 0...random.below(2) { pair.parse(String(decoding: line, as: UTF8.self)) }
            }
        }
    }

    @Test(arguments: [1, 7, 64, 1 << 16])
    func linesSplitAcrossChunksReadTheSame(chunkSize: Int) {
        // Lines from the splitter's carry buffer and from inside chunks, one parser for all.
        let lines = [Self.v5Header] + (0..<60).map { Self.v5Records[$0 % 3 == 2 ? ($0 / 3) % Self.v5Records.count : $0 % 2] }
        let text = Array((lines.joined(separator: "\n") + "\n").utf8)
        let full = RecordParser(format: .assumedDefault)
        let expected = lines.map { line in
            FastPathSupport.atPageEnd(Array(line.utf8)) { FastPathSupport.describe(full, full.parse($0, quickly: false)) }
        }
        let quick = RecordParser(format: .assumedDefault)
        var splitter = LineSplitter()
        var got: [String] = []
        var offset = 0
        while offset < text.count {
            let chunk = Array(text[offset..<min(text.count, offset + chunkSize)])
            FastPathSupport.atPageEnd(chunk) { bytes in
                splitter.scan(bytes) { line, _, _ in got.append(FastPathSupport.describe(quick, quick.parse(line))) }
            }
            offset += chunkSize
        }
        #expect(got == expected)
    }
}

import Testing
@testable import FlowLogs

/// Header lines read through the shared memo (`HeaderFormats`) give the format a fresh reading
/// gives, the first time and every time after, for more distinct headers than the memo keeps.
struct HeaderFormatsTests {
    static func format(of header: String) -> FlowLogFormat? {
        let parser = RecordParser(format: .assumedDefault)
        var bytes = Array(header.utf8)
        return bytes.withUnsafeMutableBytes { line in
            guard case .header = parser.parse(UnsafeRawBufferPointer(line)) else { return nil }
            return parser.format
        }
    }

    @Test func aRepeatedHeaderReadsAsTheFirst() {
        let names = ["version", "account-id", "interface-id", "srcaddr", "dstaddr", "srcport", "dstport", "protocol",
                     "packets", "bytes", "start", "end", "action", "log-status", "vpc-id", "pkt-srcaddr", "pkt-dstaddr"]
        // More distinct headers than the memo keeps: each the first 3…17 names in some order.
        var random = SplitMix64(seed: 21)
        var headers: [[String]] = []
        for count in 3...names.count {
            for _ in 0..<6 { headers.append(Array(names.prefix(count)).shuffled(using: &random)) }
        }
        #expect(headers.count > HeaderFormats.capacity)
        for round in 0..<3 {
            for header in headers {
                let read = Self.format(of: header.joined(separator: " "))
                #expect(read == FlowLogFormat(names: header), "round \(round): \(header)")
            }
        }
        // The same words with other spacing, and a line that is not a header.
        #expect(Self.format(of: "version  account-id\tinterface-id") == FlowLogFormat(names: ["version", "account-id", "interface-id"]))
        #expect(Self.format(of: "2 123456789012 eni-1 10.0.0.1 10.0.0.2 1 2 6 1 40 1 2 ACCEPT OK") == nil)
    }
}

import Foundation
import Testing
@testable import FlowLogs

/// Hostile text: junk, odd bytes, huge lines, odd headers, impossible values.
struct HostileTextTests {
    let directory = TemporaryDirectory()

    /// Writes `bytes`, inspects it, and checks that every line is accounted for.
    private func inspect(_ name: String, _ bytes: [UInt8], status: Int32 = 0, extra: [String] = [],
                         sourceLocation: SourceLocation = #_sourceLocation) throws -> Hostile.FileResult {
        let path = directory.write(name, bytes)
        let file = try #require(try Hostile.inspect([path], extra: extra, expectedStatus: status, sourceLocation: sourceLocation).first)
        if file.status == "ok" {
            #expect(file.lines == Hostile.lineCount(bytes), "every line accounted for", sourceLocation: sourceLocation)
        }
        return file
    }

    private func inspect(_ name: String, _ text: String, status: Int32 = 0, extra: [String] = [],
                         sourceLocation: SourceLocation = #_sourceLocation) throws -> Hostile.FileResult {
        try inspect(name, Array(text.utf8), status: status, extra: extra, sourceLocation: sourceLocation)
    }

    @Test func binaryJunkIsSkipped() throws {
        var random = SplitMix64(seed: 7)
        let junk = (0..<100_000).map { _ in UInt8(truncatingIfNeeded: random.next()) }
        let file = try inspect("junk.bin", junk, status: 2)
        #expect(file.status == "skipped")
        #expect(file.error == "not a flow-log file (binary data)")
    }

    @Test func nulAndNonUTF8BytesInsideLines() throws {
        var bytes = Array(Hostile.records(200).utf8)
        bytes += Array("2 1 eni-1 10.0.0.1 10.0.0.2 1 2 6 1 5 1 2 ACCEPT OK\u{0}\n".utf8)
        bytes += Array("2 1 eni-".utf8) + [0xff, 0xfe, 0xc3] + Array(" 10.0.0.1 10.0.0.2 1 2 6 1 5 1 2 ACCEPT OK\n".utf8)
        let file = try inspect("bytes.log", bytes)
        #expect(file.count("records") == 201)
        #expect(file.count("malformed") == 1)
    }

    @Test func crlfBlankLinesAndOnlyAHeader() throws {
        let crlf = Hostile.records(10).split(separator: "\n").joined(separator: "\r\n") + "\r\n\r\n\n   \n"
        let file = try inspect("crlf.log", crlf)
        #expect(file.count("records") == 10)
        #expect(file.count("blank_lines") == 3)
        let header = try inspect("header.log", Fixtures.v2Header + "\n")
        #expect(header.count("headers") == 1)
        #expect(header.count("records") == 0)
    }

    @Test func aHundredMegabyteLineIsMalformedInFlatMemory() throws {
        var bytes = Array(Hostile.records(5).utf8)
        bytes += [UInt8](repeating: UInt8(ascii: "7"), count: 100 << 20)
        bytes += Array(("\n" + Hostile.records(5, header: false)).utf8)
        let file = try inspect("long.log", bytes)
        #expect(file.count("records") == 10)
        #expect(file.count("malformed") == 1)
        let (_, peak) = try Binary.peakMemory(["inspect", directory.path("long.log"), "--output", "json"])
        #expect(peak < 64 * 1024, "peak RSS \(peak) KB for a 100 MB line")
    }

    @Test func oddHeadersAndFieldCounts() throws {
        let duplicate = try inspect("duplicate.log", "version srcaddr bytes bytes\n2 10.0.0.1 100 200\n")
        #expect(duplicate.count("records") == 1)
        #expect(duplicate.count("malformed") == 0)
        let text = Hostile.records(3) + "2 1 eni-1 10.0.0.1\n" + "2 1 eni-1 10.0.0.1 10.0.0.2 1 2 6 1 5 1 2 ACCEPT OK extra values\n"
            + Array(repeating: "-", count: 14).joined(separator: " ") + "\n"
        let counts = try inspect("counts.log", text)
        #expect(counts.count("records") == 5)  // extra values are tolerated under a header; all-dash is a record
        #expect(counts.count("malformed") == 1)
        let noHeader = try inspect("noheader.log", "2 1 eni-1 10.0.0.1 10.0.0.2 1 2 6 1 5 1 2 ACCEPT OK extra\n")
        #expect(noHeader.count("malformed") == 1)
    }

    @Test func impossibleValuesAreMalformedNeverCrashes() throws {
        let base = "2 1 eni-1 SRC DST SPORT DPORT 6 PACKETS BYTES 1764000000 1764000060 ACCEPT OK"
        func line(_ substitutions: [String: String]) -> String {
            var text = base
            for (key, value) in ["SRC": "10.0.0.1", "DST": "52.216.8.1", "SPORT": "40000", "DPORT": "443",
                                 "PACKETS": "3", "BYTES": "300"].merging(substitutions, uniquingKeysWith: { $1 }) {
                text = text.replacingOccurrences(of: key, with: value)
            }
            return text
        }
        let bad = [
            line(["BYTES": "18446744073709551616"]), line(["BYTES": "99999999999999999999999999"]),
            line(["PACKETS": "-3"]), line(["SRC": "10.0.0.256"]), line(["DST": "300.1.1.1"]),
            line(["SRC": "fe80::1%eth0"]), line(["DPORT": "65536"]), line(["SPORT": "99999"]),
            line(["BYTES": "1e3"]), line(["SRC": "1.2.3"]), line(["DST": "::ffff:1.2.3.4.5"]),
            line([:]).replacingOccurrences(of: "1764000000 1764000060", with: "1764000060 1764000000"),
        ]
        let good = [line(["SRC": "::ffff:10.0.0.1"]), line(["DST": "64:ff9b::34d8:801"]), line(["BYTES": "18446744073709551615"])]
        let file = try inspect("values.log", ([Fixtures.v2Header] + bad + good).joined(separator: "\n") + "\n")
        #expect(file.count("malformed") == bad.count)
        #expect(file.count("records") == good.count)
    }
}

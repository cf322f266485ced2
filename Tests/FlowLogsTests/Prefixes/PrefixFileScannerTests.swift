import Foundation
import Testing
@testable import FlowLogs

/// Malformed files: each gives one clear error naming what is wrong and where, never a crash.
struct PrefixFileScannerTests {
    static let entry = #"{"ip_prefix": "3.5.0.0/19", "region": "us-east-1", "service": "S3", "network_border_group": "us-east-1"}"#
    static let head = #"{"syncToken": "1", "createDate": "2026-08-22-15-17-05", "#

    /// A file with the given `prefixes` array text and optional extra members.
    static func file(prefixes: String = "[\(entry)]", extra: String = "") -> String {
        head + extra + #""prefixes": "# + prefixes + "}"
    }

    @Test func minimalFileLoads() throws {
        let table = try PrefixTable(jsonData: Array(Self.file().utf8), source: "t.json")
        #expect(table.ipv4PrefixCount == 1)
        #expect(table.ipv6PrefixCount == 0)  // ipv6_prefixes may be absent
    }

    @Test func anyValidJSONShapeIsAccepted() throws {
        // Members in another order, unknown members of every kind, escapes, white space everywhere.
        let text = """
         \t\r\n{ "ipv6_prefixes" : [ ] , "x": {"a": [1, -2.5e+3, 0, true, false, null, {"b": "c\\"d"}]},
          "prefixes":[{"network_border_group":"us-east-1","service":"S\\u0033","extra":[[]],
          "region":"us-east-1","ip_prefix":"3.5.0.0\\/19"}],"createDate":"2026-08-22-15-17-05",
          "syncToken":"1","z":"\\ud83d\\ude00 é"}\n
        """
        let table = try PrefixTable(jsonData: Array(text.utf8), source: "t.json")
        #expect(table.lookup(PrefixFixtures.ip("3.5.0.1"))?.service == "S3")
    }

    @Test(arguments: [
        ("", PrefixFileError.empty(path: "t.json")),
        (" \n\t", .empty(path: "t.json")),
        ("<html>", .notJSON(path: "t.json", offset: 0, reason: "expected '{' (an ip-ranges.json file is one JSON object), found '<'")),
        ("[1, 2]", .wrongType(path: "t.json", jsonPath: ".", expected: "an object", offset: 0)),
        (#"{"syncToken": "1""#, .notJSON(path: "t.json", offset: 17, reason: "expected ',' or '}', the file ends here (truncated?)")),
        (#"{"syncToken": "1"#, .notJSON(path: "t.json", offset: 16, reason: "expected the end of a string, the file ends here (truncated?)")),
        (#"{"syncToken": "#, .notJSON(path: "t.json", offset: 14, reason: "expected a string, the file ends here (truncated?)")),
        (#"{"syncToken" "1"}"#, .notJSON(path: "t.json", offset: 13, reason: "expected ':', found '\"'")),
        (#"{"a": tru}"#, .notJSON(path: "t.json", offset: 6, reason: "expected a value, found 't'")),
        (#"{"a": 01}"#, .notJSON(path: "t.json", offset: 7, reason: "expected ',' or '}', found '1'")),
        (#"{"a": -}"#, .notJSON(path: "t.json", offset: 7, reason: "expected a digit, found '}'")),
        (#"{"a": [1,]}"#, .notJSON(path: "t.json", offset: 9, reason: "expected a value, found ']'")),
        (#"{"a": 1,}"#, .notJSON(path: "t.json", offset: 8, reason: "expected a member name in quotes, found '}'")),
        (#"{"a": "\x"}"#, .notJSON(path: "t.json", offset: 8, reason: #"expected an escape (\" \\ \/ \b \f \n \r \t \u) after '\', found 'x'"#)),
        (#"{"a": "\u12"}"#, .notJSON(path: "t.json", offset: 11, reason: #"expected four hex digits after '\u', found '"'"#)),
        ("{\"a\": \"x\ny\"}", .notJSON(path: "t.json", offset: 8, reason: "control character inside a string, found byte 0xa")),
        (#"{"a": 1} x"#, .notJSON(path: "t.json", offset: 9, reason: "expected the end of the file after the top-level object, found 'x'")),
        (#"{"syncToken": "1", "createDate": "d"}"#, .missingKey(path: "t.json", jsonPath: ".", key: "prefixes")),
        (#"{"createDate": "d", "prefixes": [\#(entry)]}"#, .missingKey(path: "t.json", jsonPath: ".", key: "syncToken")),
        (#"{"syncToken": "1", "prefixes": [\#(entry)]}"#, .missingKey(path: "t.json", jsonPath: ".", key: "createDate")),
        (#"{"syncToken": 1, "createDate": "d", "prefixes": []}"#, .wrongType(path: "t.json", jsonPath: ".syncToken", expected: "a string", offset: 14)),
    ])
    func syntaxAndStructure(text: String, expected: PrefixFileError) {
        #expect(PrefixFixtures.error(loading: text) == expected)
    }

    @Test func aFileCutAnywhereSaysItEndsEarly() {
        // Every cut of a valid file (as a half-finished download leaves it) names the truncation.
        let text = Self.head + #""prefixes": ["# + Self.entry + ", " + Self.entry + #"], "ipv6_prefixes": [{"ipv6_prefix": "2600:1f18::/33", "#
            + #""region": "us-east-1", "service": "EC2", "network_border_group": "us-east-1"}]}"#
        #expect(PrefixFixtures.error(loading: text) == nil)
        let bytes = Array(text.utf8)
        for cut in 1..<bytes.count {
            let error = PrefixFixtures.error(loading: String(decoding: bytes[..<cut], as: UTF8.self))
            guard case let .notJSON(_, offset, reason)? = error, reason.hasSuffix("the file ends here (truncated?)") else {
                Issue.record("cut at byte \(cut): \(error.map(String.init(describing:)) ?? "no error")")
                continue
            }
            #expect(offset == cut)
        }
    }

    @Test func entryProblemsNameTheirJSONPath() {
        let entry = Self.entry
        let cases: [(String, PrefixFileError)] = [
            (Self.file(prefixes: "[]"), .noPrefixes(path: "t.json")),
            (Self.file(prefixes: "{}"), .wrongType(path: "t.json", jsonPath: ".prefixes", expected: "an array", offset: 68)),
            (Self.file(prefixes: "[\(entry), 7]"), .wrongType(path: "t.json", jsonPath: ".prefixes[1]", expected: "an object", offset: 175)),
            (Self.file(prefixes: #"[{"ip_prefix": "3.5.0.0/19", "region": "r", "network_border_group": "g"}]"#),
             .missingKey(path: "t.json", jsonPath: ".prefixes[0]", key: "service")),
            (Self.file(prefixes: #"[{"region": "r", "service": "S3", "network_border_group": "g"}]"#),
             .missingKey(path: "t.json", jsonPath: ".prefixes[0]", key: "ip_prefix")),
            (Self.file(prefixes: #"[{"ip_prefix": "3.5.0.0/19", "region": null, "service": "S3", "network_border_group": "g"}]"#),
             .wrongType(path: "t.json", jsonPath: ".prefixes[0].region", expected: "a string", offset: 107)),
            (Self.file(prefixes: #"[{"ip_prefix": "3.5.0.0/19", "ip_prefix": "3.5.0.0/19"}]"#),
             .duplicateKey(path: "t.json", jsonPath: ".prefixes[0].ip_prefix", offset: 97)),
            (Self.file(extra: #""prefixes": [], "#), .duplicateKey(path: "t.json", jsonPath: ".prefixes", offset: 72)),
            (Self.file(prefixes: "[\(entry.replacingOccurrences(of: "3.5.0.0/19", with: "2600:1f18::/33"))]"),
             .wrongFamily(path: "t.json", jsonPath: ".prefixes[0].ip_prefix", value: "2600:1f18::/33")),
            (Self.file(extra: #""ipv6_prefixes": [{"ipv6_prefix": "3.5.0.0/19", "region": "r", "service": "S3", "network_border_group": "g"}], "#),
             .wrongFamily(path: "t.json", jsonPath: ".ipv6_prefixes[0].ipv6_prefix", value: "3.5.0.0/19")),
            (Self.file(extra: #""ipv6_prefixes": [{"ipv6_prefix": "::ffff:3.5.0.0/115", "region": "r", "service": "S3", "network_border_group": "g"}], "#),
             .wrongFamily(path: "t.json", jsonPath: ".ipv6_prefixes[0].ipv6_prefix", value: "::ffff:3.5.0.0/115")),
        ]
        for (text, expected) in cases {
            #expect(PrefixFixtures.error(loading: text) == expected, "\(text)")
        }
    }

    @Test(arguments: [
        ("3.5.0.0", "it has no '/' and prefix length"),
        ("3.5.0.0/", "the prefix length is not a number"),
        ("3.5.0.0/1x", "the prefix length is not a number"),
        ("3.5.0.0/0019", "the prefix length is not a number"),
        ("3.5.0.0/33", "the prefix length 33 is more than 32"),
        ("3.5.0.256/32", "'3.5.0.256' is not an IP address"),
        ("3.5.0.1/19", "bits are set after the first 19 (the block would be 3.5.0.0/19)"),
        (" 3.5.0.0/19", "' 3.5.0.0' is not an IP address"),
        ("/19", "'' is not an IP address"),
    ])
    func badCIDRs(cidr: String, reason: String) {
        let text = Self.file(prefixes: "[\(Self.entry.replacingOccurrences(of: "3.5.0.0/19", with: cidr))]")
        #expect(PrefixFixtures.error(loading: text)
                == .badCIDR(path: "t.json", jsonPath: ".prefixes[0].ip_prefix", value: cidr, reason: reason))
    }

    @Test func ipv6CIDRChecks() {
        #expect(CIDRText.parse(UnsafeRawBufferPointer(start: nil, count: 0), ipv6: true) == .failure(.invalid("it has no '/' and prefix length")))
        for (text, expected) in [("2600:1f18::/33", Result<IPPrefix, CIDRText.Problem>.success(IPPrefix("2600:1f18::/33")!)),
                                 ("2600:1f18::/129", .failure(.invalid("the prefix length 129 is more than 128"))),
                                 ("2600:1f18::1/64", .failure(.invalid("bits are set after the first 64 (the block would be 2600:1f18::/64)"))),
                                 ("::/0", .success(IPPrefix("::/0")!))] {
            var text = text
            #expect(text.withUTF8 { CIDRText.parse(UnsafeRawBufferPointer($0), ipv6: true) } == expected)
        }
    }

    @Test func messagesAreActionableAndSafe() {
        let error = PrefixFileError.badCIDR(path: "f.json", jsonPath: ".prefixes[3].ip_prefix", value: "1.2.3.4\u{1b}[31m", reason: "r")
        #expect(error.description == "f.json: .prefixes[3].ip_prefix \"1.2.3.4\\x1b[31m\" is not a CIDR block: r; "
                + "run 'flowscan prefixes update' to download a current copy")
        #expect(PrefixFileError.notJSON(path: "f.json", offset: 12, reason: "expected ':', found '\"'").description
                == "f.json is not valid JSON at byte 12: expected ':', found '\"'; run 'flowscan prefixes update' to download a current copy")
        #expect(PrefixFileError.noPrefixes(path: "f.json").description.hasPrefix("f.json holds no IPv4 prefixes"))
    }

    @Test func longValuesAreShortenedInMessages() {
        let long = String(repeating: "9", count: 100) + "/8"
        let text = Self.file(prefixes: "[\(Self.entry.replacingOccurrences(of: "3.5.0.0/19", with: long))]")
        guard case let .badCIDR(_, _, value, _)? = PrefixFixtures.error(loading: text) else {
            Issue.record("expected badCIDR")
            return
        }
        #expect(value == String(repeating: "9", count: 57) + "...")
    }

    @Test func invalidUTF8AndLoneSurrogatesAreErrors() {
        // Strings flowscan reads are checked; skipped members are only checked for JSON syntax.
        let parts = Self.file().components(separatedBy: "us-east-1")
        let bytes = Array(parts[0].utf8) + [0xff] + Array(parts.dropFirst().joined(separator: "us-east-1").utf8)
        #expect(throws: PrefixFileError.notJSON(path: "b.json", offset: 108, reason: "the string starting here is not UTF-8")) {
            _ = try PrefixTable(jsonData: bytes, source: "b.json")
        }
        #expect(PrefixFixtures.error(loading: Self.file(prefixes: "[\(Self.entry.replacingOccurrences(of: "\"S3\"", with: #""\ud800""#))]"))
                == .notJSON(path: "t.json", offset: 132, reason: "a \\u escape in the string starting here is a lone surrogate"))
    }

    @Test func deepNestingIsRefusedNotRecursedInto() {
        let deep = String(repeating: "[", count: 100_000)
        guard case .notJSON? = PrefixFixtures.error(loading: Self.file(extra: "\"x\": \(deep)")) else {
            Issue.record("expected notJSON")
            return
        }
    }

    @Test func everyTruncationOfAValidFileIsAnError() throws {
        let text = Array(PrefixFixtures.json([.init("52.216.0.0/15", "S3"), .init("2600:1f18::/33", "EC2")]).utf8)
        _ = try PrefixTable(jsonData: text, source: "t.json")
        for length in 0..<(text.count - 1) {
            #expect(throws: PrefixFileError.self) { _ = try PrefixTable(jsonData: Array(text[..<length]), source: "t.json") }
        }
    }
}

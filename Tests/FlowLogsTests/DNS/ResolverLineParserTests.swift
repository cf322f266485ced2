import Foundation
import Testing
@testable import FlowLogs

/// Parses `line` and hands the parser to `body` while the line's bytes are alive.
func withParsed<R>(_ line: String, _ body: (ResolverLineParser.Outcome, ResolverLineParser) -> R) -> R {
    let parser = ResolverLineParser()
    var text = line
    return text.withUTF8 { body(parser.parse(UnsafeRawBufferPointer($0)), parser) }
}

func text(_ bytes: UnsafeRawBufferPointer) -> String { String(decoding: bytes, as: UTF8.self) }

@Suite struct ResolverLineParserTests {
    static let record = #"{"version":"1.100000","account_id":"626345947581","region":"us-east-1","vpc_id":"vpc-01e31a7c","query_timestamp":"2021-12-11T22:46:26Z","query_name":"amazonlinux-2-repos-us-east-1.s3.dualstack.us-east-1.amazonaws.com.","query_type":"A","query_class":"IN","rcode":"NOERROR","answers":[{"Rdata":"s3-r-w.dualstack.us-east-1.amazonaws.com.","Type":"CNAME","Class":"IN"},{"Rdata":"67.43.156.12","Type":"A","Class":"IN"}],"srcaddr":"172.31.86.159","srcport":"43312","transport":"UDP","srcids":{"instance":"i-079c44232510ca8ff"}}"#

    @Test func readsEveryFieldItKeeps() {
        withParsed(Self.record) { outcome, parser in
            #expect(outcome == .query)
            let query = parser.query
            #expect(text(query.version) == "1.100000")
            #expect(text(query.accountID) == "626345947581")
            #expect(text(query.region) == "us-east-1")
            #expect(text(query.vpcID) == "vpc-01e31a7c")
            #expect(query.timestamp == 1_639_262_786)  // date -u -d 2021-12-11T22:46:26Z +%s
            #expect(text(query.queryName) == "amazonlinux-2-repos-us-east-1.s3.dualstack.us-east-1.amazonaws.com.")
            #expect(text(query.queryType) == "A")
            #expect(query.isNoError)
            #expect(query.srcaddr == IPAddress("172.31.86.159"))
            #expect(text(query.instance) == "i-079c44232510ca8ff")
            #expect(query.answers.count == 2)
            #expect(query.answers.map(\.type) == [.cname, .a])
            #expect(text(query.answers[0].rdata) == "s3-r-w.dualstack.us-east-1.amazonaws.com.")
            #expect(text(query.answers[1].rdata) == "67.43.156.12")
        }
    }

    @Test(arguments: [
        // CloudWatch Logs export: an ISO timestamp, a space, the record.
        "2021-12-11T22:46:26.000Z " + ResolverLineParserTests.record,
        // A log event as JSON: the record is the escaped message string.
        #"{"timestamp":1639262786000,"message":""# + ResolverLineParserTests.record.replacingOccurrences(of: "\"", with: "\\\"") + #""}"#,
        // The console's CSV download: quotes doubled.
        "1639262786000,\"" + ResolverLineParserTests.record.replacingOccurrences(of: "\"", with: "\"\"") + "\"",
        // Pretty-printed on one line, keys reordered (the DNS Firewall sample's order).
        "  { \"srcaddr\" : \"172.31.86.159\", \"answers\" : [ { \"Type\" : \"A\", \"Rdata\" : \"67.43.156.12\" } ], \"query_name\" : \"x.\", \"vpc_id\" : \"vpc-1\", \"query_timestamp\" : \"2021-12-11T22:46:26Z\", \"rcode\" : \"NOERROR\" }  ",
    ])
    func readsTheWrappedForms(_ line: String) {
        withParsed(line) { outcome, parser in
            #expect(outcome == .query, "\(parser.failure)")
            #expect(parser.query.timestamp == 1_639_262_786)
            #expect(parser.query.srcaddr == IPAddress("172.31.86.159"))
            #expect(parser.query.answers.last.map { text($0.rdata) } == "67.43.156.12")
        }
    }

    @Test func unescapesStrings() {
        let line = #"{"vpc_id":"vpc-\u0031","query_timestamp":"2021-12-11T22:46:26Z","query_name":"a\\b\"c\u00e9\ud83d\ude00.","srcaddr":"10.0.0.1","rcode":"NOERROR","answers":[]}"#
        withParsed(line) { outcome, parser in
            #expect(outcome == .query)
            #expect(text(parser.query.vpcID) == "vpc-1")
            #expect(text(parser.query.queryName) == "a\\b\"cé😀.")
        }
    }

    @Test func skipsUnknownValuesOfEveryKind() {
        let line = #"{"x":[1,-2.5e3,true,false,null,{"y":[[]]},"s"],"vpc_id":"vpc-1","query_timestamp":"2021-12-11T22:46:26Z","query_name":"n.","srcaddr":"2600:1f18::1","firewall_rule_action":"BLOCK","srcids":{"resolver-endpoint":"rslvr-out-1","other":{}}}"#
        withParsed(line) { outcome, parser in
            #expect(outcome == .query, "\(parser.failure)")
            #expect(parser.query.isBlockedByFirewall)
            #expect(text(parser.query.resolverEndpoint) == "rslvr-out-1")
            #expect(parser.query.srcaddr == IPAddress("2600:1f18::1"))
        }
    }

    @Test(arguments: [
        ("bogus line", ResolverLineError.notAnObject),
        (#"{"vpc_id":"vpc-1""#, .incompleteObject),
        (#"{"vpc_id":"vpc-1}"#, .unterminatedString(offset: 10)),
        (#"{"vpc_id" "vpc-1"}"#, .unexpected(byte: UInt8(ascii: "\""), offset: 10)),
        (#"{"vpc_id":"vpc-\q"}"#, .badEscape(offset: 15)),
        (#"{"a":1} x"#, .trailing(offset: 8)),
        (#"{"a":[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]}"#, .tooDeep),
        (#"{"vpc_id":"vpc-1","query_timestamp":"2021-12-11T22:46:26Z","srcaddr":"10.0.0.1"}"#, .missing("query_name")),
        (#"{"query_timestamp":"yesterday"}"#, .badTimestamp("yesterday")),
        (#"{"srcaddr":"10.0.0.256"}"#, .badSource("10.0.0.256")),
    ])
    func malformedLinesSayWhy(_ line: String, _ reason: ResolverLineError) {
        withParsed(line) { outcome, parser in
            #expect(outcome == .malformed)
            #expect(parser.failure == reason)
        }
    }

    @Test func blankAndHeaderLines() {
        withParsed("   ") { outcome, _ in #expect(outcome == .blank) }
        withParsed("timestamp,message") { outcome, _ in #expect(outcome == .header) }
    }

    @Test(arguments: [
        ("2021-12-11T22:46:26Z", UInt64(1_639_262_786)),
        ("2021-12-11T22:46:26.123Z", 1_639_262_786),
        ("2021-12-11 22:46:26", 1_639_262_786),
        ("1970-01-01T00:00:00Z", 0),
        ("2024-02-29T12:00:00Z", 1_709_208_000),
    ])
    func timestamps(_ value: String, _ seconds: UInt64) {
        var value = value
        #expect(value.withUTF8 { ResolverLineParser.timestamp(UnsafeRawBufferPointer($0)) } == seconds)
    }

    @Test(arguments: ["2021-13-11T22:46:26Z", "2021-12-11T22:46:26+01:00", "2021-12-11", "1969-12-31T23:59:59Z"])
    func badTimestamps(_ value: String) {
        var value = value
        #expect(value.withUTF8 { ResolverLineParser.timestamp(UnsafeRawBufferPointer($0)) } == nil)
    }

    @Test func keepsAtMostTheAnswerCapacity() {
        let answers = (0..<70).map { #"{"Rdata":"10.0.0.\#($0 % 250)","Type":"A"}"# }.joined(separator: ",")
        let line = #"{"vpc_id":"v","query_timestamp":"2021-12-11T22:46:26Z","query_name":"n.","srcaddr":"10.0.0.1","answers":[\#(answers)]}"#
        withParsed(line) { outcome, parser in
            #expect(outcome == .query)
            #expect(parser.query.answers.count == ResolverLineParser.answerCapacity)
            #expect(parser.query.answersLeftOut == 70 - ResolverLineParser.answerCapacity)
        }
    }
}

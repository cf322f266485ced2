import Foundation
import Testing
@testable import FlowLogs

/// Reads one file as a Resolver log into a fresh map.
func readResolver(_ path: String, options: DNSNamingOptions = DNSNamingOptions()) -> (FileSummary, DNSNames) {
    var names = DNSNames(options: options)
    let reader = ResolverLogReader(options: ReadOptions())
    defer { reader.deallocate() }
    let summary = reader.read(path, into: &names)
    return (summary, names)
}

/// A Resolver query record as AWS writes it.
func resolverLine(name: String, answers: [(String, String)], source: String = "10.0.1.5", vpc: String = "vpc-1",
                  time: String = "2026-11-29T10:00:00Z", rcode: String = "NOERROR", instance: String? = nil) -> String {
    let list = answers.map { #"{"Rdata":"\#($0.1)","Type":"\#($0.0)","Class":"IN"}"# }.joined(separator: ",")
    let ids = instance.map { #"{"instance":"\#($0)"}"# } ?? "{}"
    return #"{"version":"1.100000","account_id":"111122223333","region":"us-east-1","vpc_id":"\#(vpc)","query_timestamp":"\#(time)","query_name":"\#(name).","query_type":"A","query_class":"IN","rcode":"\#(rcode)","answers":[\#(list)],"srcaddr":"\#(source)","srcport":"40000","transport":"UDP","srcids":\#(ids)}"#
}

@Suite struct ResolverLogReaderTests {
    @Test func elasticSampleHasEveryLineAccountedFor() throws {
        guard TestPaths.hasRealData else {
            print("skipped: ../shared/realdata is absent")
            return
        }
        let path = TestPaths.real("resolver/elastic-test-route53.log")
        let (summary, names) = readResolver(path)
        // 34 records, no final newline (SOURCES.md); every one parses.
        #expect(summary.status == .ok)
        #expect(summary.content == .resolverQueryLog)
        #expect(summary.queries == 34)
        #expect(summary.malformed == 0, "\(summary.malformedExamples)")
        #expect(summary.lines == 34)
        #expect(names.counts.queries == 34)
        #expect(summary.notes.contains { $0.hasPrefix("Route 53 Resolver query log, version 1.100000: 34 queries from 2021-02-04T17:51:55Z") })
        // Every query is one of: failed, blocked, without address, with addresses.
        let counts = names.counts
        let withAddresses = counts.queries - counts.failedQueries - counts.blockedByFirewall - counts.queriesWithoutAddress
        #expect(counts.blockedByFirewall == 1)
        #expect(withAddresses > 0)
        #expect(counts.kept == counts.addressAnswers)
        // 81.2.69.143 was given for S3 (s3-r-w.us-east-1) and for three NTP pool names in one
        // window: the IPs were replaced in this sample, so it is ambiguous, never named S3.
        let vpc = try #require(names.vpcIndex("vpc-01e31a7c"))
        let start = UInt64(1_639_262_787), end = start + 60
        guard case let .ambiguous(services) = names.naming(vpc: vpc, address: IPAddress("81.2.69.143")!, source: nil, start: start, end: end) else {
            Issue.record("81.2.69.143 should be ambiguous")
            return
        }
        #expect(services.map { names.service($0).endpointName ?? names.service($0).kind.rawValue }.sorted()
            == ["com.amazonaws.us-east-1.s3", "not-aws", "not-aws", "not-aws"])  // 0., 1. and 2.amazon.pool.ntp.org
        // 1.128.3.4: test.example.com, and abcd.example.com CNAME test.example.com: one host.
        let example = names.naming(vpc: vpc, address: IPAddress("1.128.3.4")!, source: nil, start: UInt64(1_639_263_000), end: UInt64(1_639_263_100))
        guard case let .named(_, name, _) = example else {
            Issue.record("1.128.3.4 should be named, got \(example)")
            return
        }
        #expect(names.name(name) == "test.example.com")
        // The firewall's BLOCK answer names nothing.
        #expect(names.naming(vpc: nil, address: IPAddress("203.0.113.9")!, source: nil, start: 0, end: .max) == .unnamed)
    }

    @Test func theFlowReaderLeavesTheElasticSampleToTheDNSReader() {
        guard TestPaths.hasRealData else {
            print("skipped: ../shared/realdata is absent")
            return
        }
        let (summary, records) = readRecords(TestPaths.real("resolver/elastic-test-route53.log"))
        #expect(summary.content == .resolverQueryLog)
        #expect(summary.status == .ok)
        #expect(summary.lines == 0)
        #expect(summary.notes == [FlowLogFileReader.resolverNote])
        #expect(records.isEmpty)
    }

    @Test func pantherSampleVersionOne() throws {
        guard TestPaths.hasRealData else {
            print("skipped: ../shared/realdata is absent")
            return
        }
        let yaml = try String(contentsOfFile: TestPaths.real("resolver/panther-vpc_dns_tests.yml"), encoding: .utf8)
        // The record is the YAML `input: |` block: pretty-printed JSON, made one line here.
        let block = try #require(yaml.components(separatedBy: "input: |\n").last?.components(separatedBy: "\nresult:").first)
        let line = block.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
        let directory = TemporaryDirectory()
        let path = directory.write("panther.log", line + "\n")
        let (summary, names) = readResolver(path)
        #expect(summary.queries == 1)
        #expect(summary.malformed == 0, "\(summary.malformedExamples)")
        #expect(names.counts.addressAnswers == 4)
        #expect(names.counts.cnameRecords == 1)
        #expect(names.counts.otherRecords == 1)
        let vpc = try #require(names.vpcIndex("vpc-7example"))
        let source = IPAddress("192.0.2.15")!
        #expect(names.instance(vpc: vpc, source: source) == "i-0d15cd0d3example")
        let time = UInt64(1_595_867_540)  // 2020-07-27T16:32:20Z
        guard case let .named(_, name, sameSource) = names.naming(vpc: vpc, address: IPAddress("203.0.113.8")!, source: source, start: time, end: time + 60) else {
            Issue.record("203.0.113.8 should be named")
            return
        }
        #expect(sameSource)
        // The chain's CNAME target 'foo@bar.com' is not an AWS name either: the last one is kept.
        #expect(names.name(name) == "foo@bar.com")
        withParsed(line) { _, parser in
            #expect(text(parser.query.version) == "1.000000")
            #expect(text(parser.query.resolverEndpoint) == "rslvr-out-2345678dfghexample")
        }
    }

    @Test func gzipAndDamage() throws {
        let directory = TemporaryDirectory()
        let lines = (0..<50).map { resolverLine(name: "sqs.us-east-1.amazonaws.com", answers: [("A", "52.46.0.\($0)")]) }
        let body = Array((lines.joined(separator: "\n") + "\nnot json\n\n").utf8)
        let gzip = GzipWriter.compress(body)
        let whole = directory.write("q.log.gz", gzip)
        let (summary, names) = readResolver(whole)
        #expect(summary.compression == "gzip")
        #expect(summary.queries == 50)
        #expect(summary.malformed == 1)
        #expect(summary.blankLines == 1)
        #expect(summary.lines == 52)
        #expect(summary.malformedExamples.first?.line == 51)
        #expect(names.addressCount == 50)
        let cut = directory.write("cut.log.gz", Array(gzip.prefix(gzip.count / 2)))
        let (damaged, _) = readResolver(cut)
        #expect(damaged.status == .damaged)
        #expect(damaged.error?.contains("ends early") == true)
        #expect(damaged.queries < 50)
    }
}

import Foundation
import Testing
@testable import FlowLogs

/// The real Route 53 Resolver query logs of `../shared/realdata/resolver/` (SOURCES.md): every
/// line is accounted for, and every count of the map agrees with an independent reading of the
/// same lines by Foundation's JSON parser.
@Suite(.enabled(if: TestPaths.hasRealData, "../shared/realdata is absent (a user's clone has none): real-data tests skipped"))
struct RealDataResolverTests {
    /// What a Resolver log's records hold, counted from Foundation's parse of each line, in the
    /// order `DNSNames.add` classifies a query (failed, blocked, without address, with addresses).
    struct Expected: Equatable {
        var queries = 0, failed = 0, blocked = 0, withoutAddress = 0
        var addressAnswers = 0, cnames = 0, others = 0

        init(lines: [String]) throws {
            for line in lines {
                let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
                queries += 1
                guard object["rcode"] as? String == "NOERROR" else { failed += 1; continue }
                if object["firewall_rule_action"] as? String == "BLOCK" { blocked += 1; continue }
                let types = (object["answers"] as? [[String: Any]] ?? []).map { $0["Type"] as? String ?? "" }
                let addresses = types.filter { $0 == "A" || $0 == "AAAA" }.count
                cnames += types.filter { $0 == "CNAME" }.count
                others += types.count - addresses - types.filter { $0 == "CNAME" }.count
                if addresses == 0 { withoutAddress += 1 } else { addressAnswers += addresses }
            }
        }

        init(_ counts: DNSNameCounts) {
            queries = counts.queries
            failed = counts.failedQueries
            blocked = counts.blockedByFirewall
            withoutAddress = counts.queriesWithoutAddress
            addressAnswers = counts.addressAnswers
            cnames = counts.cnameRecords
            others = counts.otherRecords
        }
    }

    /// A new Resolver sample must get a test here, not be silently left out.
    @Test func everyResolverSampleIsTested() throws {
        let found = try FileManager.default.contentsOfDirectory(atPath: TestPaths.real("resolver"))
        #expect(Set(found) == ["elastic-test-route53.log", "panther-vpc_dns_tests.yml"])
    }

    @Test func elasticSampleHasEveryLineAccountedFor() throws {
        let relative = "resolver/elastic-test-route53.log"
        let (summary, names) = readResolver(TestPaths.real(relative))
        let decoded = try RealData.decodedBytes(relative)
        let lines = try RealData.lines(relative)
        // 34 records, no final newline (SOURCES.md): each line is a query, none is anything else.
        #expect(lines.count == 34)
        #expect(summary.status == .ok)
        #expect(summary.error == nil)
        #expect(summary.content == .resolverQueryLog)
        #expect(summary.decodedBytes == UInt64(decoded.count))
        #expect(summary.lines == RealData.lineCount(decoded))
        #expect(summary.queries == lines.count)
        #expect(summary.malformed == 0, "\(summary.malformedExamples)")
        #expect(summary.blankLines == 0)
        #expect(summary.headers == 0)
        #expect(summary.notes.contains { $0.hasPrefix("Route 53 Resolver query log, version 1.100000: 34 queries from 2021-02-04T17:51:55Z") })
        // Every query and every answer is counted once, as Foundation reads them.
        let expected = try Expected(lines: lines)
        #expect(Expected(names.counts) == expected)
        #expect(expected.failed > 0 && expected.blocked == 1 && expected.withoutAddress > 0 && expected.addressAnswers > 0)
        #expect(names.counts.badAddresses == 0)
        #expect(names.counts.answersLeftOut == 0)
        #expect(names.counts.kept == names.counts.addressAnswers)
        #expect(names.counts.dropped == DNSNameCounts.Dropped())
    }

    @Test func elasticSampleNamesAsItsAnswersSay() throws {
        let (_, names) = readResolver(TestPaths.real("resolver/elastic-test-route53.log"))
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
        let (summary, records) = readRecords(TestPaths.real("resolver/elastic-test-route53.log"))
        #expect(summary.content == .resolverQueryLog)
        #expect(summary.status == .ok)
        #expect(summary.lines == 0)
        #expect(summary.notes == [FlowLogFileReader.resolverNote])
        #expect(records.isEmpty)
    }

    /// Panther's YAML holds one pretty-printed version-1.000000 record (`input: |`) and Panther's
    /// parse of it (`result: |`): made one line here, it reads as one query with every field.
    @Test func pantherSampleVersionOne() throws {
        let yaml = try String(contentsOfFile: TestPaths.real("resolver/panther-vpc_dns_tests.yml"), encoding: .utf8)
        #expect(yaml.components(separatedBy: "input: |\n").count == 2, "one record in the YAML")
        let block = try #require(yaml.components(separatedBy: "input: |\n").last?.components(separatedBy: "\nresult:").first)
        let line = block.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
        let directory = TemporaryDirectory()
        let path = directory.write("panther.log", line + "\n")
        let (summary, names) = readResolver(path)
        #expect(summary.status == .ok)
        #expect(summary.lines == 1)
        #expect(summary.queries == 1)
        #expect(summary.malformed == 0, "\(summary.malformedExamples)")
        #expect(Expected(names.counts) == (try Expected(lines: [line])))
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

    @Test func theRealResolverSamplesParseThroughTheReportWithEveryLineAccountedFor() throws {
        let path = TestPaths.real("resolver/elastic-test-route53.log")
        let report = try AnalysisFixtures.analyse([AnalysisFixtures.natFormat] + AnalysisFixtures.natLegs(peer: "54.239.16.9", upload: 1000, download: 5000)) { $0.dnsLogs = [path] }
        let file = try #require(report.inputs.files.first { $0.path == path })
        #expect(file.content == .resolverQueryLog)
        #expect(file.queries == 34)
        #expect(file.malformed == 0)
        #expect(file.lines == 34)
        #expect(report.interfaceEndpoints.dns?.queries == 34)
        // Its answer addresses were replaced (SOURCES.md): nothing here is named.
        #expect(report.savings.interfaceEndpoints.map(\.attribution) == [.unattributed])
    }
}

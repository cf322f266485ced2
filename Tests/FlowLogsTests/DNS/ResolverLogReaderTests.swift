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
    // The real samples of ../shared/realdata/resolver/: RealData/RealDataResolverTests.

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

    /// Workers fill one map: with the map full, every answer is kept or counted as dropped once,
    /// and the map holds no more than its bound (each worker's own map, merged, held two full
    /// maps and counted answers kept by one worker and dropped by the merge twice).
    @Test(arguments: [1, 2])
    func workersFillOneBoundedMap(jobs: Int) {
        var options = DNSNamingOptions()
        options.maximumAddresses = 10
        let directory = TemporaryDirectory()
        let first = (0..<10).map { resolverLine(name: "sqs.us-east-1.amazonaws.com", answers: [("A", "52.46.3.\($0)")]) }
        let second = (0..<10).map { resolverLine(name: "sqs.us-east-1.amazonaws.com", answers: [("A", "52.46.\(3 + $0 / 5).\($0 % 5)")]) }
        let paths = [directory.write("a.log", first.joined(separator: "\n")), directory.write("b.log", second.joined(separator: "\n"))]
        let logs = ResolverLogs.read(InputDiscovery.discover(paths), options: options, read: ReadOptions(), jobs: jobs)
        let counts = logs.names.counts
        #expect(logs.files.map(\.queries) == [10, 10])
        #expect(counts.addressAnswers == 20)
        #expect(logs.names.addressCount == 10)
        #expect(counts.kept + counts.dropped.total == counts.addressAnswers)
        #expect(counts.dropped.addresses >= 5)  // 15 addresses for 10 places
    }
}

import Foundation
import Testing
@testable import FlowLogs

@Suite struct LogContentTests {
    static func content(_ line: String) -> LogContent {
        var line = line
        return line.withUTF8 { LogContent.of(firstLine: UnsafeRawBufferPointer($0)) }
    }

    @Test(arguments: [
        (Fixtures.v2Header, LogContent.flowLog),
        (Fixtures.v2Records[0], .flowLog),
        ("2021-03-25T12:00:05.000Z " + Fixtures.v2Records[0], .flowLog),
        (#"{"message":"2 123456789010 eni-1 10.0.1.5 203.0.113.5 443 49152 6 20 4249 1418530010 1418530070 ACCEPT OK"}"#, .flowLog),
        ("timestamp,message", .flowLog),
        (resolverLine(name: "sts.us-east-1.amazonaws.com", answers: [("A", "52.46.0.1")]), .resolverQueryLog),
        ("2021-12-11T22:46:23.000Z " + resolverLine(name: "x", answers: []), .resolverQueryLog),
        (#"{"timestamp":1,"message":"{\"query_timestamp\":\"2021-12-11T22:46:23Z\",\"query_name\":\"x.\"}"}"#, .resolverQueryLog),
        (#"{"query_name":"x."}"#, .other),
        ("<html><body>", .other),
        ("bogus line", .other),
        ("   ", .other),
    ])
    func recognisesByContent(_ line: String, _ expected: LogContent) {
        #expect(Self.content(line) == expected)
    }

    @Test func aCustomFormatRecordIsAFlowLogWithItsFormat() throws {
        let format = try FlowLogFormat.parse(specification: "srcaddr dstaddr bytes")
        var line = "10.0.1.5 203.0.113.5 4249"
        #expect(line.withUTF8 { LogContent.of(firstLine: UnsafeRawBufferPointer($0), format: format) } == .flowLog)
    }

    /// `flowscan logs/` on a synced bucket: both kinds side by side, named anything.
    @Test func theScanFindsResolverLogsAmongFlowLogs() {
        let directory = TemporaryDirectory()
        directory.write("AWSLogs/111122223333/vpcflowlogs/us-east-1/2026/11/29/flow.log", Fixtures.v2File)
        let dns = (0..<3).map { resolverLine(name: "logs.us-east-1.amazonaws.com", answers: [("A", "52.46.1.\($0)")]) }
        directory.write("AWSLogs/111122223333/vpcdnsquerylogs/vpc-1/2026/11/29/a.log.gz",
                        GzipWriter.compress(Array((dns.joined(separator: "\n") + "\n").utf8)))
        directory.write("renamed.txt", dns[0] + "\n")
        let inspection = Inspection.run(paths: [directory.url.path], options: ReadOptions(), jobs: 2)
        #expect(inspection.files.map(\.content) == [.resolverQueryLog, .flowLog, .resolverQueryLog])  // vpcdnsquerylogs sorts first
        #expect(inspection.files[0].notes == [FlowLogFileReader.resolverNote])
        #expect(inspection.files[0].malformed == 0)
        #expect(inspection.totals.isComplete)
        let (logs, files) = ResolverLogs.read(completing: inspection.files, explicit: [], options: DNSNamingOptions(),
                                              read: ReadOptions(), jobs: 2)
        #expect(logs.files.count == 2)
        #expect(files.map(\.queries) == [3, 0, 1])
        #expect(files[1].records == 5 - 2)  // the flow file is untouched (2 are NODATA/SKIPDATA)
        #expect(logs.names.counts.queries == 4)
        #expect(logs.names.addressCount == 3)
        #expect(files[0].notes.last == "Route 53 Resolver query log, version 1.100000: 3 queries from 2026-11-29T10:00:00Z to 2026-11-29T10:00:00Z")
    }

    @Test func explicitPathsAreReadAsResolverLogsWhateverTheyHold() {
        let directory = TemporaryDirectory()
        let good = directory.write("dns/q.log", resolverLine(name: "kms.us-east-1.amazonaws.com", answers: [("A", "52.46.2.1")]) + "\n")
        let bad = directory.write("dns/z-flow.log", Fixtures.v2File)
        let (logs, files) = ResolverLogs.read(completing: [], explicit: [directory.path("dns"), directory.path("missing")],
                                              options: DNSNamingOptions(), read: ReadOptions(), jobs: 1)
        #expect(files.map(\.path) == [good, bad, directory.path("missing")])
        #expect(files[0].queries == 1)
        #expect(files[1].malformed == 6)
        #expect(files[1].malformedExamples.first?.reason == "not a JSON object: a Resolver query log line is one {…} record")
        #expect(files[2].status == .skipped)
        #expect(logs.names.counts.queries == 1)
    }
}

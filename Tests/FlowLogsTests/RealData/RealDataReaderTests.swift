import Foundation
import Testing
@testable import FlowLogs

/// What one real flow-log file holds (SOURCES.md) and how it must be read.
struct RealFile: Sendable, CustomTestStringConvertible {
    let path: String
    /// A `.format` file under realdata, or field names: the `--format` of a headerless custom file.
    let format: String?
    let records, noData, skipData, transitGateway, malformed, headers, blankLines: Int
    /// The line numbers of the malformed examples kept (at most 5).
    let malformedLines: [Int]

    init(_ path: String, format: String? = nil, records: Int = 0, noData: Int = 0, skipData: Int = 0,
         transitGateway: Int = 0, malformed: Int = 0, headers: Int = 0, blankLines: Int = 0, malformedLines: [Int] = []) {
        self.path = path
        self.format = format
        self.records = records
        self.noData = noData
        self.skipData = skipData
        self.transitGateway = transitGateway
        self.malformed = malformed
        self.headers = headers
        self.blankLines = blankLines
        self.malformedLines = malformedLines
    }

    var testDescription: String { path }

    /// Every text flow-log file in realdata (plus one that is not a flow log); the Parquet file has its own test.
    static let all: [RealFile] = [
        RealFile("aws-docs/v2-default-examples.log", records: 5, noData: 1, skipData: 1),
        // Line 8 has a double space; it is still 21 values.
        RealFile("aws-docs/v3-tcp-flags.log", format: "aws-docs/v3-tcp-flags.format", records: 8),
        RealFile("aws-docs/nat-gateway-eni.log", format: "aws-docs/nat-gateway-custom.format", records: 4),
        // Each line ends with a `#comment` from the doc: extra values, tolerated because a format was given.
        RealFile("aws-docs/nat-gateway-instance-eni.log", format: "aws-docs/nat-gateway-custom.format", records: 2),
        // Line 2 is the doc's literal `...`.
        RealFile("aws-docs/transit-gateway-custom.log", format: "aws-docs/transit-gateway-custom.format",
                 records: 4, malformed: 1, malformedLines: [2]),
        RealFile("aws-docs/v5-service-traffic-path.log", format: "aws-docs/v5-service-traffic-path.format", records: 2),
        // Generated: NODATA and SKIPDATA rows with data. 39 values = Elastic's v7 all-fields order.
        RealFile("elastic-vpcflow/test-ecs-samples.log", format: RealData.v7AllFields, records: 4, noData: 4, skipData: 2),
        RealFile("elastic-vpcflow/test-extra-samples.log", records: 5, noData: 1, skipData: 1),  // no final newline
        RealFile("elastic-vpcflow/test-extra-samples.older-version.log", records: 5, noData: 1, skipData: 1),
        // A header before every record.
        RealFile("elastic-vpcflow/test-tcp-flag-sequence.log", records: 1, noData: 1, skipData: 1, headers: 3),
        // 36 values, no header: recognised by its `tgw-` ids.
        RealFile("elastic-vpcflow/test-tgw-samples.log", transitGateway: 10),
        RealFile("elastic-vpcflow/test-v5-all-fields.log", format: RealData.v5AllFields, records: 1),
        RealFile("elastic-vpcflow/test-v8-samples.log", format: RealData.v8AllFields, noData: 1),
        // `{"message":"…"}`: the wrapper is stripped.
        RealFile("elastic-vpcflow/test-with-message-field.log", noData: 1),
        RealFile("elastic-beats-vpcflow/bad.log", malformed: 1, malformedLines: [1]),
        RealFile("elastic-beats-vpcflow/custom-nat-gateway.log", records: 2, headers: 1),
        RealFile("elastic-beats-vpcflow/custom-transit-gateway.log", format: "aws-docs/transit-gateway-custom.format", records: 1),
        RealFile("elastic-beats-vpcflow/tcp-flag-sequence-skip-data.log", noData: 1, skipData: 1, headers: 2, blankLines: 1),
        RealFile("flowlogs-reader/v2-aggregation-input.log", records: 3, noData: 1),
        RealFile("flowlogs-reader/v2-cwl-messages.log", records: 3, noData: 1, skipData: 1),
        RealFile("flowlogs-reader/v3-s3-with-header.log", records: 2, headers: 1),
        RealFile("flowlogs-reader/v4-s3-with-header.log", records: 2, headers: 1),
        RealFile("flowlogs-reader/v5-s3-with-header.log", records: 2, malformed: 1, headers: 1, malformedLines: [4]),  // `bogus line`
        RealFile("flowlogs-reader/v6-tgw-s3-with-header.log", transitGateway: 1, headers: 1),
        RealFile("grafana-vpc-flow-logs-analyzer/aws-test_flow_logs.log", records: 4, noData: 1, skipData: 1, headers: 1),
        RealFile("grafana-vpc-flow-logs-analyzer/aws-flow-logs-10.3.11.57-142.250.185.91.log", records: 31, headers: 1),
        RealFile("grafana-vpc-flow-logs-analyzer/aws-analyzer_sorting_test.log", records: 3, headers: 1),
        RealFile("lambda-promtail/vpcflowlog.log.gz", records: 3, headers: 1),
        RealFile("misc-records/dynatrace-v2-record.log", records: 1),
        // Trailing extra values: tolerated because the file has a header.
        RealFile("panther/v2-default-header-extra-token.log", records: 1, headers: 1),
        RealFile("panther/v2-nodata-account-unknown.log", noData: 1, headers: 1),
        RealFile("panther/v3-extended-header-extra-token.log", records: 1, headers: 1),
        // resolver/elastic-test-route53.log is a Route 53 Resolver query log: the flow reader
        // recognises it and leaves it to the DNS reader (RealData/RealDataResolverTests).
    ]
}

@Suite(.enabled(if: TestPaths.hasRealData, "../shared/realdata is absent (a user's clone has none): real-data tests skipped"))
struct RealDataReaderTests {
    @Test(arguments: RealFile.all)
    func everyLineIsAccountedFor(_ file: RealFile) throws {
        let (summary, records) = try RealData.read(file.path, format: file.format)
        let decoded = try RealData.decodedBytes(file.path)
        #expect(summary.status == .ok)
        #expect(summary.error == nil)
        #expect(summary.decodedBytes == UInt64(decoded.count))
        #expect(summary.lines == RealData.lineCount(decoded))
        #expect(summary.records == file.records)
        #expect(summary.noData == file.noData)
        #expect(summary.skipData == file.skipData)
        #expect(summary.transitGateway == file.transitGateway)
        #expect(summary.malformed == file.malformed)
        #expect(summary.headers == file.headers)
        #expect(summary.blankLines == file.blankLines)
        #expect(summary.malformedExamples.map(\.line) == file.malformedLines)
        #expect(records.count == file.records)
    }

    /// The sink sees only OK records, so NODATA/SKIPDATA values are checked by parsing lines one by one
    /// with `RealData.parseLines`. That way and the reader must agree on every line.
    @Test(arguments: RealFile.all)
    func lineByLineParsingAgreesWithTheReader(_ file: RealFile) throws {
        let (summary, records) = try RealData.read(file.path, format: file.format)
        let lines = try RealData.parseLines(file.path, format: file.format)
        func count(_ outcome: RecordParser.Outcome) -> Int { lines.filter { $0.outcome == outcome }.count }
        #expect(lines.count == summary.lines)
        #expect(count(.record) == summary.records)
        #expect(count(.noData) == summary.noData)
        #expect(count(.skipData) == summary.skipData)
        #expect(count(.transitGateway) == summary.transitGateway)
        #expect(count(.malformed) == summary.malformed)
        #expect(count(.header) == summary.headers)
        #expect(count(.blank) == summary.blankLines)
        #expect(lines.filter { $0.outcome == .record }.compactMap(\.captured?.texts) == records.map(\.texts))
    }

    /// A new flow-log file in realdata must be added to `RealFile.all`, not silently left out.
    @Test func everyFlowLogFileIsInTheTable() throws {
        let root = TestPaths.realData.path
        let found = try FileManager.default.subpathsOfDirectory(atPath: root)
            .filter { $0.hasSuffix(".log") || $0.hasSuffix(".log.gz") || $0.hasSuffix(".parquet") }
        // The Resolver query log is read by the DNS reader (RealData/RealDataResolverTests).
        #expect(Set(found) == Set(RealFile.all.map(\.path) + ["flowlogs-reader/flows.parquet", "resolver/elastic-test-route53.log"]))
    }

    /// flowlogs-reader's Parquet file (pandas/pyarrow, most columns strings) is read as the text of
    /// its rows: one OK record of 840 bytes; its two NODATA rows hold the string 'None' in number
    /// columns (pandas wrote Python's None as text), malformed as the same text lines would be.
    @Test func parquetIsRead() throws {
        let (summary, records) = try RealData.read("flowlogs-reader/flows.parquet")
        #expect(summary.status == .ok)
        #expect(summary.compression == "parquet")
        #expect(summary.records == 1)
        #expect(summary.malformed == 2)
        #expect(summary.bytes == 840)
        #expect(records.first?.texts[.interfaceID] == "eni-102010ab")
    }

    @Test func gzipFileFromS3HasAHeaderAndThreeRecords() throws {
        let (summary, records) = try RealData.read("lambda-promtail/vpcflowlog.log.gz")
        #expect(summary.compression == "gzip")
        #expect(summary.formats == [FlowField.defaultFormat.map(\.rawValue)])
        let firstLine = String(decoding: try RealData.decodedBytes("lambda-promtail/vpcflowlog.log.gz"), as: UTF8.self)
            .split(separator: "\n").first.map(String.init)
        #expect(firstLine == Fixtures.v2Header)
        #expect(records.map(\.record.bytes) == [21869, 12071, 112])
        #expect(summary.bytes == 34052)
        let first = try #require(records.first)
        #expect(first.record.srcaddr == IPAddress("10.26.1.153"))
        #expect(first.record.dstaddr == IPAddress("3.239.232.29"))
        #expect(first.record.dstport == 443)
        #expect(first[.interfaceID] == "eni-0050644426037aa0f")
        #expect(first[.accountID] == "123456789012")
    }

    /// Headerless files that are not in the default format are malformed without `--format`, and the
    /// reason says to pass one (never a guess by field count).
    @Test(arguments: [
        ("elastic-vpcflow/test-v5-all-fields.log", 29, 1),
        ("elastic-vpcflow/test-ecs-samples.log", 39, 10),
        ("elastic-vpcflow/test-v8-samples.log", 40, 1),
        ("aws-docs/v3-tcp-flags.log", 21, 8),
        ("aws-docs/nat-gateway-eni.log", 6, 4),
        ("elastic-beats-vpcflow/custom-transit-gateway.log", 17, 1),
    ])
    func headerlessCustomFilesNeedAFormat(path: String, values: Int, lines: Int) throws {
        let (summary, records) = try RealData.read(path)
        #expect(summary.malformed == lines)
        #expect(summary.lines == lines)
        #expect(records.isEmpty)
        #expect(summary.malformedExamples.first?.reason == "\(values) fields, the format has 14 (default format assumed: pass --format)")
    }

    @Test func awsDocDefaultExamplesIncludeRejectsICMPAndIPv6() throws {
        let (_, records) = try RealData.read("aws-docs/v2-default-examples.log")
        #expect(records.map(\.record.action) == [.accept, .reject, .accept, .reject, .accept])
        #expect(records.map(\.record.protocolNumber) == [6, 6, 1, 1, 6])
        #expect(records.map(\.record.bytes) == [4249, 4249, 336, 336, 8855])
        #expect(records.last?.record.srcaddr == IPAddress("2001:db8:1234:a100:8d6e:3477:df66:f105"))
        #expect(records.last?.record.srcaddr?.isIPv4 == false)
    }

    @Test func theDoubleSpaceInTheAWSTCPFlagExampleIsOneSeparator() throws {
        let (_, records) = try RealData.read("aws-docs/v3-tcp-flags.log", format: "aws-docs/v3-tcp-flags.format")
        let last = try #require(records.last)
        #expect(last.record.srcport == 5001)
        #expect(last.record.dstport == 43638)
        #expect(last.record.pktSrcaddr == IPAddress("10.0.0.62"))
        #expect(last.record.pktDstaddr == IPAddress("52.213.180.42"))
        #expect(last.record.bytes == 967)
        #expect(last.record.packets == 14)
        #expect(last.record.tcpFlags == 19)
        #expect(records.map(\.record.tcpFlags) == [2, 18, 2, 18, 1, 1, 3, 19])
    }

    @Test func commentsAfterTheLastFieldAreIgnored() throws {
        let (_, records) = try RealData.read("aws-docs/nat-gateway-instance-eni.log", format: "aws-docs/nat-gateway-custom.format")
        #expect(records.map { $0[.instanceID] } == ["i-01234567890123456", "i-01234567890123456"])
        #expect(records.map { $0[.interfaceID] } == ["eni-1111aaaa2222bbbb3", "eni-1111aaaa2222bbbb3"])
        #expect(records.map(\.record.pktSrcaddr) == [IPAddress("10.0.1.5"), IPAddress("203.0.113.5")])
        #expect(records.map(\.record.pktDstaddr) == [IPAddress("203.0.113.5"), IPAddress("10.0.1.5")])
    }

    /// The NAT gateway's own interface: instance-id `-`, dstaddr (the NAT) differs from pkt-dstaddr (the peer).
    @Test func natGatewayInterfaceKeepsBothAddressPairs() throws {
        let (_, records) = try RealData.read("aws-docs/nat-gateway-eni.log", format: "aws-docs/nat-gateway-custom.format")
        #expect(records.allSatisfy { $0[.instanceID] == nil && $0[.interfaceID] == "eni-1235b8ca123456789" })
        let first = try #require(records.first)
        #expect(first.record.dstaddr == IPAddress("10.0.0.220"))
        #expect(first.record.pktDstaddr == IPAddress("203.0.113.5"))
    }

    @Test func serviceAndTrafficPathFieldsInANonDefaultOrder() throws {
        let (_, records) = try RealData.read("aws-docs/v5-service-traffic-path.log", format: "aws-docs/v5-service-traffic-path.format")
        try #require(records.count == 2)
        #expect(records.map { $0[.pktSrcAWSService] } == ["S3", nil])
        #expect(records.map { $0[.pktDstAWSService] } == [nil, "S3"])
        #expect(records.map(\.record.flowDirection) == [.ingress, .egress])
        #expect(records.map(\.record.trafficPath) == [nil, 8])
        #expect(records.map(\.record.bytes) == [15044, 471])
        #expect(records.map { $0[.region] } == ["ap-southeast-2", "ap-southeast-2"])
        #expect(records.map { $0[.azID] } == ["apse2-az3", "apse2-az3"])
    }

    /// Firehose transformation events carry one base64 flow-log line per record.
    @Test func recordsInAFirehoseEventRead() throws {
        let event = try #require(try RealData.json("aws-samples/vpc-flow-log-appender-firehose-event.json") as? [String: Any])
        let items = try #require(event["records"] as? [[String: Any]])
        let lines = try items.map { item in
            let text = try #require(item["data"] as? String)
            let data = try #require(Data(base64Encoded: text))
            return String(decoding: data, as: UTF8.self)
        }
        let directory = TemporaryDirectory()
        let path = directory.write("firehose.log", lines.joined(separator: "\n") + "\n")
        var sink = FieldCapturingSink()
        let reader = FlowLogFileReader(options: ReadOptions())
        defer { reader.deallocate() }
        let summary = reader.read(path, into: &sink)
        #expect(summary.records == 2)
        #expect(summary.lines == 2)
        #expect(sink.records.map(\.record.srcaddr) == [IPAddress("72.21.196.65"), IPAddress("10.3.45.44")])
        #expect(sink.records.allSatisfy { $0.record.dstaddr == IPAddress("172.31.16.21") && $0.record.dstport == 22 })
        #expect(sink.records.map { $0[.interfaceID] } == ["eni-1854f949", "eni-1854f949"])
    }

    /// CloudWatch Logs events written one JSON object per line: flowscan takes the `message` of each.
    @Test func cloudWatchLogsEventsAsJSONLines() throws {
        let pages = try #require(try RealData.json("flowlogs-reader/cwl-filter-log-events-pages.json") as? [[String: Any]])
        let events = pages.flatMap { ($0["events"] as? [[String: Any]]) ?? [] }
        let jsonLines = try events.map { String(decoding: try JSONSerialization.data(withJSONObject: $0, options: .sortedKeys), as: UTF8.self) }
        #expect(events.compactMap { $0["message"] as? String } == (try RealData.lines("flowlogs-reader/v2-cwl-messages.log")))
        let directory = TemporaryDirectory()
        let path = directory.write("events.jsonl", jsonLines.joined(separator: "\n") + "\n")
        var sink = FieldCapturingSink()
        let reader = FlowLogFileReader(options: ReadOptions())
        defer { reader.deallocate() }
        let summary = reader.read(path, into: &sink)
        #expect(summary.records == 3)
        #expect(summary.noData == 1)
        #expect(summary.skipData == 1)
        #expect(summary.malformed == 0)
        #expect(sink.records.map(\.record.bytes) == [840, 1680, 1680])
        #expect(sink.records.map(\.record.action) == [.accept, .accept, .reject])
    }

    /// Filebeat's processor test cases (30 samples, each case with its format): the NAT samples end with
    /// `#comment` values, the v6 Transit Gateway sample has double spaces and a Cyrillic `б`.
    @Test func filebeatProcessorSamplesReadWithTheirFormats() throws {
        let expected: [String: (records: Int, noData: Int, skipData: Int, transitGateway: Int)] = [
            "default-v2-format": (5, 1, 1, 0), "tcp-flag-sequence": (8, 0, 0, 0), "custom-nat-gateway": (6, 0, 0, 0),
            "transit-gateway": (4, 0, 0, 0), "service-name-path-direction": (2, 0, 0, 0), "v5-fields-original": (1, 0, 0, 0),
            "v6-fields-original": (0, 0, 0, 1), "v7-fields-original": (1, 0, 0, 0),
        ]
        let cases = try RealData.beatsCases()
        #expect(cases.map(\.name).sorted() == expected.keys.sorted())
        #expect(cases.map(\.samples.count).reduce(0, +) == 30)
        let directory = TemporaryDirectory()
        for item in cases {
            let path = directory.write("\(item.name).log", item.samples.joined(separator: "\n") + "\n")
            var sink = FieldCapturingSink()
            let reader = FlowLogFileReader(options: ReadOptions(format: try FlowLogFormat.parse(specification: item.format)))
            defer { reader.deallocate() }
            let summary = reader.read(path, into: &sink)
            let counts = (summary.records, summary.noData, summary.skipData, summary.transitGateway)
            #expect(expected[item.name].map { $0 == counts } == true, "\(item.name): \(counts)")
            #expect(summary.malformed == 0, "\(item.name): \(summary.malformedExamples)")
        }
    }

    @Test func dynatraceRecordStartsWhereItsPeerSays() throws {
        let (_, records) = try RealData.read("misc-records/dynatrace-v2-record.log")
        #expect(records.map(\.record.start) == [1_677_665_646])
    }
}

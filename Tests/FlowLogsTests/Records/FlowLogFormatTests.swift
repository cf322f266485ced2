import Testing
@testable import FlowLogs

struct FlowLogFormatTests {
    let directory = TemporaryDirectory()

    @Test(arguments: [
        "version srcaddr dstaddr bytes",
        "version,srcaddr,dstaddr,bytes",
        "${version} ${srcaddr} ${dstaddr} ${bytes}",
        "  version, srcaddr ,dstaddr  bytes ",
    ])
    func formatOptionInEveryForm(specification: String) throws {
        let format = try FlowLogFormat.parse(specification: specification)
        #expect(format.names == ["version", "srcaddr", "dstaddr", "bytes"])
        #expect(format.position(of: .bytes) == 3)
        #expect(!format.isAssumed)
    }

    @Test(arguments: ["", " , ", "${version", "ver$ion", "${}", Array(repeating: "srcaddr", count: 129).joined(separator: " ")])
    func badFormatOptions(specification: String) {
        #expect(throws: FormatError.self) { try FlowLogFormat.parse(specification: specification) }
    }

    @Test func reorderedFieldsAreMappedByName() {
        let header = "bytes dstaddr srcaddr action log-status start end interface-id"
        let path = directory.write("reordered.log", "\(header)\n4249 203.0.113.5 10.0.1.5 ACCEPT OK 1418530010 1418530070 eni-1\n")
        let (summary, records) = readRecords(path)
        #expect(summary.records == 1)
        #expect(summary.formats == [header.split(separator: " ").map(String.init)])
        let record = records[0]
        #expect(record.bytes == 4249)
        #expect(record.srcaddr == IPAddress("10.0.1.5"))
        #expect(record.dstaddr == IPAddress("203.0.113.5"))
        #expect(record.action == .accept)
        #expect(record.start == 1_418_530_010)
    }

    @Test func unknownFieldsAreOpaqueColumns() {
        let text = "version srcaddr future-field bytes\n9 10.0.0.1 whatever 77\n"
        let (summary, records) = readRecords(directory.write("unknown.log", text))
        #expect(summary.records == 1)
        #expect(summary.malformed == 0)
        #expect(records[0].bytes == 77)
        #expect(FlowLogFormat(names: ["version", "future-field"]).unknownNames == ["future-field"])
    }

    @Test func aRepeatedHeaderSwitchesTheMapping() {
        let text = """
        version srcaddr bytes
        2 10.0.0.1 100
        bytes srcaddr version
        200 10.0.0.2 2
        version srcaddr bytes
        2 10.0.0.3 300

        """
        let (summary, records) = readRecords(directory.write("concatenated.log", text))
        #expect(summary.headers == 3)
        #expect(summary.formats.count == 2)
        #expect(records.map(\.bytes) == [100, 200, 300])
        #expect(records.map(\.srcaddr) == ["10.0.0.1", "10.0.0.2", "10.0.0.3"].map { IPAddress($0) })
    }

    @Test func formatOptionAppliesUntilAHeaderAppears() throws {
        let options = ReadOptions(format: try FlowLogFormat.parse(specification: "${srcaddr} ${bytes}"))
        let text = "10.0.0.1 5\nbytes srcaddr\n6 10.0.0.2\n"
        let (summary, records) = readRecords(directory.write("format.log", text), options: options)
        #expect(records.map(\.bytes) == [5, 6])
        #expect(summary.notes.isEmpty)
    }

    @Test func withoutHeaderOrFormatTheDefaultIsAssumedWithAHint() throws {
        let text = Fixtures.v2Records.joined(separator: "\n") + "\n" + "3 vpc-1 subnet-1 i-1 eni-1 1 IPv4 10.0.0.1 10.0.0.2 1 2 10.0.0.1 10.0.0.2 6 1 1 1 2 ACCEPT 2 OK\n"
        let (summary, _) = readRecords(directory.write("noheader.log", text))
        #expect(summary.records == 3)
        #expect(summary.malformed == 1)
        #expect(summary.notes.contains { $0.contains("default version-2 format was assumed") })
        let example = try #require(summary.malformedExamples.first)
        #expect(example.line == 6)
        #expect(example.reason.contains("pass --format"))
    }

    @Test func duplicateNamesKeepTheFirst() {
        let format = FlowLogFormat(names: ["bytes", "srcaddr", "bytes"])
        #expect(format.position(of: .bytes) == 0)
        #expect(format.unknownNames == ["bytes"])
    }

    @Test func versionIsTheHighestAmongTheFields() {
        #expect(FlowLogFormat(names: FlowField.defaultFormat.map(\.rawValue)).version == 2)
        #expect(FlowLogFormat(names: ["srcaddr", "pkt-srcaddr"]).version == 3)
        #expect(FlowLogFormat(names: ["srcaddr", "traffic-path", "ecs-task-id"]).version == 7)
        #expect(FlowLogFormat(names: ["reject-reason"]).version == 8)
    }

    @Test func transitGatewayFormatsAreRecognised() {
        let text = "resource-type tgw-id srcaddr bytes\nTransitGateway tgw-1 10.0.0.1 5\n"
        let (summary, records) = readRecords(directory.write("tgw.log", text))
        #expect(summary.transitGateway == 1)
        #expect(summary.records == 0)
        #expect(records.isEmpty)
    }
}

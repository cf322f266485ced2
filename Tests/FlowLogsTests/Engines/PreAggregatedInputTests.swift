import Foundation
import Testing
@testable import FlowLogs

/// Engine results as input: CSV lines become text lines, and a `records` column makes a row
/// count as that many records everywhere records are counted.
@Suite struct PreAggregatedInputTests {
    static func converted(_ line: String) -> String? {
        var csv = CSVLine(capacity: 256)
        defer { csv.deallocate() }
        var bytes = Array(line.utf8)
        return bytes.withUnsafeMutableBytes { raw in
            csv.convert(UnsafeRawBufferPointer(raw)) ? String(decoding: csv.bytes, as: UTF8.self) : nil
        }
    }

    @Test(arguments: [
        ("\"account_id\",\"pkt_srcaddr\",\"records\"", "account-id pkt-srcaddr records"),
        ("account_id,interface_id,end", "account-id interface-id end"),
        ("\"123456789012\",\"10.0.1.5\",\"42\"", "123456789012 10.0.1.5 42"),
        ("123456789012,,42", "123456789012 - 42"),
        ("\"123456789012\",\"\",\"42\"", "123456789012 - 42"),
        (",,", "- - -"),
        ("\"a\"\"b\",c", "a\"b c"),
        ("\"x,y\",z", "x,y z"),
    ])
    func csvLinesBecomeTextLines(line: String, expected: String) {
        #expect(Self.converted(line) == expected)
    }

    @Test(arguments: ["\"open,b", "a b,c", "\"a\"x,b", "a,\"tab\tbed\""])
    func badCSVLinesAreNotConverted(line: String) {
        #expect(Self.converted(line) == nil)
    }

    @Test func aHeaderIsToldFromItsContent() {
        func content(_ text: String) -> LogContent {
            Array(text.utf8).withUnsafeBytes { LogContent.of(firstLine: $0) }
        }
        #expect(content("\"account_id\",\"srcaddr\",\"dstaddr\",\"records\"") == .flowLogCSV)
        #expect(content("srcaddr,dstaddr,bytes") == .flowLogCSV)
        #expect(content("timestamp,message") == .flowLog)
        #expect(content("name,value") != .flowLogCSV)
        #expect(content("version account-id interface-id srcaddr") == .flowLog)
    }

    static let header = "version account-id interface-id srcaddr dstaddr srcport dstport protocol packets bytes start end action log-status"
    static let lines = [
        "2 123456789012 eni-nat1 10.0.1.5 10.0.0.220 40000 443 6 10 1000 1764000000 1764000060 ACCEPT OK",
        "2 123456789012 eni-nat1 10.0.0.220 52.216.8.1 50000 443 6 10 1000 1764000000 1764000060 ACCEPT OK",
        "2 123456789012 eni-nat1 52.216.8.1 10.0.0.220 443 50000 6 40 5000 1764000000 1764000060 ACCEPT OK",
        "2 123456789012 eni-nat1 10.0.0.220 10.0.1.5 443 40000 6 40 5000 1764000000 1764000060 ACCEPT OK",
        "2 123456789012 eni-nat1 - - - - - - - 1764000000 1764000060 - NODATA",
    ]

    @Test func aRecordsColumnCountsAsThatManyRecords() throws {
        let directory = TemporaryDirectory()
        // The raw file holds every line three times; the CSV holds each once with records 3 and the sums.
        let raw = directory.write("raw.log", ([Self.header] + Self.lines + Self.lines + Self.lines).joined(separator: "\n") + "\n")
        var csv = [Self.header.replacingOccurrences(of: " ", with: ",").replacingOccurrences(of: "-", with: "_") + ",records"]
        for line in Self.lines {
            var words = line.split(separator: " ").map(String.init)
            for index in [8, 9] where words[index] != "-" { words[index] = String(Int(words[index])! * 3) }
            csv.append(words.map { $0 == "-" ? "" : "\"\($0)\"" }.joined(separator: ",") + ",\"3\"")
        }
        let rows = directory.write("rows.csv", csv.joined(separator: "\r\n") + "\r\n")
        let inspection = Inspection.run(paths: [raw, rows], options: ReadOptions(), jobs: 1)
        let (text, table) = (inspection.files[0], inspection.files[1])
        #expect(table.content == .flowLogCSV)
        #expect(table.malformed == 0)
        #expect(table.preAggregatedRows == 5 && table.preAggregatedRecords == 15)
        #expect(table.records == text.records && table.noData == text.noData)
        #expect(table.bytes == text.bytes && table.packets == text.packets)
        #expect(table.firstStart == text.firstStart && table.lastEnd == text.lastEnd)
        #expect(table.lines == 6)
        #expect(table.notes.contains { $0.hasPrefix("pre-aggregated input: 5 rows stand for 15 records") })

        let fromText = try EngineOracleTests.figures([raw], prefixes: AnalysisFixtures.prefixes)
        let fromRows = try EngineOracleTests.figures([rows], prefixes: AnalysisFixtures.prefixes)
        #expect((fromText["nat"] as? [String: Any])?["bytes"] as? Int == 18_000)
        for key in Set(fromText.keys).union(fromRows.keys).sorted() {
            #expect(fromText[key] == fromRows[key], "'\(key)' differs")
        }
    }

    @Test func aBadCSVLineIsCountedWithItsReason() {
        let directory = TemporaryDirectory()
        let path = directory.write("rows.csv", "srcaddr,dstaddr,bytes,records\n\"10.0.0.1\",\"10.0.0.2\",\"5\",\"2\"\n\"10.0.0.1,\"x\"\n10.0.0.1,10.0.0.2,5,two\n")
        let file = Inspection.run(paths: [path], options: ReadOptions(), jobs: 1).files[0]
        #expect(file.records == 2)
        #expect(file.malformed == 2)
        #expect(file.malformedExamples.map(\.line) == [3, 4])
        #expect(file.malformedExamples.last?.reason == "records 'two' is not a whole number that fits in 64 bits")
    }
}

import Foundation
import Testing
@testable import FlowLogs

/// The columnar reading of Parquet hands sinks what the text line with the same values gives:
/// the same typed record and, through the parser, the same text of every text column
/// (`account-id`, `region`, `vpc-id`, `interface-id`… — what the aggregator and scope sinks read),
/// the same `has(_:)` and `detailFields`; and one reader's buffers, kept from file to file, change
/// nothing.
@Suite struct ParquetColumnarTests {
    /// Writes down everything a sink can read of each record.
    struct RecordingSink: RecordSink {
        var seen: [String] = []
        mutating func beginFile(path: String) {}
        mutating func consume(_ parser: RecordParser) {
            let record = parser.record
            var line = "\(record.version as Any) \(record.srcaddr as Any) \(record.dstaddr as Any) \(record.pktSrcaddr as Any) "
                + "\(record.pktDstaddr as Any) \(record.srcport as Any) \(record.dstport as Any) \(record.protocolNumber as Any) "
                + "\(record.packets as Any) \(record.bytes as Any) \(record.start as Any) \(record.end as Any) \(record.action as Any) "
                + "\(record.logStatus as Any) \(record.flowDirection as Any) \(record.trafficPath as Any) \(record.tcpFlags as Any) "
                + "×\(record.multiplicity) details \(parser.detailFields)"
            for field in FlowField.allCases where parser.has(field) {
                guard let column = parser.format.position(of: field), parser.plan[column] == .text else { continue }
                line += " \(field.rawValue)=" + (parser.text(field).map { String(decoding: $0, as: UTF8.self) } ?? "nil")
            }
            seen.append(line)
        }
    }

    static func read(_ path: String, with reader: FlowLogFileReader) -> (FileSummary, [String]) {
        var sink = RecordingSink()
        let summary = reader.read(path, into: &sink)
        return (summary, sink.seen)
    }

    static func read(_ path: String) -> (FileSummary, [String]) {
        let reader = FlowLogFileReader(options: ReadOptions())
        defer { reader.deallocate() }
        return read(path, with: reader)
    }

    static func vpc(_ format: SyntheticVPC.FormatPlan, seed: UInt64 = 11) -> SyntheticVPC {
        var options = SyntheticVPC.Options()
        options.seed = seed
        options.minutes = 15
        options.connectionsPerFile = 40
        options.formats = format
        return SyntheticVPC(options: options)
    }

    @Test("every record and text column as from the text", arguments: [SyntheticVPC.FormatPlan.default, .v5])
    func recordsAndTextColumnsAsFromTheText(format: SyntheticVPC.FormatPlan) throws {
        let directory = TemporaryDirectory()
        let (_, text, _) = Self.vpc(format).file(0)
        let textPath = directory.write("f.log", text)
        let parquetPath = directory.write("f.log.parquet", try #require(ParquetWriter.file(fromFlowLogText: text)))
        let (fromText, textRecords) = Self.read(textPath)
        let (fromParquet, parquetRecords) = Self.read(parquetPath)
        #expect(fromParquet.status == .ok, "\(fromParquet.error ?? "")")
        #expect(textRecords.count > 50)
        #expect(parquetRecords == textRecords)
        #expect(fromParquet.records == fromText.records)
        if format == .v5 {
            #expect(textRecords[0].contains(" region=us-east-1") && textRecords[0].contains(" vpc-id=vpc-"))
            #expect(textRecords[0].contains(" account-id=123456789012"))
        }
    }

    @Test("pyarrow's pages (dictionary, plain, v1, v2, nulls, small row groups) give the text's records", arguments: ParquetOracleTests.variants)
    func pyarrowRecordsAsFromTheText(variant: [String]) throws {
        let directory = TemporaryDirectory()
        let text = directory.write("flows.log", Array(ParquetOracleTests.textLog().utf8))
        let parquet = directory.url.path + "/flows.parquet"
        guard let written = try ParquetOracleTests.runOracle(["write", text, parquet] + variant) else {
            print("skipped: pyarrow is not installed (pip install pyarrow)")
            return
        }
        try #require(written)
        let (_, textRecords) = Self.read(text)
        let (fromParquet, parquetRecords) = Self.read(parquet)
        #expect(fromParquet.status == .ok, "\(fromParquet.error ?? "")")
        #expect(textRecords.count == 300)
        #expect(parquetRecords == textRecords)
    }

    /// One reader (one worker) reads files of different columns, a damaged one among them: each
    /// reads as it does with a fresh reader.
    @Test func oneReaderKeepsItsBuffersFromFileToFile() throws {
        let directory = TemporaryDirectory()
        var paths: [String] = []
        for (index, format) in [SyntheticVPC.FormatPlan.v5, .default, .v5].enumerated() {
            let (_, text, _) = Self.vpc(format, seed: UInt64(20 + index)).file(index)
            let parquet = try #require(ParquetWriter.file(fromFlowLogText: text))
            paths.append(directory.write("f\(index).log.parquet", parquet))
            if index == 0 { paths.append(directory.write("cut.log.parquet", Array(parquet[..<(parquet.count * 2 / 3)]) + Array(parquet.suffix(8)))) }
        }
        let reader = FlowLogFileReader(options: ReadOptions())
        defer { reader.deallocate() }
        var statuses: [FileSummary.Status] = []
        for path in paths + paths.reversed() {
            let (shared, sharedRecords) = Self.read(path, with: reader)
            let (fresh, freshRecords) = Self.read(path)
            #expect(shared == fresh)
            #expect(sharedRecords == freshRecords)
            statuses.append(shared.status)
        }
        #expect(statuses.contains(.damaged) && statuses.filter { $0 == .ok }.count == 6)
    }

    /// Values a text line could not hold: a tab or a control character inside a string, a
    /// negative port. Each row is malformed with the reason the text parser would give.
    @Test func valuesATextLineCannotHoldMakeTheRowMalformed() throws {
        let text = "version interface-id srcport dstport action\n"
            + "2 eni-1\tx 443 80 ACCEPT\n"
            + "2 eni-2\u{1} 443 80 ACCEPT\n"
            + "2 eni-3 -5 80 ACCEPT\n"
            + "2 eni-4 443 80 MAYBE\n"
            + "2 eni-5 443 80 ACCEPT\n"
        let directory = TemporaryDirectory()
        let path = directory.write("odd.log.parquet", try #require(ParquetWriter.file(fromFlowLogText: Array(text.utf8))))
        let (summary, records) = Self.read(path)
        #expect(summary.status == .ok)
        #expect(records.count == 1 && records[0].contains("interface-id=eni-5"))
        #expect(summary.malformed == 4)
        #expect(summary.malformedExamples.map(\.reason) == [
            "interface-id 'eni-1\tx' is not a value without spaces",
            "control character 0x1 in the line",
            "srcport '-5' is not a port number (0-65535)",
            "action 'MAYBE' is not ACCEPT or REJECT",
        ])
        #expect(summary.malformedExamples.map(\.line) == [2, 3, 4, 5])
    }

    /// Rows longer than the line limit are malformed as the text lines are; the others read.
    @Test func rowsOverTheLineLimitAreMalformedAsLinesAre() throws {
        var text = "version account-id interface-id action\n"
        for index in 0..<40 { text += "2 123456789012 eni-\(String(repeating: "a", count: index)) ACCEPT\n" }
        let file = try #require(ParquetWriter.file(fromFlowLogText: Array(text.utf8)))
        let directory = TemporaryDirectory()
        var options = ReadOptions()
        options.maximumLineLength = 50
        let reader = FlowLogFileReader(options: options)
        defer { reader.deallocate() }
        let (fromText, textRecords) = Self.read(directory.write("long.log", text), with: reader)
        let (fromParquet, parquetRecords) = Self.read(directory.write("long.log.parquet", file), with: reader)
        #expect(fromText.malformed == 15 && textRecords.count == 25)
        #expect(fromParquet.malformed == fromText.malformed)
        #expect(parquetRecords == textRecords)
        #expect(fromParquet.malformedExamples.first?.line == 27)
        #expect(fromParquet.decodedBytes == fromText.decodedBytes)
    }

    /// Pre-aggregated rows (a `records` column, as `flowscan sql` results hold) weigh as in text:
    /// the same multiplicities, the same pre-aggregated counts and notes.
    @Test func preAggregatedRowsWeighAsInText() throws {
        let text = "version account-id srcaddr dstaddr bytes start end action log-status records\n"
            + "2 123456789012 10.0.0.5 52.216.8.1 4000 1764000000 1764003600 ACCEPT OK 12\n"
            + "2 123456789012 10.0.0.6 52.216.8.1 900 1764000000 1764003600 ACCEPT OK 3\n"
            + "2 123456789012 - - - 1764000000 1764003600 - NODATA 7\n"
            + "2 123456789012 10.0.0.7 52.216.8.2 50 1764000000 1764003600 REJECT OK -\n"
        let file = try #require(ParquetWriter.file(fromFlowLogText: Array(text.utf8)))
        let directory = TemporaryDirectory()
        let (fromText, textRecords) = Self.read(directory.write("rows.log", text))
        var (fromParquet, parquetRecords) = Self.read(directory.write("rows.log.parquet", file))
        #expect(fromText.records == 16 && fromText.noData == 7 && fromText.preAggregatedRows == 4)
        #expect(parquetRecords == textRecords)
        fromParquet.path = fromText.path
        fromParquet.compression = fromText.compression
        fromParquet.inputBytes = fromText.inputBytes
        #expect(fromParquet == fromText)
    }

    /// generate --parquet writes repeating columns as a dictionary and distinct values as PLAIN.
    @Test func repeatingColumnsGetADictionary() throws {
        var text = "version bytes action\n"
        for index in 0..<64 { text += "2 \(1000 + index) \(index % 3 == 0 ? "REJECT" : "ACCEPT")\n" }
        let file = try #require(ParquetWriter.file(fromFlowLogText: Array(text.utf8)))
        let metadata = try file.withUnsafeBytes { bytes in
            let length = Int(bytes.loadUnaligned(fromByteOffset: bytes.count - 8, as: UInt32.self).littleEndian)
            let start = bytes.count - 8 - length
            return try ParquetMetadata(footer: UnsafeRawBufferPointer(rebasing: bytes[start..<(bytes.count - 8)]), baseOffset: UInt64(start))
        }
        let chunks = metadata.rowGroups[0].columns
        #expect(chunks.map { $0.dictionaryPageOffset != nil } == [true, false, true])
        #expect(chunks[0].encodings.contains(8) && !chunks[1].encodings.contains(8))
        let directory = TemporaryDirectory()
        let (fromText, textRecords) = Self.read(directory.write("d.log", text))
        let (fromParquet, parquetRecords) = Self.read(directory.write("d.log.parquet", file))
        #expect(parquetRecords == textRecords && textRecords.count == 64)
        #expect(fromParquet.decodedBytes == fromText.decodedBytes)
    }
}

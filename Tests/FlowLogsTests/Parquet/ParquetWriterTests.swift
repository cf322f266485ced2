import Foundation
import Testing
@testable import FlowLogs

/// flowscan's own Parquet writer (`generate --parquet`): its files read, by flowscan and by
/// pyarrow, as the same records as the text the generator writes with the same seed.
@Suite struct ParquetWriterTests {
    static func vpc(_ format: SyntheticVPC.FormatPlan) -> SyntheticVPC {
        var options = SyntheticVPC.Options()
        options.seed = 7
        options.minutes = 20
        options.connectionsPerFile = 15
        options.formats = format
        return SyntheticVPC(options: options)
    }

    @Test("each generated file reads as its text", arguments: [SyntheticVPC.FormatPlan.default, .v5])
    func generatedParquetReadsAsItsText(format: SyntheticVPC.FormatPlan) throws {
        let vpc = Self.vpc(format)
        let directory = TemporaryDirectory()
        for index in 0..<vpc.fileCount {
            let (_, text, _) = vpc.file(index)
            let parquet = try #require(ParquetWriter.file(fromFlowLogText: text))
            #expect(Array(parquet.prefix(4)) == Array("PAR1".utf8) && Array(parquet.suffix(4)) == Array("PAR1".utf8))
            let textPath = directory.write("f\(index).log", text)
            let parquetPath = directory.write("f\(index).log.parquet", parquet)
            let inspection = Inspection.run(paths: [textPath, parquetPath], options: ReadOptions(), jobs: 1)
            let fromText = inspection.files[0]
            var fromParquet = inspection.files[1]
            #expect(fromParquet.compression == "parquet")
            #expect(fromParquet.status == .ok, "\(fromParquet.error ?? "")")
            #expect(fromText.records > 50)
            fromParquet.path = fromText.path
            fromParquet.compression = fromText.compression
            fromParquet.inputBytes = fromText.inputBytes
            #expect(fromParquet == fromText)
        }
    }

    @Test func nullsMakeAColumnOptionalAndBadNumbersAreRefused() throws {
        let text = Array("version srcport action\n2 443 ACCEPT\n2 - -\n".utf8)
        let file = try #require(ParquetWriter.file(fromFlowLogText: text))
        let metadata = try file.withUnsafeBytes { bytes in
            let length = Int(bytes.loadUnaligned(fromByteOffset: bytes.count - 8, as: UInt32.self).littleEndian)
            let start = bytes.count - 8 - length
            return try ParquetMetadata(footer: UnsafeRawBufferPointer(rebasing: bytes[start..<(bytes.count - 8)]), baseOffset: UInt64(start))
        }
        #expect(metadata.rowCount == 2)
        #expect(metadata.schema.map(\.name) == ["schema", "version", "srcport", "action"])
        #expect(metadata.schema.dropFirst().map(\.repetition) == [0, 1, 1])
        #expect(metadata.schema.dropFirst().map(\.type) == [1, 1, 6])
        #expect(metadata.rowGroups.count == 1)
        #expect(metadata.rowGroups[0].columns.map(\.codec) == [2, 2, 2])
        #expect(ParquetWriter.file(fromFlowLogText: Array("version srcport\n2 99999999999\n".utf8)) == nil)
    }

    @Test func generateParquetGivesTheSameReportAsText() throws {
        let parquet = TemporaryDirectory(), text = TemporaryDirectory()
        let common = ["--seed", "3", "--minutes", "30", "--connections", "12"]
        let wroteParquet = try Binary.run(["generate", parquet.url.path, "--parquet"] + common)
        let wroteText = try Binary.run(["generate", text.url.path] + common)
        #expect(wroteParquet.status == 0, "\(wroteParquet.stderr)")
        #expect(wroteText.status == 0)
        let files = try FileManager.default.subpathsOfDirectory(atPath: parquet.url.path + "/AWSLogs").filter { $0.hasSuffix(".parquet") }
        #expect(files.count == 6)
        #expect(files.allSatisfy { $0.hasSuffix(".log.parquet") })
        let prefixes = text.url.path + "/ip-ranges.json"
        for output in ["text", "json"] {
            let fromParquet = try Binary.run([parquet.url.path + "/AWSLogs", "--prefixes", prefixes, "--output", output])
            let fromText = try Binary.run([text.url.path + "/AWSLogs", "--prefixes", prefixes, "--output", output])
            #expect(fromParquet.status == 0)
            if output == "text" {
                #expect(fromParquet.stdout == fromText.stdout)
                #expect(fromParquet.stdout.contains("NAT"))
            } else {
                // The JSON names each input file: its path, compression and size differ, nothing else.
                func figures(_ json: String) -> [String] {
                    json.split(separator: "\n").filter { !$0.contains("\"path\"") && !$0.contains("\"compression\"") && !$0.contains("\"input_bytes\"") }.map(String.init)
                }
                #expect(figures(fromParquet.stdout) == figures(fromText.stdout))
                #expect(fromParquet.stdout != fromText.stdout)
            }
        }
        let parquetSums = try Binary.run(["inspect", parquet.url.path + "/AWSLogs"])
        let textSums = try Binary.run(["inspect", text.url.path + "/AWSLogs"])
        func sums(_ out: String) -> [String] { Array(out.split(separator: "\n").suffix(12).map(String.init)) }
        #expect(sums(parquetSums.stdout) == sums(textSums.stdout))
    }

    @Test func pyarrowReadsTheGeneratedFilesBack() throws {
        let vpc = Self.vpc(.both)
        let directory = TemporaryDirectory()
        for index in [0, vpc.fileCount - 1] {
            let (_, text, _) = vpc.file(index)
            let path = directory.write("f\(index).log.parquet", try #require(ParquetWriter.file(fromFlowLogText: text)))
            let out = directory.url.path + "/f\(index).txt"
            guard let read = try ParquetOracleTests.runOracle(["read", path, "--out", out]) else {
                print("skipped: pyarrow is not installed (pip install pyarrow)")
                return
            }
            try #require(read, "pyarrow could not read flowscan's Parquet")
            let back = try String(contentsOfFile: out, encoding: .utf8)
            #expect(back == String(decoding: text, as: UTF8.self))
        }
        // The schema pyarrow sees: AWS's types, nullable only where a value is '-'.
        let path = directory.url.path + "/f\(vpc.fileCount - 1).log.parquet"
        let out = directory.url.path + "/schema.txt"
        guard try ParquetOracleTests.runOracle(["schema", path, "--out", out]) == true else {
            print("skipped: pyarrow is not installed (pip install pyarrow)")
            return
        }
        let schema = try String(contentsOfFile: out, encoding: .utf8).split(separator: "\n")
        #expect(schema.contains("version: int32 not null"))
        #expect(schema.contains("account_id: string not null"))
        #expect(schema.contains("bytes: int64"))
        #expect(schema.contains("start: int64 not null"))
        #expect(schema.contains("traffic_path: int32"))
        #expect(schema.contains("pkt_dst_aws_service: string"))
        #expect(schema.count == SyntheticFileGenerator.v5Format.count)
    }

    @Test func plainAndParquetTogetherAreAUsageError() throws {
        let directory = TemporaryDirectory()
        let result = try Binary.run(["generate", directory.url.path, "--plain", "--parquet", "--minutes", "5"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("--plain and --parquet"))
        #expect(!FileManager.default.fileExists(atPath: directory.url.path + "/AWSLogs"))
        let tooMany = try Binary.run(["generate", directory.url.path, "--parquet", "--connections", "400001", "--minutes", "5"])
        #expect(tooMany.status == 1)
        #expect(tooMany.stderr.contains("--connections 400000 or fewer"))
        #expect(!FileManager.default.fileExists(atPath: directory.url.path + "/AWSLogs"))
    }

    /// A footer cut short (its length and magic kept) is damage placed in the footer, not at byte 0.
    @Test func aFooterCutShortIsPlacedInTheFooter() throws {
        let (_, text, _) = Self.vpc(.v5).file(0)
        let file = try #require(ParquetWriter.file(fromFlowLogText: text))
        let cut = Array(file[..<(file.count - 40)]) + Array(file.suffix(8))
        let tail = cut.suffix(8).map(UInt64.init)
        let footerStart = UInt64(cut.count - 8) - (tail[0] | tail[1] << 8 | tail[2] << 16 | tail[3] << 24)
        let directory = TemporaryDirectory()
        let summary = Inspection.run(paths: [directory.write("cut.log.parquet", cut)], options: ReadOptions(), jobs: 1).files[0]
        #expect(summary.status == .damaged)
        #expect(summary.records == 0)
        let error = summary.error ?? ""
        let byte = error.components(separatedBy: "at byte ").dropFirst().first.flatMap { UInt64($0.prefix { $0.isNumber }) }
        let named = try #require(byte, "no byte in: \(error)")
        #expect(named >= footerStart && named < UInt64(cut.count), "\(error), footer at \(footerStart)")
    }
}

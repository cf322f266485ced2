import Foundation
import Testing
@testable import FlowLogs

struct GzipReadingTests {
    let directory = TemporaryDirectory()
    let text = Fixtures.v2File
    var gzip: [UInt8] { GzipWriter.compress(Array(text.utf8)) }

    @Test func readsAGzipFile() {
        let (summary, records) = readRecords(directory.write("a.log.gz", gzip))
        #expect(summary.status == .ok)
        #expect(summary.compression == "gzip")
        #expect(summary.records == 3)
        #expect(summary.noData == 1)
        #expect(summary.skipData == 1)
        #expect(summary.headers == 1)
        #expect(records.map(\.bytes) == [4249, 4249, 336])
    }

    @Test func compressionIsDecidedByContentNotName() {
        let (plainNamedGz, _) = readRecords(directory.write("plain.gz", text))
        #expect(plainNamedGz.compression == "none")
        #expect(plainNamedGz.records == 3)
        let (gzipNamedLog, _) = readRecords(directory.write("packed.log", gzip))
        #expect(gzipNamedLog.compression == "gzip")
        #expect(gzipNamedLog.records == 3)
    }

    @Test func readsEveryMemberOfAMultiMemberFile() {
        let lines = text.split(separator: "\n").map { String($0) + "\n" }
        let members = lines.flatMap { GzipWriter.compress(Array($0.utf8)) }
        let (summary, _) = readRecords(directory.write("multi.log.gz", members))
        #expect(summary.status == .ok)
        #expect(summary.records == 3)
        #expect(summary.noData == 1)
        #expect(summary.skipData == 1)
    }

    @Test func aMemberWithNoDataIsFine() {
        let file = GzipWriter.compress([UInt8]()) + gzip + GzipWriter.compress([UInt8]())
        let (summary, _) = readRecords(directory.write("empty-members.gz", file))
        #expect(summary.status == .ok)
        #expect(summary.records == 3)
    }

    @Test func anEmptyFileHasNoRecords() {
        let (summary, _) = readRecords(directory.write("empty.log.gz", [UInt8]()))
        #expect(summary.status == .ok)
        #expect(summary.lines == 0)
    }

    @Test(arguments: [11, 30, 60, 99])
    func truncatedFileKeepsWhatCameBefore(cut: Int) throws {
        // A large file so the cut lands after some complete lines for the bigger cuts.
        let many = (0..<2000).map { "2 123456789010 eni-1 10.0.0.\($0 % 250) 52.216.8.\($0 % 200) 443 \($0 + 1024) 6 1 100 1418530010 1418530070 ACCEPT OK\n" }.joined()
        let full = GzipWriter.compress(Array(many.utf8), level: 1)
        let keep = full.count * cut / 100
        let (summary, records) = readRecords(directory.write("cut.log.gz", Array(full[..<keep])))
        #expect(summary.status == .damaged)
        let error = try #require(summary.error)
        #expect(error.contains("ends early at compressed byte \(keep)"))
        #expect(records.count < 2000)
        #expect(records.allSatisfy { $0.bytes == 100 })  // no half line was turned into a record
        #expect(summary.records == records.count)
    }

    @Test func corruptDataIsDamageWithAnOffset() throws {
        var bytes = GzipWriter.compress(Array(String(repeating: text, count: 50).utf8))
        for index in 20..<40 { bytes[index] ^= 0x5a }
        let (summary, _) = readRecords(directory.write("corrupt.log.gz", bytes))
        #expect(summary.status == .damaged)
        #expect(try #require(summary.error).contains("corrupt gzip data at compressed byte"))
    }

    @Test func badCRCIsDamage() throws {
        var bytes = gzip
        bytes[bytes.count - 8] ^= 0xff  // first byte of the CRC32 trailer
        let (summary, records) = readRecords(directory.write("crc.log.gz", bytes))
        #expect(summary.status == .damaged)
        #expect(try #require(summary.error).contains("incorrect data check"))
        #expect(records.count == 3)  // the data itself inflated fine before the check failed
    }

    @Test func badLengthIsDamage() throws {
        var bytes = gzip
        bytes[bytes.count - 4] ^= 0x01  // ISIZE
        let (summary, _) = readRecords(directory.write("length.log.gz", bytes))
        #expect(summary.status == .damaged)
        #expect(try #require(summary.error).contains("incorrect length check"))
    }

    @Test func trailingGarbageIsDamageAfterTheRecords() throws {
        let bytes = gzip + Array("garbage".utf8)
        let (summary, records) = readRecords(directory.write("garbage.log.gz", bytes))
        #expect(summary.status == .damaged)
        #expect(try #require(summary.error).contains("after the last gzip member at compressed byte \(gzip.count)"))
        #expect(records.count == 3)
    }

    @Test func zeroPaddingIsIgnoredWithANote() {
        let bytes = gzip + [UInt8](repeating: 0, count: 512)
        let (summary, records) = readRecords(directory.write("padded.log.gz", bytes))
        #expect(summary.status == .ok)
        #expect(records.count == 3)
        #expect(summary.notes.contains { $0.contains("zero bytes") })
    }

    @Test func zerosThenGarbageIsDamage() {
        let bytes = gzip + [0, 0, 0, 7]
        let (summary, _) = readRecords(directory.write("zeros-garbage.log.gz", bytes))
        #expect(summary.status == .damaged)
    }

    @Test func gzipInsideGzipIsSkipped() throws {
        let (summary, _) = readRecords(directory.write("double.gz", GzipWriter.compress(gzip)))
        #expect(summary.status == .skipped)
        #expect(try #require(summary.error).contains("gzip inside gzip"))
    }

    @Test func damagedParquetAndBinaryAreNamed() throws {
        let (parquet, _) = readRecords(directory.write("x.parquet", Array("PAR1\u{0}\u{0}junk".utf8)))
        #expect(parquet.status == .damaged)
        #expect(parquet.compression == "parquet")
        #expect(try #require(parquet.error).contains("parquet file of 10 bytes ends before its footer"))
        let (binary, _) = readRecords(directory.write("x.bin", [0x7f, 0x45, 0x4c, 0x46, 0, 1, 2, 3]))
        #expect(binary.status == .skipped)
        #expect(binary.error == "not a flow-log file (binary data)")
    }

    @Test func missingFileIsSkipped() {
        let (summary, _) = readRecords(directory.path("nope.log.gz"))
        #expect(summary.status == .skipped)
        #expect(summary.error == "no such file or directory")
    }
}

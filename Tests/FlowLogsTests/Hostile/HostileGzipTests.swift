import Foundation
import Testing
@testable import FlowLogs

/// Broken and hostile gzip: every case finishes, counts what it read, and says what broke where.
struct HostileGzipTests {
    let directory = TemporaryDirectory()
    let text = Array(Hostile.records(3000).utf8)
    var gzip: [UInt8] { GzipWriter.compress(text) }

    @Test(arguments: [1, 10, 25, 50, 75, 90, 99])
    func truncatedAtSeveralOffsets(percent: Int) throws {
        let full = gzip
        let keep = max(1, full.count * percent / 100)
        let path = directory.write("cut-\(percent).log.gz", Array(full.prefix(keep)))
        let files = try Hostile.inspect([path], expectedStatus: 2)
        let file = try #require(files.first)
        #expect(file.status == "damaged")
        #expect(file.error?.contains("ends early at compressed byte \(keep)") == true)
        #expect(file.count("records") < 3000)
        #expect(file.count("records") >= 0)
    }

    @Test func corruptDeflateBadCRCBadLengthTrailingGarbage() throws {
        var corrupt = gzip
        for index in stride(from: 200, to: 260, by: 3) { corrupt[index] ^= 0xa5 }
        var crc = gzip
        crc[crc.count - 6] ^= 0x01
        var length = gzip
        length[length.count - 2] ^= 0x01
        let cases: [(String, [UInt8], String)] = [
            ("corrupt.log.gz", corrupt, "corrupt gzip data at compressed byte"),
            ("crc.log.gz", crc, "incorrect data check"),
            ("length.log.gz", length, "incorrect length check"),
            ("garbage.log.gz", gzip + Array("GARBAGE\n".utf8), "unexpected bytes after the last gzip member at compressed byte \(gzip.count)"),
        ]
        let paths = cases.map { directory.write($0.0, $0.1) }
        let files = try Hostile.inspect(paths, expectedStatus: 2)
        for (file, (_, _, message)) in zip(files, cases) {
            #expect(file.status == "damaged", "\(file.path)")
            #expect(file.error?.contains(message) == true, "\(file.path): \(file.error ?? "")")
        }
        // What came before the damage still counts: the bad CRC and length are checked at the end.
        #expect(files[1].count("records") == 3000)
        #expect(files[2].count("records") == 3000)
        #expect(files[3].count("records") == 3000)
    }

    @Test func harmlessOddities() throws {
        let cases: [(String, [UInt8], Int)] = [
            ("padded.log.gz", gzip + [UInt8](repeating: 0, count: 4096), 3000),
            ("empty.log.gz", [], 0),
            ("empty-member.log.gz", GzipWriter.compress([UInt8]()), 0),
            ("members.log.gz", GzipWriter.compress([UInt8]()) + gzip + GzipWriter.compress([UInt8]()) + gzip, 6000),
        ]
        let files = try Hostile.inspect(cases.map { directory.write($0.0, $0.1) }, expectedStatus: 0)
        for (file, expected) in zip(files, cases) {
            #expect(file.status == "ok", "\(file.path)")
            #expect(file.count("records") == expected.2, "\(file.path)")
        }
        #expect((files[0].json["notes"] as? [String])?.contains { $0.contains("zero bytes") } == true)
    }

    @Test func gzipInsideGzipIsSkipped() throws {
        let files = try Hostile.inspect([directory.write("double.log.gz", GzipWriter.compress(gzip))], expectedStatus: 2)
        #expect(files[0].status == "skipped")
        #expect(files[0].error?.contains("gzip inside gzip") == true)
    }

    @Test func decompressionBombsStreamInFlatMemory() throws {
        // 200 MB of one byte: a few hundred KB of gzip. One line far past the line limit, and
        // a file of zeros (binary). Memory must not follow the decompressed size.
        let writer = GzipWriter(level: 9)
        let block = [UInt8](repeating: UInt8(ascii: "a"), count: 1 << 20)
        for _ in 0..<200 { writer.write(block) }
        let bomb = writer.finish()
        #expect(bomb.count < 1 << 20)
        let zeros = GzipWriter(level: 9)
        let zeroBlock = [UInt8](repeating: 0, count: 1 << 20)
        for _ in 0..<200 { zeros.write(zeroBlock) }
        let lineBomb = directory.write("line-bomb.log.gz", bomb)
        let zeroBomb = directory.write("zero-bomb.log.gz", zeros.finish())
        let files = try Hostile.inspect([lineBomb, zeroBomb], expectedStatus: 2)
        #expect(files[0].status == "ok")
        #expect(files[0].count("malformed") == 1)
        #expect(files[0].json["decoded_bytes"] as? Int == 200 << 20)
        #expect(((files[0].json["malformed_examples"] as? [[String: Any]])?.first?["reason"] as? String)?.contains("longer than 65536 bytes") == true)
        #expect(files[1].status == "skipped")
        let (status, peak) = try Binary.peakMemory(["inspect", lineBomb, "--output", "json"])
        #expect(status == 0)
        #expect(peak < 64 * 1024, "peak RSS \(peak) KB while inflating 200 MB")
    }
}

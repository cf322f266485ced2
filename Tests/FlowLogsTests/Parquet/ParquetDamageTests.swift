import Foundation
import Testing
@testable import FlowLogs

/// Damaged and refused Parquet files: a cut at any point, flipped bytes, codecs flowscan does not
/// read and row groups over the memory bound end in a named status, never a crash, and only
/// complete rows count. The files come from pyarrow (skipped, saying so, when it is absent).
@Suite struct ParquetDamageTests {
    static func pyarrowFile(_ directory: TemporaryDirectory, _ options: [String]) throws -> [UInt8]? {
        let text = directory.write("flows.log", Array(ParquetOracleTests.textLog().utf8))
        let parquet = directory.url.path + "/flows-\(options.joined()).parquet"
        guard let written = try ParquetOracleTests.runOracle(["write", text, parquet] + options) else {
            print("skipped: pyarrow is not installed (pip install pyarrow)")
            return nil
        }
        try #require(written)
        return Array(try #require(FileManager.default.contents(atPath: parquet)))
    }

    static func read(_ directory: TemporaryDirectory, _ bytes: [UInt8], limits: ParquetLimits = ParquetLimits()) -> FileSummary {
        var options = ReadOptions()
        options.parquetLimits = limits
        let reader = FlowLogFileReader(options: options)
        defer { reader.deallocate() }
        var sink = DiscardingSink()
        return reader.read(directory.write("cut.parquet", bytes), into: &sink)
    }

    @Test func everyCutIsDamagedWithCompleteRowsOnly() throws {
        let directory = TemporaryDirectory()
        guard let whole = try Self.pyarrowFile(directory, ["--row-group-size", "50", "--page-size", "256"]) else { return }
        let full = Self.read(directory, whole)
        #expect(full.status == .ok)
        for cut in stride(from: 4, to: whole.count, by: max(1, whole.count / 200)) {
            let summary = Self.read(directory, Array(whole[..<cut]))
            #expect(summary.status == .damaged, "cut at \(cut): \(summary.status)")
            #expect(summary.lines <= full.lines)
            #expect(summary.error?.contains("byte") == true, "cut at \(cut): \(summary.error ?? "")")
        }
    }

    @Test func flippedBytesNeverCrashAndNameTheColumn() throws {
        let directory = TemporaryDirectory()
        guard let whole = try Self.pyarrowFile(directory, ["--compression", "snappy", "--row-group-size", "40"]) else { return }
        let full = Self.read(directory, whole)
        var random = SplitMix64(seed: 7)
        var pageDamage = 0
        for _ in 0..<300 {
            var bytes = whole
            let position = 4 + Int(random.next() % UInt64(whole.count - 12))
            bytes[position] ^= UInt8(truncatingIfNeeded: random.next() | 1)
            let summary = Self.read(directory, bytes)
            #expect(summary.lines <= full.lines + 1)
            if summary.error?.contains("column '") == true { pageDamage += 1 }
        }
        #expect(pageDamage > 0)
    }

    @Test func zstdIsRefusedByName() throws {
        let directory = TemporaryDirectory()
        guard let bytes = try Self.pyarrowFile(directory, ["--compression", "zstd"]) else { return }
        let summary = Self.read(directory, bytes)
        #expect(summary.status == .skipped)
        #expect(summary.records == 0)
        #expect(summary.error?.hasPrefix("Parquet column 'version' compressed with ZSTD; flowscan reads flat Parquet files") == true,
                "\(summary.error ?? "")")
    }

    @Test func aRowGroupOverTheBoundIsRefused() throws {
        let directory = TemporaryDirectory()
        guard let bytes = try Self.pyarrowFile(directory, []) else { return }
        var limits = ParquetLimits()
        limits.maximumRowGroupBytes = 1000
        let summary = Self.read(directory, bytes, limits: limits)
        #expect(summary.status == .skipped)
        #expect(summary.error?.contains("more than the 1000-byte memory bound") == true, "\(summary.error ?? "")")
    }

    @Test func standardInputIsRefused() throws {
        #expect(throws: ParquetError.notSeekable) { try ParquetFileReader(path: "-") }
    }

    @Test("Hive-compatible prefixes name the region", arguments: [
        "AWSLogs/aws-account-id=123456789012/aws-service=vpcflowlogs/aws-region=eu-west-1/year=2026/month=11/day=24/hour=00/123456789012_vpcflowlogs_eu-west-1_fl-1_20261124T0005Z_ab.log.parquet",
        "AWSLogs/aws-account-id=123456789012/aws-service=vpcflowlogs/aws-region=eu-west-1/year=2026/month=11/day=24/x.log.gz",
    ])
    func hivePrefixes(path: String) {
        #expect(RegionHint.fromPath(path) == "eu-west-1")
    }
}

import Foundation
import Testing
@testable import FlowLogs

/// Parquet written by another implementation (pyarrow) with AWS's schema reads as the same
/// records as the text file it was made from: every `inspect` figure but the path, the
/// compression and the bytes on disk is equal. Skips, saying so, when pyarrow is absent.
@Suite struct ParquetOracleTests {
    static let oracle = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("parquet_oracle.py").path

    static let variants: [[String]] = [
        ["--compression", "gzip"],
        ["--compression", "snappy"],
        ["--compression", "none", "--dictionary", "off"],
        ["--compression", "gzip", "--dictionary", "off", "--page-version", "2.0", "--checksum"],
        ["--compression", "snappy", "--page-version", "2.0", "--row-group-size", "37", "--page-size", "512"],
        ["--compression", "gzip", "--row-group-size", "1", "--page-size", "64"],
    ]

    /// Runs the oracle; nil when python3 or pyarrow is missing.
    static func runOracle(_ arguments: [String]) throws -> Bool? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", oracle] + arguments
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { return nil }
        process.waitUntilExit()
        if process.terminationStatus == 3 || process.terminationStatus == 127 { return nil }
        return process.terminationStatus == 0
    }

    /// A text log with nulls ('-') in number and string columns, NODATA rows and a malformed value.
    static func textLog() -> String {
        var lines = ["version account-id interface-id srcaddr dstaddr srcport dstport protocol packets bytes start end action log-status vpc-id pkt-srcaddr pkt-dstaddr flow-direction traffic-path tcp-flags"]
        for index in 0..<300 {
            let port = index % 7 == 0 ? "-" : String(1024 + index)
            let direction = index % 3 == 0 ? "ingress" : "egress"
            let path = direction == "egress" ? String(1 + index % 8) : "-"
            lines.append("5 123456789012 eni-\(index % 5)abc 10.0.\(index % 4).\(index % 250) 52.216.\(index % 9).\(index % 200) \(port) 443 6 \(index) \(index * 97) \(1_764_000_000 + index) \(1_764_000_060 + index) \(index % 11 == 0 ? "REJECT" : "ACCEPT") OK vpc-1 - 52.216.1.\(index % 3) \(direction) \(path) \(index % 32)")
        }
        lines.append("5 123456789012 eni-9 - - - - - - - 1764000000 1764000060 - NODATA - - - - - -")
        lines.append("5 123456789012 eni-9 10.0.0.1 10.0.0.2 99999 443 6 1 1 1764000000 1764000060 ACCEPT OK - - - - - -")
        return lines.joined(separator: "\n") + "\n"
    }

    @Test("pyarrow Parquet reads as its text", arguments: variants)
    func pyarrowFileReadsAsItsText(variant: [String]) throws {
        let directory = TemporaryDirectory()
        let text = directory.write("flows.log", Array(Self.textLog().utf8))
        let parquet = directory.url.path + "/flows.parquet"
        guard let written = try Self.runOracle(["write", text, parquet] + variant) else {
            print("skipped: pyarrow is not installed (pip install pyarrow)")
            return
        }
        try #require(written, "pyarrow could not write \(variant)")
        let inspection = Inspection.run(paths: [text, parquet], options: ReadOptions(), jobs: 1)
        let fromText = inspection.files[0]
        var fromParquet = inspection.files[1]
        #expect(fromParquet.compression == "parquet")
        #expect(fromParquet.status == .ok, "\(fromParquet.error ?? "")")
        #expect(fromText.records > 290)
        #expect(fromText.malformed == 1)
        fromParquet.path = fromText.path
        fromParquet.compression = fromText.compression
        fromParquet.inputBytes = fromText.inputBytes
        #expect(fromParquet == fromText)
    }
}

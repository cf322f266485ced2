import Foundation
@testable import FlowLogs

/// Paths the tests need: the package root, fixtures and the shared real data.
enum TestPaths {
    /// The package root (the folder holding Package.swift).
    static let packageRoot: URL = {
        var url = URL(fileURLWithPath: #filePath)
        while url.path != "/" {
            url.deleteLastPathComponent()
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url }
        }
        fatalError("Package.swift not found above \(#filePath)")
    }()

    /// `../shared/realdata` beside the package, when present (CI has it; a user's clone does not).
    static let realData: URL = packageRoot.deletingLastPathComponent().appendingPathComponent("shared/realdata")

    /// True when the shared real data is there.
    static var hasRealData: Bool { FileManager.default.fileExists(atPath: realData.path) }

    /// A file under the shared real data.
    static func real(_ relative: String) -> String { realData.appendingPathComponent(relative).path }

    static let sampleLogs = packageRoot.appendingPathComponent("SampleLogs")
}

/// A directory under the system's temporary folder, removed when the value is freed.
final class TemporaryDirectory {
    let url: URL

    init() {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("flowscan-tests-\(UUID().uuidString)")
        try! FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit {
        // Restore permissions a test may have removed, so the folder can be deleted.
        _ = chmod(url.path, 0o755)
        try? FileManager.default.removeItem(at: url)
    }

    /// Writes `bytes` to `name` (folders created as needed) and returns its path.
    @discardableResult
    func write(_ name: String, _ bytes: [UInt8]) -> String {
        let file = url.appendingPathComponent(name)
        try! FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try! Data(bytes).write(to: file)
        return file.path
    }

    @discardableResult
    func write(_ name: String, _ text: String) -> String { write(name, Array(text.utf8)) }

    func path(_ name: String) -> String { url.appendingPathComponent(name).path }
}

/// Reads one file with a sink that keeps every record's values.
func readRecords(_ path: String, options: ReadOptions = ReadOptions()) -> (FileSummary, [FlowRecord]) {
    var sink = CollectingSink()
    let reader = FlowLogFileReader(options: options)
    defer { reader.deallocate() }
    let summary = reader.read(path, into: &sink)
    return (summary, sink.records)
}

/// Keeps the records and their interface ids.
struct CollectingSink: MergeableSink {
    var records: [FlowRecord] = []
    var interfaceIDs: [String?] = []
    mutating func beginFile(path: String) {}
    mutating func consume(_ parser: RecordParser) {
        records.append(parser.record)
        interfaceIDs.append(parser.text(.interfaceID).map { String(decoding: $0, as: UTF8.self) })
    }
    mutating func merge(_ other: CollectingSink) {
        records += other.records
        interfaceIDs += other.interfaceIDs
    }
}

/// Flow-log text used across tests: the AWS documentation's default-format examples.
enum Fixtures {
    static let v2Header = "version account-id interface-id srcaddr dstaddr srcport dstport protocol packets bytes start end action log-status"
    static let v2Records = [
        "2 123456789010 eni-1235b8ca123456789 172.31.16.139 172.31.16.21 20641 22 6 20 4249 1418530010 1418530070 ACCEPT OK",
        "2 123456789010 eni-1235b8ca123456789 172.31.9.69 172.31.9.12 49761 3389 6 20 4249 1418530010 1418530070 REJECT OK",
        "2 123456789010 eni-1235b8ca123456789 - - - - - - - 1431280876 1431280934 - NODATA",
        "2 123456789010 eni-11111111aaaaaaaaa - - - - - - - 1431280876 1431280934 - SKIPDATA",
        "2 123456789010 eni-1235b8ca123456789 203.0.113.12 172.31.16.139 0 0 1 4 336 1432917027 1432917142 ACCEPT OK",
    ]
    /// Header plus records, newline-terminated.
    static var v2File: String { ([v2Header] + v2Records).joined(separator: "\n") + "\n" }
}

extension Report {
    /// The warnings as the report words them, for tests that check a sentence.
    var warningSentences: [String] { warnings.map(\.sentence) }
}

/// The report JSON's first scope (`scopes[0]`, schema `flowscan.report/2`): the per-VPC keys
/// (`nat`, `destinations`, `savings`…) of a single-VPC run.
func firstScope(_ json: String) -> [String: Any]? {
    let document = try? JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
    return (document?["scopes"] as? [[String: Any]])?.first
}

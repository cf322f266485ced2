import Foundation
import Testing
@testable import FlowLogs

/// Replays every committed fuzz input through the fuzz targets' bodies (`Bodies/`), so that the
/// checks the fuzzers make run in `swift test` too: the seeds of `Fuzz/Corpus/<target>/` in this
/// process, and each reproducer of `Fuzz/Corpus/regressions/` (named `<target>-<what>`) in a child
/// process, where a crash fails only that test.
@Suite("Fuzz corpus")
struct FuzzCorpusTests {
    /// Regressions whose bug is not fixed yet, by file name: they are expected to fail.
    static let knownBugs: [String: Comment] = [:]

    static let corpus = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fuzz/Corpus")

    /// The names of the files in `Fuzz/Corpus/<folder>/`, sorted.
    static func files(_ folder: String) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: corpus.appendingPathComponent(folder).path)) ?? []
        return names.filter { !$0.hasPrefix(".") }.sorted()
    }

    static func contents(_ folder: String, _ name: String) -> [UInt8] {
        Array(FileManager.default.contents(atPath: corpus.appendingPathComponent(folder).appendingPathComponent(name).path) ?? Data())
    }

    /// Runs the body of `target` on `input`.
    static func run(_ target: String, _ input: [UInt8]) {
        let scratch = FuzzScratchFile()
        input.withUnsafeBytes { bytes in
            switch target {
            case "records": RecordsFuzzing.run(bytes, scratch: scratch)
            case "gzip": GzipFuzzing.run(bytes, scratch: scratch)
            case "prefixes": PrefixesFuzzing.run(bytes)
            case "companions": CompanionsFuzzing.run(bytes, scratch: scratch)
            case "parquet": ParquetFuzzing.run(bytes, scratch: scratch)
            default: Issue.record("no fuzz target '\(target)'")
            }
        }
    }

    @Test("every target has seeds", arguments: ["records", "gzip", "prefixes", "companions", "parquet"])
    func hasSeeds(target: String) {
        #expect(Self.files(target).count >= 5)
    }

    @Test("records seeds", arguments: files("records"))
    func records(seed: String) { Self.run("records", Self.contents("records", seed)) }

    @Test("gzip seeds", arguments: files("gzip"))
    func gzip(seed: String) { Self.run("gzip", Self.contents("gzip", seed)) }

    @Test("prefixes seeds", arguments: files("prefixes"))
    func prefixes(seed: String) { Self.run("prefixes", Self.contents("prefixes", seed)) }

    @Test("companions seeds", arguments: files("companions"))
    func companions(seed: String) { Self.run("companions", Self.contents("companions", seed)) }

    @Test("parquet seeds", arguments: files("parquet"))
    func parquet(seed: String) { Self.run("parquet", Self.contents("parquet", seed)) }

    /// A crash reproducer, replayed in a child process in which every broken check is fatal.
    @Test("regressions", arguments: files("regressions"))
    func regression(file: String) async {
        guard let target = file.split(separator: "-").first.map(String.init) else { return }
        let input = Self.contents("regressions", file)
        if let bug = Self.knownBugs[file] {
            await withKnownIssue(bug) { await Self.replayInChildProcess(target, input) }
        } else {
            await Self.replayInChildProcess(target, input)
        }
    }

    static func replayInChildProcess(_ target: String, _ input: [UInt8]) async {
        await #expect(processExitsWith: .success) { [target, input] in
            FuzzChecks.$failuresAreFatal.withValue(true) { FuzzCorpusTests.run(target, input) }
        }
    }
}

import Foundation
import Testing
@testable import FlowLogs

/// Several workers, one answer: output never depends on --jobs.
struct ParallelScanTests {
    @Test func reportIsByteIdenticalWhateverTheJobs() throws {
        var outputs: [String] = []
        for jobs in ["1", "2", "3", "8"] {
            let result = try Binary.run(["SampleLogs/AWSLogs", "--prefixes", "SampleLogs/ip-ranges.json", "--output", "json", "--jobs", jobs])
            #expect(result.status == 0)
            outputs.append(result.stdout)
        }
        #expect(Set(outputs).count == 1)
        let text = try (1...2).map { try Binary.run(["SampleLogs/AWSLogs", "--prefixes", "SampleLogs/ip-ranges.json", "--jobs", "\($0)"]).stdout }
        #expect(text[0] == text[1])
        let inspect = try (1...2).map { try Binary.run(["inspect", "SampleLogs/AWSLogs", "--output", "json", "--jobs", "\($0)"]).stdout }
        #expect(inspect[0] == inspect[1])
    }

    @Test func oneBigFileReadWithAPipelineGivesTheSameCounts() throws {
        // One file, two workers available: decompression runs on its own thread.
        let directory = TemporaryDirectory()
        var options = SyntheticVPC.Options()
        options.minutes = 60
        options.connectionsPerFile = 300
        let vpc = SyntheticVPC(options: options)
        var all: [UInt8] = []
        for index in 0..<vpc.fileCount { all += vpc.file(index).text }
        let path = directory.write("big.log.gz", GzipWriter.compress(all, level: 1))
        let entries = InputDiscovery.discover([path])
        let single = InputScan(options: ReadOptions(), jobs: 1).run(entries) { CollectingSink() }
        let piped = InputScan(options: ReadOptions(), jobs: 2).run(entries) { CollectingSink() }
        #expect(piped.files == single.files)
        #expect(piped.sink.records.count == single.sink.records.count)
        #expect(piped.sink.records.map(\.bytes) == single.sink.records.map(\.bytes))
        #expect(single.files[0].records > 10_000)
    }

    @Test func damageInAPipelinedFileIsStillReported() throws {
        let directory = TemporaryDirectory()
        let text = String(repeating: Fixtures.v2File, count: 3000)
        let full = GzipWriter.compress(Array(text.utf8))
        let path = directory.write("cut.log.gz", Array(full.prefix(full.count * 2 / 3)))
        let entries = InputDiscovery.discover([path])
        let single = InputScan(options: ReadOptions(), jobs: 1).run(entries) { DiscardingSink() }
        let piped = InputScan(options: ReadOptions(), jobs: 2).run(entries) { DiscardingSink() }
        #expect(piped.files[0].status == .damaged)
        #expect(piped.files == single.files)
    }

    @Test func filesAreReportedInInputOrderNotFinishingOrder() throws {
        let directory = TemporaryDirectory()
        let small = directory.write("a-small.log", Fixtures.v2File)
        let big = directory.write("b-big.log", String(repeating: Fixtures.v2File, count: 2000))
        let entries = InputDiscovery.discover([small, big, directory.path("c-missing.log")])
        let (files, _) = InputScan(options: ReadOptions(), jobs: 2).run(entries) { DiscardingSink() }
        #expect(files.map(\.path) == [small, big, directory.path("c-missing.log")])
        #expect(files.map(\.status) == [.ok, .ok, .skipped])
    }

    @Test func progressCountsEveryFileAndByte() throws {
        let directory = TemporaryDirectory()
        let paths = (0..<5).map { directory.write("f\($0).log", Fixtures.v2File) }
        let entries = InputDiscovery.discover(paths)
        let progress = ScanProgress(totalFiles: 5, totalBytes: entries.reduce(0) { $0 + ($1.size ?? 0) })
        _ = InputScan(options: ReadOptions(), jobs: 2, progress: progress).run(entries) { DiscardingSink() }
        #expect(progress.snapshot.files == 5)
        #expect(progress.snapshot.bytes == progress.totalBytes)
    }
}

struct BoundedTallyTests {
    struct Key: FastHashable, Comparable, Hashable {
        var value: Int
        var fastHash: UInt64 { Self.mix(UInt64(value)) }
        static func < (lhs: Key, rhs: Key) -> Bool { lhs.value < rhs.value }
    }

    @Test func foldingKeepsTheHeaviestAndTheTotal() {
        var table = BoundedTally<Key>(capacity: 100)
        var total: UInt64 = 0
        for value in 0..<10_000 {
            let bytes = UInt64(value % 1000 == 0 ? 1_000_000 : value % 7 + 1)
            table.add(Key(value: value), bytes: bytes, packets: 1)
            total += bytes
        }
        #expect(table.hasFolded)
        #expect(table.entries.count <= 100)
        let kept = table.entries.reduce(UInt64(0)) { $0 + $1.value.bytes }
        #expect(kept + table.foldedTally.bytes == total)
        // The ten heavy keys survive every fold with their exact counts.
        let heavy = table.sortedRows().prefix(10)
        #expect(heavy.map(\.key.value) == (0..<10).map { $0 * 1000 })
        #expect(heavy.allSatisfy { $0.tally.bytes == 1_000_000 })
    }
}

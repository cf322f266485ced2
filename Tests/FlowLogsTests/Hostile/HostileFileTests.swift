import Foundation
import Testing
@testable import FlowLogs

/// Paths that are missing, unreadable, looping, special, or changing under the reader.
struct HostileFileTests {
    let directory = TemporaryDirectory()

    @Test func missingPathsAreSkippedAndTheRestIsRead() throws {
        let good = directory.write("good.log", Hostile.records(5))
        let files = try Hostile.inspect([directory.path("nope.log.gz"), good, directory.path("nowhere/")], expectedStatus: 2)
        #expect(files.map(\.status) == ["skipped", "ok", "skipped"])
        #expect(files[0].error == "no such file or directory")
        #expect(files[1].count("records") == 5)
    }

    @Test(.enabled(if: geteuid() != 0, "running as root, which reads files whatever their permissions"))
    func unreadableFilesAreSkipped() throws {
        let path = directory.write("secret.log", Hostile.records(5))
        chmod(path, 0)
        defer { chmod(path, 0o644) }
        let files = try Hostile.inspect([path], expectedStatus: 2)
        #expect(files[0].status == "skipped")
        #expect(files[0].error?.contains("permission denied") == true)
    }

    @Test func symbolicLinkLoopsAndRepeatsAreReadOnce() throws {
        directory.write("logs/a/one.log", Hostile.records(3))
        try FileManager.default.createSymbolicLink(atPath: directory.path("logs/a/loop"), withDestinationPath: "..")
        try FileManager.default.createSymbolicLink(atPath: directory.path("logs/self"), withDestinationPath: "self")
        let files = try Hostile.inspect([directory.path("logs"), directory.path("logs/a/one.log")], expectedStatus: 2)
        let read = files.filter { $0.status == "ok" }
        #expect(read.count == 1)
        #expect(read.first?.count("records") == 3)
        #expect(files.contains { $0.error?.contains("symbolic link loop") == true })
        #expect(files.contains { $0.error?.contains("already read") == true })
    }

    @Test func fifosAreReadWhenNamedAndSkippedInsideFolders() throws {
        let inside = directory.path("logs/pipe")
        try FileManager.default.createDirectory(atPath: directory.path("logs"), withIntermediateDirectories: true)
        #expect(mkfifo(inside, 0o644) == 0)
        let named = directory.path("named-pipe")
        #expect(mkfifo(named, 0o644) == 0)
        let text = Array(Hostile.records(20).utf8)
        // A writer that delivers slowly: the input grows while it is read.
        let writer = Thread {
            let descriptor = open(named, O_WRONLY)
            for chunk in stride(from: 0, to: text.count, by: 97) {
                _ = text[chunk..<min(text.count, chunk + 97)].withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
                usleep(200)
            }
            close(descriptor)
        }
        writer.start()
        let files = try Hostile.inspect([directory.path("logs"), named], expectedStatus: 2)
        #expect(files.count == 2)
        #expect(files[0].status == "skipped")
        #expect(files[0].error == "not a regular file")
        #expect(files[1].status == "ok")
        #expect(files[1].count("records") == 20)
    }

    @Test func aFifoWithoutAWriterDoesNotHang() throws {
        let named = directory.path("lonely-pipe")
        #expect(mkfifo(named, 0o644) == 0)
        let files = try Hostile.inspect([named], expectedStatus: 0)
        #expect(files[0].status == "ok")
        #expect(files[0].lines == 0)
    }

    @Test func aFileThatShrinksAfterDiscoveryIsReadAsItIs() throws {
        let path = directory.write("shrinking.log.gz", GzipWriter.compress(Array(Hostile.records(2000).utf8)))
        let entries = InputDiscovery.discover([path])
        #expect(truncate(path, Int(entries[0].size! / 2)) == 0)
        let (files, _) = InputScan(options: ReadOptions(), jobs: 1).run(entries) { DiscardingSink() }
        #expect(files[0].status == .damaged)
        #expect(files[0].error?.contains("ends early") == true)
        #expect(files[0].records < 2000)
    }
}

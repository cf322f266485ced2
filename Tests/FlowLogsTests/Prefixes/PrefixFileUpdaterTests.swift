import Foundation
import Testing
@testable import FlowLogs

/// `update` against a server the test starts on 127.0.0.1: the new file arrives whole or not at all.
struct PrefixFileUpdaterTests {
    static let newFile = Array(PrefixFixtures.json([.init("52.216.0.0/15", "S3"), .init("2600:1f18::/33", "EC2")],
                                                   syncToken: "1787411825").utf8)
    static let oldFile = Array(PrefixFixtures.json([.init("3.5.0.0/19", "S3")], syncToken: "1700000000",
                                                   createDate: "2023-11-14-22-13-20").utf8)

    /// A directory holding `ip-ranges.json` with the old contents.
    func directoryWithOldFile() throws -> (URL, String) {
        let directory = try PrefixFixtures.temporaryDirectory()
        let path = directory.appendingPathComponent("ip-ranges.json").path
        try Data(Self.oldFile).write(to: URL(fileURLWithPath: path))
        return (directory, path)
    }

    func contents(_ path: String) throws -> [UInt8] { [UInt8](try Data(contentsOf: URL(fileURLWithPath: path))) }

    func files(in directory: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
    }

    @Test func successReplacesTheFile() throws {
        let server = try PrefixTestHTTPServer(response: PrefixTestHTTPServer.response(body: Self.newFile))
        defer { server.stop() }
        let (directory, path) = try directoryWithOldFile()
        defer { try? FileManager.default.removeItem(at: directory) }

        let table = try PrefixFileUpdater.update(from: server.url, to: path, timeout: 10)
        #expect(table.ipv4PrefixCount == 1)
        #expect(table.ipv6PrefixCount == 1)
        #expect(try contents(path) == Self.newFile)
        #expect(try files(in: directory) == ["ip-ranges.json"])  // no temporary file left
        #expect(server.requests == ["GET /ip-ranges.json HTTP/1.1"])
        let previous = try PrefixTable(jsonData: Self.oldFile, source: "old")
        #expect(PrefixFileUpdater.summary(table, path: path, url: server.url.absoluteString, previous: previous) == """
            updated \(path) from \(server.url.absoluteString)
            created 2026-08-22-15-17-05 (syncToken 1787411825): 1 IPv4 and 1 IPv6 prefixes
            replaced a file created 2023-11-14-22-13-20 (syncToken 1700000000)

            """)
        #expect(PrefixFileUpdater.summary(table, path: path, url: "u", previous: table).hasSuffix(
            "unchanged: the previous file had the same syncToken\n"))
    }

    @Test func createsTheDirectory() throws {
        let server = try PrefixTestHTTPServer(response: PrefixTestHTTPServer.response(body: Self.newFile))
        defer { server.stop() }
        let directory = try PrefixFixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("cache/flowscan/ip-ranges.json").path
        _ = try PrefixFileUpdater.update(from: server.url, to: path, timeout: 10)
        #expect(try contents(path) == Self.newFile)
    }

    enum Failure: String, CaseIterable {
        case serverError, notFound, truncatedBody, invalidJSON, noPrefixes, emptyBody
    }

    @Test(arguments: Failure.allCases)
    func failuresKeepTheOldFile(_ failure: Failure) throws {
        let response: [UInt8]
        switch failure {
        case .serverError: response = PrefixTestHTTPServer.response(status: "500 Internal Server Error", body: Array("oops".utf8))
        case .notFound: response = PrefixTestHTTPServer.response(status: "404 Not Found", body: [])
        case .truncatedBody:
            response = PrefixTestHTTPServer.response(body: Array(Self.newFile.prefix(Self.newFile.count / 2)),
                                                     contentLength: Self.newFile.count)
        case .invalidJSON: response = PrefixTestHTTPServer.response(body: Array("<html>busy</html>".utf8))
        case .noPrefixes:
            response = PrefixTestHTTPServer.response(body: Array(#"{"syncToken": "1", "createDate": "d", "prefixes": []}"#.utf8))
        case .emptyBody: response = PrefixTestHTTPServer.response(body: [])
        }
        let server = try PrefixTestHTTPServer(response: response)
        defer { server.stop() }
        let (directory, path) = try directoryWithOldFile()
        defer { try? FileManager.default.removeItem(at: directory) }
        let url = server.url.absoluteString

        var thrown: PrefixUpdateError?
        do {
            _ = try PrefixFileUpdater.update(from: server.url, to: path, timeout: 10)
        } catch {
            thrown = error
        }
        let error = try #require(thrown)
        switch failure {
        case .serverError: #expect(error == .httpStatus(url: url, status: 500))
        case .notFound: #expect(error == .httpStatus(url: url, status: 404))
        case .truncatedBody:
            // libcurl may notice the short body itself (a transport error) or hand it over short.
            switch error {
            case .truncated(url, Self.newFile.count, Self.newFile.count / 2), .transport(url, _): break
            default: Issue.record("unexpected \(error)")
            }
        case .invalidJSON:
            #expect(error == .invalidFile(url: url, .notJSON(path: "the download", offset: 0,
                    reason: "expected '{' (an ip-ranges.json file is one JSON object), found '<'")))
        case .noPrefixes: #expect(error == .invalidFile(url: url, .noPrefixes(path: "the download")))
        case .emptyBody: #expect(error == .invalidFile(url: url, .empty(path: "the download")))
        }
        #expect(error.description.contains(url))
        #expect(error.description.hasSuffix("the existing file was not changed"))
        #expect(try contents(path) == Self.oldFile)
        #expect(try files(in: directory) == ["ip-ranges.json"])
    }

    @Test func refusedConnectionKeepsTheOldFile() throws {
        // A port held by a socket that does not listen: connections are refused, and no other
        // test's server can take the port meanwhile.
        let held = try PrefixTestHTTPServer.boundButNotListening()
        defer { close(held.socket) }
        let url = URL(string: "http://127.0.0.1:\(held.port)/ip-ranges.json")!
        let (directory, path) = try directoryWithOldFile()
        defer { try? FileManager.default.removeItem(at: directory) }
        #expect(throws: PrefixUpdateError.transport(url: url.absoluteString, reason: "the connection was refused")) {
            try PrefixFileUpdater.update(from: url, to: path, timeout: 10)
        }
        #expect(try contents(path) == Self.oldFile)
    }

    @Test func aSilentServerTimesOut() throws {
        let server = try PrefixTestHTTPServer(response: nil)
        defer { server.stop() }
        let (directory, path) = try directoryWithOldFile()
        defer { try? FileManager.default.removeItem(at: directory) }
        #expect(throws: PrefixUpdateError.transport(url: server.url.absoluteString, reason: "no complete answer within 1 seconds")) {
            try PrefixFileUpdater.update(from: server.url, to: path, timeout: 1)
        }
        #expect(try contents(path) == Self.oldFile)
    }

    @Test func onlyHTTPAndHTTPS() throws {
        for text in ["ftp://example.com/ip-ranges.json", "file:///etc/passwd", "ip-ranges.json"] {
            #expect(throws: PrefixUpdateError.unsupportedURL(text)) {
                try PrefixFileUpdater.update(from: URL(string: text)!, to: "/nonexistent/x.json")
            }
        }
    }

    @Test func unwritableDestinationKeepsNothingBehind() throws {
        let server = try PrefixTestHTTPServer(response: PrefixTestHTTPServer.response(body: Self.newFile))
        defer { server.stop() }
        let (directory, path) = try directoryWithOldFile()
        defer { try? FileManager.default.removeItem(at: directory) }
        // The destination's "directory" is a regular file, and a directory stands where the file should go.
        #expect(throws: PrefixUpdateError.self) {
            try PrefixFileUpdater.update(from: server.url, to: path + "/ip-ranges.json", timeout: 10)
        }
        let blocked = directory.appendingPathComponent("blocked").path
        try FileManager.default.createDirectory(atPath: blocked, withIntermediateDirectories: false)
        #expect(throws: PrefixUpdateError.cannotWrite(path: blocked, reason: "is a directory")) {
            try PrefixFileUpdater.update(from: server.url, to: blocked, timeout: 10)
        }
        #expect(try files(in: directory) == ["blocked", "ip-ranges.json"])
        #expect(try contents(path) == Self.oldFile)
    }
}

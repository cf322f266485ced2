import Foundation
import Testing
@testable import FlowLogs

/// The built `flowscan` binary, run as a user would: exact standard output, standard error and exit status.
@Suite(.enabled(if: PrefixFixtures.flowscanBinary != nil,
                "no built flowscan binary beside the test executable or in .build/debug"))
final class PrefixesCommandTests {
    struct Run: Equatable {
        var status: Int32
        var output: String
        var error: String
    }

    let directory: URL
    let fixture: String

    init() throws {
        directory = try PrefixFixtures.temporaryDirectory()
        fixture = directory.appendingPathComponent("fixture.json").path
        try PrefixFixtures.json([.init("52.216.0.0/15", "AMAZON"), .init("52.216.0.0/15", "S3"),
                                 .init("2600:1f18::/33", "EC2")], createDate: "2020-01-01-00-00-00")
            .write(toFile: fixture, atomically: true, encoding: .utf8)
    }

    deinit {
        try? FileManager.default.removeItem(at: directory)
    }

    /// Runs flowscan with a clean environment: an empty cache directory and no FLOWSCAN_PREFIXES.
    func run(_ arguments: [String], environment extra: [String: String] = [:]) throws -> Run {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try #require(PrefixFixtures.flowscanBinary))
        process.arguments = arguments
        // Sanitizer settings pass through (ASAN_OPTIONS=detect_leaks=0 under --sanitize=address).
        let sanitizers = ProcessInfo.processInfo.environment.filter { $0.key.hasSuffix("SAN_OPTIONS") }
        process.environment = ["HOME": directory.path, "XDG_CACHE_HOME": directory.appendingPathComponent("cache").path,
                               "PATH": "/usr/bin:/bin"].merging(sanitizers) { $1 }.merging(extra) { $1 }
        let outputPath = directory.appendingPathComponent("stdout-\(UUID().uuidString)")
        let errorPath = directory.appendingPathComponent("stderr-\(UUID().uuidString)")
        try Data().write(to: outputPath)
        try Data().write(to: errorPath)
        process.standardOutput = try FileHandle(forWritingTo: outputPath)
        process.standardError = try FileHandle(forWritingTo: errorPath)
        try process.run()
        process.waitUntilExit()
        defer {
            try? FileManager.default.removeItem(at: outputPath)
            try? FileManager.default.removeItem(at: errorPath)
        }
        return Run(status: process.terminationStatus,
                   output: try String(contentsOf: outputPath, encoding: .utf8),
                   error: try String(contentsOf: errorPath, encoding: .utf8))
    }

    @Test func lookupAnswersTheGoodAddressesAndFailsTheBadOne() throws {
        let result = try run(["prefixes", "lookup", "52.216.8.1", "not-an-ip", "10.0.0.1", "--prefixes", fixture])
        #expect(result == Run(status: 1, output: """
              address     service  region     border group  prefix         services
              52.216.8.1  S3       us-east-1  us-east-1     52.216.0.0/15  AMAZON, S3
              10.0.0.1    private  -          -             -              -

            """, error: "flowscan: 'not-an-ip' is not an IPv4 or IPv6 address\n"))
    }

    @Test func lookupJSONIsAnArrayEvenForOneAddress() throws {
        let result = try run(["prefixes", "lookup", "--output", "json", "2600:1f18::5"],
                             environment: ["FLOWSCAN_PREFIXES": fixture])
        #expect(result == Run(status: 0, output: """
            [
              {
                "address": "2600:1f18::5",
                "aws": true,
                "service": "EC2",
                "region": "us-east-1",
                "network_border_group": "us-east-1",
                "prefix": "2600:1f18::/33",
                "services": ["EC2"],
                "scope": "public"
              }
            ]

            """, error: ""))
    }

    @Test func noFileSaysHowToGetOne() throws {
        let cache = directory.appendingPathComponent("cache/flowscan/ip-ranges.json").path
        #expect(try run(["prefixes", "lookup", "1.2.3.4"]) == Run(status: 1, output: "", error:
            "flowscan: no ip-ranges.json found: pass --prefixes FILE, set FLOWSCAN_PREFIXES, or run "
            + "'flowscan prefixes update' to download one to \(cache)\n"))
    }

    @Test func malformedFileAndBadOptionsAreErrors() throws {
        let broken = directory.appendingPathComponent("broken.json").path
        try #"{"syncToken": "1", "createDate": "2026-08-22-15-17-05", "prefixes": [{"ip_prefix": "1.2.3.4/8"}]}"#
            .write(toFile: broken, atomically: true, encoding: .utf8)
        let result = try run(["prefixes", "info", "--prefixes", broken])
        #expect(result == Run(status: 1, output: "", error: "flowscan: \(broken): .prefixes[0].ip_prefix \"1.2.3.4/8\" is not "
            + "a CIDR block: bits are set after the first 8 (the block would be 1.0.0.0/8); run 'flowscan prefixes "
            + "update' to download a current copy\n"))
        #expect(try run(["prefixes", "info", "--prefixes", fixture, "--output", "yaml"]) == Run(status: 1, output: "",
            error: "flowscan: invalid value 'yaml' for '--output': expected text or json\n"))
    }

    @Test func infoWarnsWhenStale() throws {
        let result = try run(["prefixes", "info", "--output", "json", "--prefixes", fixture])
        #expect(result.status == 0)
        #expect(result.output.contains(#""stale": true"#))
        #expect(result.output.hasPrefix("{\n  \"path\": \"\(fixture)\",\n  \"sync_token\": \"1787411825\",\n"))
        #expect(result.error.hasPrefix("flowscan: warning: \(fixture) is "))
        #expect(result.error.hasSuffix(" days old (created 2020-01-01-00-00-00); AWS changes ip-ranges.json several "
            + "times a week, so recent ranges are missing: run 'flowscan prefixes update'\n"))
    }

    @Test func updateWritesTheDefaultLocationAndKeepsItOnFailure() throws {
        let body = Array(try String(contentsOfFile: fixture, encoding: .utf8).utf8)
        let server = try PrefixTestHTTPServer(response: PrefixTestHTTPServer.response(body: body))
        defer { server.stop() }
        let cache = directory.appendingPathComponent("cache/flowscan/ip-ranges.json").path
        let url = server.url.absoluteString
        #expect(try run(["prefixes", "update", "--url", url]) == Run(status: 0, output: """
            updated \(cache) from \(url)
            created 2020-01-01-00-00-00 (syncToken 1787411825): 2 IPv4 and 1 IPv6 prefixes

            """, error: ""))
        #expect(try run(["prefixes", "lookup", "52.216.0.0"]).status == 0)  // found at the default location

        let failing = try PrefixTestHTTPServer(response: PrefixTestHTTPServer.response(status: "503 Slow Down", body: []))
        defer { failing.stop() }
        #expect(try run(["prefixes", "update", "--url", failing.url.absoluteString, "--to", cache]) == Run(status: 1, output: "",
            error: "flowscan: downloading \(failing.url.absoluteString) failed: the server answered HTTP 503; the existing "
            + "file was not changed\nflowscan: kept \(cache) as it was\n"))
        #expect(Array(try String(contentsOfFile: cache, encoding: .utf8).utf8) == body)
    }
}

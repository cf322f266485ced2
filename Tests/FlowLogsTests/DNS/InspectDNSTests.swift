import Foundation
import Testing
@testable import FlowLogs

/// `flowscan inspect` on a folder holding both kinds, and with `--dns-logs`.
@Suite struct InspectDNSTests {
    @Test func inspectSaysWhatEachFileIs() throws {
        let directory = TemporaryDirectory()
        directory.write("flow.log", Fixtures.v2File)
        directory.write("q.log", resolverLine(name: "sts.us-east-1.amazonaws.com", answers: [("A", "52.46.0.1")]) + "\nnot json\n")
        let result = try Binary.run(["inspect", "--output", "json", directory.url.path])
        #expect(result.status == 0)
        #expect(result.stdout.contains(#""Route 53 Resolver query log, version 1.100000: 1 query from 2026-11-29T10:00:00Z to 2026-11-29T10:00:00Z""#))
        #expect(result.stdout.contains(#""reason": "not a JSON object: a Resolver query log line is one {…} record""#))
        let explicit = try Binary.run(["inspect", "--dns-logs", directory.path("flow.log"), directory.path("q.log")])
        #expect(explicit.status == 0)
        #expect(explicit.stdout.contains("line 1: not a JSON object"))
    }
}

import Foundation
import Testing
@testable import FlowLogs

/// The renderers on one fixed report value: every section of the text, Markdown and JSON
/// outputs, byte for byte. A change of wording or layout shows here as a diff of the golden
/// files in `Golden/`; after checking it, rewrite them with `FLOWSCAN_UPDATE_GOLDEN=1 swift test
/// --filter ReportGoldenTests`.
struct ReportGoldenTests {
    typealias F = AnalysisFixtures

    /// A NAT gateway carrying S3, AMAZON, EC2 and internet traffic, a rejected probe and a
    /// record without bytes: every section of the report has something to say.
    static func fixedReport() throws -> (report: EstateReport, directory: String) {
        let start = 1_764_000_000
        var lines = [F.natFormat]
        lines += F.natLegs(peer: "52.216.8.1", upload: 40_000_000, download: 900_000_000, start: start)
        lines += F.natLegs(peer: "54.239.16.5", upload: 30_000_000, download: 250_000_000, start: start + 600)
        lines += F.natLegs(peer: "44.192.0.9", upload: 1_000_000, download: 9_000_000, start: start + 1200, instance: "10.0.1.6")
        lines += F.natLegs(peer: "198.51.100.7", upload: 5_000_000, download: 70_000_000, start: start + 3000)
        lines.append("5 eni-nat1 - 203.0.113.9 10.0.0.220 5555 22 6 1 60 \(start + 100) \(start + 160) REJECT OK 203.0.113.9 10.0.0.220 ingress -")
        lines.append("5 eni-inst1 i-0123 10.0.1.5 10.0.2.9 40000 5432 6 3 1200 \(start) \(start + 60) ACCEPT OK 10.0.1.5 10.0.2.9 egress 1")
        lines.append("5 eni-inst1 i-0123 10.0.1.5 52.216.8.1 40000 443 6 - - \(start) \(start + 60) ACCEPT NODATA - - egress -")
        let directory = TemporaryDirectory()
        let path = directory.write("flows.log", lines.joined(separator: "\n") + "\n")
        var options = AnalysisOptions()
        options.region = "us-east-1"
        options.jobs = 1
        let report = try TrafficAnalysis.run(paths: [path], prefixes: F.prefixes, prefixFile: F.prefixFile, options: options)
        return (report, directory.url.path)
    }

    @Test(arguments: ["text", "markdown", "json"])
    func rendersAsTheGoldenFileSays(output: String) throws {
        let (report, directory) = try Self.fixedReport()
        let rendered: String
        switch output {
        case "text": rendered = report.text()
        case "markdown": rendered = report.markdown()
        default: rendered = report.json()
        }
        let stable = rendered.replacingOccurrences(of: directory, with: "DIR")
        let golden = TestPaths.packageRoot.appendingPathComponent("Tests/FlowLogsTests/Report/Golden/report.\(output == "markdown" ? "md" : (output == "json" ? "json" : "txt"))")
        if ProcessInfo.processInfo.environment["FLOWSCAN_UPDATE_GOLDEN"] == "1" {
            try stable.write(to: golden, atomically: true, encoding: .utf8)
        }
        let expected = try String(contentsOf: golden, encoding: .utf8)
        #expect(stable == expected, "\(output) differs from \(golden.lastPathComponent): rerun with FLOWSCAN_UPDATE_GOLDEN=1 after checking the change")
    }
}

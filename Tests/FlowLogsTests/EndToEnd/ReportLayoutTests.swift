import Foundation
import Testing
@testable import FlowLogs

/// The report's layout for a new reader and for a job (issue 17), from the built binary.
struct ReportLayoutTests {
    let directory = TemporaryDirectory()
    let sample = ["SampleLogs/AWSLogs", "--prefixes", "SampleLogs/ip-ranges.json"]

    /// The top-level keys of a JSON object, in the order written (indented by two spaces).
    static func topKeys(_ json: String) -> [String] {
        json.split(separator: "\n").compactMap { line -> String? in
            guard line.hasPrefix("  \""), !line.hasPrefix("   ") else { return nil }
            return String(line.dropFirst(3).prefix { $0 != "\"" })
        }
    }

    @Test func theJSONPutsTheFiguresFirstAndTheFileListLast() throws {
        let result = try Binary.run(sample + ["--output", "json"])
        #expect(result.status == 0)
        let keys = Self.topKeys(result.stdout)
        #expect(keys == ["schema", "estate", "prefixes", "scopes", "inputs"])
        let parsed = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let files = try #require((parsed["inputs"] as? [String: Any])?["files"] as? [Any])
        #expect(files.count == 96)  // per account: 24 flow logs and their 24 Resolver query logs
    }

    @Test func noFileListKeepsOnlyTheFilesWithAProblemAndWholeTotals() throws {
        let missing = directory.path("missing.log")
        let full = try Binary.run(sample + [missing, "--output", "json"])
        let short = try Binary.run(sample + [missing, "--output", "json", "--no-file-list"])
        #expect(short.status == 2)
        let inputs = try #require((try JSONSerialization.jsonObject(with: Data(short.stdout.utf8)) as? [String: Any])?["inputs"] as? [String: Any])
        let files = try #require(inputs["files"] as? [[String: Any]])
        #expect(files.map { $0["path"] as? String } == [missing])
        #expect((inputs["totals"] as? [String: Any])?["files"] as? Int == 97)
        #expect(full.stdout.utf8.count - short.stdout.utf8.count > 96 * 500)  // 96 ok files left out
        // Everything before inputs is the same.
        #expect(short.stdout.components(separatedBy: "\n  \"inputs\"")[0]
            == full.stdout.components(separatedBy: "\n  \"inputs\"")[0])
    }

    @Test func theTotalAvailableHasItsOwnHeading() throws {
        let text = try Binary.run(sample).stdout
        let removal = try #require(text.range(of: "\n Removing the NAT gateways\n"))
        let total = try #require(text.range(of: "\n Total available\n  gateway endpoints    $10.59 per month\n"))
        #expect(removal.upperBound < total.lowerBound)
        #expect(text.contains("\n  total available      $10.59 per month\n\nTop sources per destination\n"))
        // The second scope (eu-west-1) has its own.
        #expect(text.contains("\n Total available\n  gateway endpoints    $10.66 per month\n"))
        #expect(text.contains("\n  total available      $10.66 per month\n\nTop sources per destination\n"))
        let markdown = try Binary.run(sample + ["--output", "markdown"]).stdout
        #expect(markdown.contains("### Total available"))
    }

    @Test func sentencesAreWrappedToEightyColumnsWhenNotATerminal() throws {
        let text = try Binary.run(sample).stdout
        let basis = try #require(text.components(separatedBy: "\nPrices and assumptions\n").last)
        let lines = basis.split(separator: "\n")
        #expect(lines.count > 10)
        // The last scope's section: eu-west-1, whose price source names two regions' rows.
        let long = lines.filter { $0.count > 80 }
        #expect(long == [])
        #expect(lines.contains { $0.hasPrefix("    ") })  // a continuation line
        // The Markdown is not wrapped: one bullet, one line.
        let markdown = try Binary.run(sample + ["--output", "markdown"]).stdout
        #expect(markdown.contains("- 1 GB = 10^9 bytes (AWS bills decimal GB); a month = 730 hours; monthly figures = observed bytes × 730 h / window hours\n"))
    }
}

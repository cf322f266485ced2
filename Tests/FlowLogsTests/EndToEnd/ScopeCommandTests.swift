import Foundation
import Testing
@testable import FlowLogs

/// The estate view from the built binary: `--scope`, `--top-scopes`, the HTML of several scopes
/// and `--fail-above` on the estate's total.
@Suite struct ScopeCommandTests {
    let directory = TemporaryDirectory()

    /// The bucket of `ScopedTrafficTests` (three accounts, two regions, two VPCs in one account)
    /// and its prefixes file.
    func bucket() throws -> (arguments: [String], vpcs: [ScopedTrafficTests.VPC]) {
        let (bucket, vpcs) = try ScopedTrafficTests.write(ScopedTrafficTests.bucket, into: directory)
        let prefixes = directory.write("ranges.json", SyntheticVPC.ipRangesJSON(region: "us-east-1"))
        return ([bucket, "--prefixes", prefixes], vpcs)
    }

    @Test func scopeFlagsNarrowTheRun() throws {
        let (arguments, vpcs) = try bucket()
        let all = try Binary.run(arguments + ["--output", "json"])
        #expect(all.status == 0, "\(all.stderr)")
        let one = try Binary.run(arguments + ["--output", "json", "--scope", ScopedTrafficTests.accountB])
        #expect(one.status == 0)
        let document = try #require(try JSONSerialization.jsonObject(with: Data(one.stdout.utf8)) as? [String: Any])
        let scopes = try #require(document["scopes"] as? [[String: Any]])
        #expect(scopes.map { $0["account"] as? String } == [ScopedTrafficTests.accountB])
        #expect((scopes[0]["nat"] as? [String: Any])?["bytes"] as? Int == Int(vpcs[2].truth.natBytes))
        let estate = try #require(document["estate"] as? [String: Any])
        #expect(estate["scope_filters"] as? [String] == [ScopedTrafficTests.accountB])
        #expect((estate["outside_scope"] as? [String: Any])?["scopes"] as? Int == 3)
        // A comma list, and the text says what was set aside.
        let two = try Binary.run(arguments + ["--scope", "\(ScopedTrafficTests.accountB),\(ScopedTrafficTests.accountC)/eu-west-1"])
        #expect(two.stdout.contains("2 scopes in eu-west-1"))
        #expect(two.stdout.contains("--scope           \(ScopedTrafficTests.accountB), \(ScopedTrafficTests.accountC)/eu-west-1: 2 other scopes ("))
        let bad = try Binary.run(arguments + ["--scope", "111111111111//vpc-1"])
        #expect(bad.status == 1)
        #expect(bad.stderr.contains("invalid value '111111111111//vpc-1' for '--scope'"))
    }

    @Test func theTextShowsTheEstateThenTheTopScopes() throws {
        let (arguments, _) = try bucket()
        let text = try Binary.run(arguments + ["--top-scopes", "2"])
        #expect(text.status == 0)
        let lines = text.stdout.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines[0] == "flowscan: NAT gateway traffic to AWS services, 4 scopes in 2 regions")
        #expect(lines[2] == "Estate")
        #expect(lines[3].hasPrefix("  NAT cost today    $"))
        #expect(text.stdout.contains("\nScopes, heaviest first\n"))
        #expect(text.stdout.contains("\nScope 1 of 4: ") && text.stdout.contains("\nScope 2 of 4: ") && !text.stdout.contains("\nScope 3 of 4: "))
        let unwrapped = text.stdout.replacingOccurrences(of: "\n +", with: " ", options: .regularExpression)
        #expect(unwrapped.contains("2 more scopes beyond --top-scopes 2 are only in the summary above and in --output json."))
        let markdown = try Binary.run(arguments + ["--output", "markdown"])
        #expect(markdown.stdout.contains("\n## Scope 4 of 4: "))
        #expect(markdown.stdout.contains("\n### What VPC endpoints would save\n"))
    }

    @Test func theHTMLOfSeveralScopesHoldsEveryFigureOfTheJSON() throws {
        let (arguments, _) = try bucket()
        let json = try Binary.run(arguments + ["--output", "json"])
        let html = try Binary.run(arguments + ["--output", "html"])
        #expect(html.status == json.status)
        let parsed = ParsedMarkup(Array(html.stdout.utf8))
        #expect(parsed.error == nil)
        #expect(MarkupCheck.problem(in: html.stdout) == nil)
        let ids = parsed.elements.compactMap { $0.attributes["id"] }
        #expect(Set(ids).count == ids.count, "ids are unique")
        var available: [String: Int] = [:]
        for element in parsed.all("data") { available[element.attributes["value"] ?? "", default: 0] += 1 }
        var missing: [String] = []
        for figure in JSONTokens(json.stdout).numbers {
            if let count = available[figure], count > 0 { available[figure] = count - 1 } else { missing.append(figure) }
        }
        #expect(missing == [], "JSON figures without a <data value> in the HTML")
        let text = parsed.text
        #expect(try JSONTokens.strings(json.stdout).filter { !text.contains(HTMLWriter.visible($0)) } == [])
    }

    @Test func failAboveComparesTheEstatesSaving() throws {
        let (arguments, _) = try bucket()
        let document = try #require(try JSONSerialization.jsonObject(with: Data(try Binary.run(arguments + ["--output", "json"]).stdout.utf8)) as? [String: Any])
        let estate = try #require(document["estate"] as? [String: Any])
        let total = try #require((estate["savings"] as? [String: Any])?["total_monthly_usd"] as? Double)
        let heaviest = try #require(((document["scopes"] as? [[String: Any]])?.map { ($0["savings"] as? [String: Any])?["total_monthly_usd"] as? Double ?? 0 })?.max())
        #expect(heaviest < total)
        // Between the largest scope's saving and the estate's: only the estate exceeds it.
        let between = String(format: "%.2f", (heaviest + total) / 2)
        #expect(try Binary.run(arguments + ["--fail-above", between]).status == 3)
        #expect(try Binary.run(arguments + ["--fail-above", String(format: "%.2f", total + 1)]).status == 0)
    }
}

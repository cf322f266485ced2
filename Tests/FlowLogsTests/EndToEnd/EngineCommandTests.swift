import Foundation
import Testing
@testable import FlowLogs

/// `flowscan sql` and `flowscan … --output aggregate` through the built binary: output, messages
/// and exit statuses.
@Suite struct EngineCommandTests {
    @Test func sqlNeedsAnEngineAndOnePlace() throws {
        let none = try Binary.run(["sql", "--table", "t"])
        #expect(none.status == 1)
        #expect(none.stderr == "flowscan: 'flowscan sql' needs --engine athena, spark or duckdb\n")
        let wrong = try Binary.run(["sql", "--engine", "presto", "--table", "t"])
        #expect(wrong.status == 1)
        #expect(wrong.stderr == "flowscan: invalid value 'presto' for '--engine': expected athena, spark or duckdb\n")
        let both = try Binary.run(["sql", "--engine", "duckdb", "--table", "t", "--location", "x"])
        #expect(both.status == 1)
        #expect(both.stderr == "flowscan: --table and --location cannot be used together: choose one\n")
        let late = try Binary.run(["sql", "--engine", "spark", "--table", "t", "--since", "2026-11-02T00:00:00Z", "--until", "2026-11-01T00:00:00Z"])
        #expect(late.status == 1)
        #expect(late.stderr.contains("is after --until"))
    }

    @Test func sqlPrintsTheQueryOfTheLibrary() throws {
        let result = try Binary.run(["sql", "--engine", "duckdb", "--location", "logs/**/*.log.gz", "--format",
                                     "version account-id interface-id srcaddr dstaddr srcport dstport protocol packets bytes start end action log-status",
                                     "--to", "rows.csv"])
        #expect(result.status == 0)
        #expect(result.stderr == "")
        var query = PreAggregationQuery(engine: .duckdb, format: FlowLogFormat(names: FlowField.defaultFormat.map(\.rawValue)),
                                        source: .location("logs/**/*.log.gz"))
        query.resultPath = "rows.csv"
        #expect(result.stdout == query.text())
    }

    @Test func aggregateOutputReadsBackToTheSameReport() throws {
        let directory = TemporaryDirectory()
        let rows = try Binary.run(["SampleLogs/AWSLogs", "--output", "aggregate", "--no-progress"])
        #expect(rows.status == 0, "\(rows.stderr)")
        #expect(rows.stdout.hasPrefix("account_id,region,"))
        let path = directory.write("rows.csv", rows.stdout)
        let fromRows = try Binary.run([path, "--prefixes", "SampleLogs/ip-ranges.json", "--output", "json", "--no-progress"])
        let fromLogs = try Binary.run(["SampleLogs/AWSLogs", "--prefixes", "SampleLogs/ip-ranges.json", "--output", "json", "--no-progress"])
        #expect(fromRows.status == fromLogs.status)
        func figures(_ text: String) throws -> [String: NSObject] {
            var object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: NSObject])
            object["inputs"] = nil
            object["region_source"] = nil
            return object
        }
        let (a, b) = (try figures(fromLogs.stdout), try figures(fromRows.stdout))
        #expect((a["nat"] as? [String: Any])?["bytes"] as? Int ?? 0 > 0)
        for key in Set(a.keys).union(b.keys).sorted() { #expect(a[key] == b[key], "'\(key)' differs") }
    }
}

import Foundation
import Testing
@testable import FlowLogs

/// `--output aggregate` rows are mergeable partials: the rows of two halves of the input, read
/// together, give the report of the whole; so do the rows of the whole, and rows of rows.
@Suite struct AggregateRowsTests {
    @Test(arguments: [SyntheticVPC.FormatPlan.default, .both])
    func twoHalvesGiveTheWholesReport(plan: SyntheticVPC.FormatPlan) throws {
        let directory = TemporaryDirectory()
        var options = SyntheticVPC.Options()
        options.seed = 11
        options.minutes = 60
        options.formats = plan
        let folder = directory.path("logs")
        _ = try SyntheticVPC(options: options).write(to: folder)
        let files = InputDiscovery.discover([folder + "/AWSLogs"]).map(\.path)
        try #require(files.count == 12)
        // Alternate files, so each half holds some of every hour and, for `both`, of each format.
        let halves = [files.enumerated().filter { $0.offset % 2 == 0 }.map(\.element),
                      files.enumerated().filter { $0.offset % 2 == 1 }.map(\.element)]
        var partials: [String] = []
        for (index, half) in halves.enumerated() {
            let (csv, inputs) = AggregateRows.run(paths: half, options: ReadOptions(), since: nil, until: nil, jobs: 2)
            #expect(inputs.isComplete)
            partials.append(directory.write("part-\(index).csv", csv))
        }
        let whole = directory.write("whole.csv", AggregateRows.run(paths: [folder + "/AWSLogs"], options: ReadOptions(),
                                                                    since: nil, until: nil).csv)
        let rowsOfRows = directory.write("again.csv", AggregateRows.run(paths: partials, options: ReadOptions(), since: nil, until: nil).csv)

        let raw = try EngineOracleTests.figures([folder + "/AWSLogs"])
        #expect((raw["nat"] as? [String: Any])?["bytes"] as? Int ?? 0 > 0)
        for (name, paths) in [("halves", partials), ("whole", [whole]), ("rows of rows", [rowsOfRows])] {
            let merged = try EngineOracleTests.figures(paths)
            for key in Set(raw.keys).union(merged.keys).sorted() {
                #expect(raw[key] == merged[key], "\(plan.rawValue), \(name): '\(key)' differs")
            }
        }
        let inspection = Inspection.run(paths: [whole], options: ReadOptions(), jobs: 1)
        let recordsIn = Inspection.run(paths: [folder + "/AWSLogs"], options: ReadOptions(), jobs: 1).totals
        #expect(inspection.totals.records == recordsIn.records)
        #expect(inspection.totals.noData == recordsIn.noData && inspection.totals.skipData == recordsIn.skipData)
        #expect(inspection.files[0].preAggregatedRows < recordsIn.records + recordsIn.noData + recordsIn.skipData)
        // The same input gives the same bytes, whatever the number of workers.
        #expect(AggregateRows.run(paths: files, options: ReadOptions(), since: nil, until: nil, jobs: 1).csv
            == (try String(contentsOfFile: whole, encoding: .utf8)))
    }

    @Test func theWindowIsExactOnTheRows() throws {
        let directory = TemporaryDirectory()
        var options = SyntheticVPC.Options()
        options.seed = 3
        options.minutes = 120
        options.formats = .v5
        let folder = directory.path("logs")
        _ = try SyntheticVPC(options: options).write(to: folder)
        let since = options.start + 1800, until = options.start + 4500
        let rows = directory.write("rows.csv", AggregateRows.run(paths: [folder], options: ReadOptions(), since: since, until: until).csv)
        var window = AnalysisOptions()
        window.since = since
        window.until = until
        window.region = "us-east-1"
        func nat(_ path: String) throws -> DirectionalTally {
            try TrafficAnalysis.run(paths: [path], prefixes: EngineOracleTests.prefixes, prefixFile: EngineOracleTests.prefixFile,
                                    options: window).nat
        }
        let all = try TrafficAnalysis.run(paths: [folder], prefixes: EngineOracleTests.prefixes, prefixFile: EngineOracleTests.prefixFile,
                                          options: { var o = AnalysisOptions(); o.region = "us-east-1"; return o }()).nat
        #expect(try nat(rows) == nat(folder))
        #expect(try nat(folder).bytes < all.bytes)
    }

    @Test func portsAreReadOnThePublicSideOnly() {
        var record = FlowRecord()
        record.srcaddr = IPAddress("10.0.0.5")
        record.dstaddr = IPAddress("52.216.8.1")
        record.action = .accept
        #expect(!AggregateRows.portIsRead(.srcport, record))
        #expect(AggregateRows.portIsRead(.dstport, record))
        record.pktSrcaddr = IPAddress("203.0.113.9")
        #expect(AggregateRows.portIsRead(.srcport, record))
        record = FlowRecord()
        record.srcaddr = IPAddress("52.216.8.1")
        record.dstaddr = IPAddress("10.0.0.5")
        record.action = .reject
        #expect(AggregateRows.portIsRead(.dstport, record))
        record.action = .accept
        #expect(!AggregateRows.portIsRead(.dstport, record))
        #expect(AggregateRows.account(fromPath: "x/AWSLogs/o-abc123/123456789012/vpcflowlogs/us-east-1/f.log.gz") == "123456789012")
        #expect(AggregateRows.account(fromPath: "AWSLogs/aws-account-id=210987654321/aws-service=vpcflowlogs/") == "210987654321")
        #expect(AggregateRows.account(fromPath: "logs/f.log") == nil)
    }
}

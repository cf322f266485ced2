import Foundation
import Testing
@testable import FlowLogs

/// The query `flowscan sql` prints, run by a real engine over generated logs, gives rows whose
/// report is the raw logs' report: every figure (NAT bytes per destination, gateways, cost,
/// savings, sources, exposure, service check, set-aside counts, warnings) is equal. Skips,
/// saying so, when the engine (pip's duckdb or pyspark) is absent.
@Suite(.serialized) struct EngineOracleTests {
    /// True when `python3 -c "import MODULE"` works.
    static func hasPython(_ module: String) -> Bool {
        (try? run(["python3", "-c", "import \(module)"])) == 0
    }

    @discardableResult
    static func run(_ arguments: [String]) throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        let message = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        if process.terminationStatus != 0, !message.isEmpty { print(String(decoding: message.suffix(2000), as: UTF8.self)) }
        return process.terminationStatus
    }

    static let prefixes = try! PrefixTable(jsonData: Array(SyntheticVPC.ipRangesJSON(region: "us-east-1").utf8), source: "synthetic")
    static let prefixFile = PrefixFileInfo(path: "ip-ranges.json", origin: "test", syncToken: "1", createDate: "2026-11-01-00-00-00",
                                           ageDays: 1)

    /// Generated logs: the folder, and one query source per format (a flow log has one format;
    /// `both` writes two flow logs, told apart by the flow log id in the file names).
    static func generate(_ plan: SyntheticVPC.FormatPlan, parquet: Bool, in directory: TemporaryDirectory) throws
        -> (folder: String, parts: [(format: FlowLogFormat, glob: String)]) {
        var options = SyntheticVPC.Options()
        options.seed = 7
        options.minutes = 90
        options.connectionsPerFile = 30
        options.formats = plan
        options.parquet = parquet
        let folder = directory.path("logs-\(plan.rawValue)\(parquet ? "-parquet" : "")")
        _ = try SyntheticVPC(options: options).write(to: folder)
        let inspection = Inspection.run(paths: [folder], options: ReadOptions(), jobs: 1)
        var parts: [(FlowLogFormat, String)] = []
        var seen: [[String]: String] = [:]
        for file in inspection.files {
            guard let names = file.formats.first, seen[names] == nil,
                  let id = file.path.split(separator: "_").first(where: { $0.hasPrefix("fl-") }) else { continue }
            seen[names] = String(id)
            parts.append((FlowLogFormat(names: names), "\(folder)/AWSLogs/**/*_\(id)_*.log.\(parquet ? "parquet" : "gz")"))
        }
        return (folder, parts)
    }

    /// The report's JSON without what tells the inputs apart (their list, and where the region came from).
    static func figures(_ paths: [String], prefixes: PrefixTable = prefixes, since: UInt64? = nil, until: UInt64? = nil) throws -> [String: NSObject] {
        var options = AnalysisOptions()
        options.region = "us-east-1"
        options.since = since
        options.until = until
        let report = try TrafficAnalysis.run(paths: paths, prefixes: prefixes, prefixFile: prefixFile, options: options)
        var object = try #require(try JSONSerialization.jsonObject(with: Data(report.json().utf8)) as? [String: NSObject])
        let totals = (object["inputs"] as? [String: Any])?["totals"] as? [String: Any]
        object["inputs"] = nil
        object["region_source"] = nil
        // Records outside the window are not in pre-aggregated rows made with the window.
        if let setAside = object["set_aside"] as? [[String: Any]] {
            object["set_aside"] = setAside.filter { $0["reason"] as? String != "outside --since/--until" } as NSArray
        }
        object["records"] = totals?["records"] as? NSObject
        return object
    }

    static func compare(engine: QueryEngine, plan: SyntheticVPC.FormatPlan, parquet: Bool, window: (UInt64, UInt64)? = nil,
                        parquetResult: Bool = false) throws {
        let directory = TemporaryDirectory()
        let (folder, parts) = try generate(plan, parquet: parquet, in: directory)
        try #require(parts.count == (plan == .both ? 2 : 1))
        var results: [String] = []
        for (index, part) in parts.enumerated() {
            // Hadoop globs (Spark) have no `**`: one `*` per folder level of AWSLogs/ACCOUNT/vpcflowlogs/REGION/YYYY/MM/DD/.
            let glob = engine == .spark ? part.glob.replacingOccurrences(of: "AWSLogs/**/", with: "AWSLogs/*/vpcflowlogs/*/*/*/*/") : part.glob
            var query = PreAggregationQuery(engine: engine, format: part.format, source: .location(glob))
            query.layout = parquet ? .parquet : .text
            query.since = window?.0
            query.until = window?.1
            query.resultPath = directory.path("rows-\(index)" + (engine == .spark ? "" : parquetResult ? ".parquet" : ".csv"))
            let sql = directory.write("query-\(index).sql", query.text())
            let started = Date()
            let script = engine == .duckdb ? duckDBScript : sparkScript
            try #require(try run(["python3", "-c", script, sql, query.resultPath]) == 0, "\(engine) failed on \(sql)")
            print("\(engine) \(plan.rawValue)\(parquet ? " parquet" : ""): query ran in \(String(format: "%.2f", Date().timeIntervalSince(started))) s")
            if engine == .spark {
                // A folder of part-*.csv files (and _SUCCESS, .crc files beside them).
                let names = try FileManager.default.contentsOfDirectory(atPath: query.resultPath)
                results += names.filter { $0.hasPrefix("part-") && $0.hasSuffix(".csv") }.sorted().map { query.resultPath + "/" + $0 }
            } else {
                results.append(query.resultPath)
            }
        }
        let raw = try figures([folder + "/AWSLogs"], since: window?.0, until: window?.1)
        let rows = try figures(results, since: window?.0, until: window?.1)
        let aggregated = Inspection.run(paths: results, options: ReadOptions(), jobs: 1)
        let rowCount = aggregated.files.reduce(0) { $0 + $1.preAggregatedRows }
        let recordCount = aggregated.files.reduce(0) { $0 + $1.preAggregatedRecords }
        print("\(engine) \(plan.rawValue)\(parquet ? " parquet" : ""): \(recordCount) records in, \(rowCount) rows out")
        #expect(rowCount > 0 && rowCount < recordCount)
        #expect(aggregated.files.allSatisfy { $0.malformed == 0 && ($0.content == .flowLogCSV || parquetResult && $0.compression == "parquet") })
        #expect((raw["nat"] as? [String: Any])?["bytes"] as? Int ?? 0 > 0)
        // Under a window the raw logs hold more records than the window's rows stand for.
        for key in Set(raw.keys).union(rows.keys).sorted() where window == nil || key != "records" {
            #expect(raw[key] == rows[key], "\(engine) \(plan.rawValue): '\(key)' differs")
        }
    }

    /// Runs the statements of the file argv[1] (COPY writes the result).
    static let duckDBScript = """
        import sys, duckdb
        duckdb.connect().execute(open(sys.argv[1]).read())
        """

    /// Runs the view and the query of argv[1] in local mode; writes the result, one CSV file, to argv[2].
    static let sparkScript = """
        import sys
        from pyspark.sql import SparkSession
        spark = SparkSession.builder.master("local[1]").config("spark.ui.enabled", "false").getOrCreate()
        spark.sparkContext.setLogLevel("ERROR")
        text = "\\n".join(l for l in open(sys.argv[1]).read().splitlines() if not l.startswith("--"))
        statements = [s.strip() for s in text.split(";") if s.strip()]
        for s in statements[:-1]:
            spark.sql(s)
        spark.sql(statements[-1]).coalesce(1).write.csv(sys.argv[2], header=True)
        """

    @Test(arguments: [SyntheticVPC.FormatPlan.default, .v5, .both])
    func duckDBRowsGiveTheRawReport(plan: SyntheticVPC.FormatPlan) throws {
        guard Self.hasPython("duckdb") else {
            print("skipped: duckdb is not installed (pip install duckdb)")
            return
        }
        try Self.compare(engine: .duckdb, plan: plan, parquet: false)
    }

    @Test func duckDBRowsOfParquetLogsGiveTheRawReport() throws {
        guard Self.hasPython("duckdb") else {
            print("skipped: duckdb is not installed (pip install duckdb)")
            return
        }
        try Self.compare(engine: .duckdb, plan: .both, parquet: true)
    }

    /// DuckDB's result written as Parquet (`--to rows.parquet`) reads through flowscan's Parquet reader.
    @Test func duckDBParquetResultsGiveTheRawReport() throws {
        guard Self.hasPython("duckdb") else {
            print("skipped: duckdb is not installed (pip install duckdb)")
            return
        }
        try Self.compare(engine: .duckdb, plan: .v5, parquet: false, parquetResult: true)
    }

    /// `--since`/`--until` inside hours (not on bucket boundaries): exact, as the query filters records first.
    @Test func duckDBRowsOfAWindowGiveTheRawReportOfThatWindow() throws {
        guard Self.hasPython("duckdb") else {
            print("skipped: duckdb is not installed (pip install duckdb)")
            return
        }
        let start = SyntheticVPC.Options().start
        try Self.compare(engine: .duckdb, plan: .v5, parquet: false, window: (start + 1234, start + 4321))
    }

    @Test(arguments: [SyntheticVPC.FormatPlan.default, .v5])
    func sparkRowsGiveTheRawReport(plan: SyntheticVPC.FormatPlan) throws {
        guard Self.hasPython("pyspark") else {
            print("skipped: pyspark is not installed (pip install pyspark; needs Java); CI does not install it")
            return
        }
        try Self.compare(engine: .spark, plan: plan, parquet: false)
    }
}

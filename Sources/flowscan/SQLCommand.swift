import FlowLogs
import Foundation

/// `flowscan sql --engine athena|spark|duckdb`: prints the query that pre-aggregates the logs
/// where they lie into the rows flowscan reads.
enum SQLCommand: Runnable {
    static let command = Command(
        path: ["sql"], arguments: "", argumentCount: 0...0,
        summary: "Print the Athena, Spark or DuckDB query that pre-aggregates the logs for flowscan.",
        discussion: """
        The query groups the records by every field the report reads and the hour of their start,
        summing bytes, packets and records (a 'records' column), with min(start) and max(end): its
        result, as CSV with a header line, gives the same report as the raw logs
        ('flowscan RESULT.csv --prefixes ip-ranges.json'). One query reads logs of one format:
        give the logs' header line with --format (default: the default version-2 format).
        """,
        options: [
            .value("engine", "athena|spark|duckdb", "The engine that runs the query (required)."),
            .value("table", "NAME", "Read an existing table or view NAME."),
            .value("location", "URI", "Read the files at URI: the bucket prefix above AWSLogs/ (Athena),\na path or glob (Spark, DuckDB)."),
            .value("format", "FIELDS", "The logs' fields in order, as in their header line\n(default: the default version-2 format)."),
            .value("layout", "text|parquet", "How the logs are stored (default text: gzip, space-separated)."),
            .value("since", "TIME", "Keep records whose [start, end] overlaps from TIME (ISO-8601 or Unix seconds)."),
            .value("until", "TIME", "Keep records whose [start, end] overlaps up to TIME."),
            .value("to", "FILE", "Where DuckDB's COPY and Spark's write.csv put the result (default flowscan-rows.csv)."),
            .value("accounts", "LIST", "Athena partition projection: the bucket's account ids (comma list).", commaList: true),
            .value("regions", "LIST", "Athena partition projection: the bucket's regions (comma list).", commaList: true),
        ])

    static func run(_ arguments: ParsedArguments) throws -> ExitStatus {
        guard let engineName = arguments.value("engine") else {
            throw UsageError.other("'flowscan sql' needs --engine athena, spark or duckdb")
        }
        guard let engine = QueryEngine(rawValue: engineName) else {
            throw UsageError.invalidValue(option: "--engine", value: engineName, expected: "athena, spark or duckdb")
        }
        let source: PreAggregationQuery.Source
        switch (arguments.value("table"), arguments.value("location")) {
        case let (table?, nil):
            guard table.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_" || $0 == ".") }), !table.isEmpty else {
                throw UsageError.invalidValue(option: "--table", value: table, expected: "a table name of letters, digits, '_' and '.'")
            }
            source = .table(table)
        case let (nil, location?):
            source = .location(location)
        case (nil, nil):
            throw UsageError.other("'flowscan sql' needs --table NAME or --location URI")
        default:
            throw UsageError.other("--table and --location cannot be used together: choose one")
        }
        var format = FlowLogFormat(names: FlowField.defaultFormat.map(\.rawValue))
        if let specification = arguments.value("format") {
            do {
                format = try FlowLogFormat.parse(specification: specification)
            } catch {
                throw UsageError.invalidValue(option: "--format", value: specification, expected: error.description)
            }
        }
        var query = PreAggregationQuery(engine: engine, format: format, source: source)
        if let layout = try arguments.value("layout", expected: "text or parquet", { PreAggregationQuery.Layout(rawValue: $0) }) {
            query.layout = layout
        }
        query.since = try arguments.value("since", expected: "ISO-8601 (2026-11-22T00:00:00Z) or Unix seconds", UnixTime.parse)
        query.until = try arguments.value("until", expected: "ISO-8601 (2026-11-29T00:00:00Z) or Unix seconds", UnixTime.parse)
        if let since = query.since, let until = query.until, since > until {
            throw UsageError.other("--since (\(UnixTime.iso8601(since))) is after --until (\(UnixTime.iso8601(until)))")
        }
        if let path = arguments.value("to") { query.resultPath = path }
        query.accounts = arguments.list("accounts")
        query.regions = arguments.list("regions")
        if engine == .duckdb, case .table = source, query.layout == .parquet {
            throw UsageError.other("--layout applies to --location only")
        }
        Console.output(query.text())
        return .success
    }
}

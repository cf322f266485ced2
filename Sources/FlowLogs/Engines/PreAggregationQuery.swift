import Foundation

/// The statements `flowscan sql` prints: for one engine, one log format and one place, the
/// query whose result (CSV with a header line) is what flowscan reads as pre-aggregated rows
/// (`PreAggregation` says what is kept and why).
///
///     PreAggregationQuery(engine: .duckdb, format: .default, source: .location("logs/**/*.log.gz")).text()
///     // COPY (SELECT account_id, region, interface_id, … , COUNT(*) AS records FROM (…) AS r GROUP BY …)
///     //   TO 'flowscan-rows.csv' (HEADER, DELIMITER ',');
public struct PreAggregationQuery: Sendable {
    /// Where the logs are.
    public enum Source: Sendable, Equatable {
        /// A table or view that already exists (Athena table, Spark view, DuckDB table).
        case table(String)
        /// Files: an S3 URI (Athena's table location, Spark's path) or a glob (DuckDB, Spark).
        case location(String)
    }

    /// How the logs are stored.
    public enum Layout: String, Sendable, CaseIterable {
        /// AWS's text delivery: space-separated, header line, `-` for no value, gzip.
        case text
        /// AWS's Parquet delivery (columns named with `_`).
        case parquet
    }

    public var engine: QueryEngine
    /// The logs' fields in order (their header line); one query reads logs of one format.
    public var format: FlowLogFormat
    public var source: Source
    public var layout: Layout = .text
    /// The window (Unix seconds): records whose [start, end] overlaps it, as the report keeps them.
    public var since: UInt64?
    public var until: UInt64?
    /// Where DuckDB's `COPY` (Parquet when it ends in `.parquet`) and Spark's `write.csv` put the result.
    public var resultPath = "flowscan-rows.csv"
    /// The table Athena's `CREATE EXTERNAL TABLE` makes (or Spark's view).
    public var tableName = "flowscan_flow_logs"
    /// Athena's partition projection: accounts and regions of the bucket (placeholders when empty).
    public var accounts: [String] = []
    public var regions: [String] = []

    public init(engine: QueryEngine, format: FlowLogFormat, source: Source) {
        self.engine = engine
        self.format = format
        self.source = source
    }

    /// The fields of the logs that are read (known fields; opaque columns are left out).
    var fields: [FlowField] {
        format.columns.compactMap { if case let .field(field) = $0 { return field } else { return nil } }
    }

    /// The statements, each ending with `;`, with `--` comments saying what to run where.
    public func text() -> String {
        var out = "-- flowscan sql --engine \(engine.rawValue): pre-aggregated rows of logs in the format\n"
        out += "--   \(format.names.joined(separator: " "))\n"
        out += "-- The result (CSV with a header line) is read by: flowscan RESULT.csv --prefixes ip-ranges.json\n"
        switch engine {
        case .athena:
            if case let .location(location) = source {
                out += "\n-- 1. The table (run once; partition projection: no MSCK REPAIR needed).\n"
                out += athenaTable(location: location) + "\n"
                out += "\n-- 2. The query; Athena writes its result as QUERY_ID.csv to the query result location.\n"
            }
            out += select() + ";\n"
        case .spark:
            if case let .location(location) = source {
                out += "\n-- 1. The view over the files (spark-sql, or spark.sql(...) in PySpark).\n"
                out += sparkView(location: location) + "\n"
            }
            out += "\n-- 2. The query; write its result with a header: spark.sql(QUERY).write.csv('\(resultPath)', header=True)\n"
            out += select() + ";\n"
        case .duckdb:
            // A `.parquet` result is written as Parquet (flowscan's Parquet reader reads it), else CSV.
            let options = resultPath.hasSuffix(".parquet") ? "(FORMAT parquet)" : "(HEADER, DELIMITER ',')"
            out += "\nCOPY (\n" + select() + "\n) TO '\(sqlString(resultPath))' \(options);\n"
        }
        return out
    }

    // MARK: The SELECT

    /// The SELECT (no trailing `;`): an inner query that masks unread ports and computes the hour,
    /// an outer one that groups.
    public func select() -> String {
        let fields = self.fields
        let columns = PreAggregation.columns(for: format)
        let keys = columns.filter { !PreAggregation.measureFields.contains($0) }
        var inner: [String] = []
        for field in keys {
            let name = PreAggregation.columnName(field)
            if !fields.contains(field) {
                inner.append(pathExpression(for: field) + " AS " + name)
            } else if field == .srcport || field == .dstport {
                inner.append(portExpression(field) + " AS " + name)
            } else {
                inner.append(name)
            }
        }
        let start = fields.contains(.start) ? "start" : "CAST(NULL AS BIGINT)"
        let end = fields.contains(.end) ? quotedEnd : "CAST(NULL AS BIGINT)"
        inner.append("\(start) - \(start) % \(PreAggregation.bucketSeconds) AS start_hour")
        inner.append(fields.contains(.bytes) ? "CASE WHEN bytes IS NULL THEN 1 ELSE 0 END AS bytes_missing" : "1 AS bytes_missing")
        inner.append(fields.contains(.packets) ? "packets" : "CAST(NULL AS BIGINT) AS packets")
        inner.append(fields.contains(.bytes) ? "bytes" : "CAST(NULL AS BIGINT) AS bytes")
        inner.append("\(start) AS start")
        inner.append("\(end) AS \(quotedEnd)")

        var outer = keys.map(PreAggregation.columnName)
        // SUM of a BIGINT is a HUGEINT in DuckDB (a DOUBLE in its Parquet output): cast back.
        outer += ["CAST(SUM(packets) AS BIGINT) AS packets", "CAST(SUM(bytes) AS BIGINT) AS bytes", "MIN(start) AS start",
                  "MAX(\(quotedEnd)) AS \(quotedEnd)", "COUNT(*) AS records"]
        var text = "SELECT\n  " + outer.joined(separator: ",\n  ") + "\nFROM (\n  SELECT\n    "
        text += inner.joined(separator: ",\n    ") + "\n  FROM " + from()
        let conditions = whereConditions()
        if !conditions.isEmpty { text += "\n  WHERE " + conditions.joined(separator: "\n    AND ") }
        text += "\n) AS r\nGROUP BY\n  " + (keys.map(PreAggregation.columnName) + ["start_hour", "bytes_missing"]).joined(separator: ",\n  ")
        return text
    }

    /// `end`, quoted for the engine (a reserved word in all three).
    var quotedEnd: String { engine == .spark ? "`end`" : "\"end\"" }

    /// The record filter: the report's window test (on OK records: the report counts NODATA and
    /// SKIPDATA records whatever the window), and Athena's partition pruning on `day`.
    func whereConditions() -> [String] {
        var conditions: [String] = []
        var window: [String] = []
        if let until { window.append("start <= \(until)") }
        if let since { window.append("\(quotedEnd) >= \(since)") }
        if !window.isEmpty {
            // The report counts NODATA and SKIPDATA records whatever the window: so does the query.
            conditions.append(fields.contains(.logStatus)
                ? "(log_status IN ('NODATA', 'SKIPDATA') OR (" + window.joined(separator: " AND ") + "))"
                : window.joined(separator: "\n    AND "))
        }
        if engine == .athena, case .location = source, since != nil || until != nil {
            // A record's file is delivered after its window: a day's folder holds records that
            // started up to a day before it (the day partition only prunes, the test above decides).
            if let since { conditions.append("day >= '\(Self.day(since >= 86_400 ? since - 86_400 : 0))'") }
            if let until { conditions.append("day <= '\(Self.day(until + 86_400))'") }
        }
        return conditions
    }

    /// The port of `field` where the analysis reads it, else NULL: a private address with no
    /// other `pkt-*` address (for `dstport`, of accepted records only) never has its port read.
    func portExpression(_ field: FlowField) -> String {
        let source = field == .srcport
        let address = source ? "srcaddr" : "dstaddr"
        let packet = source ? "pkt_srcaddr" : "pkt_dstaddr"
        let port = source ? "srcport" : "dstport"
        var conditions: [String] = []
        if !source { conditions.append("action = 'ACCEPT'") }
        conditions.append(Self.privateTest(address))
        if fields.contains(source ? .pktSrcaddr : .pktDstaddr) {
            conditions.append("(\(packet) IS NULL OR \(packet) = \(address))")
        }
        return "CASE WHEN " + conditions.joined(separator: " AND ") + " THEN NULL ELSE \(port) END"
    }

    /// True in SQL for an IPv4 address text in 10/8, 172.16/12 or 192.168/16 (NULL for NULL).
    static func privateTest(_ column: String) -> String {
        let patterns = ["10.%", "192.168.%", "172.16.%", "172.17.%", "172.18.%", "172.19.%", "172.2_.%", "172.30.%", "172.31.%"]
        return "(" + patterns.map { "\(column) LIKE '\($0)'" }.joined(separator: " OR ") + ")"
    }

    /// `account-id` or `region` from the S3 key (`AWSLogs/[o-ORG/]ACCOUNT/vpcflowlogs/REGION/…`,
    /// or Hive-style `aws-account-id=…/…/aws-region=…`).
    func pathExpression(for field: FlowField) -> String {
        let path: String
        switch engine {
        case .athena: path = "\"$path\""
        case .spark: path = "input_file_name()"
        case .duckdb: path = "filename"
        }
        let pattern = field == .region
            ? "(?:/vpcflowlogs/|aws-region=)([a-z0-9-]+)"
            : "(?:AWSLogs/(?:o-[a-z0-9]+/)?|aws-account-id=)([0-9]{12})"
        return "regexp_extract(\(path), '\(pattern)', 1)"
    }

    /// The FROM target of the inner query.
    func from() -> String {
        switch source {
        case let .table(name):
            return name
        case let .location(location):
            switch engine {
            case .athena, .spark:
                return tableName
            case .duckdb:
                let needsPath = !fields.contains(.accountID) || !fields.contains(.region)
                let file = needsPath ? ", filename=true" : ""
                if layout == .parquet { return "read_parquet('\(sqlString(location))'\(file))" }
                let types = format.columns.enumerated().map { index, column -> String in
                    "'\(columnName(column, index))': '\(duckDBType(column))'"
                }
                return "read_csv('\(sqlString(location))', delim=' ', header=true, nullstr='-', compression='gzip'\(file),\n"
                    + "    columns={" + types.joined(separator: ", ") + "})"
            }
        }
    }

    // MARK: Tables and views

    /// Athena's table for AWS's text or Parquet layout under `location` (`s3://bucket/prefix/`),
    /// with partition projection on account, region and day.
    func athenaTable(location: String) -> String {
        let base = location.hasSuffix("/") ? location : location + "/"
        let columns = format.columns.enumerated().map { index, column in
            let name = columnName(column, index)
            return "  " + (name == "end" ? "`end`" : name) + " " + hiveType(column)
        }
        var text = "CREATE EXTERNAL TABLE IF NOT EXISTS \(tableName) (\n" + columns.joined(separator: ",\n") + "\n)\n"
        text += "PARTITIONED BY (aws_account string, aws_region string, day string)\n"
        switch layout {
        case .text:
            text += "ROW FORMAT SERDE 'org.apache.hadoop.hive.serde2.lazy.LazySimpleSerDe'\n"
            text += "WITH SERDEPROPERTIES ('field.delim' = ' ', 'serialization.null.format' = '-')\n"
        case .parquet:
            text += "ROW FORMAT SERDE 'org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe'\n"
            text += "STORED AS INPUTFORMAT 'org.apache.hadoop.hive.ql.io.parquet.MapredParquetInputFormat'\n"
            text += "OUTPUTFORMAT 'org.apache.hadoop.hive.ql.io.parquet.MapredParquetOutputFormat'\n"
        }
        text += "LOCATION '\(sqlString(base))AWSLogs/'\n"
        var properties: [(String, String)] = []
        if layout == .text {
            properties += [("skip.header.line.count", "1")]
        }
        properties += [
            ("projection.enabled", "true"),
            ("projection.aws_account.type", "enum"),
            ("projection.aws_account.values", accounts.isEmpty ? "ACCOUNT_ID" : accounts.joined(separator: ",")),
            ("projection.aws_region.type", "enum"),
            ("projection.aws_region.values", regions.isEmpty ? "REGION" : regions.joined(separator: ",")),
            ("projection.day.type", "date"),
            ("projection.day.range", "2020/01/01,NOW"),
            ("projection.day.format", "yyyy/MM/dd"),
            ("projection.day.interval", "1"),
            ("projection.day.interval.unit", "DAYS"),
            ("storage.location.template", "\(base)AWSLogs/${aws_account}/vpcflowlogs/${aws_region}/${day}"),
        ]
        text += "TBLPROPERTIES (\n" + properties.map { "  '\(sqlString($0.0))' = '\(sqlString($0.1))'" }.joined(separator: ",\n") + "\n);"
        if accounts.isEmpty || regions.isEmpty {
            text = "-- Replace ACCOUNT_ID and REGION (or pass --accounts and --regions): comma-separated lists.\n" + text
        }
        return text
    }

    /// Spark's temporary view over the files (names and types by the format, positionally).
    func sparkView(location: String) -> String {
        switch layout {
        case .parquet:
            return "CREATE OR REPLACE TEMPORARY VIEW \(tableName)\nUSING parquet\nOPTIONS (path '\(sqlString(location))');"
        case .text:
            let columns = format.columns.enumerated().map { index, column in
                let name = columnName(column, index)
                return "  " + (name == "end" ? "`end`" : "`\(name)`") + " " + hiveType(column).uppercased()
            }
            return "CREATE OR REPLACE TEMPORARY VIEW \(tableName) (\n" + columns.joined(separator: ",\n") + "\n)\n"
                + "USING csv\nOPTIONS (path '\(sqlString(location))', sep ' ', header 'true', nullValue '-', mode 'PERMISSIVE');"
        }
    }

    /// A column's SQL name: a field's with `_`, an opaque one made safe (`c7` when it is not a name).
    func columnName(_ column: FlowLogFormat.Column, _ index: Int) -> String {
        switch column {
        case let .field(field): return PreAggregation.columnName(field)
        case let .unknown(name):
            let safe = String(name.map { $0 == "-" ? "_" : $0 })
            return safe.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }) && safe.first?.isLetter == true
                ? "x_" + safe : "c\(index + 1)"
        }
    }

    /// The Hive type AWS's Athena DDL gives the column.
    func hiveType(_ column: FlowLogFormat.Column) -> String {
        guard case let .field(field) = column else { return "string" }
        switch field {
        case .version, .srcport, .dstport, .tcpFlags, .trafficPath: return "int"
        case .protocol, .packets, .bytes, .start, .end, .records: return "bigint"
        default: return "string"
        }
    }

    func duckDBType(_ column: FlowLogFormat.Column) -> String {
        switch hiveType(column) {
        case "int": return "INTEGER"
        case "bigint": return "BIGINT"
        default: return "VARCHAR"
        }
    }

    /// `yyyy/MM/dd` of a Unix time: the S3 key's date folders, Athena's `day` partition.
    static func day(_ seconds: UInt64) -> String {
        let (year, month, day) = UnixTime.civil(fromDays: Int64(seconds / 86_400))
        return String(format: "%04lld/%02d/%02d", year, month, day)
    }

    /// Text inside a single-quoted SQL string.
    func sqlString(_ text: String) -> String { text.replacingOccurrences(of: "'", with: "''") }
}

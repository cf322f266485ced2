/// An engine that runs the pre-aggregation query over the logs where they lie.
public enum QueryEngine: String, CaseIterable, Sendable {
    /// Amazon Athena (Trino): a table over the bucket, results as CSV in the query result location.
    case athena
    /// Apache Spark SQL (EMR, Glue, Databricks, local mode): a temporary view over the files.
    case spark
    /// DuckDB: `read_csv`/`read_parquet` over a glob, the result written with `COPY`.
    case duckdb
}

/// Every way the three dialects differ in what `flowscan sql` prints, in one place (the README's
/// table is this one). The SELECT itself is kept to what Trino, Spark SQL and DuckDB share:
/// `CASE`, `LIKE`, `%`, `SUM`/`MIN`/`MAX`/`COUNT(*)`, `regexp_extract(text, pattern, group)`,
/// a subquery in `FROM`, `GROUP BY` by column names (no ordinals, no `FILTER`, no `/`), and
/// `CAST(SUM(…) AS BIGINT)` (DuckDB's SUM of a BIGINT is a HUGEINT, a DOUBLE in its Parquet output).
public struct EngineDialect: Sendable {
    public let engine: QueryEngine
    /// How `end` (a reserved word) is written in queries.
    public let quotedEnd: String
    /// Where the rows come from.
    public let source: String
    /// The S3 key (or file path) of a row, for `account-id` and `region` when the format lacks them.
    public let pathExpression: String
    /// How `-` becomes NULL when text logs are read.
    public let nullForDash: String
    /// What runs the result into a CSV file with a header line.
    public let result: String
    /// How many folder levels a glob in `--location` spans.
    public let glob: String

    /// The table, by engine.
    public static let all: [EngineDialect] = [
        EngineDialect(engine: .athena, quotedEnd: "\"end\" (DDL: `end`)",
                      source: "a table: CREATE EXTERNAL TABLE (Hive DDL, backticks) over the text or Parquet layout, partition projection on day",
                      pathExpression: "\"$path\"", nullForDash: "LazySimpleSerDe WITH SERDEPROPERTIES ('serialization.null.format' = '-')",
                      result: "Athena writes QUERY_ID.csv (every value quoted) to the query result location",
                      glob: "none: LOCATION is the prefix above AWSLogs/, partitions find the files"),
        EngineDialect(engine: .spark, quotedEnd: "`end`",
                      source: "CREATE TEMPORARY VIEW … (schema) USING csv|parquet OPTIONS (path, sep ' ', header 'true', nullValue '-')",
                      pathExpression: "input_file_name()", nullForDash: "OPTIONS nullValue '-'",
                      result: "spark.sql(query).write.csv(DIR, header=True): part-*.csv files in DIR",
                      glob: "Hadoop globs: one * per folder level (AWSLogs/*/vpcflowlogs/*/*/*/*/*.log.gz), no **"),
        EngineDialect(engine: .duckdb, quotedEnd: "\"end\"",
                      source: "read_csv(GLOB, delim=' ', header=true, nullstr='-', compression='gzip', columns={…}) or read_parquet(GLOB)",
                      pathExpression: "filename (read_csv/read_parquet with filename=true)", nullForDash: "nullstr='-'",
                      result: "COPY (query) TO 'FILE.csv' (HEADER, DELIMITER ',')",
                      glob: "** spans any number of levels (AWSLogs/**/*.log.gz)"),
    ]

    public static func of(_ engine: QueryEngine) -> EngineDialect { all.first { $0.engine == engine }! }
}

import Foundation
import Testing
@testable import FlowLogs

/// The text `flowscan sql` prints: the shape each engine needs and the columns in the order
/// flowscan reads them (Athena cannot run here, so its text is checked for shape).
@Suite struct PreAggregationQueryTests {
    static let v5 = FlowLogFormat(names: ("version account-id interface-id srcaddr dstaddr srcport dstport protocol packets bytes start end "
        + "action log-status vpc-id subnet-id instance-id tcp-flags type pkt-srcaddr pkt-dstaddr region az-id "
        + "pkt-src-aws-service pkt-dst-aws-service flow-direction traffic-path").split(separator: " ").map(String.init))
    static let v2 = FlowLogFormat(names: FlowField.defaultFormat.map(\.rawValue))

    /// The names after the outer SELECT, up to FROM.
    static func outputColumns(_ select: String) -> [String] {
        let head = select.components(separatedBy: "\nFROM (")[0].dropFirst("SELECT\n".count)
        return head.components(separatedBy: ",\n").map { column in
            let trimmed = column.trimmingCharacters(in: .whitespaces)
            return trimmed.components(separatedBy: " AS ").last!.trimmingCharacters(in: CharacterSet(charactersIn: "\"`"))
        }
    }

    @Test(arguments: QueryEngine.allCases)
    func theColumnsAreNamedAndOrderedAsFlowscanReadsThem(engine: QueryEngine) {
        let query = PreAggregationQuery(engine: engine, format: Self.v5, source: .table("logs"))
        #expect(Self.outputColumns(query.select()) == PreAggregation.columns(for: Self.v5).map(PreAggregation.columnName))
        #expect(Self.outputColumns(query.select()) == [
            "account_id", "region", "vpc_id", "subnet_id", "az_id", "interface_id", "instance_id", "srcaddr", "dstaddr",
            "pkt_srcaddr", "pkt_dstaddr", "srcport", "dstport", "protocol", "action", "log_status", "flow_direction",
            "traffic_path", "pkt_src_aws_service", "pkt_dst_aws_service", "packets", "bytes", "start", "end", "records",
        ])
        // Every name maps back to the field flowscan reads.
        let header = Self.outputColumns(query.select()).map { "\"\($0)\"" }.joined(separator: ",")
        let names = Array(header.utf8).withUnsafeBytes { CSVLine.headerNames($0) }
        #expect(names == PreAggregation.columns(for: Self.v5).map(\.rawValue))
    }

    @Test func athenaTextTableHasTheLogsColumnsInOrderAndPartitionProjection() {
        var query = PreAggregationQuery(engine: .athena, format: Self.v2, source: .location("s3://bucket/flow"))
        query.accounts = ["123456789012"]
        query.regions = ["us-east-1", "eu-west-1"]
        query.since = 1_795_478_400
        query.until = 1_795_564_799
        let text = query.text()
        let create = text.components(separatedBy: "CREATE EXTERNAL TABLE IF NOT EXISTS flowscan_flow_logs (\n")[1].components(separatedBy: "\n)")[0]
        #expect(create.components(separatedBy: ",\n").map { $0.trimmingCharacters(in: .whitespaces) } == [
            "version int", "account_id string", "interface_id string", "srcaddr string", "dstaddr string", "srcport int",
            "dstport int", "protocol bigint", "packets bigint", "bytes bigint", "start bigint", "`end` bigint",
            "action string", "log_status string",
        ])
        #expect(text.contains("PARTITIONED BY (aws_account string, aws_region string, day string)"))
        #expect(text.contains("ROW FORMAT SERDE 'org.apache.hadoop.hive.serde2.lazy.LazySimpleSerDe'"))
        #expect(text.contains("'serialization.null.format' = '-'"))
        #expect(text.contains("'skip.header.line.count' = '1'"))
        #expect(text.contains("LOCATION 's3://bucket/flow/AWSLogs/'"))
        #expect(text.contains("'projection.aws_region.values' = 'us-east-1,eu-west-1'"))
        #expect(text.contains("'storage.location.template' = 's3://bucket/flow/AWSLogs/${aws_account}/vpcflowlogs/${aws_region}/${day}'"))
        // Trino's quoting in the query, the S3 key for the region, the window and the day pruning.
        #expect(text.contains("MAX(\"end\") AS \"end\""))
        #expect(text.contains("regexp_extract(\"$path\", '(?:/vpcflowlogs/|aws-region=)([a-z0-9-]+)', 1) AS region"))
        #expect(text.contains("WHERE (log_status IN ('NODATA', 'SKIPDATA') OR (start <= 1795564799 AND \"end\" >= 1795478400))\n    AND day >= '2026/11/23'\n    AND day <= '2026/11/25'"))
        #expect(text.contains("GROUP BY\n  account_id,\n  region,\n  interface_id,"))
        #expect(!text.contains("`end` >=") && !text.contains("LIMIT"))
        #expect(text.hasSuffix("bytes_missing;\n"))
    }

    @Test func athenaParquetTableUsesTheParquetSerDe() {
        var query = PreAggregationQuery(engine: .athena, format: Self.v5, source: .location("s3://bucket/"))
        query.layout = .parquet
        let text = query.text()
        #expect(text.contains("ROW FORMAT SERDE 'org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe'"))
        #expect(text.contains("STORED AS INPUTFORMAT 'org.apache.hadoop.hive.ql.io.parquet.MapredParquetInputFormat'"))
        #expect(!text.contains("skip.header.line.count"))
        #expect(text.contains("Replace ACCOUNT_ID and REGION"))
        // The format has region: the field, not the key.
        #expect(!text.contains("AS region"))
    }

    @Test func sparkQuotesEndWithBackticksAndReadsThroughAView() {
        let text = PreAggregationQuery(engine: .spark, format: Self.v2, source: .location("/logs/AWSLogs/*/vpcflowlogs/*/*/*/*/*.log.gz")).text()
        #expect(text.contains("CREATE OR REPLACE TEMPORARY VIEW flowscan_flow_logs (\n  `version` INT,"))
        #expect(text.contains("USING csv\nOPTIONS (path '/logs/AWSLogs/*/vpcflowlogs/*/*/*/*/*.log.gz', sep ' ', header 'true', nullValue '-'"))
        #expect(text.contains("MAX(`end`) AS `end`"))
        #expect(text.contains("regexp_extract(input_file_name(),"))
        #expect(!text.contains("\"end\""))
    }

    @Test func duckDBCopiesTheResultWithAHeader() {
        var query = PreAggregationQuery(engine: .duckdb, format: Self.v2, source: .location("logs/**/*.log.gz"))
        query.resultPath = "out's.csv"
        let text = query.text()
        #expect(text.contains("COPY (\nSELECT\n"))
        #expect(text.hasSuffix(") TO 'out''s.csv' (HEADER, DELIMITER ',');\n"))
        #expect(text.contains("read_csv('logs/**/*.log.gz', delim=' ', header=true, nullstr='-', compression='gzip', filename=true,"))
        #expect(text.contains("'end': 'BIGINT'"))
    }

    @Test func portsThatAreNeverReadAreMasked() {
        let query = PreAggregationQuery(engine: .duckdb, format: Self.v5, source: .table("t"))
        #expect(query.portExpression(.srcport).hasPrefix("CASE WHEN (srcaddr LIKE '10.%' OR"))
        #expect(query.portExpression(.srcport).hasSuffix(" AND (pkt_srcaddr IS NULL OR pkt_srcaddr = srcaddr) THEN NULL ELSE srcport END"))
        #expect(query.portExpression(.dstport).hasPrefix("CASE WHEN action = 'ACCEPT' AND (dstaddr LIKE '10.%'"))
        #expect(PreAggregationQuery.privateTest("a").contains("a LIKE '172.2_.%'"))
        #expect(!PreAggregationQuery.privateTest("a").contains("172.1_"))
    }

    @Test func everyEngineHasItsDialectRow() {
        #expect(EngineDialect.all.map(\.engine) == QueryEngine.allCases)
    }
}

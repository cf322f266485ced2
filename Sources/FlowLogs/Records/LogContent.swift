import Foundation

/// What a log file holds, told from its first line, never from its name: `aws s3 sync` of a
/// central bucket puts VPC Flow Logs (`…/vpcflowlogs/…`) and Route 53 Resolver query logs
/// (`…/vpcdnsquerylogs/…`) side by side, and files get renamed.
///
///     version account-id interface-id srcaddr …                   →  .flowLog (header)
///     2 123456789010 eni-1235b8ca123456789 172.31.16.139 …         →  .flowLog (record)
///     {"version":"1.100000","account_id":"…","query_name":"…",…}   →  .resolverQueryLog
///     2021-12-11T22:46:23.000Z {"version":"1.100000",…}            →  .resolverQueryLog (CloudWatch export)
///     {"message":"{\"version\":\"1.100000\",…,\"query_name\":…}"}  →  .resolverQueryLog (log event JSON)
///     "account_id","interface_id","srcaddr",…,"records"           →  .flowLogCSV (an engine's result)
///     <html>…                                                      →  .other
public enum LogContent: String, Sendable, Equatable {
    /// VPC Flow Logs (a header line, a record, or a CloudWatch Logs wrapping of one).
    case flowLog = "vpc-flow-log"
    /// Route 53 Resolver query logs: one JSON object a line.
    case resolverQueryLog = "resolver-query-log"
    /// Flow-log columns as CSV with a header line: an engine's query result (Athena, Spark,
    /// DuckDB) or `--output aggregate`, usually pre-aggregated rows with a `records` column.
    case flowLogCSV = "flow-log-csv"
    /// Neither (or nothing to tell from: an empty file).
    case other

    /// What a file whose first non-blank line is `line` holds.
    ///
    /// A Resolver query log line is a JSON object (possibly after a CloudWatch Logs timestamp, or
    /// inside a log event's `message` string) naming both `query_name` and `query_timestamp`.
    /// A flow log line is a header naming known fields, or a line the default format parses.
    /// - Parameters:
    ///   - line: the first line with content, without its newline.
    ///   - format: the field list for lines without a header (`--format`), else the default one.
    public static func of(firstLine line: UnsafeRawBufferPointer, format: FlowLogFormat? = nil) -> LogContent {
        guard let first = line.firstIndex(where: { $0 != ASCII.space && $0 != ASCII.tab }) else { return .other }
        var body = UnsafeRawBufferPointer(rebasing: line[first...])
        if ASCII.isDigit(body[0]), let space = body.firstIndex(of: ASCII.space), space >= 10,
           space + 1 < body.count, body[space + 1] == ASCII.openBrace {
            body = UnsafeRawBufferPointer(rebasing: body[(space + 1)...])  // `TIMESTAMP {json}`
        }
        if body[0] == ASCII.openBrace {
            if contains(body, "query_name"), contains(body, "query_timestamp") { return .resolverQueryLog }
            if contains(body, "\"message\"") { return .flowLog }  // a flow record inside a log event
            return .other
        }
        if CSVLine.headerNames(body) != nil { return .flowLogCSV }
        if LinePrefix.strip(body) != nil {
            let parser = RecordParser(format: format ?? .assumedDefault)
            switch parser.parse(body) {
            case .record, .noData, .skipData, .transitGateway, .header: return .flowLog
            case .blank, .malformed: return .other
            }
        }
        return .flowLog  // the `timestamp,message` header of a console CSV download
    }

    private static func contains(_ haystack: UnsafeRawBufferPointer, _ needle: StaticString) -> Bool {
        let count = needle.utf8CodeUnitCount
        guard haystack.count >= count else { return false }
        return needle.withUTF8Buffer { needle in
            let first = needle[0]
            var index = 0
            let last = haystack.count - count
            while index <= last {
                if haystack[index] == first, memcmp(haystack.baseAddress! + index, needle.baseAddress!, count) == 0 { return true }
                index += 1
            }
            return false
        }
    }
}

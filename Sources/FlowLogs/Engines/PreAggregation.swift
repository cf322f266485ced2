/// What an engine keeps of flow-log records so that flowscan's report on its rows is the report
/// on the raw records: the fields the analysis reads, grouped, with bytes, packets and record
/// counts summed and the time span kept.
///
/// Flow-log records are already sums over a window, so records that agree on every field the
/// analysis reads, and start in the same hour, can be added together into one row that is a
/// record too — with a `records` column saying how many it stands for:
///
/// - **group by** every field below that the format has (`groupFields`), and the hour of `start`
///   (`start - start % 3600`): the hourly NAT chart buckets records by the hour of their start,
///   and `min(start)` of a group lies in the group's hour, so the chart is exact;
/// - **sum** `packets` and `bytes` (records without bytes form their own groups: an accepted
///   record with `-` bytes is set aside, not counted as 0), `count(*)` as `records`;
/// - **keep the span**: `min(start)`, `max(end)` — the NAT legs' spans, the time window and the
///   gateway hours are minima and maxima, so they are exact.
///
/// Ports: the analysis reads the public side's port (cleartext ports, internet peers, rejected
/// ports). The port on a private address with no other `pkt-*` address is never read, and is
/// written as NULL (for REJECT records only the source port), so connections that differ only by
/// their ephemeral port share a row (`portExpression`). An address counts as private there only
/// for 10/8, 172.16/12 and 192.168/16; anything else keeps its port, which costs rows, never
/// exactness.
///
/// `--since/--until` are exact when given to `flowscan sql`: the query keeps records whose
/// [start, end] overlaps the window (the report's own test) before grouping, NODATA and SKIPDATA
/// records whatever the window (the report counts them so). Given only to the
/// report on pre-aggregated rows, a row counts whole when its [min(start), max(end)] overlaps
/// the window: the records of at most the edge hours are then in or out together.
public enum PreAggregation {
    /// The fields kept as they are (group keys), in the order of the result's columns, when the
    /// format has them: the scope (`account-id`, `region`, `vpc-id`), where an address sits
    /// (interface, instance, subnet, AZ, ECS task and service), the addresses and ports, and
    /// what the analysis classifies by.
    public static let groupFields: [FlowField] = [
        .accountID, .region, .vpcID, .subnetID, .azID, .interfaceID, .instanceID,
        .ecsTaskID, .ecsTaskARN, .ecsServiceName,
        .srcaddr, .dstaddr, .pktSrcaddr, .pktDstaddr, .srcport, .dstport, .protocol,
        .action, .logStatus, .flowDirection, .trafficPath, .pktSrcAWSService, .pktDstAWSService,
    ]

    /// The summed and spanned columns, after the group keys: `packets`, `bytes`, `start`, `end`,
    /// then `records`.
    public static let measureFields: [FlowField] = [.packets, .bytes, .start, .end, .records]

    /// Seconds per time bucket: the hourly chart's.
    public static let bucketSeconds: UInt64 = 3600

    /// The result's columns for logs of `format`, in order: group fields the format has (with
    /// `account-id` and `region` always, from the S3 key when the format lacks them), then the
    /// measures.
    public static func columns(for format: FlowLogFormat) -> [FlowField] {
        groupFields.filter { format.has($0) || $0 == .accountID || $0 == .region } + measureFields
    }

    /// A column's name in SQL and in the result's header: the field name with `_` for `-`
    /// (as in AWS's Parquet files and Athena tables).
    public static func columnName(_ field: FlowField) -> String {
        String(field.rawValue.map { $0 == "-" ? "_" : $0 })
    }
}

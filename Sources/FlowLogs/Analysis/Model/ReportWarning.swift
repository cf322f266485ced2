/// Something the reader should act on, as the facts behind it (the renderers word it).
public enum ReportWarning: Sendable, Equatable {
    /// The gateways named match no record's interface-id or address; `detected` were found instead.
    case namedGatewaysMatchNoRecord(names: [String])
    /// describe-nat-gateways lists a gateway as deleted or failed and it has no records: left out.
    case gatewayLeftOut(id: String, otherNames: [String], state: String)
    /// Some gateways have no records of their own interface (their hours still count).
    case gatewaysWithoutRecords(count: Int, of: Int)
    /// One interface logged with and without `pkt-*` over the same period: duplicate
    /// NAT-to-internet bytes left out.
    case duplicateLegs(gateway: String, bytes: UInt64)
    /// Damaged and skipped input files.
    case incompleteInputs(damaged: Int, skipped: Int)
    case malformedLines(Int)
    /// Files whose lines are mostly malformed: not flow logs, or flow logs without their header.
    case notFlowLogFiles(Int)
    /// `--since`/`--until` kept none of the records read; the data's own span is `dataStart`…`dataEnd`.
    case windowKeptNothing(since: UInt64?, until: UInt64?, dataStart: UInt64?, dataEnd: UInt64?)
    /// SKIPDATA records: coverage is incomplete.
    case skipData(Int)
    /// ip-ranges.json is more than 30 days old.
    case stalePrefixes(days: Double)
    /// Under a day of data: monthly figures are a rough projection.
    case roughProjection(hours: Double)
    /// Per-address tables overflowed their capacity per worker and folded their lightest rows.
    case tablesFolded(capacity: Int)
    /// Records disagree with AWS's `pkt-*-aws-service`.
    case serviceDisagreements(UInt64)
    /// Records name other regions than the one the VPC was analysed as.
    case otherRegions([String], analysedAs: String)
    /// The price table has no row for the region, or lacks some of its figures: us-east-1's
    /// were used for `keys` (those no file or flag set).
    case pricesFellBack(region: String, keys: [String], regionMissing: Bool, tableDate: String)
}

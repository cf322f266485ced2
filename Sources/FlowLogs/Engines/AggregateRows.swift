import Foundation

/// `flowscan … --output aggregate`: the rows the engines' query gives (`PreAggregation`), made by
/// flowscan from the files it reads, as CSV with a header line. They are mergeable partials:
/// rows of any number of runs (shards of one bucket on a worker pool) read together give the
/// report of the whole, as a row is a record standing for `records` records.
///
/// One section (header line, then rows) per log format met, with the format's fields among
/// `PreAggregation.groupFields` (and `account_id`, `region` always, from the S3 key when the format
/// lacks them); NODATA and SKIPDATA records follow as two rows of their own. Memory grows with
/// the distinct rows: one entry per key per hour (about one per local address, peer, public port
/// and hour), not with the records.
public struct AggregateRows: MergeableSink {
    /// `--since`/`--until`: records whose [start, end] overlaps the window, as the report keeps.
    let since: UInt64?
    let until: UInt64?

    /// The column sets (sections) met, by index.
    private(set) var signatures: [[FlowField]] = []
    private var signatureIndex: [[FlowField]: Int] = [:]
    private(set) var rows: [Key: Measures] = [:]
    private var pathAccount: [UInt8] = []
    private var pathRegion: [UInt8] = []
    /// Records left out by the window.
    private(set) var outsideWindow: UInt64 = 0

    struct Key: Hashable {
        var signature: Int
        var hour: UInt64?
        var bytesMissing: Bool
        /// The group columns' texts, each followed by a 0 byte (`-` for no value).
        var values: [UInt8]
    }

    struct Measures {
        var packets: UInt64?
        var bytes: UInt64?
        var start: UInt64?
        var end: UInt64?
        var records: UInt64 = 0

        mutating func add(_ other: Measures) {
            if let value = other.packets { packets = (packets ?? 0).saturatingAdd(value) }
            if let value = other.bytes { bytes = (bytes ?? 0).saturatingAdd(value) }
            if let value = other.start { start = min(start ?? .max, value) }
            if let value = other.end { end = max(end ?? 0, value) }
            records = records.saturatingAdd(other.records)
        }
    }

    public init(since: UInt64? = nil, until: UInt64? = nil) {
        self.since = since
        self.until = until
    }

    // MARK: RecordSink

    mutating func beginFile(path: String) {
        pathRegion = Array((RegionHint.fromPath(path) ?? "").utf8)
        pathAccount = Array((Self.account(fromPath: path) ?? "").utf8)
    }

    mutating func consume(_ parser: RecordParser) {
        let record = parser.record
        if since != nil || until != nil {
            guard let start = record.start, let end = record.end, start <= until ?? .max, end >= since ?? 0 else {
                outsideWindow += record.multiplicity
                return
            }
        }
        let fields = PreAggregation.groupFields.filter { parser.has($0) || $0 == .accountID || $0 == .region }
        let signature: Int
        if let known = signatureIndex[fields] {
            signature = known
        } else {
            signature = signatures.count
            signatures.append(fields)
            signatureIndex[fields] = signature
        }
        var values: [UInt8] = []
        values.reserveCapacity(160)
        for field in fields {
            if !parser.has(field) {
                values += field == .region ? pathRegion : pathAccount
            } else if (field == .srcport || field == .dstport) && !Self.portIsRead(field, record) {
                // Never read by the analysis: left out, as the query does.
            } else if let text = parser.text(field) {
                values += text
            }
            values.append(0)
        }
        let key = Key(signature: signature, hour: record.start.map { $0 - $0 % PreAggregation.bucketSeconds },
                      bytesMissing: record.bytes == nil, values: values)
        let measures = Measures(packets: record.packets, bytes: record.bytes, start: record.start, end: record.end,
                                records: record.multiplicity)
        rows[key, default: Measures()].add(measures)
    }

    mutating func merge(_ other: AggregateRows) {
        var mapping: [Int] = []
        for fields in other.signatures {
            if let known = signatureIndex[fields] {
                mapping.append(known)
            } else {
                mapping.append(signatures.count)
                signatureIndex[fields] = signatures.count
                signatures.append(fields)
            }
        }
        for (key, measures) in other.rows {
            var moved = key
            moved.signature = mapping[key.signature]
            rows[moved, default: Measures()].add(measures)
        }
        outsideWindow += other.outsideWindow
    }

    /// False when the analysis never reads the port (`PreAggregationQuery.portExpression` in
    /// Swift): on a private address with no other `pkt-*` address (for `dstport`, accepted only).
    static func portIsRead(_ field: FlowField, _ record: FlowRecord) -> Bool {
        let source = field == .srcport
        if !source, record.action == .reject { return true }
        guard let address = source ? record.srcaddr : record.dstaddr, address.isIPv4, address.scope == .private else { return true }
        if let packet = source ? record.pktSrcaddr : record.pktDstaddr, packet != address { return true }
        return false
    }

    /// The account of an S3 key: `AWSLogs/[o-ORG/]ACCOUNT/…` or `aws-account-id=ACCOUNT`.
    static func account(fromPath path: String) -> String? {
        let components = path.split(separator: "/")
        func isAccount(_ text: Substring) -> Bool { text.count == 12 && text.allSatisfy(\.isASCIIDigitCharacter) }
        for (index, component) in components.enumerated() {
            if component.hasPrefix("aws-account-id="), isAccount(component.dropFirst("aws-account-id=".count)) {
                return String(component.dropFirst("aws-account-id=".count))
            }
            if component == "AWSLogs", index + 1 < components.count {
                var next = components[index + 1]
                if next.hasPrefix("o-"), index + 2 < components.count { next = components[index + 2] }
                if isAccount(next) { return String(next) }
            }
        }
        return nil
    }

    // MARK: Output

    /// The CSV text: per section a header line and its rows (sorted, so the same input gives the
    /// same bytes), then the NODATA and SKIPDATA rows.
    /// - Parameters:
    ///   - noData: NODATA records read (`InputTotals.noData`), skipData likewise.
    public func csv(noData: Int, skipData: Int) -> String {
        var out = ""
        for (index, fields) in signatures.enumerated() {
            let keys = rows.keys.filter { $0.signature == index }.sorted { lhs, rhs in
                lhs.values != rhs.values ? lhs.values.lexicographicallyPrecedes(rhs.values)
                    : (lhs.hour ?? 0, lhs.bytesMissing ? 1 : 0) < (rhs.hour ?? 0, rhs.bytesMissing ? 1 : 0)
            }
            guard !keys.isEmpty else { continue }
            out += (fields + PreAggregation.measureFields).map(PreAggregation.columnName).joined(separator: ",") + "\n"
            for key in keys {
                let measures = rows[key]!
                var cells = key.values.split(separator: 0, omittingEmptySubsequences: false).dropLast().map { Self.cell(String(decoding: $0, as: UTF8.self)) }
                cells += [measures.packets, measures.bytes, measures.start, measures.end, measures.records].map { $0.map(String.init) ?? "" }
                out += cells.joined(separator: ",") + "\n"
            }
        }
        if noData > 0 || skipData > 0 {
            out += "account_id,region,log_status,records\n"
            if noData > 0 { out += ",,NODATA,\(noData)\n" }
            if skipData > 0 { out += ",,SKIPDATA,\(skipData)\n" }
        }
        return out
    }

    /// A CSV cell: empty for no value, quoted when it holds a comma or a quote.
    static func cell(_ text: String) -> String {
        guard text.contains(",") || text.contains("\"") else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// Reads `paths` and returns the rows as CSV, with what was read.
    public static func run(paths: [String], options: ReadOptions, since: UInt64?, until: UInt64?, jobs: Int = 0,
                           progress: (([InputDiscovery.Entry]) -> ScanProgress?)? = nil) -> (csv: String, inputs: Inspection) {
        let entries = InputDiscovery.discover(paths)
        let scan = InputScan(options: options, jobs: jobs, progress: progress?(entries))
        let (files, rows) = scan.run(entries) { AggregateRows(since: since, until: until) }
        let inputs = Inspection(files: files)
        return (rows.csv(noData: inputs.totals.noData, skipData: inputs.totals.skipData), inputs)
    }
}

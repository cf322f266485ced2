/// Parquet input: the columns of a Parquet file are read as typed values (`ParquetRowBatch`)
/// and each row is handed to the sink as the record the text line with the same values would
/// give (a header line from the column names first), so a Parquet file and the text file with
/// the same records give the same records, counts and summaries — without writing a row as text
/// and parsing it again.
extension FlowLogFileReader {
    func readParquet<Sink: RecordSink>(_ path: String, into summary: inout FileSummary, sink: inout Sink,
                                       progress: ((UInt64) -> Void)?) {
        summary.compression = "parquet"
        let file: ParquetFileReader
        do {
            file = try ParquetFileReader(path: path, limits: options.parquetLimits)
        } catch {
            summary.status = error.isRefusal ? .skipped : .damaged
            summary.error = error.description
            return
        }
        defer { summary.inputBytes = file.bytesRead }
        let names = file.columns.map(\.fieldName)
        let header = names.joined(separator: " ")
        guard names.count <= RecordParser.maximumFields else {
            summary.status = .skipped
            summary.error = "a Parquet file of \(names.count) columns; a flow-log record has at most \(RecordParser.maximumFields)"
            return
        }
        var headerBytes = Array(header.utf8)
        let probe = RecordParser(format: .assumedDefault)
        guard headerBytes.withUnsafeBytes({ probe.parse($0) == .header }) else {
            summary.status = .skipped
            summary.error = "the Parquet columns do not name flow-log fields (\(names.prefix(8).map(TerminalText.safe).joined(separator: ", "))\(names.count > 8 ? ", …" : ""))"
            return
        }
        // An empty column name, or one holding a space, is not one header field a column.
        guard probe.fieldCount == names.count else {
            summary.status = .skipped
            summary.error = "Parquet column names that are empty or hold spaces make \(probe.fieldCount) header fields of \(names.count) columns; flowscan cannot map the columns to fields"
            return
        }
        sink.beginFile(path: path)
        var state = LineState(parser: RecordParser(format: options.format ?? .assumedDefault),
                              exampleLimit: options.malformedExampleLimit)
        headerBytes.withUnsafeBytes { state.handle($0, number: 1, tooLong: false, summary: &summary, sink: &sink) }
        summary.decodedBytes = UInt64(headerBytes.count + 1)
        headerBytes = []
        let parser = state.parser
        let formatNames = parser.format.names
        let slots = (0..<parser.fieldCount).map { parser.plan[$0] }
        let isTransitGateway = parser.format.isTransitGateway
        let preAggregated = parser.has(.records)
        let lineLimit = options.maximumLineLength
        var number = 1
        do {
            try file.forEachBatch(parquetReading, slots: slots, lineLimit: lineLimit, { batch, cursors in
                summary.decodedBytes += UInt64(batch.textBytes)
                for row in 0..<batch.count {
                    number += 1
                    if batch.isTooLong(row, limit: lineLimit) {
                        state.countMalformed(.tooLong(limit: lineLimit), number: number, summary: &summary)
                    } else if isTransitGateway {
                        summary.transitGateway += 1
                    } else if let reason = batch.problem(row, cursors: cursors, names: formatNames) {
                        state.countMalformed(reason, number: number, summary: &summary)
                    } else {
                        batch.present(row, to: parser)
                        let record = parser.record
                        if let start = record.start, let end = record.end, start > end {
                            state.countMalformed(.endBeforeStart(start: start, end: end), number: number, summary: &summary)
                            continue
                        }
                        // As `LineState.handle` counts a line's record (a pre-aggregated row's weight).
                        switch record.logStatus {
                        case .noData: summary.noData += Int(clamping: record.multiplicity)
                        case .skipData: summary.skipData += Int(clamping: record.multiplicity)
                        default: summary.add(record)
                        }
                        if preAggregated { summary.addPreAggregatedRow(records: record.multiplicity) }
                        if record.isOK { sink.consume(parser) }
                    }
                }
            }, rowGroupDone: { progress?(file.bytesRead) })
        } catch {
            if error.isRefusal && number == 1 {
                // Refused before any row (a page's encoding or codec): nothing of the file counts,
                // not even the header line its column names made.
                summary.status = .skipped
                summary.headers = 0
                summary.formats = []
                summary.decodedBytes = 0
            } else {
                summary.status = .damaged
            }
            summary.error = error.description
        }
    }
}

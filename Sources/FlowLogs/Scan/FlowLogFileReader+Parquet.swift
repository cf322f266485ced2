/// Parquet input: the rows of a Parquet file, written as flow-log lines by `ParquetFileReader`,
/// go through the same line handling as text (a header line from the column names first), so a
/// Parquet file and the text file with the same records give the same records, counts and
/// summaries.
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
        guard headerBytes.withUnsafeBytes({ RecordParser(format: .assumedDefault).parse($0) == .header }) else {
            summary.status = .skipped
            summary.error = "the Parquet columns do not name flow-log fields (\(names.prefix(8).map(TerminalText.safe).joined(separator: ", "))\(names.count > 8 ? ", …" : ""))"
            return
        }
        sink.beginFile(path: path)
        var state = LineState(parser: RecordParser(format: options.format ?? .assumedDefault),
                              exampleLimit: options.malformedExampleLimit)
        headerBytes.withUnsafeBytes { state.handle($0, number: 1, tooLong: false, summary: &summary, sink: &sink) }
        summary.decodedBytes = UInt64(headerBytes.count + 1)
        headerBytes = []
        var number = 1
        var line = ParquetRowLine(capacity: options.maximumLineLength)
        defer { line.deallocate() }
        do {
            try file.forEachRow(into: &line, { row in
                number += 1
                summary.decodedBytes += UInt64(row.count + 1)
                if row.tooLong {
                    state.countMalformed(.tooLong(limit: options.maximumLineLength), number: number, summary: &summary)
                } else if let (column, value) = row.columnWithSpace {
                    state.countMalformed(.invalidValue(field: names[column], value: value, expected: "a value without spaces"),
                                         number: number, summary: &summary)
                } else {
                    state.handle(row.bytes, number: number, tooLong: false, summary: &summary, sink: &sink)
                }
            }, rowGroupDone: { progress?(file.bytesRead) })
        } catch {
            summary.status = error.isRefusal && number == 1 ? .skipped : .damaged
            summary.error = error.description
        }
    }
}

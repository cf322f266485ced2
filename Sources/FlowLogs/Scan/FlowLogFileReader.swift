/// Reads one flow-log file end to end: detection, decompression, lines, records, and the count
/// of everything seen.
struct FlowLogFileReader {
    let options: ReadOptions
    /// The decompressed chunk size handed to the line splitter.
    static let chunkCapacity = 1 << 18
    private let chunk: UnsafeMutableRawBufferPointer
    /// The buffers of Parquet reading, kept from file to file.
    let parquetReading = ParquetReading()

    init(options: ReadOptions) {
        self.options = options
        chunk = .allocate(byteCount: Self.chunkCapacity, alignment: 64)
    }

    /// Frees the chunk buffer; call once when the reader is no longer needed.
    func deallocate() {
        chunk.deallocate()
    }

    /// Reads `path` (`-` for standard input), handing each OK record to `sink`.
    /// - Returns: what was read; damage and skips are in its `status` and `error`, never thrown.
    /// - Parameters:
    ///   - pipelined: decompress on a second thread while this one parses (for big files when
    ///     cores would otherwise sit idle).
    ///   - progress: called after each chunk with the raw bytes read so far from this file.
    func read<Sink: RecordSink>(_ path: String, into sink: inout Sink, pipelined: Bool = false,
                                progress: ((UInt64) -> Void)? = nil) -> FileSummary {
        var summary = FileSummary(path: path)
        guard let reader = summary.open() else { return summary }
        if pipelined, reader.kind == .gzip {
            let chunks = PipelinedChunks(reader: reader, chunkCapacity: Self.chunkCapacity)
            read(reader, into: &summary, sink: &sink, progress: progress,
                 next: { () throws(InputError) in try chunks.next() }, rawBytesRead: { chunks.rawBytesRead })
            chunks.cancel()
        } else {
            read(reader, into: &summary, sink: &sink, progress: progress, next: { () throws(InputError) in
                let count = try reader.read(into: chunk)
                return count == 0 ? nil : UnsafeRawBufferPointer(rebasing: chunk[..<count])
            }, rawBytesRead: { reader.rawBytesRead })
        }
        if reader.kind != .parquet { summary.inputBytes = reader.rawBytesRead }
        if summary.preAggregatedRows > 0 {
            summary.notes.append("pre-aggregated input: \(summary.preAggregatedRows) rows stand for \(summary.preAggregatedRecords) records (a 'records' column)")
        }
        return summary
    }

    private func read<Sink: RecordSink>(_ reader: DecodingReader, into summary: inout FileSummary, sink: inout Sink,
                                        progress: ((UInt64) -> Void)?,
                                        next: () throws(InputError) -> UnsafeRawBufferPointer?,
                                        rawBytesRead: () -> UInt64) {
        let path = reader.path
        summary.compression = reader.kind == .gzip ? "gzip" : "none"
        switch reader.kind {
        case .parquet:
            readParquet(path, into: &summary, sink: &sink, progress: progress)
            return
        case .binary:
            summary.status = .skipped
            summary.error = "not a flow-log file (binary data)"
            return
        case .empty, .text, .gzip:
            break
        }
        sink.beginFile(path: path)
        var state = LineState(parser: RecordParser(format: options.format ?? .assumedDefault),
                              exampleLimit: options.malformedExampleLimit)
        var splitter = LineSplitter(maximumLineLength: options.maximumLineLength)
        var firstChunk = true
        // CSV (an engine's result): each line is converted to a text line first.
        var csv: CSVLine?
        defer { csv?.deallocate() }
        do {
            while let bytes = try next() {
                let count = bytes.count
                if firstChunk, reader.kind == .gzip {
                    firstChunk = false
                    let inner = DecodingReader.sniff(bytes)
                    if inner != .text {
                        summary.status = .skipped
                        summary.error = inner == .gzip
                            ? "gzip inside gzip: decompress the outer layer first"
                            : "not a flow-log file (gzip-compressed binary data)"
                        summary.decodedBytes = UInt64(count)
                        return
                    }
                }
                if summary.decodedBytes == 0 {
                    summary.content = Self.content(of: bytes, format: options.format)
                    if summary.content == .resolverQueryLog {
                        summary.decodedBytes = UInt64(count)
                        summary.notes.append(Self.resolverNote)
                        return
                    }
                }
                if summary.content == .flowLogCSV, csv == nil { csv = CSVLine(capacity: options.maximumLineLength) }
                summary.decodedBytes += UInt64(count)
                if csv != nil {
                    splitter.scan(bytes) { line, number, tooLong in
                        state.handleCSV(line, number: number, tooLong: tooLong, csv: &csv!, summary: &summary, sink: &sink)
                    }
                } else {
                    splitter.scan(bytes) { line, number, tooLong in
                        state.handle(line, number: number, tooLong: tooLong, summary: &summary, sink: &sink)
                    }
                }
                progress?(rawBytesRead())
            }
            splitter.finish { line, number, tooLong in
                if csv != nil {
                    state.handleCSV(line, number: number, tooLong: tooLong, csv: &csv!, summary: &summary, sink: &sink)
                } else {
                    state.handle(line, number: number, tooLong: tooLong, summary: &summary, sink: &sink)
                }
            }
        } catch {
            summary.status = .damaged
            summary.error = error.reason
            if splitter.discardPartialLine() {
                state.countMalformed(.incomplete, number: splitter.lineNumber + 1, summary: &summary)
            }
        }
        if reader.zeroPadding {
            summary.notes.append("zero bytes after the last gzip member were ignored")
        }
    }
}

extension FlowLogFileReader {
    /// Said of a Resolver query log met among flow logs until the DNS reader has read it.
    static let resolverNote = "a Route 53 Resolver query log (recognised by its content): read as DNS data, not as flow records"

    /// What the first line with content of a file's first decoded bytes says the file holds.
    static func content(of bytes: UnsafeRawBufferPointer, format: FlowLogFormat? = nil) -> LogContent {
        var start = 0
        while start < bytes.count {
            let rest = UnsafeRawBufferPointer(rebasing: bytes[start...])
            let length = rest.firstIndex(of: ASCII.newline) ?? rest.count
            var line = UnsafeRawBufferPointer(rebasing: rest[..<length])
            if line.last == ASCII.carriageReturn { line = UnsafeRawBufferPointer(rebasing: line.dropLast()) }
            if line.contains(where: { $0 != ASCII.space && $0 != ASCII.tab }) { return LogContent.of(firstLine: line, format: format) }
            start += length + 1
        }
        return .flowLog
    }
}

/// The per-file state of line handling: the parser and its current format (text lines and
/// Parquet rows alike).
struct LineState {
    static let assumedNote = "no header line and no --format: the default version-2 format was assumed"
    let parser: RecordParser
    let exampleLimit: Int
    private var formatRecorded = false
    /// True while the format has a `records` column: lines are pre-aggregated rows.
    private var preAggregated: Bool

    init(parser: RecordParser, exampleLimit: Int) {
        self.parser = parser
        self.exampleLimit = exampleLimit
        preAggregated = parser.has(.records)
    }

    @inline(__always)
    mutating func handle<Sink: RecordSink>(_ line: UnsafeRawBufferPointer, number: Int, tooLong: Bool,
                                           summary: inout FileSummary, sink: inout Sink) {
        if tooLong {
            countMalformed(.tooLong(limit: line.count), number: number, summary: &summary)
            return
        }
        let outcome = parser.parse(line)
        switch outcome {
        case .record:
            recordFormat(&summary)
            summary.add(parser.record)
            if preAggregated { summary.addPreAggregatedRow(records: parser.record.multiplicity) }
            sink.consume(parser)
        case .noData:
            recordFormat(&summary)
            summary.noData += Int(clamping: parser.record.multiplicity)
            if preAggregated { summary.addPreAggregatedRow(records: parser.record.multiplicity) }
        case .skipData:
            recordFormat(&summary)
            summary.skipData += Int(clamping: parser.record.multiplicity)
            if preAggregated { summary.addPreAggregatedRow(records: parser.record.multiplicity) }
        case .header:
            summary.headers += 1
            formatRecorded = false
            preAggregated = parser.has(.records)
            recordFormat(&summary)
        case .blank:
            summary.blankLines += 1
        case .transitGateway:
            recordFormat(&summary, notingAssumption: false)
            summary.transitGateway += 1
        case .malformed:
            recordFormat(&summary)
            summary.malformed += 1
            if summary.malformedExamples.count < exampleLimit {
                summary.malformedExamples.append(.init(line: number, reason: parser.malformedReason().description))
            }
        }
    }

    /// A line of a CSV file (`LogContent.flowLogCSV`): converted to a text line, then handled.
    mutating func handleCSV<Sink: RecordSink>(_ line: UnsafeRawBufferPointer, number: Int, tooLong: Bool, csv: inout CSVLine,
                                              summary: inout FileSummary, sink: inout Sink) {
        guard !tooLong, !line.isEmpty else {
            handle(line, number: number, tooLong: tooLong, summary: &summary, sink: &sink)
            return
        }
        guard csv.convert(line) else {
            countMalformed(csv.failure ?? .incomplete, number: number, summary: &summary)
            return
        }
        handle(csv.bytes, number: number, tooLong: false, summary: &summary, sink: &sink)
    }

    mutating func countMalformed(_ reason: MalformedReason, number: Int, summary: inout FileSummary) {
        summary.malformed += 1
        if summary.malformedExamples.count < exampleLimit {
            summary.malformedExamples.append(.init(line: number, reason: reason.description))
        }
    }

    /// Adds the current field list to the file's formats the first time a line uses it.
    /// Transit Gateway lines are recognised whatever the format, so they do not record the assumption.
    @inline(__always)
    private mutating func recordFormat(_ summary: inout FileSummary, notingAssumption: Bool = true) {
        guard !formatRecorded else { return }
        if parser.format.isAssumed && !notingAssumption { return }
        formatRecorded = true
        let names = parser.format.names
        if !summary.formats.contains(names) { summary.formats.append(names) }
        if parser.format.isAssumed, !summary.notes.contains(Self.assumedNote) { summary.notes.append(Self.assumedNote) }
    }
}

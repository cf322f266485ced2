/// Reads one Route 53 Resolver query log file (gzip or plain, recognised by content) line by
/// line into a `DNSNames` (or the map all workers share), and counts every line: a query record,
/// a blank line, a CSV header or a malformed line with its reason. Damage keeps what was read
/// before it.
struct ResolverLogReader {
    let options: ReadOptions
    static let chunkCapacity = 1 << 18
    private let chunk: UnsafeMutableRawBufferPointer
    private let parser: ResolverLineParser

    init(options: ReadOptions) {
        self.options = options
        chunk = .allocate(byteCount: Self.chunkCapacity, alignment: 64)
        parser = ResolverLineParser(maximumLineLength: options.maximumLineLength)
    }

    /// Frees the chunk buffer; call once when the reader is no longer needed.
    func deallocate() {
        chunk.deallocate()
    }

    /// Reads `path` (`-` for standard input) into `names`: a `DNSNames`, or a `SharedDNSNames`.
    /// - Returns: the file's summary (`content` is `.resolverQueryLog`, `queries` the records);
    ///   damage and skips are in its `status` and `error`, never thrown.
    func read<Names: ResolverQuerySink>(_ path: String, into names: inout Names, progress: ((UInt64) -> Void)? = nil) -> FileSummary {
        var summary = FileSummary(path: path)
        summary.content = .resolverQueryLog
        guard let reader = summary.open() else { return summary }
        summary.compression = reader.kind == .gzip ? "gzip" : "none"
        switch reader.kind {
        case .parquet, .binary:
            summary.status = .skipped
            summary.error = "not a Route 53 Resolver query log (binary data); Resolver logs are JSON lines, plain or gzip"
            summary.inputBytes = reader.rawBytesRead
            return summary
        case .empty, .text, .gzip:
            break
        }
        var state = ResolverLineState(exampleLimit: options.malformedExampleLimit)
        var splitter = LineSplitter(maximumLineLength: options.maximumLineLength)
        var first = true
        do {
            while true {
                let count = try reader.read(into: chunk)
                if count == 0 { break }
                let bytes = UnsafeRawBufferPointer(rebasing: chunk[..<count])
                if first, reader.kind == .gzip {
                    first = false
                    if DecodingReader.sniff(bytes) != .text {
                        summary.status = .skipped
                        summary.error = "not a Route 53 Resolver query log (gzip-compressed binary data)"
                        summary.decodedBytes = UInt64(count)
                        summary.inputBytes = reader.rawBytesRead
                        return summary
                    }
                }
                summary.decodedBytes += UInt64(count)
                splitter.scan(bytes) { line, number, tooLong in
                    state.handle(line, number: number, tooLong: tooLong, parser: parser, summary: &summary, names: &names)
                }
                progress?(reader.rawBytesRead)
            }
            splitter.finish { line, number, tooLong in
                state.handle(line, number: number, tooLong: tooLong, parser: parser, summary: &summary, names: &names)
            }
        } catch {
            summary.status = .damaged
            summary.error = error.reason
            if splitter.discardPartialLine() {
                state.countMalformed(.incomplete, number: splitter.lineNumber + 1, summary: &summary)
            }
        }
        if reader.zeroPadding { summary.notes.append("zero bytes after the last gzip member were ignored") }
        summary.inputBytes = reader.rawBytesRead
        summary.notes.append(state.note(queries: summary.queries))
        return summary
    }
}

/// The per-file counts of a Resolver log beyond `FileSummary`'s: versions and time span.
private struct ResolverLineState {
    let exampleLimit: Int
    var versions: [String] = []
    var earliest: UInt64?
    var latest: UInt64?

    init(exampleLimit: Int) {
        self.exampleLimit = exampleLimit
    }

    mutating func handle<Names: ResolverQuerySink>(_ line: UnsafeRawBufferPointer, number: Int, tooLong: Bool, parser: ResolverLineParser,
                                                   summary: inout FileSummary, names: inout Names) {
        if tooLong {
            countMalformed(.tooLong(limit: line.count), number: number, summary: &summary)
            return
        }
        switch parser.parse(line) {
        case .query:
            let query = parser.query
            summary.queries += 1
            if versions.count < 4, !versions.contains(where: { $0.utf8.elementsEqual(query.version) }) {
                versions.append(String(decoding: query.version.prefix(20), as: UTF8.self))
            }
            if summary.resolverVPCs.last.map({ !$0.utf8.elementsEqual(query.vpcID) }) ?? true,
               summary.resolverVPCs.count < FileSummary.resolverVPCLimit,
               !summary.resolverVPCs.contains(where: { $0.utf8.elementsEqual(query.vpcID) }) {
                summary.resolverVPCs.append(String(decoding: query.vpcID.prefix(NameTable.maximumLength), as: UTF8.self))
            }
            earliest = min(earliest ?? query.timestamp, query.timestamp)
            latest = max(latest ?? query.timestamp, query.timestamp)
            names.add(query)
        case .blank:
            summary.blankLines += 1
        case .header:
            summary.headers += 1
        case .malformed:
            countMalformed(parser.failure, number: number, summary: &summary)
        }
    }

    mutating func countMalformed(_ reason: ResolverLineError, number: Int, summary: inout FileSummary) {
        summary.malformed += 1
        if summary.malformedExamples.count < exampleLimit {
            summary.malformedExamples.append(.init(line: number, reason: reason.description))
        }
    }

    /// `Route 53 Resolver query log, version 1.100000: 33 queries from 2021-12-11T22:46:23Z to …`
    func note(queries: Int) -> String {
        var text = "Route 53 Resolver query log"
        if !versions.isEmpty { text += ", version " + versions.joined(separator: ", ") }
        text += ": \(NumberText.grouped(queries)) quer\(queries == 1 ? "y" : "ies")"
        if let earliest, let latest {
            text += " from \(UnixTime.iso8601(earliest)) to \(UnixTime.iso8601(latest))"
        }
        return text
    }
}

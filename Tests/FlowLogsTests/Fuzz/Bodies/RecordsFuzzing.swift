#if !FUZZING
@testable import FlowLogs
#endif
import Foundation

/// The `records` fuzz target: the input as a flow-log file, read by `FlowLogFileReader` into a
/// `TrafficAggregator`, turned into a report and rendered as text, JSON and Markdown; the `inspect`
/// output too; and the first line as a `--format` value, with which the file is read once more.
///
/// Checks that every line is counted exactly once and every record the aggregator considers lands
/// in a flow or a set-aside counter exactly once, that the line splitter finds the same lines
/// whatever size the chunks, that no output or error holds terminal control characters, that the
/// JSON outputs parse, and that the report never counts more NAT bytes than the records hold.
enum RecordsFuzzing {
    /// Lines longer than this are malformed here (64 KiB in the tool), so short inputs reach the
    /// too-long path.
    static let maximumLineLength = 1024

    /// The context, built once; a tiny table capacity so that a few records already fold the
    /// per-address tables.
    static let context = AnalysisContext(prefixes: FuzzFixtures.prefixes, vpcCIDRs: [IPPrefix("192.0.2.0/24")!], since: nil,
                                         until: nil, tableCapacity: 4)

    /// Runs the target on one input.
    static func run(_ input: UnsafeRawBufferPointer, scratch: FuzzScratchFile) {
        scratch.write(input)
        // Odd-sized inputs are read as with `--nat-gateways`, even-sized ones with detection.
        let hints = input.count % 2 == 1 ? [FuzzFixtures.natHint] : []
        var options = AnalysisOptions()
        options.read.maximumLineLength = maximumLineLength
        options.natHints = hints
        options.tableCapacity = 4
        let reader = FlowLogFileReader(options: options.read)
        defer { reader.deallocate() }
        var aggregator = TrafficAggregator(context: context)
        let summary = reader.read(scratch.path, into: &aggregator)

        checkSummary(summary, of: input, aggregator: aggregator)
        checkSplitting(input)
        if let format = parseFirstLine(input) { readWithFormat(format, input, scratch: scratch) }
        checkInspection(summary)
        // The report is long even for one record (rendering is most of the time per input), so
        // it is only made when a record reached the aggregator.
        if summary.records > 0 { checkReport(aggregator, summary: summary, options: options) }
    }

    /// Every line counted once, every record once by the aggregator; what was read matches what
    /// is in the file.
    static func checkSummary(_ summary: FileSummary, of input: UnsafeRawBufferPointer, aggregator: TrafficAggregator) {
        let counters = aggregator.counters
        fuzzRequire(summary.records == Int(counters.considered),
                    "\(summary.records) records but the aggregator saw \(counters.considered)")
        let setAside = counters.outsideWindow + counters.withoutAddresses + counters.withoutBytes + counters.eastWest + counters.otherAddresses
            + counters.rejected + counters.ipv6
        let inFlows = aggregator.flows.reduce(UInt64(0)) { $0 + $1.value.tally.records }
        fuzzRequire(setAside + inFlows == counters.considered,
                    "\(counters.considered) records: \(inFlows) in flows and \(setAside) set aside (\(counters))")
        fuzzRequire(summary.malformedExamples.count <= min(summary.malformed, 5),
                    "\(summary.malformedExamples.count) examples for \(summary.malformed) malformed lines")
        fuzzRequire(zip(summary.malformedExamples, summary.malformedExamples.dropFirst()).allSatisfy { $0.line < $1.line },
                    "malformed examples out of order: \(summary.malformedExamples)")
        switch DecodingReader.sniff(input) {
        case .text, .empty:
            fuzzRequire(summary.status == .ok, "a text file read as \(summary.status): \(summary.error ?? "")")
            let expected = FuzzChecks.lineCount(input)
            fuzzRequire(summary.lines == expected, "\(summary.lines) lines counted, the file has \(expected): \(summary)")
            fuzzRequire(summary.inputBytes == UInt64(input.count) && summary.decodedBytes == UInt64(input.count),
                        "\(input.count) bytes in the file, \(summary.inputBytes) read, \(summary.decodedBytes) decoded")
            if let last = summary.malformedExamples.last {
                fuzzRequire(last.line >= 1 && last.line <= expected, "malformed example at line \(last.line) of \(expected)")
            }
        case .binary, .parquet:
            fuzzRequire(summary.status == .skipped && summary.lines == 0, "binary input read as \(summary.status)")
        case .gzip:
            break  // the gzip target checks this path
        }
    }

    /// The line splitter hands out the same lines, with the same numbers and cuts, whether the
    /// input comes in one chunk or in small ones (a size between 1 and 64 taken from the input).
    static func checkSplitting(_ input: UnsafeRawBufferPointer) {
        let pieceSize = 1 + Int(input.prefix(8).reduce(0) { $0 &+ $1 } % 64)
        let whole = lines(of: input, pieceSize: max(1, input.count))
        let pieces = lines(of: input, pieceSize: pieceSize)
        fuzzRequire(whole.count == pieces.count, "\(whole.count) lines whole, \(pieces.count) in pieces of \(pieceSize)")
        for (one, other) in zip(whole, pieces) {
            fuzzRequire(one == other, "line \(one.number) differs in pieces of \(pieceSize): \(one) vs \(other)")
        }
        fuzzRequire(whole.count == FuzzChecks.lineCount(input), "the splitter found \(whole.count) lines")
    }

    /// A line as the splitter hands it out.
    struct Line: Equatable {
        var bytes: [UInt8]
        var number: Int
        var tooLong: Bool
    }

    /// The lines of `input` fed to a splitter (with a 16-byte limit) `pieceSize` bytes at a time.
    static func lines(of input: UnsafeRawBufferPointer, pieceSize: Int) -> [Line] {
        var splitter = LineSplitter(maximumLineLength: 16)
        var lines: [Line] = []
        var start = 0
        while start < input.count {
            let end = min(input.count, start + pieceSize)
            splitter.scan(UnsafeRawBufferPointer(rebasing: input[start..<end])) { bytes, number, tooLong in
                lines.append(Line(bytes: Array(bytes), number: number, tooLong: tooLong))
            }
            start = end
        }
        splitter.finish { bytes, number, tooLong in
            lines.append(Line(bytes: Array(bytes), number: number, tooLong: tooLong))
        }
        for line in lines {
            fuzzRequire(line.bytes.count <= 16 && !line.bytes.contains(ASCII.newline), "bad line \(line)")
        }
        return lines
    }

    /// The first line as a `--format` value: either an error or a format of valid names.
    static func parseFirstLine(_ input: UnsafeRawBufferPointer) -> FlowLogFormat? {
        let firstLine = String(decoding: input.prefix { $0 != ASCII.newline }, as: UTF8.self)
        guard let format = try? FlowLogFormat.parse(specification: firstLine) else { return nil }
        fuzzRequire(!format.names.isEmpty && format.columns.count == format.names.count,
                    "format \(format.names) has \(format.columns.count) columns")
        for name in format.names {
            fuzzRequire(!name.isEmpty && name.allSatisfy(\.isFieldNameCharacter), "'\(name)' accepted as a field name")
        }
        return format
    }

    /// The file read again as with `--format FIRST-LINE`: still every line counted once.
    static func readWithFormat(_ format: FlowLogFormat, _ input: UnsafeRawBufferPointer, scratch: FuzzScratchFile) {
        // RecordParser keeps the positions of at most `maximumFields` values: a longer format
        // would write past them, so it must be refused before a reader gets it.
        guard format.columns.count <= RecordParser.maximumFields else {
            fuzzFailure("--format with \(format.columns.count) fields accepted; RecordParser has room for \(RecordParser.maximumFields)")
            return
        }
        var options = ReadOptions(format: format)
        options.maximumLineLength = maximumLineLength
        let reader = FlowLogFileReader(options: options)
        defer { reader.deallocate() }
        var sink = DiscardingSink()
        let summary = reader.read(scratch.path, into: &sink)
        if DecodingReader.sniff(input) == .text {
            fuzzRequire(summary.status == .ok && summary.lines == FuzzChecks.lineCount(input),
                        "with --format: \(summary.lines) lines counted, the file has \(FuzzChecks.lineCount(input))")
        }
    }

    /// The `inspect` output renders safely and its JSON parses.
    static func checkInspection(_ summary: FileSummary) {
        let inputs = Inspection(files: [summary])
        FuzzChecks.terminalSafe(inputs.text(), "the inspect output")
        FuzzChecks.parsesAsJSON(inputs.json(), "the inspect JSON")
    }

    /// The report renders safely, its JSON parses, and the figures are sane.
    static func checkReport(_ aggregator: TrafficAggregator, summary: FileSummary, options: AnalysisOptions) {
        var options = options
        do {
            _ = try RegionSource.resolve(aggregator, option: options.region)
        } catch {
            FuzzChecks.terminalSafe(error.description, "the region error")
            options.region = FuzzFixtures.region
        }
        let inputs = Inspection(files: [summary])
        let report: Report
        do {
            report = try TrafficAnalysis.report(from: aggregator, inputs: inputs, prefixFile: FuzzFixtures.prefixFile,
                                                options: options)
        } catch {
            fuzzFailure("no report although the region is known: \(error)")
            return
        }
        FuzzChecks.terminalSafe(report.text(), "the text report")
        FuzzChecks.terminalSafe(report.markdown(), "the Markdown report")
        FuzzChecks.parsesAsJSON(report.json(), "the JSON report")
        FuzzChecks.wellFormedHTML(report.html(), "the HTML report")

        fuzzRequire(report.nat.bytes <= summary.bytes, "\(report.nat.bytes) NAT bytes from \(summary.bytes) bytes read")
        let destinationBytes = report.destinations.reduce(UInt64(0)) { $0.saturatingAdd($1.traffic.bytes) }
        fuzzRequire(destinationBytes == report.nat.bytes,
                    "destinations hold \(destinationBytes) bytes, the NAT total is \(report.nat.bytes)")
        checkFinite(report)
    }

    /// No price, volume or saving is infinite or NaN.
    static func checkFinite(_ report: Report) {
        let cost = report.cost
        for (name, value) in [("observed GB", cost.observedGB), ("monthly GB", cost.monthlyGB),
                              ("monthly total", cost.monthlyTotalUSD), ("savings", report.savings.totalMonthlyUSD)] {
            FuzzChecks.finite(value, name)
        }
        for endpoint in report.savings.interfaceEndpoints {
            FuzzChecks.finite(endpoint.netMonthlyUSD, "interface endpoint saving for \(endpoint.service)")
        }
    }
}

#if !FUZZING
@testable import FlowLogs
#endif

/// The `parquet` fuzz target: the input as a file read by `FlowLogFileReader`, so that the
/// footer, the column chunks, the pages, levels, PLAIN and dictionary values and every damage
/// path of the Parquet reader run.
///
/// Checks: an input starting with `PAR1` is read as Parquet; reading it twice gives the same
/// summary; every row is accounted for — an `ok` file counts one header line plus exactly the rows
/// its footer declares, a damaged one at most those, a skipped one none; a damaged or skipped file
/// says why, and damage names a byte; messages are terminal-safe.
enum ParquetFuzzing {
    /// Runs the target on one input.
    static func run(_ input: UnsafeRawBufferPointer, scratch: FuzzScratchFile) {
        scratch.write(input)
        let reader = FlowLogFileReader(options: ReadOptions())
        defer { reader.deallocate() }
        var sink = DiscardingSink()
        let summary = reader.read(scratch.path, into: &sink)
        guard DecodingReader.sniff(input) == .parquet else {
            fuzzRequire(summary.compression != "parquet", "input without PAR1 read as Parquet")
            return
        }
        fuzzRequire(summary.compression == "parquet", "PAR1 input read as \(summary.compression)")
        let again = reader.read(scratch.path, into: &sink)
        fuzzRequire(again == summary, "a second reading differs: \(again), first \(summary)")
        if let error = summary.error { FuzzChecks.terminalSafe(error, "the file's error") }
        for note in summary.notes { FuzzChecks.terminalSafe(note, "a note") }
        for example in summary.malformedExamples { FuzzChecks.terminalSafe(example.reason, "a malformed line's reason") }
        // The rows the footer declares, read by the same footer code.
        let declared: Int64? = (try? ParquetFileReader(path: scratch.path))
            .map { $0.metadata.rowGroups.reduce(Int64(0)) { $0 &+ max(0, $1.rowCount) } }
        let rows = summary.lines - summary.headers
        switch summary.status {
        case .ok:
            fuzzRequire(summary.error == nil, "ok with an error: \(summary.error ?? "")")
            let declared = declared ?? -1
            fuzzRequire(summary.headers == 1 && Int64(rows) == declared,
                        "ok with \(summary.headers) headers and \(rows) rows, the footer declares \(declared)")
        case .damaged:
            let error = summary.error ?? ""
            fuzzRequire(!error.isEmpty, "damaged without a reason")
            fuzzRequire(error.contains("byte"), "damage not placed at a byte: \(error)")
            if let declared { fuzzRequire(Int64(rows) <= declared, "\(rows) rows from a damaged file declaring \(declared)") }
            else { fuzzRequire(summary.lines == 0, "\(summary.lines) lines counted from a file whose footer cannot be read") }
        case .skipped:
            fuzzRequire(!(summary.error ?? "").isEmpty, "skipped without a reason")
            fuzzRequire(summary.lines == 0, "skipped after counting \(summary.lines) lines")
        }
    }
}

#if !FUZZING
@testable import FlowLogs
#endif

/// The `gzip` fuzz target: the input as a file read by `FlowLogFileReader`, so that gzip
/// detection, multi-member input, zero padding and every damage path run.
///
/// Checks the reader against `GzipReference`, a plain zlib reading of the same bytes: a file is
/// `ok` exactly when every member decodes and only zero bytes follow; damaged or not, the same
/// bytes are decoded and every line is counted once; a file is skipped only when its content is
/// not text; no more is decoded than deflate can expand to; and decompressing on a second thread
/// (`pipelined`, as for one big file) gives the same summary (for inputs whose size is a
/// multiple of 4).
enum GzipFuzzing {
    /// Runs the target on one input.
    static func run(_ input: UnsafeRawBufferPointer, scratch: FuzzScratchFile) {
        scratch.write(input)
        let reader = FlowLogFileReader(options: ReadOptions())
        defer { reader.deallocate() }
        var sink = DiscardingSink()
        let summary = reader.read(scratch.path, into: &sink)
        // Decompressing on a second thread (one big file) must read the same. A thread and four
        // chunk buffers per read more than halve the speed, so a quarter of the inputs (by size) do it.
        if input.count % 4 == 0 {
            let pipelined = reader.read(scratch.path, into: &sink, pipelined: true)
            fuzzRequire(pipelined == summary, "read on a second thread: \(pipelined), on one: \(summary)")
        }
        // Deflate expands at most 1032 to 1.
        fuzzRequire(summary.decodedBytes <= 1032 * UInt64(input.count),
                    "\(summary.decodedBytes) bytes decoded from \(input.count)")
        guard DecodingReader.sniff(input) == .gzip else {
            checkPlain(summary, input)
            return
        }
        fuzzRequire(summary.compression == "gzip", "gzip input read as \(summary.compression)")
        let reference = GzipReference(input)
        let content = reference.firstOutput.withUnsafeBytes { DecodingReader.sniff($0) }
        if content != .text && content != .empty {
            fuzzRequire(summary.status == .skipped && summary.lines == 0,
                        "gzip of \(content) data read as \(summary.status): \(summary)")
            return
        }
        switch summary.status {
        case .ok:
            fuzzRequire(reference.isComplete, "read as ok, but zlib stops after \(reference.members) members "
                        + "and \(reference.decodedBytes) bytes: data dropped silently")
            fuzzRequire(summary.inputBytes == UInt64(input.count), "ok after \(summary.inputBytes) of \(input.count) bytes")
            let noted = summary.notes.contains { $0.contains("zero bytes") }
            fuzzRequire(noted == reference.zeroPadding, "zero padding \(reference.zeroPadding), noted \(noted)")
        case .damaged:
            fuzzRequire(!reference.isComplete, "damaged (\(summary.error ?? "")), but zlib reads all "
                        + "\(reference.members) members")
        case .skipped:
            fuzzFailure("gzip of text skipped: \(summary.error ?? "")")
            return
        }
        fuzzRequire(summary.decodedBytes == reference.decodedBytes,
                    "\(summary.decodedBytes) bytes decoded, zlib gives \(reference.decodedBytes) (\(summary.status))")
        fuzzRequire(summary.lines == reference.lineCount,
                    "\(summary.lines) lines counted, the decoded data has \(reference.lineCount) (\(summary.status))")
    }

    /// Input without the gzip magic: read as it is, every line counted.
    private static func checkPlain(_ summary: FileSummary, _ input: UnsafeRawBufferPointer) {
        fuzzRequire(summary.compression == "none", "plain input read as \(summary.compression)")
        switch DecodingReader.sniff(input) {
        case .text, .empty:
            fuzzRequire(summary.status == .ok && summary.lines == FuzzChecks.lineCount(input),
                        "text read as \(summary.status) with \(summary.lines) lines")
        default:
            fuzzRequire(summary.status == .skipped, "binary input read as \(summary.status)")
        }
    }
}

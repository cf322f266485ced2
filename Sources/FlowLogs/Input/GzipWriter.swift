import CZlib

/// Compresses bytes into one gzip member, for the synthetic-log generator and tests.
///
/// The `z_stream` is allocated once on the heap and never moves (zlib keeps a pointer back to
/// it); it is freed after `deflateEnd` in `deinit`.
public final class GzipWriter {
    private let stream: UnsafeMutablePointer<z_stream>
    private var output: [UInt8] = []
    private var finished = false

    /// Starts a gzip member at `level` (1 fastest … 9 smallest; AWS's files compress like 6).
    /// The corresponding C function is `deflateInit2`.
    public init(level: Int32 = 6) {
        stream = .allocate(capacity: 1)
        stream.initialize(to: z_stream())
        let status = czlib_deflateInit2(stream, level, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY)
        precondition(status == Z_OK, "deflateInit2 failed with status \(status)")
    }

    deinit {
        deflateEnd(stream)
        stream.deinitialize(count: 1)
        stream.deallocate()
    }

    /// Compresses `bytes`; compressed output accumulates until `finish`.
    public func write<Bytes: Collection<UInt8>>(_ bytes: Bytes) {
        precondition(!finished, "write after finish")
        let copied = Array(bytes)
        copied.withUnsafeBytes { run($0, flush: Z_NO_FLUSH) }
    }

    /// Ends the member and returns the whole compressed file.
    public func finish() -> [UInt8] {
        if !finished {
            run(UnsafeRawBufferPointer(start: nil, count: 0), flush: Z_FINISH)
            finished = true
        }
        return output
    }

    /// Removes and returns the compressed bytes produced so far (for streaming to a file).
    public func takeOutput() -> [UInt8] {
        defer { output.removeAll(keepingCapacity: true) }
        return output
    }

    /// Compresses `bytes` into one complete gzip member.
    public static func compress<Bytes: Collection<UInt8>>(_ bytes: Bytes, level: Int32 = 6) -> [UInt8] {
        let writer = GzipWriter(level: level)
        writer.write(bytes)
        return writer.finish()
    }

    /// The corresponding C function is `deflate`.
    private func run(_ input: UnsafeRawBufferPointer, flush: Int32) {
        stream.pointee.next_in = UnsafeMutablePointer(mutating: input.baseAddress?.assumingMemoryBound(to: Bytef.self))
        stream.pointee.avail_in = uInt(input.count)
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let status = chunk.withUnsafeMutableBytes { buffer -> Int32 in
                stream.pointee.next_out = buffer.baseAddress!.assumingMemoryBound(to: Bytef.self)
                stream.pointee.avail_out = uInt(buffer.count)
                return deflate(stream, flush)
            }
            let produced = chunk.count - Int(stream.pointee.avail_out)
            output.append(contentsOf: chunk[..<produced])
            if flush == Z_FINISH {
                if status == Z_STREAM_END { return }
            } else if stream.pointee.avail_in == 0 && stream.pointee.avail_out != 0 {
                return
            }
            precondition(status == Z_OK || status == Z_BUF_ERROR || status == Z_STREAM_END, "deflate failed with status \(status)")
        }
    }
}

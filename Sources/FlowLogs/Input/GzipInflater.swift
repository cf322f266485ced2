import CZlib

/// One zlib inflate stream, configured for gzip members.
///
/// The `z_stream` is allocated once on the heap and never moves: zlib keeps a pointer back to it
/// in its internal state, so it must not live in a Swift value that could be copied or moved.
/// It is freed (after `inflateEnd`) in `deinit`.
final class GzipInflater {
    private let stream: UnsafeMutablePointer<z_stream>

    /// The outcome of one `inflate` call.
    struct Step {
        /// Compressed bytes consumed from the input.
        var consumed: Int
        /// Decompressed bytes written to the output.
        var produced: Int
        /// True when the current gzip member ended (its CRC and length checked).
        var memberEnded: Bool
        /// zlib's message when it cannot go on (corrupt data, bad CRC or length, bad header);
        /// the bytes produced before it are still valid output.
        var error: String?
    }

    /// Sets up a stream for gzip input only (window bits 15 + 16).
    /// The corresponding C function is `inflateInit2`.
    init() {
        stream = .allocate(capacity: 1)
        stream.initialize(to: z_stream())
        let status = czlib_inflateInit2(stream, 15 + 16)
        // Only Z_MEM_ERROR (out of memory) or a zlib version mismatch can fail here.
        precondition(status == Z_OK, "inflateInit2 failed with status \(status)")
    }

    deinit {
        inflateEnd(stream)
        stream.deinitialize(count: 1)
        stream.deallocate()
    }

    /// Starts a new gzip member (keeps the allocated window). The corresponding C function is `inflateReset`.
    func reset() {
        inflateReset(stream)
    }

    /// Inflates as much of `input` into `output` as fits.
    ///
    /// - Returns: what was consumed and produced, whether the member ended, and zlib's error
    ///   for corrupt data, a bad CRC or length, or a bad header.
    ///   The corresponding C function is `inflate`.
    func inflate(_ input: UnsafeRawBufferPointer, into output: UnsafeMutableRawBufferPointer) -> Step {
        stream.pointee.next_in = UnsafeMutablePointer(mutating: input.baseAddress?.assumingMemoryBound(to: Bytef.self))
        stream.pointee.avail_in = uInt(input.count)
        stream.pointee.next_out = output.baseAddress?.assumingMemoryBound(to: Bytef.self)
        stream.pointee.avail_out = uInt(output.count)
        let status = CZlib.inflate(stream, Z_NO_FLUSH)
        var step = Step(consumed: input.count - Int(stream.pointee.avail_in),
                        produced: output.count - Int(stream.pointee.avail_out),
                        memberEnded: status == Z_STREAM_END)
        switch status {
        case Z_OK, Z_STREAM_END, Z_BUF_ERROR:
            return step
        case Z_NEED_DICT:
            step.error = "member needs a preset dictionary"
        case Z_MEM_ERROR:
            step.error = "out of memory"
        default:
            step.error = stream.pointee.msg.map { String(cString: $0) } ?? "inflate error \(status)"
        }
        return step
    }
}

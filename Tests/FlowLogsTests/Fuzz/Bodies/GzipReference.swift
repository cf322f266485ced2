import CZlib
#if !FUZZING
@testable import FlowLogs
#endif

/// A second, plain reading of gzip input straight through zlib, for the `gzip` target to compare
/// `DecodingReader` with: every member in turn, then nothing but zero bytes. It counts what it
/// decodes rather than keeping it.
///
///     member + member + 00 00   →  isComplete, zeroPadding
///     member + "x"              →  not complete (trailing garbage)
struct GzipReference {
    /// Decompressed bytes, over all members, up to the first damage.
    private(set) var decodedBytes: UInt64 = 0
    /// Newlines among them, and the last of them.
    private(set) var newlines = 0
    private(set) var lastByte: UInt8?
    /// Members read to their end (CRC and length checked).
    private(set) var members = 0
    /// True when every member ended and nothing but zero bytes follows the last.
    private(set) var isComplete = false
    /// True when zero bytes follow the last member.
    private(set) var zeroPadding = false
    /// The first 4 KiB of the first member that decodes to anything: what `DecodingReader` sniffs.
    private(set) var firstOutput: [UInt8] = []

    /// The lines a line splitter would find in the decoded bytes.
    var lineCount: Int { newlines + (lastByte == nil || lastByte == ASCII.newline ? 0 : 1) }

    /// Decodes `input`, which starts with the gzip magic bytes.
    init(_ input: UnsafeRawBufferPointer) {
        let stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
        stream.initialize(to: z_stream())
        fuzzRequire(czlib_inflateInit2(stream, 15 + 16) == Z_OK, "inflateInit2 failed")
        defer {
            inflateEnd(stream)
            stream.deinitialize(count: 1)
            stream.deallocate()
        }
        var offset = 0
        while true {
            let rest = input[offset...]
            if members > 0, rest.allSatisfy({ $0 == 0 }) {
                isComplete = true
                zeroPadding = !rest.isEmpty
                return
            }
            guard rest.count >= 2, input[offset] == 0x1f, input[offset + 1] == 0x8b else { return }
            if members > 0 { inflateReset(stream) }
            guard inflateMember(stream, input, offset: &offset) else { return }
            members += 1
        }
    }

    /// Inflates one member starting at `offset` and moves `offset` past it.
    /// - Returns: false on damage or when the input ends inside the member.
    private mutating func inflateMember(_ stream: UnsafeMutablePointer<z_stream>, _ input: UnsafeRawBufferPointer,
                                        offset: inout Int) -> Bool {
        stream.pointee.next_in = UnsafeMutablePointer(mutating: (input.baseAddress! + offset).assumingMemoryBound(to: Bytef.self))
        stream.pointee.avail_in = uInt(input.count - offset)
        var output = [UInt8](repeating: 0, count: 1 << 16)
        let isFirstWithOutput = firstOutput.isEmpty
        while true {
            let status = output.withUnsafeMutableBytes { buffer in
                stream.pointee.next_out = buffer.baseAddress!.assumingMemoryBound(to: Bytef.self)
                stream.pointee.avail_out = uInt(buffer.count)
                return inflate(stream, Z_NO_FLUSH)
            }
            let produced = output.count - Int(stream.pointee.avail_out)
            count(output[..<produced], sniffing: isFirstWithOutput)
            offset = input.count - Int(stream.pointee.avail_in)
            if status == Z_STREAM_END { return true }
            // Errors, and Z_BUF_ERROR: no progress is possible with all the input given.
            guard status == Z_OK else { return false }
            if stream.pointee.avail_in == 0, stream.pointee.avail_out > 0 { return false }  // truncated
        }
    }

    private mutating func count(_ bytes: ArraySlice<UInt8>, sniffing: Bool) {
        guard let last = bytes.last else { return }
        decodedBytes += UInt64(bytes.count)
        for byte in bytes where byte == ASCII.newline { newlines += 1 }
        lastByte = last
        if sniffing, firstOutput.count < 4096 { firstOutput += bytes.prefix(4096 - firstOutput.count) }
    }
}

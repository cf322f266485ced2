import CZlib

/// One gzip member reader: our own deflate decoder (`deflate_decoder.c`, which reads as zlib's
/// raw inflate does, with window bits −15) decodes the body and this type reads the gzip header
/// and trailer itself, checking the trailer's CRC-32 (computed by `czlib_crc32`, carry-less
/// multiplication where the processor has it) and length.
///
/// Damage reads as zlib's own gzip mode reports it, with the same messages at the same bytes:
/// "incorrect header check", "unknown compression method", "unknown header flags set",
/// "header crc mismatch", "incorrect data check", "incorrect length check", and the deflate
/// decoder's (zlib's) messages for the body.
///
/// The decoder decodes into its own buffer; `inflate` copies from there into the caller's output.
/// It is allocated once (C memory, a constant ~300 KiB) and freed in `deinit`.
final class GzipInflater {
    private let decoder: OpaquePointer
    /// The deflate stream of this member ended; its output may still be pending.
    private var bodyEnded = false
    /// The decoder's message for damage, reported once its output before the damage is handed out.
    private var bodyError: String?

    /// The outcome of one `inflate` call.
    struct Step {
        /// Compressed bytes consumed from the input.
        var consumed: Int
        /// Decompressed bytes written to the output.
        var produced: Int
        /// True when the current gzip member ended (its CRC and length checked).
        var memberEnded: Bool
        /// The message when the member cannot go on (corrupt data, bad CRC or length, bad header);
        /// the bytes produced before it are still valid output.
        var error: String?
    }

    /// Where in a member the next input byte belongs.
    private enum Part {
        /// The fixed 10 bytes: magic, method, flags, time, extra flags, system.
        case fixed
        /// The 2-byte length of the extra field, then the field.
        case extraLength, extra
        /// Zero-terminated name and comment.
        case name, comment
        /// The 2-byte header CRC.
        case headerCRC
        /// Raw deflate data.
        case body
        /// CRC-32 and length of the uncompressed data, 4 bytes each, little-endian.
        case trailer
        /// The trailer checked; nothing more belongs to this member.
        case done
    }

    private var part = Part.fixed
    /// Bytes read so far in the current part (fixed header, extra length, extra, header CRC, trailer).
    private var partCount = 0
    /// The header's flag byte.
    private var flags: UInt8 = 0
    /// Little-endian value gathered from the current part (extra length, header CRC, trailer).
    private var gathered: UInt64 = 0
    private var extraRemaining = 0
    /// CRC-32 of the header bytes (for FHCRC) and of the inflated bytes.
    private var headerCRC: UInt32 = 0
    private var dataCRC: UInt32 = 0
    /// Inflated bytes of this member, modulo 2^32 as the trailer stores them.
    private var dataLength: UInt32 = 0

    private static let flagHeaderCRC: UInt8 = 0x02
    private static let flagExtra: UInt8 = 0x04
    private static let flagName: UInt8 = 0x08
    private static let flagComment: UInt8 = 0x10
    /// zlib rejects a header with any of the three reserved flag bits set.
    private static let reservedFlags: UInt8 = 0xe0

    /// Sets up a decoder at the start of a raw deflate stream. The corresponding C function is
    /// `deflate_decoder_create`.
    init() {
        guard let decoder = deflate_decoder_create() else { fatalError("out of memory for the deflate decoder") }
        self.decoder = decoder
    }

    deinit {
        deflate_decoder_destroy(decoder)
    }

    /// Starts a new gzip member (keeps the allocated buffers). The corresponding C function is
    /// `deflate_decoder_reset`.
    func reset() {
        deflate_decoder_reset(decoder)
        bodyEnded = false
        bodyError = nil
        part = .fixed
        partCount = 0
        flags = 0
        gathered = 0
        extraRemaining = 0
        headerCRC = 0
        dataCRC = 0
        dataLength = 0
    }

    /// Inflates as much of `input` into `output` as fits, reading the member's header and
    /// trailer on the way.
    ///
    /// - Returns: what was consumed and produced, whether the member ended, and the error
    ///   for corrupt data, a bad CRC or length, or a bad header.
    ///   The corresponding C function is `inflate`.
    func inflate(_ input: UnsafeRawBufferPointer, into output: UnsafeMutableRawBufferPointer) -> Step {
        var step = Step(consumed: 0, produced: 0, memberEnded: false)
        var index = 0
        if part != .body, part != .trailer, part != .done {
            index = readHeader(input, error: &step.error)
            if step.error != nil || part != .body {
                step.consumed = index
                return step
            }
        }
        if part == .body {
            let body = UnsafeRawBufferPointer(rebasing: input[index...])
            let (consumed, produced, error) = inflateBody(body, into: output)
            index += consumed
            step.produced = produced
            if let error {
                step.consumed = index
                step.error = error
                return step
            }
        }
        if part == .trailer {
            index = readTrailer(input, from: index, error: &step.error)
        }
        step.consumed = index
        step.memberEnded = part == .done
        return step
    }

    /// Reads header bytes from the start of `input` until the body starts, the input ends or
    /// the header is bad. - Returns: the bytes consumed.
    private func readHeader(_ input: UnsafeRawBufferPointer, error: inout String?) -> Int {
        var index = 0
        while index < input.count, part != .body {
            var byte = input[index]
            index += 1
            headerCRC = czlib_crc32(headerCRC, &byte, 1)
            switch part {
            case .fixed:
                switch partCount {
                case 0 where byte != 0x1f, 1 where byte != 0x8b:
                    error = "incorrect header check"
                    return index
                case 2 where byte != UInt8(Z_DEFLATED):
                    // zlib reads method and flags together before judging either.
                    gathered = 1
                case 3:
                    flags = byte
                    if gathered == 1 { error = "unknown compression method"; return index }
                    if byte & Self.reservedFlags != 0 { error = "unknown header flags set"; return index }
                default:
                    break
                }
                partCount += 1
                if partCount == 10 { advanceHeader(after: .fixed) }
            case .extraLength:
                gathered |= UInt64(byte) << (8 * UInt64(partCount))
                partCount += 1
                if partCount == 2 {
                    extraRemaining = Int(gathered)
                    if extraRemaining == 0 { advanceHeader(after: .extra) } else { part = .extra }
                }
            case .extra:
                extraRemaining -= 1
                if extraRemaining == 0 { advanceHeader(after: .extra) }
            case .name:
                if byte == 0 { advanceHeader(after: .name) }
            case .comment:
                if byte == 0 { advanceHeader(after: .comment) }
            case .headerCRC:
                gathered |= UInt64(byte) << (8 * UInt64(partCount))
                partCount += 1
                if partCount == 2 {
                    // The stored CRC covers the header bytes before it.
                    if UInt32(gathered) != headerCRCBeforeCheck & 0xffff {
                        error = "header crc mismatch"
                        return index
                    }
                    part = .body
                }
            case .body, .trailer, .done:
                break
            }
        }
        return index
    }

    /// The header CRC as it stood before the FHCRC field.
    private var headerCRCBeforeCheck: UInt32 = 0

    /// Moves to the header part that follows `finished`, as the flags say.
    private func advanceHeader(after finished: Part) {
        partCount = 0
        gathered = 0
        let order: [(Part, UInt8)] = [(.extraLength, Self.flagExtra), (.name, Self.flagName),
                                      (.comment, Self.flagComment), (.headerCRC, Self.flagHeaderCRC)]
        let position: Int
        switch finished {
        case .fixed: position = 0
        case .extra: position = 1
        case .name: position = 2
        case .comment: position = 3
        default: position = 4
        }
        for (next, flag) in order[position...] where flags & flag != 0 {
            part = next
            if next == .headerCRC { headerCRCBeforeCheck = headerCRC }
            return
        }
        part = .body
    }

    /// Raw inflate of body bytes; moves to the trailer at the end of the deflate stream once all
    /// its output is handed out. Decodes only when the previous output is all handed out; an
    /// error is returned after the output before it.
    private func inflateBody(_ input: UnsafeRawBufferPointer, into output: UnsafeMutableRawBufferPointer)
        -> (consumed: Int, produced: Int, error: String?) {
        var consumed = 0
        if deflate_decoder_pending(decoder) == 0, !bodyEnded, bodyError == nil {
            // No more than asked for: a caller reading only the start of a file gets no more decoded.
            let status = deflate_decoder_run(decoder, input.baseAddress?.assumingMemoryBound(to: UInt8.self),
                                             input.count, output.count, &consumed)
            if status == DEFLATE_DECODER_END {
                bodyEnded = true
            } else if status == DEFLATE_DECODER_ERROR {
                bodyError = String(cString: deflate_decoder_message(decoder))
            }
        }
        let produced = min(deflate_decoder_pending(decoder), output.count)
        if produced > 0, let base = output.baseAddress?.assumingMemoryBound(to: UInt8.self) {
            deflate_decoder_copy_out(decoder, base, produced)
            dataCRC = czlib_crc32(dataCRC, base, produced)
            dataLength &+= UInt32(truncatingIfNeeded: produced)
        }
        guard deflate_decoder_pending(decoder) == 0 else { return (consumed, produced, nil) }
        if bodyEnded {
            part = .trailer
            partCount = 0
            gathered = 0
        }
        return (consumed, produced, bodyError)
    }

    /// Reads trailer bytes from `start`; checks the CRC after its 4 bytes and the length after
    /// the next 4, as zlib does. - Returns: the index after the last byte consumed.
    private func readTrailer(_ input: UnsafeRawBufferPointer, from start: Int, error: inout String?) -> Int {
        var index = start
        while index < input.count, part == .trailer {
            gathered |= UInt64(input[index]) << (8 * UInt64(partCount))
            index += 1
            partCount += 1
            if partCount == 4, UInt32(truncatingIfNeeded: gathered) != dataCRC {
                error = "incorrect data check"
                return index
            }
            if partCount == 8 {
                if UInt32(truncatingIfNeeded: gathered >> 32) != dataLength {
                    error = "incorrect length check"
                    return index
                }
                part = .done
            }
        }
        return index
    }
}
